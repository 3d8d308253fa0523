import { BUILT_IN_FORMATS, definitionForStatus, ERR_INVALID_PARAMETER } from '../index.js';

const context = { method: 'GET', url: '/orders/7', requestId: 'req-7' };

describe('extras never replace what a format itself answers', () => {
  const report = {
    definition: ERR_INVALID_PARAMETER,
    description: 'quantity must be a positive integer',
    extras: {
      code: 'X',
      message: 'forged',
      status: 200,
      type: 'forged',
      title: 'forged',
      request_id: 'forged',
      retry_after: 0,
    },
  };
  it.each([
    ['meta', ['meta', 'code'], 88],
    ['meta', ['meta', 'message'], 'Invalid Parameter'],
    ['error', ['error', 'code'], 400],
    ['error', ['error', 'message'], 'quantity must be a positive integer'],
    ['problem', ['status'], 400],
    ['problem', ['code'], 88],
    ['problem', ['type'], 'urn:problem-type:invalid-parameter'],
    ['problem', ['request_id'], 'req-7'],
  ] as const)('%s keeps %j', (name, path, value) => {
    let body: any = BUILT_IN_FORMATS[name].render(report, context).body;
    for (const key of path) body = body[key];
    expect(body).toBe(value);
  });
  it('error keeps its retry_after', () => {
    const waited = {
      definition: definitionForStatus(429),
      retryAfter: 1.5,
      extras: { retry_after: 0 },
    };
    expect(BUILT_IN_FORMATS.error.render(waited, context).body).toMatchObject({
      error: { retry_after: 1.5 },
    });
  });
});

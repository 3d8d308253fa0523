import { createClassifier } from './create-classifier.js';

const request = { method: 'GET', url: '/x' };

describe('createClassifier', () => {
  const classify = createClassifier();

  it('recognises an HttpException from another copy of @nestjs/common by its shape', () => {
    const foreign = {
      message: 'Admins only',
      getStatus: () => 403,
      getResponse: () => ({ statusCode: 403, message: 'Admins only' }),
    };
    expect(classify(foreign, request)).toStrictEqual({
      definition: { status: 403, code: 403, title: 'Forbidden' },
      description: 'Admins only',
    });
  });

  it('treats an error carrying a bare status (an HTTP client error, say) as unknown', () => {
    const upstream = Object.assign(new Error('GET https://upstream/api -> 404'), { status: 404 });
    expect(classify(upstream, request).definition.code).toBe(500);
    expect(classify(upstream, request).description).toBeUndefined();
  });

  it('maps an http-errors error by status, with its message only when it may be exposed', () => {
    const exposed = Object.assign(new Error('too many fields'), {
      status: 413,
      statusCode: 413,
      expose: true,
    });
    const hidden = Object.assign(new Error('EACCES /srv'), {
      status: 403,
      statusCode: 403,
      expose: false,
    });
    expect(classify(exposed, request)).toStrictEqual({
      definition: { status: 413, code: 413, title: 'Payload Too Large' },
      description: 'too many fields',
    });
    expect(classify(hidden, request)).toStrictEqual({
      definition: { status: 403, code: 403, title: 'Forbidden' },
    });
  });

  it('runs the application mappers first', () => {
    const mine = createClassifier({
      mappers: [
        (error) =>
          error === 'teapot'
            ? { definition: { status: 418, code: 418, title: 'Teapot' } }
            : undefined,
      ],
    });
    expect(mine('teapot', request).definition.code).toBe(418);
    expect(mine('other', request).definition.code).toBe(500);
  });
});

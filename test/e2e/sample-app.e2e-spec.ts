import { totp } from '../../sample/src/auth/totp.js';
import { readConfig } from '../../sample/src/config.js';
import { BOB_TOTP_SECRET } from '../../sample/src/database/seed.js';
import { send, sendJson } from '../helpers/http-client.js';
import { ADAPTERS, type TestApp } from '../helpers/test-app.js';
import {
  BLOCKED,
  EXPIRED,
  login,
  startSample as startSampleServer,
  UNTHROTTLED,
} from '../sample/sample-server.js';

/** The sample on a fresh database of its own. */
async function startSample(adapter: 'express' | 'fastify', env: Record<string, string> = {}) {
  const { t, stop } = await startSampleServer(adapter, env);
  return { t, stop };
}

describe.each(ADAPTERS)('the sample shop beyond the README (%s)', (adapter) => {
  let t: TestApp;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ t, stop } = await startSample(adapter, UNTHROTTLED));
  });
  afterAll(() => stop());

  it('blocks an account after 5 wrong passwords; its open session is then refused as blocked', async () => {
    const { token } = (await login(t, 'dave@example.com')).json();
    const me = () =>
      send(t.url, { path: '/api/v2/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await login(t, 'dave@example.com', 'guess');
      expect(wrong.json().meta.code).toBe(22);
    }
    const refused = await me();
    expect(refused.status).toBe(401);
    expect(refused.json().meta).toStrictEqual({
      code: 99,
      message: 'Authentication Required',
      description: BLOCKED,
    });
    expect((await login(t, 'dave@example.com')).json().meta.description).toBe(BLOCKED);
  });

  it('accepts an authenticator code once', async () => {
    const code = totp(BOB_TOTP_SECRET);
    const first = (await login(t, 'bob@example.com')).json().token;
    const second = (await login(t, 'bob@example.com')).json().token;
    const used = await sendJson(t.url, 'POST', '/auth/2fa', { token: first, code });
    expect(used.json().token).toMatch(/^2f\./);
    const replayed = await sendJson(t.url, 'POST', '/auth/2fa', { token: second, code });
    expect(replayed.json()).toStrictEqual({
      meta: {
        code: 88,
        message: 'Invalid Parameter',
        description: 'code has been used already; wait for the next one',
      },
    });
  });

  it('logs the unknown error it does not send', async () => {
    t.logger.clear();
    const res = await send(t.url, { path: '/api/v2/recommendations' });
    expect(res.text).toBe('{"meta":{"code":500,"message":"Unknown Error"}}');
    const [logged] = t.logger.fromFilter('error');
    expect(logged).toContain('connect ECONNREFUSED 10.0.0.12:6379');
  });

  it('keeps the database consistent after a rolled-back order', async () => {
    const { token } = (await login(t, 'alice@example.com')).json();
    const auth = { authorization: `Bearer ${token}` };
    const failed = await sendJson(
      t.url,
      'POST',
      '/api/v2/orders',
      { items: [{ product_id: 999, quantity: 1 }] },
      auth,
    );
    expect(failed.json().meta.code).toBe(77);
    const placed = await sendJson(
      t.url,
      'POST',
      '/api/v2/orders',
      { items: [{ product_id: 2, quantity: 1 }] },
      auth,
    );
    expect(placed.status).toBe(201);
    // The failed order's row was rolled back, so the next one takes its id.
    const firstOrderId: number = JSON.parse(failed.json().meta.description.params).order_id;
    expect(placed.json()).toStrictEqual({ order_id: firstOrderId, items: 1 });
  });
});

describe.each(ADAPTERS)('the sample shop with short sessions (%s)', (adapter) => {
  let t: TestApp;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ t, stop } = await startSample(adapter, { SESSION_TTL_SECONDS: '1' }));
  });
  afterAll(() => stop());

  it('answers an expired session with the seed sentence', async () => {
    const { token } = (await login(t, 'alice@example.com')).json();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const res = await send(t.url, {
      path: '/api/v2/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.json().meta).toStrictEqual({
      code: 99,
      message: 'Authentication Required',
      description: EXPIRED,
    });
  });
});

describe.each(ADAPTERS)('the sample shop in production (%s)', (adapter) => {
  let t: TestApp;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ t, stop } = await startSample(adapter, { NODE_ENV: 'production' }));
  });
  afterAll(() => stop());

  it('sends no database details', async () => {
    const { token } = (await login(t, 'alice@example.com')).json();
    const res = await sendJson(
      t.url,
      'POST',
      '/api/v2/orders',
      { items: [{ product_id: 999, quantity: 1 }] },
      { authorization: `Bearer ${token}` },
    );
    expect(res.status).toBe(500);
    expect(res.text).toBe('{"meta":{"code":77,"message":"Database Rollback Error"}}');
  });
});

describe.each(ADAPTERS)('the sample shop in each format (%s)', (adapter) => {
  it.each([
    [
      'meta',
      {
        meta: {
          code: 10,
          message: 'Not Supported',
          description: 'method: DELETE, url: /api/v2/product/123',
        },
      },
    ],
    ['error', { error: { code: 404, message: 'Resource not found' } }],
    ['flat', { code: 'NOT_FOUND', message: 'Not found: method: DELETE, url: /api/v2/product/123' }],
    [
      'error_code',
      { error_code: 10, error_message: 'method: DELETE, url: /api/v2/product/123', details: null },
    ],
    [
      'problem',
      {
        type: 'urn:problem-type:not-supported',
        title: 'Not Supported',
        status: 404,
        detail: 'method: DELETE, url: /api/v2/product/123',
        instance: '/api/v2/product/123',
        code: 10,
      },
    ],
  ])('ERROR_FORMAT=%s', async (format, expected) => {
    const { t, stop } = await startSample(adapter, { ERROR_FORMAT: format });
    try {
      const res = await send(t.url, { method: 'DELETE', path: '/api/v2/product/123' });
      const { request_id: _id, ...body } = res.json();
      expect({ status: res.status, body }).toStrictEqual({ status: 404, body: expected });
    } finally {
      await stop();
    }
  });

  it('refuses an unknown ERROR_FORMAT at start-up', () => {
    expect(() => readConfig({ ERROR_FORMAT: 'xml' })).toThrow(
      'ERROR_FORMAT must be one of meta, error, flat, error_code, problem, got "xml"',
    );
  });
});

import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(ADAPTERS)('meta envelope (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with({ production: false }));
  });
  afterAll(() => t.close());

  const get = (path: string) => send(t.url, { path });

  describe('AppError subclasses render their own catalog entry', () => {
    it.each([
      [
        'invalid-parameter',
        400,
        {
          code: 88,
          message: 'Invalid Parameter',
          description: 'quantity must be a positive integer',
        },
      ],
      [
        'unauthorized',
        401,
        {
          code: 99,
          message: 'Authentication Required',
          description: 'Your session has expired. Kindly logout and login',
        },
      ],
      [
        'user-not-exists',
        404,
        { code: 21, message: 'User Not Exists', description: 'No account found with this email' },
      ],
      ['password-not-match', 400, { code: 22, message: 'Password Not Match' }],
      [
        'not-supported',
        404,
        {
          code: 10,
          message: 'Not Supported',
          description: 'method: PATCH, url: /api/v2/product/123',
        },
      ],
      ['not-supported-bare', 404, { code: 10, message: 'Not Supported' }],
      ['app-default', 500, { code: 500, message: 'Unknown Error' }],
      // An AppError carrying a non-error entry is a bug, not a success.
      ['ok-entry', 500, { code: 500, message: 'Unknown Error' }],
      ['custom', 409, { code: 31, message: 'Out Of Stock', description: 'Only 3 left' }],
      [
        'custom-structured',
        409,
        { code: 31, message: 'Out Of Stock', description: { sku: 'A-1', available: 3 } },
      ],
    ])('%s -> %i', async (name, status, meta) => {
      const res = await get(`/app-errors/${name}`);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.json()).toStrictEqual({ meta });
    });
  });

  it('leaves description out, rather than null, when there is none', async () => {
    const res = await get('/app-errors/password-not-match');
    expect(res.text).toBe('{"meta":{"code":22,"message":"Password Not Match"}}');
  });

  describe("Nest's and third-party HttpExceptions are mapped by status", () => {
    it.each([
      [
        'bad-request',
        400,
        { code: 88, message: 'Invalid Parameter', description: 'limit must be a number' },
      ],
      ['unauthorized', 401, { code: 99, message: 'Authentication Required' }],
      [
        'not-found',
        404,
        { code: 10, message: 'Not Supported', description: 'Product 5 does not exist' },
      ],
      ['forbidden', 403, { code: 403, message: 'Forbidden' }],
      ['forbidden-message', 403, { code: 403, message: 'Forbidden', description: 'Admins only' }],
      ['conflict', 409, { code: 409, message: 'Conflict', description: 'Email already taken' }],
      ['payload-too-large', 413, { code: 413, message: 'Payload Too Large' }],
      [
        'too-many-requests',
        429,
        {
          code: 429,
          message: 'Too Many Requests',
          description: 'Daily quota of 1000 calls used up',
        },
      ],
      ['teapot', 418, { code: 418, message: "I'm a Teapot" }],
      [
        'service-unavailable',
        503,
        { code: 503, message: 'Service Unavailable', description: 'Search index is rebuilding' },
      ],
      [
        'internal-server-error',
        500,
        { code: 500, message: 'Unknown Error', description: 'pool exhausted at db.ts:12' },
      ],
      [
        'list-message',
        400,
        { code: 88, message: 'Invalid Parameter', description: 'first problem' },
      ],
      ['status-200', 500, { code: 500, message: 'Unknown Error' }],
    ])('%s -> %i', async (name, status, meta) => {
      const res = await get(`/nest-errors/${name}`);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.json()).toStrictEqual({ meta });
    });

    it("maps Nest's built-in pipes the same way", async () => {
      const res = await get('/parse-int/abc');
      expect(res.status).toBe(400);
      expect(res.json()).toStrictEqual({
        meta: {
          code: 88,
          message: 'Invalid Parameter',
          description: 'Validation failed (numeric string is expected)',
        },
      });
    });
  });

  it('answers successful requests untouched', async () => {
    const res = await get('/ok');
    expect(res.status).toBe(200);
    expect(res.json()).toStrictEqual({ ok: true });
  });
});

describe.each(ADAPTERS)('status mapping is configurable (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      CoreFixtureModule.with({
        statusMap: {
          403: { status: 403, code: 43, title: 'Permission Denied' },
          404: { status: 404, code: 44, title: 'Nothing Here' },
        },
      }),
    );
  });
  afterAll(() => t.close());

  it('uses the configured entry for a mapped status', async () => {
    const res = await send(t.url, { path: '/nest-errors/forbidden-message' });
    expect(res.status).toBe(403);
    expect(res.json()).toStrictEqual({
      meta: { code: 43, message: 'Permission Denied', description: 'Admins only' },
    });
  });

  it('uses the configured 404 entry for unknown routes too', async () => {
    const res = await send(t.url, { method: 'DELETE', path: '/api/v2/product/123' });
    expect(res.json()).toStrictEqual({
      meta: {
        code: 44,
        message: 'Nothing Here',
        description: 'method: DELETE, url: /api/v2/product/123',
      },
    });
  });

  it('keeps the defaults it does not override', async () => {
    const res = await send(t.url, { path: '/nest-errors/bad-request' });
    expect(res.json().meta.code).toBe(88);
  });

  it('does not change AppErrors, which carry their own entry', async () => {
    const res = await send(t.url, { path: '/app-errors/user-not-exists' });
    expect(res.json().meta.code).toBe(21);
  });
});

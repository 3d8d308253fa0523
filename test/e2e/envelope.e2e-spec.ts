import {
  definitionForStatus,
  ERR_AUTH_REQUIRED,
  ERR_INVALID_PARAMETER,
  ERR_NOT_SUPPORTED,
  ERR_PASSWORD_NOT_MATCH,
  ERR_UNKNOWN,
  ERR_USER_NOT_EXISTS,
} from 'nestjs-api-errors';
import { expectApiError } from 'nestjs-api-errors/testing';
import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { ERR_OUT_OF_STOCK } from '../fixtures/core/errors.controller.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(ADAPTERS)('meta envelope (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with({ production: false }));
  });
  afterAll(() => t.close());

  const get = (path: string) => send(t.url, { path });
  const fetchPath = (path: string) => fetch(`${t.url}${path}`);

  describe('AppError subclasses render their own catalog entry', () => {
    it.each([
      ['invalid-parameter', ERR_INVALID_PARAMETER, 'quantity must be a positive integer'],
      ['unauthorized', ERR_AUTH_REQUIRED, 'Your session has expired. Kindly logout and login'],
      ['user-not-exists', ERR_USER_NOT_EXISTS, 'No account found with this email'],
      ['password-not-match', ERR_PASSWORD_NOT_MATCH, undefined],
      ['not-supported', ERR_NOT_SUPPORTED, 'method: PATCH, url: /api/v2/product/123'],
      ['not-supported-bare', ERR_NOT_SUPPORTED, undefined],
      ['app-default', ERR_UNKNOWN, undefined],
      // An AppError carrying a non-error entry is a bug, not a success.
      ['ok-entry', ERR_UNKNOWN, undefined],
      ['custom', ERR_OUT_OF_STOCK, 'Only 3 left'],
      ['custom-structured', ERR_OUT_OF_STOCK, { sku: 'A-1', available: 3 }],
    ] as const)('%s', async (name, entry, description) => {
      await expectApiError(await fetchPath(`/app-errors/${name}`), entry, { description });
    });
  });

  it('leaves description out, rather than null, when there is none', async () => {
    const res = await get('/app-errors/password-not-match');
    expect(res.text).toBe('{"meta":{"code":22,"message":"Password Not Match"}}');
  });

  describe("Nest's and third-party HttpExceptions are mapped by status", () => {
    it.each([
      ['bad-request', ERR_INVALID_PARAMETER, 'limit must be a number'],
      ['unauthorized', ERR_AUTH_REQUIRED, undefined],
      ['not-found', ERR_NOT_SUPPORTED, 'Product 5 does not exist'],
      ['forbidden', definitionForStatus(403), undefined],
      ['forbidden-message', definitionForStatus(403), 'Admins only'],
      ['conflict', definitionForStatus(409), 'Email already taken'],
      ['payload-too-large', definitionForStatus(413), undefined],
      ['too-many-requests', definitionForStatus(429), 'Daily quota of 1000 calls used up'],
      ['teapot', definitionForStatus(418), undefined],
      ['service-unavailable', definitionForStatus(503), 'Search index is rebuilding'],
      ['internal-server-error', ERR_UNKNOWN, 'pool exhausted at db.ts:12'],
      ['list-message', ERR_INVALID_PARAMETER, 'first problem'],
      ['status-200', ERR_UNKNOWN, undefined],
    ] as const)('%s', async (name, entry, description) => {
      await expectApiError(await fetchPath(`/nest-errors/${name}`), entry, { description });
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

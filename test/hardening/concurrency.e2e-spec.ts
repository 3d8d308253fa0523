import { HardeningFixtureModule } from '../fixtures/hardening/hardening-fixture.js';
import { send, type SentRequest } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const json = { 'content-type': 'application/json' };
const meta = (code: number, message: string, description?: unknown) => ({
  meta: description === undefined ? { code, message } : { code, message, description },
});

/** One kind of error per entry: the request for number `i`, and the answer it alone must get. */
const KINDS: ((i: number) => { request: SentRequest; status: number; body: unknown })[] = [
  (i) => ({
    request: { path: `/echo/${i}?delay=${i % 7}` },
    status: 400,
    body: meta(88, 'Invalid Parameter', `request ${i}`),
  }),
  (i) => ({
    request: { method: 'DELETE', path: `/api/v2/product/${i}` },
    status: 404,
    body: meta(10, 'Not Supported', `method: DELETE, url: /api/v2/product/${i}`),
  }),
  (i) => ({
    request: {
      method: 'POST',
      path: '/cart/items',
      headers: json,
      body: JSON.stringify({ product_id: i + 1, quantity: 0 }),
    },
    status: 400,
    body: meta(88, 'Invalid Parameter', 'quantity must be a positive integer'),
  }),
  (i) => ({
    request: {
      method: 'POST',
      path: '/orders',
      headers: json,
      body: JSON.stringify({ items: [{ product_id: 1, quantity: 1 }, { product_id: i + 1 }] }),
    },
    status: 400,
    body: meta(88, 'Invalid Parameter', 'items[1].quantity is required'),
  }),
  () => ({
    request: { method: 'POST', path: '/users', headers: json, body: '{"name":' },
    status: 400,
    body: meta(88, 'Invalid Parameter', 'Request body is not valid JSON'),
  }),
  (i) => ({
    request: { path: `/thrown/${['error', 'string', 'null', 'object'][i % 4]}` },
    status: 500,
    body: meta(500, 'Unknown Error'),
  }),
  () => ({ request: { path: '/crash' }, status: 500, body: meta(500, 'Unknown Error') }),
  () => ({
    request: { path: '/database' },
    status: 500,
    body: meta(77, 'Database Rollback Error'),
  }),
  () => ({
    request: { path: '/me' },
    status: 401,
    body: meta(
      99,
      'Authentication Required',
      'A bearer token is required: send the header "Authorization: Bearer <token>"',
    ),
  }),
  (i) => ({
    request: { path: '/me', headers: { authorization: `Bearer u${i}.2fa-on.ok.active` } },
    status: 401,
    body: meta(99, 'Authentication Required', 'Your session has expired. Kindly logout and login'),
  }),
  (i) => ({
    request: { path: '/me', headers: { authorization: `Bearer u${i}.2fa-off.blocked.active` } },
    status: 401,
    body: meta(
      99,
      'Authentication Required',
      'Your Account has been blocked, Please contact Support Team',
    ),
  }),
  (i) => ({
    request: { path: '/me', headers: { authorization: `Bearer 2f.u${i}.2fa-on.ok.active` } },
    status: 200,
    body: { ok: true },
  }),
  () => ({ request: { path: '/rate-limited' }, status: 429, body: meta(429, 'Too Many Requests') }),
  () => ({
    request: { path: '/nest-errors/forbidden-message' },
    status: 403,
    body: meta(403, 'Forbidden', 'Admins only'),
  }),
  (i) => ({
    request: { path: '/app/config', headers: { 'x-client-version': `a.0.${i % 9}-1` } },
    status: 426,
    body: {
      meta: {
        code: 426,
        message: 'Upgrade Required',
        description: `Client version a.0.${i % 9}-1 is no longer supported`,
        client_version: `a.0.${i % 9}-1`,
        min_version: 'a.1.0-1',
        server_version: 'a.1.0-1',
        update_url: 'https://...',
      },
    },
  }),
  (i) => ({ request: { path: `/products/${i + 1}` }, status: 200, body: { id: i + 1 } }),
];

describe.each(ADAPTERS)('1,000 concurrent requests mixing every error kind (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, HardeningFixtureModule.with({ production: true }));
  });
  afterAll(() => t.close());

  it('answers each request with what its own request threw', async () => {
    const cases = Array.from({ length: 1000 }, (_, i) => ({
      id: `req-${i}`,
      ...KINDS[i % KINDS.length](i),
    }));
    const responses = await Promise.all(
      cases.map(({ id, request }) =>
        send(t.url, { ...request, headers: { ...request.headers, 'x-request-id': id } }),
      ),
    );
    const mismatches = cases.flatMap((expected, i) => {
      const res = responses[i];
      const answer = { status: res.status, body: res.json() };
      const wanted = { status: expected.status, body: expected.body };
      const ownId = res.status < 400 || res.headers['x-request-id'] === expected.id;
      return JSON.stringify(answer) === JSON.stringify(wanted) && ownId
        ? []
        : [{ request: expected.request, wanted, answer, id: res.headers['x-request-id'] }];
    });
    expect(mismatches).toStrictEqual([]);
  });
});

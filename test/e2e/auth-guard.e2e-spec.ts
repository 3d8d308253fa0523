import { FixtureSessions, globalGuardApp, scopedGuardApp } from '../fixtures/auth/auth-fixture.js';
import { send, type SentRequest } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const EXPIRED = 'Your session has expired. Kindly logout and login';
const BLOCKED = 'Your Account has been blocked, Please contact Support Team';
const REQUIRED = 'A bearer token is required: send the header "Authorization: Bearer <token>"';
const PASS = 'pass';

const unauthorized = (description: string) => ({
  meta: { code: 99, message: 'Authentication Required', description },
});

/**
 * The whole truth table: the token's `2f.` prefix, the user's two-factor
 * setting, a blocked account, and the session's state. Written out row by
 * row, as the specification, rather than computed.
 */
const TRUTH_TABLE: [
  prefix: boolean,
  twoFactor: boolean,
  blocked: boolean,
  state: string,
  expected: string,
][] = [
  // prefix, 2FA on, blocked, session  -> outcome
  [false, false, false, 'active', PASS],
  [true, true, false, 'active', PASS],
  [true, false, false, 'active', EXPIRED], // 2FA off, token claims 2FA
  [false, true, false, 'active', EXPIRED], // 2FA on, token without prefix
  [false, false, true, 'active', BLOCKED],
  [true, true, true, 'active', BLOCKED],
  [true, false, true, 'active', BLOCKED],
  [false, true, true, 'active', BLOCKED],
  [false, false, false, 'expired', EXPIRED],
  [true, true, false, 'expired', EXPIRED],
  [true, false, false, 'expired', EXPIRED],
  [false, true, false, 'expired', EXPIRED],
  [false, false, true, 'expired', EXPIRED],
  [true, true, true, 'expired', EXPIRED],
  [true, false, true, 'expired', EXPIRED],
  [false, true, true, 'expired', EXPIRED],
  [false, false, false, 'gone', EXPIRED],
  [true, true, false, 'gone', EXPIRED],
  [true, false, false, 'gone', EXPIRED],
  [false, true, false, 'gone', EXPIRED],
  [false, false, true, 'gone', EXPIRED],
  [true, true, true, 'gone', EXPIRED],
  [true, false, true, 'gone', EXPIRED],
  [false, true, true, 'gone', EXPIRED],
];

const tokenFor = (twoFactor: boolean, blocked: boolean, state: string) =>
  `u42.${twoFactor ? '2fa-on' : '2fa-off'}.${blocked ? 'blocked' : 'ok'}.${state}`;

/** Header shapes that must be refused before any session lookup. */
const MALFORMED: [name: string, headers: SentRequest['headers']][] = [
  ['no Authorization header', {}],
  ['another scheme', { authorization: 'Basic dTQyOnB3' }],
  ['Bearer with no token', { authorization: 'Bearer' }],
  ['Bearer and a space', { authorization: 'Bearer ' }],
  ['Bearer 2f. with nothing after the prefix', { authorization: 'Bearer 2f.' }],
  ['two spaces', { authorization: 'Bearer  u42.2fa-off.ok.active' }],
  ['a tab', { authorization: 'Bearer\tu42.2fa-off.ok.active' }],
  ['extra words', { authorization: 'Bearer u42.2fa-off.ok.active extra' }],
  ['the token twice', { authorization: 'Bearer u42.2fa-off.ok.active u42.2fa-off.ok.active' }],
  ['a quoted token', { authorization: 'Bearer "u42.2fa-off.ok.active"' }],
  ['a comma list', { authorization: 'Bearer u42.2fa-off.ok.active, Bearer x' }],
  ['non-ASCII', { authorization: 'Bearer tökén' }],
  ['an 8 KiB header', { authorization: `Bearer ${'a'.repeat(8 * 1024)}` }],
  [
    'several Authorization headers',
    [
      ['authorization', 'Bearer u42.2fa-off.ok.active'],
      ['authorization', 'Bearer u42.2fa-off.ok.active'],
    ],
  ],
  [
    'several headers, the second one malformed',
    [
      ['authorization', 'Bearer u42.2fa-off.ok.active'],
      ['Authorization', 'Basic x'],
    ],
  ],
];

describe.each(ADAPTERS)('TwoFactorAuthGuard, global (%s)', (adapter) => {
  let t: TestApp;
  let sessions: FixtureSessions;
  beforeAll(async () => {
    t = await createTestApp(adapter, globalGuardApp());
    sessions = t.app.get(FixtureSessions);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    sessions.lookups.length = 0;
    t.logger.clear();
  });

  const me = (authorization?: string) =>
    send(t.url, { path: '/me', headers: authorization === undefined ? {} : { authorization } });

  it.each(TRUTH_TABLE)(
    'prefix %s, 2FA on %s, blocked %s, session %s -> %s',
    async (prefix, twoFactor, blocked, state, expected) => {
      const value = tokenFor(twoFactor, blocked, state);
      const res = await me(`Bearer ${prefix ? '2f.' : ''}${value}`);
      expect(sessions.lookups).toStrictEqual([{ value, twoFactor: prefix }]);
      const answer = { status: res.status, type: res.headers['content-type'], body: res.json() };
      expect(answer).toStrictEqual(
        expected === PASS
          ? { status: 200, type: 'application/json; charset=utf-8', body: { id: 'u42' } }
          : { status: 401, type: 'application/json; charset=utf-8', body: unauthorized(expected) },
      );
    },
  );

  it.each(MALFORMED)('%s -> 401 / 99 "token required", no lookup', async (_name, headers) => {
    const res = await send(t.url, { path: '/me', headers });
    expect(res.status).toBe(401);
    expect(res.json()).toStrictEqual(unauthorized(REQUIRED));
    expect(sessions.lookups).toStrictEqual([]);
  });

  it('accepts the scheme in any case, as RFC 7235 says', async () => {
    const res = await me('bearer u42.2fa-off.ok.active');
    expect(res.status).toBe(200);
  });

  it('a resolver that throws -> 500 Unknown Error, nothing leaked, logged', async () => {
    const res = await me('Bearer explode');
    expect(res.status).toBe(500);
    expect(res.text).toBe('{"meta":{"code":500,"message":"Unknown Error"}}');
    const [logged] = t.logger.fromFilter('error');
    expect(logged).toContain('GET /me -> 500 (code 500)');
    expect(logged).toContain('session store password=hunter2 unreachable');
  });

  it('@Public() routes and controllers pass without a token', async () => {
    const open = await send(t.url, { path: '/open' });
    expect(open.json()).toStrictEqual({ open: true, user: null });
    const catalog = await send(t.url, { path: '/catalog' });
    expect(catalog.json()).toStrictEqual(['tea']);
    expect(sessions.lookups).toStrictEqual([]);
  });

  it('@Public() on a subclass opens the handler it inherits there only', async () => {
    expect((await send(t.url, { path: '/open-child' })).json()).toStrictEqual({ user: null });
    expect((await send(t.url, { path: '/base' })).status).toBe(401);
    expect((await send(t.url, { path: '/open-child' })).status).toBe(200);
  });

  it('unknown routes still answer 404 / 10, guard or not', async () => {
    const res = await send(t.url, { method: 'DELETE', path: '/api/v2/product/123' });
    expect(res.json().meta.code).toBe(10);
  });

  it('never lets one request see another’s user', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `user${i}`);
    const responses = await Promise.all(ids.map((id) => me(`Bearer ${id}.2fa-off.ok.active`)));
    expect(responses.map((res) => res.json().id)).toStrictEqual(ids);
  });
});

describe.each(ADAPTERS)('TwoFactorAuthGuard options (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      globalGuardApp({ supportTeam: 'Acme Shop', resolveTimeoutMs: 50 }),
    );
  });
  afterAll(() => t.close());

  it('names the configured team for blocked accounts', async () => {
    const res = await send(t.url, {
      path: '/me',
      headers: { authorization: 'Bearer u1.2fa-off.blocked.active' },
    });
    expect(res.json()).toStrictEqual(
      unauthorized('Your Account has been blocked, Please contact Acme Shop Team'),
    );
  });

  it('a resolver that hangs is cut off by the timeout -> 503', async () => {
    const started = Date.now();
    const res = await send(t.url, { path: '/me', headers: { authorization: 'Bearer hang' } });
    expect(res.status).toBe(503);
    expect(res.json().meta.code).toBe(503);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe.each(ADAPTERS)('TwoFactorAuthGuard per controller (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, scopedGuardApp());
  });
  afterAll(() => t.close());

  it('guards the controller it is applied to', async () => {
    const refused = await send(t.url, { path: '/scoped' });
    expect(refused.json()).toStrictEqual(unauthorized(REQUIRED));
    const allowed = await send(t.url, {
      path: '/scoped',
      headers: { authorization: 'Bearer 2f.u7.2fa-on.ok.active' },
    });
    expect(allowed.json()).toStrictEqual({ id: 'u7' });
  });

  it('leaves other controllers alone', async () => {
    const res = await send(t.url, { path: '/unguarded' });
    expect(res.json()).toStrictEqual({ open: true });
  });
});

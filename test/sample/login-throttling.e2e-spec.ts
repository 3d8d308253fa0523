import { readConfig } from '../../sample/src/config.js';
import { BOB_TOTP_SECRET } from '../../sample/src/database/seed.js';
import { type ReceivedResponse, send } from '../helpers/http-client.js';
import { ADAPTERS } from '../helpers/test-app.js';
import { login, type SampleServer, secondStep, startSample, wrongCode } from './sample-server.js';

const THROTTLED = {
  meta: {
    code: 429,
    message: 'Too Many Requests',
    description: 'Too many attempts; try again later',
  },
};

/** A first refusal asks for the whole window; a later one for what is left of it. */
function expectThrottled(res: ReceivedResponse, windowSeconds: number, first = true): void {
  expect(res.status).toBe(429);
  const wait = Number(res.headers['retry-after']);
  if (first) expect(wait).toBe(windowSeconds);
  else expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(windowSeconds);
  expect(res.json()).toStrictEqual(THROTTLED);
}

describe.each(ADAPTERS)('the login routes at their default limits (%s)', (adapter) => {
  let server: SampleServer;
  beforeEach(async () => {
    server = await startSample(adapter);
  });
  afterEach(() => server.stop());

  it('answer 10 logins a minute from one address, then 429 with Retry-After', async () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await login(server.t, 'alice@example.com')).status).toBe(200);
    }
    expectThrottled(await login(server.t, 'alice@example.com'), 60);
    // Every refusal says the same; only the wait in Retry-After changes.
    expectThrottled(await login(server.t, 'alice@example.com'), 60, false);
  });

  it('answer 10 second steps a minute from one address, counted apart from logins', async () => {
    const { token } = (await login(server.t, 'bob@example.com')).json();
    for (let attempt = 1; attempt <= 10; attempt++) {
      // Malformed codes: refused before they reach the account, but still counted.
      expect((await secondStep(server.t, token, 'x')).status).toBe(400);
    }
    expectThrottled(await secondStep(server.t, token, wrongCode(BOB_TOTP_SECRET)), 60);
    expect((await login(server.t, 'bob@example.com')).status).toBe(200);
  });

  it('leave the other routes alone', async () => {
    for (let attempt = 1; attempt <= 11; attempt++) await login(server.t, 'nobody@example.com');
    const products = await Promise.all(
      Array.from({ length: 30 }, () =>
        send(server.t.url, { path: '/api/v2/products' }).then((res) => res.status),
      ),
    );
    expect(new Set(products)).toStrictEqual(new Set([200]));
  });
});

describe.each(ADAPTERS)('the login routes with configured limits (%s)', (adapter) => {
  let server: SampleServer;
  beforeAll(async () => {
    server = await startSample(adapter, {
      LOGIN_RATE_LIMIT: '2',
      LOGIN_RATE_WINDOW_SECONDS: '20',
    });
  });
  afterAll(() => server.stop());

  it('use LOGIN_RATE_LIMIT and LOGIN_RATE_WINDOW_SECONDS', async () => {
    expect((await login(server.t, 'alice@example.com')).status).toBe(200);
    expect((await login(server.t, 'alice@example.com', 'wrong')).status).toBe(400);
    expectThrottled(await login(server.t, 'alice@example.com'), 20);
  });
});

describe('the login limits in the configuration', () => {
  it('default to 10 requests a minute', () => {
    expect(readConfig({})).toMatchObject({ loginRateLimit: 10, loginRateWindowSeconds: 60 });
  });

  it.each([
    ['LOGIN_RATE_LIMIT', '0'],
    ['LOGIN_RATE_LIMIT', 'many'],
    ['LOGIN_RATE_WINDOW_SECONDS', '1.5'],
    ['LOGIN_RATE_WINDOW_SECONDS', '-60'],
  ])('refuse %s=%s at start-up', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(`${name} must be a whole number from 1 to`);
  });
});

import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { INTERNAL_SECRET, THROWN_VALUES } from '../fixtures/core/thrown-values.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const UNKNOWN = '{"meta":{"code":500,"message":"Unknown Error"}}';
const KINDS = Object.keys(THROWN_VALUES);

describe.each(ADAPTERS)('anything else thrown (%s)', (adapter) => {
  // Development mode on purpose: unknown errors say nothing even there.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with({ production: false }));
  });
  afterAll(() => t.close());
  beforeEach(() => t.logger.clear());

  const layers: [string, (kind: string) => string][] = [
    ['a controller', (kind) => `/thrown/${kind}`],
    ['an async controller', (kind) => `/thrown-async/${kind}`],
    ['a guard', (kind) => `/from-guard?kind=${kind}`],
    ['an interceptor', (kind) => `/from-interceptor?kind=${kind}`],
    ['a pipe', (kind) => `/from-pipe?kind=${kind}`],
    ['a service', (kind) => `/from-service?kind=${kind}`],
  ];

  describe.each(layers)('from %s', (_layer, pathFor) => {
    it.each(KINDS)('%s -> 500 with nothing internal', async (kind) => {
      const res = await send(t.url, { path: pathFor(kind) });
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.text).toBe(UNKNOWN);
    });
  });

  it('logs an Error as an error, with its stack', async () => {
    await send(t.url, { path: '/thrown/error' });
    const errors = t.logger.fromFilter('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('GET /thrown/error -> 500 (code 500)');
    expect(errors[0]).toContain(`Error: ${INTERNAL_SECRET}`);
    expect(errors[0]).toMatch(/\n\s+at .*thrown-values/);
  });

  it.each([
    ['string', `'${INTERNAL_SECRET}'`],
    ['null', 'null'],
    ['undefined', 'undefined'],
    // Values of secret-looking keys are masked even in the logs.
    ['object', `{ secret: '[REDACTED]' }`],
  ])('logs a thrown %s for what it is', async (kind, shown) => {
    await send(t.url, { path: `/thrown/${kind}` });
    const errors = t.logger.fromFilter('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`Non-Error thrown: ${shown}`);
  });

  it('does not log client errors', async () => {
    await send(t.url, { path: '/app-errors/invalid-parameter' });
    await send(t.url, { path: '/nowhere' });
    await send(t.url, { path: '/nest-errors/forbidden' });
    expect(t.logger.fromFilter()).toStrictEqual([]);
  });

  it('logs 5xx HttpExceptions as errors too', async () => {
    await send(t.url, { path: '/nest-errors/service-unavailable' });
    expect(t.logger.fromFilter('error')).toHaveLength(1);
  });

  it('keeps serving after all of that', async () => {
    const res = await send(t.url, { path: '/ok' });
    expect(res.status).toBe(200);
  });
});

describe.each(ADAPTERS)('logClientErrors (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with({ logClientErrors: true }));
  });
  afterAll(() => t.close());

  it('logs a 4xx as one warning line without a stack', async () => {
    await send(t.url, { path: '/app-errors/invalid-parameter' });
    const warnings = t.logger.fromFilter('warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^GET \/app-errors\/invalid-parameter -> 400 \(code 88\) \[request [\w-]+\]: InvalidParameterError: quantity must be a positive integer\n/,
    );
    expect(warnings[0]).not.toMatch(/\n\s+at /);
    expect(t.logger.fromFilter('error')).toStrictEqual([]);
  });
});

import fc from 'fast-check';
import { BUILT_IN_FORMATS, type ErrorFormatName } from 'nestjs-api-errors';
import { HardeningFixtureModule, THROWN_KINDS } from '../fixtures/hardening/hardening-fixture.js';
import { CONTENT_TYPES, envelopeProblem, LEAKS } from '../helpers/envelopes.js';
import { type ReceivedResponse, send, type SentRequest } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Property-based tests over random requests and thrown values. Runs are
 * bounded and seeded so CI is reproducible; FUZZ_RUNS and FUZZ_SEED explore
 * further (e.g. `FUZZ_RUNS=20000 npm test -- test/hardening`).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const FORMATS = Object.keys(BUILT_IN_FORMATS) as ErrorFormatName[];

const char = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((code) => String.fromCharCode(code));
/** What Node's client lets through in a header value: printable ASCII and Latin-1. */
const headerText = fc.string({ unit: fc.oneof(char(0x20, 0x7e), char(0xa0, 0xff)), maxLength: 60 });
const printable = fc.string({ unit: char(0x21, 0x7e), maxLength: 30 });

/** Paths near the app's client-facing routes, and junk. */
const segment = fc.oneof(
  fc.constantFrom(
    'users',
    'profiles',
    'pages',
    'me',
    'app',
    'config',
    'incidents',
    'approvals',
    'cart',
    'items',
    'orders',
    'products',
    'echo',
    'parse-int',
    'ok',
    'taken',
    'invalid-quantity',
    'api',
    'v2',
    '..',
    '.',
    '%',
    '%zz',
    '%E0%A4%A',
    '%2F',
    '%00',
    '%C0%AF',
    '1',
    '-1',
    '0x10',
    '9999999999999999999',
  ),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  printable.map((text) => text.replace(/[/?#]/g, '')),
);
const query = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('limit', 'kind', 'delay', 'x', '__proto__', 'limit[]'),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 4 },
    )
    .map(
      (pairs) => `?${pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`,
    ),
  printable.map((text) => `?${text.replace(/#/g, '')}`),
);
const path = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), query)
  .map(([segments, search]) => `/${segments.join('/')}${search}`);

const body = fc.oneof(
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .record({
      product_id: fc.jsonValue(),
      quantity: fc.jsonValue(),
      name: fc.jsonValue(),
      email: fc.jsonValue(),
    })
    .map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 100 }),
  fc.uint8Array({ maxLength: 100 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(`{"note":"${'x'.repeat(2 * 1024 * 1024)}"}`),
);
const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/problem+json',
      '*/*',
      '',
    ),
    headerText,
  ),
  { nil: undefined },
);
const authorization = fc.option(
  fc.oneof(
    headerText,
    headerText.map((text) => `Bearer ${text}`),
    headerText.map((text) => `Bearer 2f.${text}`),
    fc.constantFrom(
      'Bearer u1.2fa-off.ok.active',
      'Bearer 2f.u1.2fa-on.ok.active',
      'Bearer u1.2fa-on.ok.expired',
      'Bearer u1.2fa-off.blocked.active',
    ),
  ),
  { nil: undefined },
);

const request: fc.Arbitrary<SentRequest> = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
    path,
    body: fc.option(body, { nil: undefined }),
    contentType,
    authorization,
    version: fc.option(fc.oneof(headerText, fc.constantFrom('a.0.9-1', 'a.2.0', '1')), {
      nil: undefined,
    }),
    requestId: fc.option(headerText, { nil: undefined }),
  })
  .map(
    ({
      method,
      path: target,
      body: payload,
      contentType: type,
      authorization: auth,
      version,
      requestId,
    }) => {
      const headers: Record<string, string> = {};
      if (type !== undefined) headers['content-type'] = type;
      if (auth !== undefined) headers.authorization = auth;
      if (version !== undefined) headers['x-client-version'] = version;
      if (requestId !== undefined) headers['x-request-id'] = requestId;
      const withBody = payload !== undefined && method !== 'GET' && method !== 'HEAD';
      return { method, path: target, headers, body: withBody ? payload : undefined };
    },
  );

/** What every answer must satisfy, whatever was asked. */
function checkAnswer(format: ErrorFormatName, method: string, res: ReceivedResponse): void {
  for (const leak of LEAKS) expect(res.text, `leak ${leak}`).not.toMatch(leak);
  if (res.status < 400 || method === 'HEAD') return;
  expect(res.headers['content-type']).toBe(CONTENT_TYPES[format]);
  expect(envelopeProblem(format, res.status, res.json())).toBeUndefined();
  if (res.status === 429 || res.status === 503) expect(res.headers['retry-after']).toMatch(/^\d+$/);
}

describe.each(ADAPTERS)('fuzzing (%s)', (adapter) => {
  const apps = new Map<ErrorFormatName, TestApp>();
  beforeAll(async () => {
    for (const format of FORMATS) {
      apps.set(
        format,
        await createTestApp(adapter, HardeningFixtureModule.with({ format, production: true })),
      );
    }
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  it(`random requests get a valid envelope, never a 5xx, never a leak (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FORMATS), request, async (format, sent) => {
        const res = await send(apps.get(format)!.url, sent);
        expect(res.status, `${sent.method} ${sent.path}`).toBeLessThan(500);
        expect(res.status).toBeGreaterThanOrEqual(200);
        checkAnswer(format, sent.method ?? 'GET', res);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`anything thrown gets a valid envelope, and no 5xx says what was thrown (${RUNS} runs)`, async () => {
    const thrown = fc.record({
      format: fc.constantFrom(...FORMATS),
      kind: fc.constantFrom(...THROWN_KINDS),
      // Long enough that finding it in a body cannot be chance.
      message: fc.string({ minLength: 12, maxLength: 80 }).map((text) => `internal:${text}`),
      status: fc.oneof(fc.integer({ min: 400, max: 599 }), fc.constantFrom(200, 302, 99, 600, -1)),
    });
    await fc.assert(
      fc.asyncProperty(thrown, async ({ format, kind, message, status }) => {
        const search = new URLSearchParams({ kind, message, status: String(status) });
        const res = await send(apps.get(format)!.url, { path: `/throw?${search}` });
        expect(res.status).toBeGreaterThanOrEqual(400);
        checkAnswer(format, 'GET', res);
        const told = res.status >= 500 && res.text.includes(JSON.stringify(message).slice(1, -1));
        expect(told, 'a 5xx repeated what was thrown').toBe(false);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

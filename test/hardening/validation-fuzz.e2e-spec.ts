import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { Module, type DynamicModule } from '@nestjs/common';
import fc from 'fast-check';
import { BUILT_IN_FORMATS, ErrorsModule, type ErrorFormatName } from 'nestjs-api-errors';
import { ErrorsController } from '../fixtures/core/errors.controller.js';
import { FailingService } from '../fixtures/core/failing-layers.js';
import { SCHEMA_CONTROLLERS } from '../fixtures/validation/schema-fixture.js';
import type { LogEntry } from '../helpers/captured-logger.js';
import { send, type SentRequest } from '../helpers/http-client.js';
import { ADAPTERS, type AdapterName, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Hostile input against every validated route (class-validator DTOs, zod and
 * valibot schemas; bodies, query strings and path parameters): values nested
 * up to 100,000 levels, property names up to 1 MiB, random content types and
 * encodings, most within the parsers' limits (so the validation pipe is
 * reached) and some over them. No answer may be a 5xx, no response body may
 * exceed 8 KiB, no log line 4 KiB, and nothing marked secret may be repeated.
 * Seeded; FUZZ_RUNS and FUZZ_SEED explore further.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

/** Largest response body and log line allowed, whatever the request. */
const MAX_RESPONSE_BYTES = 8 * 1024;
const MAX_LOG_LINE = 4 * 1024;

/** What each adapter's JSON parser accepts by default. */
const BODY_LIMITS: Record<AdapterName, number> = { express: 100_000, fastify: 1_048_576 };
const FORMATS = Object.keys(BUILT_IN_FORMATS) as ErrorFormatName[];
const SECRET = 'hunter2';

const BODY_ROUTES = [
  '/cart/items',
  '/orders',
  '/dto/cart/items',
  '/dto/orders',
  '/zod/cart/items',
  '/zod/orders',
  '/zod/addresses',
  '/zod/prices',
  '/zod/grid',
  '/zod/async',
  '/zod/passwords',
  '/zod/nest-pipe',
  '/valibot/cart/items',
  '/valibot/orders',
  '/valibot/prices',
  '/valibot/nest-pipe',
];
const QUERY_ROUTES = ['/products', '/dto/products', '/zod/products', '/valibot/products'];
const PARAM_ROUTES = ['/products/', '/zod/products/'];

@Module({})
class ValidatedRoutesModule {
  static with(format: ErrorFormatName): DynamicModule {
    return {
      module: ValidatedRoutesModule,
      imports: [
        ErrorsModule.forRoot({
          format,
          logClientErrors: true,
          validation: { whitelist: true, forbidNonWhitelisted: true, allErrors: true },
        }),
      ],
      controllers: [ErrorsController, ...SCHEMA_CONTROLLERS],
      providers: [FailingService],
    };
  }
}

/** Property names: plausible ones, JSON carrying a secret, brackets, other scripts, controls. */
const nameStyle = fc.constantFrom('identifier', 'json', 'brackets', 'unicode', 'control');
function nameOf(style: string, length: number): string {
  const fill = (unit: string) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  switch (style) {
    case 'identifier':
      return `k${fill('ey_')}`.slice(0, Math.max(1, length));
    case 'json':
      return `{"password":"${SECRET}","email":"a@b.co"${fill(' ')}}`;
    case 'brackets':
      return `a[${fill('[(*+?')}`;
    case 'unicode':
      return fill('é名\u2028ß');
    default:
      return fill('\u0000\u0007\n');
  }
}

/** Lengths and depths: small, around the bounds, and anything up to the maximum. */
const size = (max: number, around: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: around - 4, max: around + 4 }),
    fc.integer({ min: 0, max }),
  );

type BodySpec =
  | { kind: 'nested'; depth: number; container: 'array' | 'object'; field: string; fits: boolean }
  | { kind: 'long-name'; length: number; style: string; nested: boolean; fits: boolean }
  | { kind: 'many-names'; count: number; length: number; style: string }
  | { kind: 'json'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array };

const bodySpec: fc.Arbitrary<BodySpec> = fc.oneof(
  fc.record({
    kind: fc.constant('nested' as const),
    depth: size(100_000, 64),
    container: fc.constantFrom('array' as const, 'object' as const),
    field: fc.constantFrom('note', 'items', 'extra', 'prices', 'grid', 'address', 'code'),
    fits: fc.constantFrom(true, true, true, false),
  }),
  fc.record({
    kind: fc.constant('long-name' as const),
    length: size(1_048_576, 64),
    style: nameStyle,
    nested: fc.boolean(),
    fits: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('many-names' as const),
    count: fc.integer({ min: 1, max: 3000 }),
    length: fc.integer({ min: 1, max: 200 }),
    style: nameStyle,
  }),
  fc
    .jsonValue({ maxDepth: 4 })
    .map((value) => ({ kind: 'json' as const, text: JSON.stringify(value) })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ kind: 'bytes' as const, bytes })),
);

/** The body as text, cut to the parser's limit when it should fit. */
function bodyText(spec: BodySpec, limit: number): string | Uint8Array {
  switch (spec.kind) {
    case 'nested': {
      const [open, close, perLevel] =
        spec.container === 'array' ? ['[', ']', 2] : ['{"a":', '}', 6];
      const room = Math.floor((limit - 200) / perLevel);
      const depth = spec.fits ? Math.min(spec.depth, room) : spec.depth;
      const inner = spec.container === 'array' ? '' : '1';
      return `{"product_id":1,"quantity":1,"${spec.field}":${open.repeat(depth)}${inner}${close.repeat(depth)}}`;
    }
    case 'long-name': {
      const name = nameOf(
        spec.style,
        spec.fits ? Math.min(spec.length, (limit - 200) / 4) : spec.length,
      );
      const property = JSON.stringify({ [name]: 1 }).slice(1, -1);
      return spec.nested
        ? `{"items":[{"product_id":1,"quantity":1,${property}}],"prices":{${property.replace(/:1$/, ':-1')}}}`
        : `{"product_id":1,"quantity":1,${property}}`;
    }
    case 'many-names': {
      const properties: string[] = [];
      for (let i = 0; i < spec.count; i++) {
        properties.push(JSON.stringify(`${nameOf(spec.style, spec.length)}${i}`) + ':1');
      }
      return `{"product_id":1,${properties.join(',').slice(0, limit - 100)}}`.replace(
        /,[^,]*$/,
        '}',
      );
    }
    case 'json':
      return spec.text;
    case 'bytes':
      return spec.bytes;
  }
}

/** Mostly JSON as sent (so the pipe is reached), often something else. */
const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 5 },
  {
    arbitrary: fc.constantFrom(
      undefined,
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/vnd.api+json',
      'application/octet-stream',
    ),
    weight: 3,
  },
);
const contentEncoding = fc.oneof(
  { arbitrary: fc.constant({ header: undefined, compress: false }), weight: 5 },
  {
    arbitrary: fc.record({
      header: fc.constantFrom('identity', 'gzip', 'deflate', 'br', 'gzip, gzip', 'x-zip', 'GZIP'),
      compress: fc.boolean(),
    }),
    weight: 2,
  },
);

function encoded(
  body: string | Uint8Array,
  encoding: string | undefined,
  compress: boolean,
): Buffer {
  const bytes = Buffer.from(body);
  if (!compress) return bytes;
  if (encoding === 'gzip' || encoding === 'GZIP') return gzipSync(bytes);
  if (encoding === 'deflate') return deflateSync(bytes);
  if (encoding === 'br') return brotliCompressSync(bytes);
  return bytes;
}

/** A query string or path parameter with deep brackets, long keys, or plain junk. */
const queryPart = fc.oneof(
  size(2000, 64).map((depth) => `limit${'[a]'.repeat(depth)}=1`),
  fc
    .tuple(size(12_000, 64), nameStyle)
    .map(([length, style]) => `${encodeURIComponent(nameOf(style, length))}=1`),
  fc.string({ maxLength: 40 }).map((text) => `limit=${encodeURIComponent(text)}`),
);

const request = (limit: number): fc.Arbitrary<SentRequest> =>
  fc.oneof(
    fc
      .record({
        route: fc.constantFrom(...BODY_ROUTES),
        spec: bodySpec,
        type: contentType,
        encoding: contentEncoding,
      })
      .map(({ route, spec, type, encoding }) => {
        const headers: Record<string, string> = {};
        if (type !== undefined) headers['content-type'] = type;
        if (encoding.header !== undefined) headers['content-encoding'] = encoding.header;
        return {
          method: 'POST',
          path: route,
          headers,
          body: encoded(bodyText(spec, limit), encoding.header, encoding.compress),
        };
      }),
    fc
      .tuple(fc.constantFrom(...QUERY_ROUTES), queryPart)
      .map(([route, query]) => ({ method: 'GET', path: `${route}?${query}` })),
    fc
      .tuple(fc.constantFrom(...PARAM_ROUTES), queryPart)
      .map(([route, part]) => ({ method: 'GET', path: `${route}${encodeURIComponent(part)}` })),
  );

const lineOf = (entry: LogEntry) => [entry.message, ...entry.params].map(String).join(' ');

describe.each(ADAPTERS)('validation fuzzing (%s)', (adapter) => {
  const apps = new Map<ErrorFormatName, TestApp>();
  beforeAll(async () => {
    for (const format of FORMATS) {
      apps.set(format, await createTestApp(adapter, ValidatedRoutesModule.with(format)));
    }
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  it(`no 5xx, no answer over 8 KiB, no log line over 4 KiB, no secret repeated (${RUNS} runs)`, async () => {
    const seen = { validationFailures: 0, tooDeep: 0, unexpectedProperty: 0, tooLarge: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FORMATS),
        request(BODY_LIMITS[adapter]),
        async (format, sent) => {
          const t = apps.get(format)!;
          t.logger.clear();
          const res = await send(t.url, sent);
          const where = `${sent.method} ${sent.path.slice(0, 80)} (${String(sent.headers && (sent.headers as Record<string, string>)['content-type'])})`;
          expect(res.status, `${where}`).toBeLessThan(500);
          expect(Buffer.byteLength(res.text), `${where}`).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
          // A URL's path is echoed by design (cut at 200 characters); bodies and query strings never.
          const echoable = decodeURIComponent(sent.path.split('?')[0]).includes(SECRET);
          expect(!echoable && res.text.includes(SECRET), `${where}`).toBe(false);
          for (const entry of t.logger.entries) {
            const line = lineOf(entry);
            expect(line.length, `${where}`).toBeLessThanOrEqual(MAX_LOG_LINE);
            expect(!echoable && line.includes(SECRET), `${where}`).toBe(false);
          }
          if (res.status === 413) seen.tooLarge++;
          if (res.text.includes('nested too deeply')) seen.tooDeep++;
          if (res.text.includes('should not exist')) seen.unexpectedProperty++;
          if (res.status === 400 || res.status === 422) seen.validationFailures++;
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    // The runs reached the pipe, and its bounds, not only the parsers' refusals.
    expect(seen.tooDeep).toBeGreaterThan(0);
    expect(seen.unexpectedProperty).toBeGreaterThan(0);
    expect(seen.tooLarge).toBeGreaterThan(0);
    expect(seen.validationFailures).toBeGreaterThan(RUNS / 4);
  });
});

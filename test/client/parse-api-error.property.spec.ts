import fc from 'fast-check';
import { ApiError, parseApiError } from 'nestjs-api-errors/client';

const SEED = 20_240_611;
const RUNS = 400;

/** Where each envelope keeps its code: a code may only ever come from there. */
function codesOnWire(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  const record = body as Record<string, any>;
  return [record.meta?.code, record.error?.code, record.error_code, record.code];
}

const headerName = fc.constantFrom(
  'content-type',
  'Content-Type',
  'retry-after',
  'x-request-id',
  'content-length',
  'x-other',
);
const headers = fc.dictionary(headerName, fc.string({ maxLength: 40 }), { maxKeys: 4 });
const status = fc.integer({ min: 100, max: 599 });

describe('parseApiError on arbitrary input (fast-check, fixed seed)', () => {
  it('never throws on arbitrary bytes, and finds no code in bytes that are not JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), status, headers, async (bytes, s, h) => {
        const error = await parseApiError(
          new Response(bytes.byteLength > 0 ? bytes : null, {
            status: Math.max(400, s),
            headers: safeHeaders(h),
          }),
        );
        expect(error).toBeInstanceOf(ApiError);
        let json = true;
        try {
          JSON.parse(new TextDecoder().decode(bytes));
        } catch {
          json = false;
        }
        expect(json || error.code === undefined).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('takes a code only from where an envelope keeps one', async () => {
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ meta: fc.jsonValue() }),
      fc.record({ error: fc.jsonValue() }),
      fc.record({ code: fc.jsonValue(), message: fc.jsonValue(), details: fc.jsonValue() }),
      fc.record({ error_code: fc.jsonValue(), error_message: fc.jsonValue() }),
      fc.record({
        type: fc.jsonValue(),
        title: fc.jsonValue(),
        status: fc.jsonValue(),
        code: fc.jsonValue(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, status, headers, fc.boolean(), async (value, s, h, asText) => {
        const error = await parseApiError({
          status: s,
          headers: h,
          body: asText ? JSON.stringify(value) : value,
        });
        expect(error).toBeInstanceOf(ApiError);
        expect(error.status).toBe(s);
        const { code } = error;
        expect(code === undefined || codesOnWire(value).includes(code)).toBe(true);
        expect(['number', 'string', 'undefined']).toContain(typeof code);
        for (const violation of error.violations) {
          expect(typeof violation.path).toBe('string');
          expect(typeof violation.message).toBe('string');
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never finds a code in text that is not JSON (HTML, plain text)', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 500 }).map((s) => `<html><body>${s}</body></html>`),
      fc.string({ maxLength: 500 }).filter((s) => {
        try {
          JSON.parse(s);
          return false;
        } catch {
          return true;
        }
      }),
    );
    await fc.assert(
      fc.asyncProperty(text, status, headers, async (body, s, h) => {
        const error = await parseApiError({ status: s, headers: h, body });
        expect(error.code).toBeUndefined();
        expect(error.format).toBeUndefined();
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

/** Header values `Headers` accepts (no control characters); others are left out. */
function safeHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(
      ([name, value]) =>
        // eslint-disable-next-line no-control-regex
        !/[\u0000-\u001f\u007f-\uffff]/.test(value) && name.toLowerCase() !== 'content-length',
    ),
  );
}

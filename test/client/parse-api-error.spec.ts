import {
  BUILT_IN_FORMATS,
  DatabaseError,
  defineError,
  definitionForStatus,
  ERR_INVALID_PARAMETER,
  ERR_UNKNOWN,
  ErrorReasons,
  type ErrorReport,
  type Violation,
} from 'nestjs-api-errors';
import { ApiError, parseApiError } from 'nestjs-api-errors/client';

const quantity: Violation = {
  path: 'items[1].quantity',
  segments: ['items', 1, 'quantity'],
  constraint: 'min',
  message: 'items[1].quantity must be a positive integer',
  location: 'body',
};
const limit: Violation = {
  path: 'limit',
  segments: ['limit'],
  constraint: 'max',
  message: 'limit must not be greater than 100',
  location: 'query',
};
const validation: ErrorReport = {
  definition: ERR_INVALID_PARAMETER,
  description: quantity.message,
  violations: [quantity, limit],
  reason: ErrorReasons.VALIDATION_FAILED,
};

/** A real fetch Response carrying what a format renders for a report. */
function answer(format: keyof typeof BUILT_IN_FORMATS, report: ErrorReport, headers = {}) {
  const { status, body } = BUILT_IN_FORMATS[format].render(report, {
    method: 'POST',
    url: '/api/v2/orders',
    requestId: 'req-1',
  });
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': BUILT_IN_FORMATS[format].contentType,
      'x-request-id': 'req-1',
      ...headers,
    },
  });
}

describe('parseApiError reads every built-in format', () => {
  it.each([
    ['meta', 400, 88, 'Invalid Parameter', quantity.message, []],
    ['error', 400, 400, quantity.message, undefined, []],
    [
      'flat',
      422,
      'VALIDATION_ERROR',
      'Validation failed',
      undefined,
      [
        {
          path: 'items[1].quantity',
          message: 'items[1].quantity must be a positive integer',
          code: 'out_of_range',
        },
        { path: 'limit', message: 'Limit must not be greater than 100', code: 'out_of_range' },
      ],
    ],
    [
      'error_code',
      400,
      4,
      quantity.message,
      undefined,
      [
        { path: 'items[1].quantity', message: quantity.message },
        { path: 'limit', message: limit.message },
      ],
    ],
    [
      'problem',
      400,
      88,
      'Invalid Parameter',
      quantity.message,
      [
        { path: 'items[1].quantity', message: quantity.message },
        { path: 'limit', message: limit.message },
      ],
    ],
  ] as const)(
    '%s: a validation failure',
    async (format, status, code, message, description, violations) => {
      const error = await parseApiError(answer(format, validation));
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toBeInstanceOf(Error);
      expect({ ...error, message: error.message }).toMatchObject({
        status,
        code,
        message,
        description,
        format,
        requestId: 'req-1',
        violations,
      });
    },
  );

  it("reads a database error's structured description, not as fields", async () => {
    const report: ErrorReport = {
      definition: new DatabaseError('FOREIGN KEY constraint failed').definition,
      description: { details: 'FOREIGN KEY constraint failed', params: '{}' },
    };
    for (const format of ['meta', 'error', 'flat', 'error_code', 'problem'] as const) {
      const error = await parseApiError(answer(format, report));
      expect(error.violations).toStrictEqual([]);
    }
    const flat = await parseApiError(answer('flat', report));
    expect(flat.description).toStrictEqual({
      details: 'FOREIGN KEY constraint failed',
      params: '{}',
    });
  });

  it('takes the request id from the body when the header is not readable (CORS)', async () => {
    const response = answer('flat', { definition: ERR_UNKNOWN });
    response.headers.delete('x-request-id');
    expect((await parseApiError(response)).requestId).toBe('req-1');
    const meta = answer('meta', { definition: ERR_UNKNOWN });
    meta.headers.delete('x-request-id');
    expect((await parseApiError(meta)).requestId).toBeUndefined();
  });

  it('ignores a request id the server would not send', async () => {
    const response = answer('meta', { definition: ERR_UNKNOWN }, { 'x-request-id': 'a b<c>' });
    expect((await parseApiError(response)).requestId).toBeUndefined();
    const custom = answer('meta', { definition: ERR_UNKNOWN }, { 'x-correlation-id': 'c-9' });
    expect((await parseApiError(custom, { requestIdHeader: 'X-Correlation-Id' })).requestId).toBe(
      'c-9',
    );
  });

  it('reads the wait of a 429 or 503: retry_after first, else Retry-After seconds or date', async () => {
    const rateLimit: ErrorReport = { definition: definitionForStatus(429), retryAfter: 1.5 };
    const fromBody = await parseApiError(answer('error', rateLimit, { 'retry-after': '2' }));
    expect(fromBody.retryAfterMs).toBe(1500);
    const fromHeader = await parseApiError(answer('meta', rateLimit, { 'retry-after': '2' }));
    expect(fromHeader.retryAfterMs).toBe(2000);
    const date = new Date(Date.now() + 30_000).toUTCString();
    const fromDate = await parseApiError(answer('meta', rateLimit, { 'retry-after': date }));
    expect(fromDate.retryAfterMs).toBeGreaterThan(25_000);
    expect(fromDate.retryAfterMs).toBeLessThanOrEqual(30_000);
    const huge = await parseApiError(answer('meta', rateLimit, { 'retry-after': '99999999' }));
    expect(huge.retryAfterMs).toBe(86_400_000);
    for (const bad of ['-1', 'soon', '']) {
      const error = await parseApiError(answer('meta', rateLimit, { 'retry-after': bad }));
      expect(error.retryAfterMs).toBeUndefined();
    }
  });

  it('uses the format it is given instead of guessing', async () => {
    const body = { code: 'CONFLICT', message: 'Conflict: taken' };
    const asFlat = await parseApiError({ status: 409, body }, { format: 'flat' });
    expect(asFlat.code).toBe('CONFLICT');
    const asMeta = await parseApiError({ status: 409, body }, { format: 'meta' });
    expect(asMeta.code).toBeUndefined();
    expect(asMeta.status).toBe(409);
  });

  it('keeps only the codes it is told about', async () => {
    const known = [88, 99] as const;
    const error = await parseApiError(answer('meta', validation), { codes: known });
    expect(error.code).toBe(88);
    const other = await parseApiError(answer('meta', { definition: definitionForStatus(409) }), {
      codes: known,
    });
    expect(other.code).toBeUndefined();
    expect(other.status).toBe(409);
  });
});

describe('parseApiError reads answers that are not fetch Responses', () => {
  it("reads axios' { status, headers, data } and supertest's { status, headers, body }", async () => {
    const data = { meta: { code: 32, message: 'Out Of Stock', description: 'Only 3 left' } };
    const axios = await parseApiError({
      status: 409,
      headers: { 'x-request-id': 'r-7', 'content-type': 'application/json' },
      data,
    });
    expect(axios).toMatchObject({ status: 409, code: 32, requestId: 'r-7', format: 'meta' });
    const text = await parseApiError({
      status: 409,
      headers: { 'X-Request-Id': ['r-8', 'r-9'] },
      body: JSON.stringify(data),
    });
    expect(text).toMatchObject({ code: 32, requestId: 'r-8', description: 'Only 3 left' });
  });
});

describe('parseApiError with bodies that are not ours', () => {
  it.each([
    [
      'an HTML page from a proxy',
      502,
      'text/html',
      '<html><body><h1>502 Bad Gateway</h1></body></html>',
    ],
    ['an empty body', 503, 'application/json', ''],
    ['invalid JSON', 500, 'application/json', '{"meta":{"code":88,'],
    ['JSON of another API', 400, 'application/json', '{"errors":[{"msg":"bad"}]}'],
    ['a JSON string', 400, 'application/json', '"oops"'],
    ['a JSON array', 400, 'application/json', '[{"meta":{"code":88,"message":"x"}}]'],
    ['a code of the wrong type', 400, 'application/json', '{"meta":{"code":true,"message":"x"}}'],
    [
      'a problem without a code',
      404,
      'application/problem+json',
      '{"type":"about:blank","title":"Not Found","status":404}',
    ],
  ])('%s gives the status and no code', async (_name, status, contentType, text) => {
    const error = await parseApiError(
      new Response(text, { status, headers: { 'content-type': contentType } }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(status);
    expect(error.code).toBeUndefined();
    expect(error.format).toBeUndefined();
    expect(error.message).toBe(`HTTP ${status}`);
    expect(error.violations).toStrictEqual([]);
  });

  it('stops reading a body over the bound, with or without Content-Length', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('{"meta":' + ' '.repeat(16_384)));
      },
    });
    const error = await parseApiError(new Response(endless, { status: 502 }));
    expect(error).toMatchObject({ status: 502, code: undefined, body: undefined });
    expect(pulled).toBeLessThan(10);

    const declared = new Response('{}', {
      status: 500,
      headers: { 'content-length': '999999999' },
    });
    expect((await parseApiError(declared)).body).toBeUndefined();

    const small = await parseApiError(answer('meta', validation), { maxBodyBytes: 10 });
    expect(small.code).toBeUndefined();
  });

  it('never throws, whatever it is handed', async () => {
    const used = answer('meta', validation);
    await used.text();
    for (const value of [
      used,
      null,
      undefined,
      {},
      { status: 'x' },
      { status: 400, headers: 42 },
    ]) {
      const error = await parseApiError(value as never);
      expect(error).toBeInstanceOf(ApiError);
      expect(error.code).toBeUndefined();
    }
  });

  it('is frozen', async () => {
    const error = await parseApiError(answer('problem', validation));
    expect(Object.isFrozen(error)).toBe(true);
    expect(Object.isFrozen(error.violations)).toBe(true);
    expect(() => {
      (error as { code: unknown }).code = 99;
    }).toThrow(TypeError);
  });
});

describe('own entries', () => {
  it('reads an app entry in every format', async () => {
    const entry = defineError({ status: 409, code: 9301, title: 'Seat Taken' });
    const codes: Record<string, unknown> = {};
    for (const format of ['meta', 'error', 'flat', 'error_code', 'problem'] as const) {
      codes[format] = (await parseApiError(answer(format, { definition: entry }))).code;
    }
    expect(codes).toStrictEqual({
      meta: 9301,
      error: 409,
      flat: 'CONFLICT',
      error_code: 4,
      problem: 9301,
    });
  });
});

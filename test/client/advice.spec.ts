import {
  ApiError,
  type ApiErrorCode,
  type ApiErrorFormat,
  isApiError,
  retryPolicy,
  userMessage,
} from 'nestjs-api-errors/client';
import { ERR_AUTH_REQUIRED, ERR_OUT_OF_STOCK } from '../../sample/catalog/catalog.js';

const error = (
  status: number,
  code?: ApiErrorCode,
  format: ApiErrorFormat | undefined = code === undefined ? undefined : 'meta',
  extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {},
) => new ApiError({ status, code, format, ...extra });

describe('retryPolicy', () => {
  it.each([
    [
      '429',
      error(429, 429, 'meta', { retryAfterMs: 1500 }),
      { action: 'retry', maxRetries: Infinity, delayMs: 1500 },
    ],
    ['503', error(503, 'SERVICE_UNAVAILABLE', 'flat'), { action: 'retry', maxRetries: Infinity }],
    ['502 from a proxy', error(502), { action: 'retry', maxRetries: Infinity }],
    ['504', error(504), { action: 'retry', maxRetries: Infinity }],
    ['77 database', error(500, 77), { action: 'retry', maxRetries: Infinity }],
    [
      'DATABASE_ERROR',
      error(500, 'DATABASE_ERROR', 'flat'),
      { action: 'retry', maxRetries: Infinity },
    ],
    ['error_code 12', error(500, 12, 'error_code'), { action: 'retry', maxRetries: Infinity }],
    ['500 Unknown Error', error(500, 500), { action: 'retry', maxRetries: 1 }],
    ['500 without a body', error(500), { action: 'retry', maxRetries: 1 }],
    ['501', error(501), { action: 'give-up' }],
    ['99', error(401, 99), { action: 'reauthenticate' }],
    ['SESSION_EXPIRED', error(401, 'SESSION_EXPIRED', 'flat'), { action: 'reauthenticate' }],
    ['88', error(400, 88), { action: 'fix-request' }],
    ['422', error(422, 'VALIDATION_ERROR', 'flat'), { action: 'fix-request' }],
    [
      'field violations',
      error(400, 5, 'error_code', { violations: [{ path: 'quantity', message: 'x' }] }),
      { action: 'fix-request' },
    ],
    ['22', error(400, 22), { action: 'give-up' }],
    ['404', error(404, 10), { action: 'give-up' }],
    ['409', error(409, 32), { action: 'give-up' }],
    ['403 blocked', error(403, 'ACCOUNT_DISABLED', 'flat'), { action: 'give-up' }],
    ['a network failure', new TypeError('fetch failed'), { action: 'retry', maxRetries: Infinity }],
    ['an abort', new DOMException('aborted', 'AbortError'), { action: 'give-up' }],
    ['anything else', new Error('bug'), { action: 'give-up' }],
  ])('%s', (_name, value, advice) => {
    expect(retryPolicy(value)).toEqual(advice);
  });
});

describe('userMessage', () => {
  it('has a sentence for the catalog codes, the named codes and the statuses', () => {
    expect(userMessage(error(401, 99))).toBe('Your session has expired. Please log in again.');
    expect(userMessage(error(400, 88, 'problem'))).toBe('Please check your input and try again.');
    expect(userMessage(error(401, 'SESSION_EXPIRED', 'flat'))).toBe(
      'Your session has expired. Please log in again.',
    );
    expect(userMessage(error(429))).toBe('Too many requests. Please wait a moment and try again.');
    expect(userMessage(error(418))).toBe('An unexpected error occurred.');
    expect(userMessage(new TypeError('Failed to fetch'))).toMatch(/could not reach the server/);
    expect(userMessage('nonsense')).toBe('An unexpected error occurred.');
  });

  it('reads catalog codes only in the formats that carry them', () => {
    // error_code's 10 is "not found", not the catalog's "Not Supported".
    expect(userMessage(error(400, 22, 'error_code'))).toBe(
      'Please check your input and try again.',
    );
    expect(userMessage(error(400, 22, 'meta'))).toBe('The password is not correct.');
  });

  it('never shows the description of a 5xx', () => {
    const leaky = error(500, 77, 'meta', {
      description: { details: 'FOREIGN KEY constraint failed' },
    });
    expect(userMessage(leaky)).toBe('Something went wrong. Please try again later.');
    expect(userMessage(error(503, 503, 'meta', { description: 'db-7 is down' }))).not.toContain(
      'db-7',
    );
  });

  it('uses your messages first, by code then status, as text or made from the error', () => {
    const outOfStock = error(409, 32, 'meta', { description: 'Only 3 left of Green Tea' });
    const messages = {
      32: (e: ApiError) => `Sorry: ${String(e.description)}`,
      409: 'Conflict',
      500: 'Our fault, sorry.',
    };
    expect(userMessage(outOfStock, messages)).toBe('Sorry: Only 3 left of Green Tea');
    expect(userMessage(error(409, 'CONFLICT', 'flat'), messages)).toBe('Conflict');
    expect(userMessage(error(500), messages)).toBe('Our fault, sorry.');
  });

  it('is not fooled by codes that are names of Object members', () => {
    expect(userMessage(error(400, 'constructor', 'flat'))).toBe(
      'Please check your input and try again.',
    );
    expect(userMessage(error(400, 'toString', 'meta'), {})).toBe(
      'Please check your input and try again.',
    );
  });
});

describe('isApiError', () => {
  it('narrows by code, by a catalog entry, and by an entry in every format', () => {
    const meta = error(401, 99);
    const flat = error(401, 'UNAUTHORIZED', 'flat');
    expect(isApiError(meta)).toBe(true);
    expect(isApiError(new Error('x'))).toBe(false);
    expect(isApiError(meta, 99)).toBe(true);
    expect(isApiError(meta, 88)).toBe(false);
    expect(isApiError(meta, { code: 99 })).toBe(true);
    expect(isApiError(meta, ERR_AUTH_REQUIRED)).toBe(true);
    expect(isApiError(flat, ERR_AUTH_REQUIRED)).toBe(true);
    expect(isApiError(flat, ERR_OUT_OF_STOCK)).toBe(false);
    expect(isApiError(error(502), ERR_AUTH_REQUIRED)).toBe(false);
    const value: unknown = flat;
    if (!isApiError(value, ERR_AUTH_REQUIRED)) throw new Error('not narrowed');
    // The narrowed code is the entry's code in any format.
    const code: 99 | 401 | 'UNAUTHORIZED' | 7 | undefined = value.code;
    expect(code).toBe('UNAUTHORIZED');
  });
});

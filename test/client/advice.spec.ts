import {
  ApiError,
  type ApiErrorCode,
  type ApiErrorFormat,
  isApiError,
  isNetworkFailure,
  retryPolicy,
  userMessage,
} from 'nestjs-api-errors/client';
import { ERR_AUTH_REQUIRED, ERR_OUT_OF_STOCK } from '../../sample/catalog/catalog.js';
import { freePort } from '../helpers/free-port.js';

const error = (
  status: number,
  code?: ApiErrorCode,
  format: ApiErrorFormat | undefined = code === undefined ? undefined : 'meta',
  extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {},
) => new ApiError({ status, code, format, ...extra });

/** Safari's network failure: a TypeError `Load failed` without a stack. */
function safariLoadFailed(): TypeError {
  const failure = new TypeError('Load failed');
  delete failure.stack;
  return failure;
}

const RETRY = { action: 'retry', maxRetries: Infinity };
const GIVE_UP = { action: 'give-up' };

describe('retryPolicy', () => {
  // [case, error, advice for an idempotent request, advice for one that is not]
  it.each([
    [
      '429',
      error(429, 429, 'meta', { retryAfterMs: 1500 }),
      { ...RETRY, delayMs: 1500 },
      { ...RETRY, delayMs: 1500 },
    ],
    ['429 without Retry-After', error(429), RETRY, RETRY],
    [
      '503 with Retry-After',
      error(503, 'SERVICE_UNAVAILABLE', 'flat', { retryAfterMs: 1000 }),
      { ...RETRY, delayMs: 1000 },
      { ...RETRY, delayMs: 1000 },
    ],
    ['503 without Retry-After', error(503, 'SERVICE_UNAVAILABLE', 'flat'), RETRY, GIVE_UP],
    ['502 from a proxy', error(502), RETRY, GIVE_UP],
    ['504', error(504), RETRY, GIVE_UP],
    ['77 database', error(500, 77), RETRY, GIVE_UP],
    ['DATABASE_ERROR', error(500, 'DATABASE_ERROR', 'flat'), RETRY, GIVE_UP],
    ['error_code 12', error(500, 12, 'error_code'), RETRY, GIVE_UP],
    ['500 Unknown Error', error(500, 500), { action: 'retry', maxRetries: 1 }, GIVE_UP],
    ['500 without a body', error(500), { action: 'retry', maxRetries: 1 }, GIVE_UP],
    ['501', error(501), GIVE_UP, GIVE_UP],
    ['505', error(505), GIVE_UP, GIVE_UP],
    ['99', error(401, 99), { action: 'reauthenticate' }, { action: 'reauthenticate' }],
    [
      'SESSION_EXPIRED',
      error(401, 'SESSION_EXPIRED', 'flat'),
      { action: 'reauthenticate' },
      { action: 'reauthenticate' },
    ],
    ['88', error(400, 88), { action: 'fix-request' }, { action: 'fix-request' }],
    [
      '422',
      error(422, 'VALIDATION_ERROR', 'flat'),
      { action: 'fix-request' },
      { action: 'fix-request' },
    ],
    [
      'field violations',
      error(400, 5, 'error_code', { violations: [{ path: 'quantity', message: 'x' }] }),
      { action: 'fix-request' },
      { action: 'fix-request' },
    ],
    ['22', error(400, 22), GIVE_UP, GIVE_UP],
    ['404', error(404, 10), GIVE_UP, GIVE_UP],
    ['409', error(409, 32), GIVE_UP, GIVE_UP],
    ['403 blocked', error(403, 'ACCOUNT_DISABLED', 'flat'), GIVE_UP, GIVE_UP],
    ['Node: fetch failed', new TypeError('fetch failed'), RETRY, GIVE_UP],
    ['Chromium: Failed to fetch', new TypeError('Failed to fetch'), RETRY, GIVE_UP],
    ['Firefox', new TypeError('NetworkError when attempting to fetch resource.'), RETRY, GIVE_UP],
    ['React Native', new TypeError('Network request failed'), RETRY, GIVE_UP],
    [
      'Safari 16 offline',
      new TypeError('The Internet connection appears to be offline.'),
      RETRY,
      GIVE_UP,
    ],
    ['Safari 17: Load failed, without a stack', safariLoadFailed(), RETRY, GIVE_UP],
    ['a bug: Load failed with a stack', new TypeError('Load failed'), GIVE_UP, GIVE_UP],
    [
      'a bug in the code around fetch',
      new TypeError("Cannot read properties of undefined (reading 'json')"),
      GIVE_UP,
      GIVE_UP,
    ],
    [
      'a request fetch refuses to send',
      new TypeError("Failed to execute 'fetch' on 'Window': Invalid name"),
      GIVE_UP,
      GIVE_UP,
    ],
    ['not a TypeError', new Error('fetch failed'), GIVE_UP, GIVE_UP],
    ['an abort', new DOMException('aborted', 'AbortError'), GIVE_UP, GIVE_UP],
    ['anything else', new Error('bug'), GIVE_UP, GIVE_UP],
  ])('%s', (_name, value, idempotent, notIdempotent) => {
    expect(retryPolicy(value, { idempotent: true })).toEqual(idempotent);
    expect(retryPolicy(value, { idempotent: false })).toEqual(notIdempotent);
    expect(retryPolicy(value)).toEqual(notIdempotent);
  });
});

describe('isNetworkFailure', () => {
  it('is what fetch rejects with when no answer came, and nothing else', async () => {
    const port = await freePort();
    const refused = await fetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => error);
    expect(isNetworkFailure(refused)).toBe(true);
    expect(isNetworkFailure(safariLoadFailed())).toBe(true);
    const bug = await Promise.resolve()
      .then(() => (undefined as unknown as { json(): unknown }).json())
      .catch((error: unknown) => error);
    expect(bug).toBeInstanceOf(TypeError);
    expect(isNetworkFailure(bug)).toBe(false);
    const refusedToSend = await fetch('http://127.0.0.1:1/', {
      headers: { 'bad name': 'x' },
    }).catch((error: unknown) => error);
    expect(refusedToSend).toBeInstanceOf(TypeError);
    expect(isNetworkFailure(refusedToSend)).toBe(false);
    for (const value of [undefined, null, 'fetch failed', { message: 'fetch failed' }]) {
      expect(isNetworkFailure(value)).toBe(false);
    }
  });
});

describe('ApiError', () => {
  it('is frozen, and a subclass with its own fields can be made', () => {
    expect(Object.isFrozen(error(404, 10))).toBe(true);
    class CheckoutError extends ApiError {
      readonly step: string = 'payment';
    }
    const checkout = new CheckoutError({ status: 409, code: 32, format: 'meta' });
    expect(checkout).toBeInstanceOf(ApiError);
    expect(checkout).toMatchObject({ status: 409, code: 32, step: 'payment', name: 'ApiError' });
    expect(isApiError(checkout, 32)).toBe(true);
    expect(Object.isFrozen(checkout.violations)).toBe(true);
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
    expect(userMessage(new TypeError('x is not a function'))).toBe('An unexpected error occurred.');
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

import { isApiError } from './is-api-error.js';

/**
 * What to do about a failed request:
 * - `retry`: a passing failure; try again after a wait, at most `maxRetries` times;
 * - `reauthenticate`: the session is gone; clear the token and log in again;
 * - `fix-request`: the input was refused; show the violations, do not resend as is;
 * - `give-up`: retrying will not help; tell the user.
 *
 * @publicApi
 */
export type RetryAdvice =
  | {
      readonly action: 'retry';
      /** Most retries this error is worth (an unknown 500: one). */
      readonly maxRetries: number;
      /** The wait the server asked for, in ms, if it did. */
      readonly delayMs?: number;
    }
  | { readonly action: 'reauthenticate' | 'fix-request' | 'give-up' };

const BACKOFF = (delayMs?: number): RetryAdvice => ({
  action: 'retry',
  maxRetries: Number.POSITIVE_INFINITY,
  delayMs,
});

/**
 * What to do about an error, by its status first and its code second:
 *
 * | Error | Advice |
 * |---|---|
 * | 429, 503, 502, 504, other 5xx, a database error (77) | `retry` with backoff, honouring `Retry-After` |
 * | 500 `Unknown Error` (or any 500 the envelope does not tell apart) | `retry` once |
 * | 501, 505 (never change on their own) | `give-up` |
 * | 401 (code 99) | `reauthenticate` |
 * | 422, code 88, or any field violations | `fix-request` |
 * | any other 4xx, or an answer with no status | `give-up` |
 * | a network failure (`fetch` rejects with a `TypeError`) | `retry` with backoff |
 * | an abort, or anything else thrown | `give-up` |
 *
 * @publicApi
 */
export function retryPolicy(error: unknown): RetryAdvice {
  if (!isApiError(error)) {
    return error instanceof TypeError ? BACKOFF() : { action: 'give-up' };
  }
  const { status, code, format, retryAfterMs, violations } = error;
  if (status === 401) return { action: 'reauthenticate' };
  if (status === 429 || status === 503) return BACKOFF(retryAfterMs);
  if (status === 500) {
    const database =
      code === 77 || code === 'DATABASE_ERROR' || (code === 12 && format === 'error_code');
    return database ? BACKOFF(retryAfterMs) : { action: 'retry', maxRetries: 1 };
  }
  if (status > 500 && status !== 501 && status !== 505 && status < 600) {
    return BACKOFF(retryAfterMs);
  }
  const invalidInput = status === 422 || code === 88 || violations.length > 0;
  return { action: invalidInput ? 'fix-request' : 'give-up' };
}

import { isApiError } from './is-api-error.js';
import { isNetworkFailure } from './network-failure.js';

/**
 * What to do about a failed request:
 * - `retry`: a passing failure; try again after a wait, at most `maxRetries` times;
 * - `reauthenticate`: the session is gone; clear the token and log in again;
 * - `fix-request`: the input was refused; show the violations, do not resend as is;
 * - `give-up`: retrying will not help, or could do the request's work twice; tell the user.
 *
 * @publicApi
 */
export type RetryAdvice =
  | {
      /** Try again. */
      readonly action: 'retry';
      /** Most retries this error is worth (an unknown 500: one). */
      readonly maxRetries: number;
      /** The wait the server asked for, in ms, if it did. */
      readonly delayMs?: number;
    }
  | {
      /** Anything but trying the same request again. */
      readonly action: 'reauthenticate' | 'fix-request' | 'give-up';
    };

/** What {@link retryPolicy} weighs besides the error. @publicApi */
export interface RetryPolicyOptions {
  /**
   * Whether sending the request again does no more than sending it once:
   * GET, HEAD, OPTIONS, PUT and DELETE are by definition (RFC 9110), a POST
   * is when the server honours an idempotency key it carries. Unless it is,
   * a failure is retried only when the server says it did nothing (429, or
   * 503 with `Retry-After`): a lost connection or a 500 may come after the
   * work was done. @default false
   */
  readonly idempotent?: boolean;
}

const BACKOFF = (delayMs?: number): RetryAdvice => ({
  action: 'retry',
  maxRetries: Infinity,
  delayMs,
});

const GIVE_UP = (): RetryAdvice => ({ action: 'give-up' });

/**
 * What to do about an error, by its status first and its code second:
 *
 * | Error | Advice |
 * |---|---|
 * | 429, or 503 with `Retry-After` (the server did nothing) | `retry` with backoff, honouring `Retry-After` |
 * | idempotent only: other 503, 502, 504, other 5xx, a database error (77) | `retry` with backoff, honouring `Retry-After` |
 * | idempotent only: 500 `Unknown Error` (or any 500 the envelope does not tell apart) | `retry` once |
 * | 5xx of a request that is not idempotent; 501, 505 (never change on their own) | `give-up` |
 * | 401 (code 99) | `reauthenticate` |
 * | 422, code 88, or any field violations | `fix-request` |
 * | any other 4xx, or an answer with no status | `give-up` |
 * | idempotent only: a network failure (see {@link isNetworkFailure}) | `retry` with backoff |
 * | an abort, or anything else thrown | `give-up` |
 *
 * @example
 * retryPolicy(error, { idempotent: request.method === 'GET' });
 *
 * @publicApi
 */
export function retryPolicy(error: unknown, { idempotent }: RetryPolicyOptions = {}): RetryAdvice {
  if (!isApiError(error)) return idempotent && isNetworkFailure(error) ? BACKOFF() : GIVE_UP();
  const { status, code, format, retryAfterMs, violations } = error;
  if (status === 401) return { action: 'reauthenticate' };
  if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
    return BACKOFF(retryAfterMs);
  }
  if (status >= 500 && status < 600) {
    if (!idempotent || status === 501 || status === 505) return GIVE_UP();
    const database =
      code === 77 || code === 'DATABASE_ERROR' || (code === 12 && format === 'error_code');
    return status > 500 || database ? BACKOFF(retryAfterMs) : { action: 'retry', maxRetries: 1 };
  }
  const invalidInput = status === 422 || code === 88 || violations.length > 0;
  return invalidInput ? { action: 'fix-request' } : GIVE_UP();
}

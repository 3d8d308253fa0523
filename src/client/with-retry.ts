import type { ApiErrorCode } from './api-error.js';
import { parseApiError, type ParseApiErrorOptions } from './parse-api-error.js';
import { type RetryAdvice, retryPolicy, type RetryPolicyOptions } from './retry-policy.js';

/** Time, injectable so tests run without waiting. @publicApi */
export interface RetryClock {
  /** Milliseconds since some fixed point. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** One retry about to happen, for logging. @publicApi */
export interface RetryEvent {
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  /** How long the wait before the next attempt is, in ms. */
  readonly delayMs: number;
  /** What the attempt failed with. */
  readonly error: unknown;
}

/**
 * Options of {@link withRetry}; `idempotent` says whether the request may be
 * sent again whatever the server did with it (by default it may not).
 *
 * @publicApi
 */
export interface RetryOptions extends RetryPolicyOptions {
  /** Most attempts in all, the first included (1-10). @default 3 */
  readonly maxAttempts?: number;
  /** The first backoff's ceiling; each retry doubles it. @default 1000 */
  readonly baseDelayMs?: number;
  /** Longest single wait: a server asking for more is not waited for. @default 30000 */
  readonly maxDelayMs?: number;
  /** Longest time in all: no wait starts that would end after it. @default 60000 */
  readonly maxElapsedMs?: number;
  /** Stops the waiting (and is for `fn` to pass on to `fetch`). */
  readonly signal?: AbortSignal;
  /** Decides per error, given these options; by default {@link retryPolicy}. */
  readonly policy?: (error: unknown, options: RetryPolicyOptions) => RetryAdvice;
  /** Called before each wait. */
  readonly onRetry?: (event: RetryEvent) => void;
  /** How answers that are not `ok` are read. */
  readonly parse?: ParseApiErrorOptions<ApiErrorCode>;
  /**
   * The time waits are measured and taken in, for tests.
   * @default the real clock (`Date.now`, `setTimeout`)
   */
  readonly clock?: RetryClock;
  /** A number in [0, 1), for the jitter. @default Math.random */
  readonly random?: () => number;
}

/** The signal's reason, or an `AbortError` where the platform gives none. */
function abortError(signal: AbortSignal): Error {
  return (
    (signal.reason as Error | undefined) ??
    Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })
  );
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

const realClock: RetryClock = {
  now: Date.now,
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const done = () => {
        clearTimeout(timer);
        reject(abortError(signal as AbortSignal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', done);
        resolve();
      }, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};

const bounded = (value: number | undefined, fallback: number, min: number, max: number) =>
  Math.min(max, Math.max(min, Number.isFinite(value) ? (value as number) : fallback));

/**
 * Calls `fn` until it succeeds, retrying what {@link retryPolicy} says is
 * worth it, with exponential backoff and full jitter (a random wait up to
 * `baseDelayMs * 2^retry`), or exactly the wait the server asked for
 * (`Retry-After`, `retry_after`). A `fetch` Response that is not `ok` counts as
 * a failure: it is read into an `ApiError`, which is what is thrown when
 * retrying stops. Say `idempotent: true` for a request that may be sent
 * twice (a GET): any other is retried only when the server did nothing.
 *
 * @example
 * const response = await withRetry(() => fetch('/api/v2/products'), { idempotent: true, signal });
 *
 * @publicApi
 */
export async function withRetry<T>(
  fn: (attempt: number) => T | Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const clock = options.clock ?? realClock;
  const random = options.random ?? Math.random;
  const policy = options.policy ?? retryPolicy;
  const maxAttempts = bounded(options.maxAttempts, 3, 1, 10);
  const baseDelayMs = bounded(options.baseDelayMs, 1000, 0, 60_000);
  const maxDelayMs = bounded(options.maxDelayMs, 30_000, 0, 3_600_000);
  const deadline = clock.now() + bounded(options.maxElapsedMs, 60_000, 0, 86_400_000);
  const { signal } = options;
  for (let attempt = 1; ; attempt++) {
    checkAborted(signal);
    let error: unknown;
    try {
      const result = await fn(attempt);
      if (!isFailedResponse(result)) return result;
      error = await parseApiError(result, options.parse);
    } catch (thrown) {
      error = thrown;
    }
    checkAborted(signal);
    const advice = policy(error, options);
    if (advice.action !== 'retry' || attempt >= maxAttempts || attempt > advice.maxRetries) {
      throw error;
    }
    const delayMs =
      advice.delayMs ?? random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    if (delayMs > maxDelayMs || clock.now() + delayMs > deadline) throw error;
    options.onRetry?.({ attempt, delayMs, error });
    await clock.sleep(delayMs, signal);
  }
}

/** A `fetch` Response (or alike) answering an error. */
function isFailedResponse(value: unknown): value is Response {
  return (
    (value as Response | undefined)?.ok === false && typeof (value as Response).text === 'function'
  );
}

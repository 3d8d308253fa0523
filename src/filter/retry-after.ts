import type { ErrorReport } from '../report/error-report.interface.js';

/** Longest wait an error asks for (a day): a larger number would be written as `1e+300`. */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

/** A number of seconds HTTP can carry: finite and not negative. */
function isWait(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Checks a configured default once, at start-up. */
export function validRetryAfter(seconds: number): number {
  if (!isWait(seconds) || seconds > MAX_RETRY_AFTER_SECONDS) {
    throw new TypeError(
      `defaultRetryAfterSeconds must be a number of seconds from 0 to ${MAX_RETRY_AFTER_SECONDS}, got ${String(seconds)}`,
    );
  }
  return seconds;
}

/**
 * Settles how long a 429 or 503 asks the client to wait: what the error
 * says, else a `Retry-After` header already on the response (a rate limiter
 * such as @nestjs/throttler sets one before it throws), else the default.
 * `force` settles it for any status, when a format answers 429 or 503 for an
 * entry that is neither.
 */
export function settleRetryAfter(
  report: ErrorReport,
  headerOnResponse: unknown,
  defaultSeconds: number,
  force = false,
): ErrorReport {
  if (isWait(report.retryAfter)) {
    return report.retryAfter > MAX_RETRY_AFTER_SECONDS
      ? { ...report, retryAfter: MAX_RETRY_AFTER_SECONDS }
      : report;
  }
  const status = report.definition.status;
  if (!force && status !== 429 && status !== 503) return report;
  const fromHeader = secondsOf(headerOnResponse);
  const wait = fromHeader ?? defaultSeconds;
  return { ...report, retryAfter: Math.min(wait, MAX_RETRY_AFTER_SECONDS) };
}

/** HTTP's two forms of the header: seconds (a fraction is rounded up when sent), or an HTTP date (IMF-fixdate). */
const DELAY_SECONDS = /^\s*\d+(?:\.\d+)?\s*$/;
const HTTP_DATE = /^\s*[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\s*$/;

/**
 * The wait a `Retry-After` header already on the response asks for, or
 * `undefined` when it is neither of HTTP's forms. Express keeps header values
 * as strings; Fastify keeps the number it was given. A date is the seconds
 * left until it (0 once it has passed), so a limiter that sets dates keeps
 * its wait rather than getting the default.
 */
function secondsOf(header: unknown): number | undefined {
  if (typeof header === 'number') return isWait(header) ? header : undefined;
  if (typeof header !== 'string') return undefined;
  if (DELAY_SECONDS.test(header)) return Number(header);
  if (!HTTP_DATE.test(header)) return undefined;
  const until = Date.parse(header);
  return Number.isNaN(until) ? undefined : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

/** HTTP's Retry-After is whole seconds; a fractional wait rounds up. */
export function retryAfterHeader(seconds: number): string {
  return String(Math.ceil(seconds));
}

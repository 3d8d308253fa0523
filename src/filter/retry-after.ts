import type { ErrorReport } from '../report/error-report.interface.js';

/** Statuses whose answer says when to come back. */
export function needsRetryAfter(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * Settles how long a 429 or 503 asks the client to wait: what the error
 * says, else a `Retry-After` header already on the response (a rate limiter
 * such as @nestjs/throttler sets one before it throws), else the default.
 */
export function settleRetryAfter(
  report: ErrorReport,
  headerOnResponse: unknown,
  defaultSeconds: number,
): ErrorReport {
  if (!needsRetryAfter(report.definition.status) || report.retryAfter !== undefined) return report;
  // Express keeps header values as strings; Fastify keeps the number it was given.
  const readable = typeof headerOnResponse === 'string' || typeof headerOnResponse === 'number';
  const fromHeader = readable && headerOnResponse !== '' ? Number(headerOnResponse) : Number.NaN;
  const retryAfter = Number.isFinite(fromHeader) && fromHeader >= 0 ? fromHeader : defaultSeconds;
  return { ...report, retryAfter };
}

/** HTTP's Retry-After is whole seconds; a fractional wait rounds up. */
export function retryAfterHeader(seconds: number): string {
  return String(Math.max(0, Math.ceil(seconds)));
}

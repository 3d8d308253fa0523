import { freezeEntry } from './define-error.js';
import type { ErrorDefinition } from './error-definition.interface.js';
import { HTTP_STATUS_PHRASES } from './http-status-phrases.js';

/**
 * One frozen definition per standard error status (code = status, title =
 * reason phrase), built once at load so mapping an exception by status
 * allocates nothing.
 */
const BY_STATUS: ReadonlyMap<number, ErrorDefinition> = new Map(
  [...HTTP_STATUS_PHRASES].map(([status, title]) => [
    status,
    freezeEntry({ status, code: status, title }),
  ]),
);

/** Every generic status entry, for tables that precompute what they answer for each. */
export const STATUS_DEFINITIONS: readonly ErrorDefinition[] = Object.freeze([
  ...BY_STATUS.values(),
]);

/**
 * The generic catalog entry of an error status (400-599):
 * `{ status, code: status, title: reason phrase }`.
 *
 * @example
 * throw new AppError(definitionForStatus(429), 'Slow down', { retryAfter: 2 });
 *
 * @publicApi
 */
export function definitionForStatus(status: number): ErrorDefinition {
  const known = BY_STATUS.get(status);
  if (known !== undefined) return known;
  if (!isErrorStatus(status))
    throw new TypeError(`${String(status)} is not an error status (400-599)`);
  return freezeEntry({
    status,
    code: status,
    title: status >= 500 ? 'Server Error' : 'Client Error',
  });
}

/** Whether a value is a status this library answers errors with (400-599). */
export function isErrorStatus(status: unknown): status is number {
  return Number.isInteger(status) && (status as number) >= 400 && (status as number) <= 599;
}

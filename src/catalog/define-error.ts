import type { ErrorDefinition } from './error-definition.interface.js';

/**
 * Creates a catalog entry with the same guarantees as the built-in ones:
 * checked once, copied, and frozen so no request can ever change it.
 *
 * @example
 * export const ERR_OUT_OF_STOCK = defineError({ status: 409, code: 31, title: 'Out Of Stock' });
 *
 * @publicApi
 */
export function defineError(definition: ErrorDefinition): ErrorDefinition {
  const { status, code, title } = definition ?? ({} as ErrorDefinition);
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new TypeError(
      `defineError: status must be an HTTP status (100-599), got ${String(status)}`,
    );
  }
  const codeIsValid =
    (typeof code === 'number' && Number.isFinite(code)) ||
    (typeof code === 'string' && code.length > 0);
  if (!codeIsValid) {
    throw new TypeError(`defineError: code must be a finite number or a non-empty string`);
  }
  if (typeof title !== 'string' || title.trim() === '') {
    throw new TypeError(`defineError: title must be a non-empty string`);
  }
  // A fresh object, so freezing never reaches into an object the caller still holds.
  return Object.freeze({ status, code, title });
}

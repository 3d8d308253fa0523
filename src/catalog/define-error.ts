import type { ErrorDefinition } from './error-definition.interface.js';

/**
 * Every code defined in this process, so two entries can never share one.
 * Entries are module constants, so it fills while modules load; define
 * entries there, not per request.
 */
const DEFINED = new Map<number | string, ErrorDefinition>();

/**
 * Creates a catalog entry with the same guarantees as the built-in ones:
 * checked once, copied, frozen so no request can ever change it, and unique
 * by code. Defining the same entry twice (same status, code and title) gives
 * back the first one; a code already taken by another entry, or a status that
 * is not an error status (400-599), is refused at start-up.
 *
 * The literal code and status are kept in the type, so an application's
 * codes form a union: `(typeof ERR_OUT_OF_STOCK)['code']` is `32`.
 *
 * @example
 * export const ERR_OUT_OF_STOCK = defineError({ status: 409, code: 32, title: 'Out Of Stock' });
 *
 * @publicApi
 */
export function defineError<const TCode extends number | string, const TStatus extends number>(
  definition: ErrorDefinition<TCode, TStatus>,
): ErrorDefinition<TCode, TStatus> {
  const entry = checkedEntry(definition);
  const existing = DEFINED.get(entry.code);
  if (existing === undefined) {
    DEFINED.set(entry.code, entry);
    return entry;
  }
  if (existing.status === entry.status && existing.title === entry.title) {
    return existing as ErrorDefinition<TCode, TStatus>;
  }
  throw new TypeError(
    `defineError: code ${JSON.stringify(entry.code)} is already ${describe(existing)}; ` +
      `${describe(entry)} needs a code of its own`,
  );
}

/**
 * A frozen entry for any status, registered nowhere: the generic entry of an
 * HTTP status (`{ status: 404, code: 404, title: 'Not Found' }`) and the
 * catalog's `OK` are not codes an application defines.
 */
export function freezeEntry<const TCode extends number | string, const TStatus extends number>(
  definition: ErrorDefinition<TCode, TStatus>,
): ErrorDefinition<TCode, TStatus> {
  return Object.freeze({
    status: definition.status,
    code: definition.code,
    title: definition.title,
  });
}

/**
 * A checked, frozen entry: the definition itself when it is frozen already
 * (a `defineError` entry keeps its identity), else a frozen copy.
 * `where` names the caller in the error, e.g. `statusMap[409]`.
 */
export function checkedEntry<TCode extends number | string, TStatus extends number>(
  definition: ErrorDefinition<TCode, TStatus>,
  where = 'defineError',
): ErrorDefinition<TCode, TStatus> {
  const { status, code, title } = definition ?? ({} as ErrorDefinition<TCode, TStatus>);
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new TypeError(
      `${where}: status must be an HTTP error status (400-599), got ${String(status)}`,
    );
  }
  const codeIsValid =
    (typeof code === 'number' && Number.isFinite(code)) ||
    (typeof code === 'string' && code.length > 0);
  if (!codeIsValid) {
    throw new TypeError(`${where}: code must be a finite number or a non-empty string`);
  }
  if (typeof title !== 'string' || title.trim() === '') {
    throw new TypeError(`${where}: title must be a non-empty string`);
  }
  if (Object.isFrozen(definition) && Object.keys(definition).length === 3) return definition;
  // A fresh object, so freezing never reaches into an object the caller still holds.
  return freezeEntry({ status, code, title });
}

function describe(entry: ErrorDefinition): string {
  return `"${entry.title}" (status ${entry.status}, code ${JSON.stringify(entry.code)})`;
}

import { checkedEntry } from '../catalog/define-error.js';
import {
  ERR_AUTH_REQUIRED,
  ERR_INVALID_PARAMETER,
  ERR_NOT_SUPPORTED,
  ERR_UNKNOWN,
} from '../catalog/error-catalog.js';
import type { ErrorDefinition } from '../catalog/error-definition.interface.js';
import { definitionForStatus } from '../catalog/status-definitions.js';

/** Catalog entries that stand for a whole HTTP status when an exception has no entry of its own. */
const DEFAULT_STATUS_MAP: Readonly<Record<number, ErrorDefinition>> = Object.freeze({
  400: ERR_INVALID_PARAMETER,
  401: ERR_AUTH_REQUIRED,
  404: ERR_NOT_SUPPORTED,
  500: ERR_UNKNOWN,
});

/** Finds the catalog entry an exception of a given HTTP status renders as. */
export type StatusMapper = (status: number) => ErrorDefinition;

/**
 * Builds the status lookup once at start-up: the defaults, then the
 * application's overrides (checked, and kept as they are when already
 * frozen, so a `defineError` entry stays itself), then the generic
 * `{ code: status, title: reason phrase }` entry.
 */
export function createStatusMapper(
  overrides: Readonly<Record<number, ErrorDefinition>> = {},
): StatusMapper {
  const table = new Map<number, ErrorDefinition>();
  for (const [key, definition] of Object.entries({ ...DEFAULT_STATUS_MAP, ...overrides })) {
    const status = Number(key);
    if (definition?.status !== status) {
      throw new TypeError(`statusMap[${key}] must be an entry with status ${key}`);
    }
    table.set(status, checkedEntry(definition, `statusMap[${key}]`));
  }
  return (status) => table.get(status) ?? definitionForStatus(status);
}

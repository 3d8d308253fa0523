import { checkedEntry } from '../catalog/define-error.js';
import type { ErrorDefinition } from '../catalog/error-definition.interface.js';

/** Finds the catalog entry of an `HttpException`'s string `errorCode`, if the app mapped one. */
export type ErrorCodeMapper = (errorCode: string) => ErrorDefinition | undefined;

/** Built once at start-up from the `errorCodes` option; entries are checked like any other. */
export function createErrorCodeMapper(
  errorCodes: Readonly<Record<string, ErrorDefinition>> = {},
): ErrorCodeMapper {
  const table = new Map<string, ErrorDefinition>();
  for (const [errorCode, definition] of Object.entries(errorCodes)) {
    table.set(errorCode, checkedEntry(definition, `errorCodes.${errorCode}`));
  }
  return (errorCode) => table.get(errorCode);
}

import { checkedEntry } from '../catalog/define-error.js';
import type { ErrorDefinition } from '../catalog/error-definition.interface.js';
import type { ErrorDescription } from '../report/error-description.type.js';
import { readMetadata, writeMetadata } from './metadata.util.js';

/**
 * One error a route can answer: a catalog entry (built-in or made with
 * `defineError`), alone or with the description its example shows.
 *
 * @publicApi
 */
export type ApiErrorEntry =
  ErrorDefinition | readonly [definition: ErrorDefinition, description: ErrorDescription];

/** A checked entry as the metadata keeps it. */
export interface DocumentedEntry {
  readonly definition: ErrorDefinition;
  readonly description?: ErrorDescription;
}

/** @internal Metadata key of `@ApiErrors()`. */
export const API_ERRORS = 'nestjs-api-errors:api-errors';

/**
 * Documents the errors a route (or every route of a controller) answers. It
 * only records them: `documentErrors()` renders each in the format the app is
 * configured with, under the status that format answers, when the document is
 * built. Decorators add up; on a controller and on a handler, both apply.
 * For example, above a login handler:
 * `@ApiErrors([ERR_USER_NOT_EXISTS, 'No account found with this email'], ERR_PASSWORD_NOT_MATCH)`
 * (the README's Swagger section shows it in place).
 *
 * @publicApi
 */
export function ApiErrors(...entries: ApiErrorEntry[]): MethodDecorator & ClassDecorator {
  // Checked now, so a wrong entry fails the start-up, naming the decorator.
  const documented = entries.map(toDocumentedEntry);
  return (target: object, _property?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = (descriptor?.value as object | undefined) ?? target;
    const earlier = readMetadata<readonly DocumentedEntry[]>(API_ERRORS, holder) ?? [];
    writeMetadata(API_ERRORS, Object.freeze([...earlier, ...documented]), holder);
  };
}

/** What `@ApiErrors()` recorded for a handler: its controller's entries, then its own. */
export function documentedEntriesOf(
  controller: object,
  handler: object,
): readonly DocumentedEntry[] {
  return [
    ...(readMetadata<readonly DocumentedEntry[]>(API_ERRORS, controller) ?? []),
    ...(readMetadata<readonly DocumentedEntry[]>(API_ERRORS, handler) ?? []),
  ];
}

function toDocumentedEntry(entry: ApiErrorEntry, index: number): DocumentedEntry {
  const where = `@ApiErrors() entry ${index + 1}`;
  if (!Array.isArray(entry)) return { definition: checkedEntry(entry as ErrorDefinition, where) };
  const [definition, description] = entry as readonly [ErrorDefinition, ErrorDescription];
  if (!isDescription(description)) {
    throw new TypeError(
      `${where}: the description must be a string, an array of strings or an object`,
    );
  }
  return Object.freeze({ definition: checkedEntry(definition, where), description });
}

function isDescription(value: unknown): value is ErrorDescription {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  return typeof value === 'object' && value !== null;
}

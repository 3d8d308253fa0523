import { checkedEntry } from '../catalog/define-error.js';
import type { ErrorDefinition } from '../catalog/error-definition.interface.js';
import type { ErrorDescription } from '../report/error-description.type.js';
import { readMetadata, writeMetadata } from './metadata.util.js';

/**
 * What an `@ApiErrors()` entry's example shows besides its description, as
 * the route throws the error.
 *
 * @publicApi
 */
export interface ApiErrorEntryOptions {
  /**
   * Seconds the route asks the client to wait (the `retryAfter` it throws the
   * `AppError` with), for an error answered 429 or 503: formats whose body
   * carries the wait (`error`'s `retry_after`) show this one.
   * @default the module's `defaultRetryAfterSeconds`
   */
  retryAfter?: number;
}

/**
 * One error a route can answer: a catalog entry (built-in or made with
 * `defineError`), alone or with the description its example shows, and
 * optionally what else it is thrown with.
 *
 * @publicApi
 */
export type ApiErrorEntry =
  | ErrorDefinition
  | readonly [definition: ErrorDefinition, description: ErrorDescription]
  | readonly [
      definition: ErrorDefinition,
      description: ErrorDescription,
      options: ApiErrorEntryOptions,
    ];

/** A checked entry as the metadata keeps it. */
export interface DocumentedEntry {
  readonly definition: ErrorDefinition;
  readonly description?: ErrorDescription;
  readonly retryAfter?: number;
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
  const [definition, description, options] = entry as readonly [
    ErrorDefinition,
    ErrorDescription,
    ApiErrorEntryOptions?,
  ];
  if (!isDescription(description)) {
    throw new TypeError(
      `${where}: the description must be a string, an array of strings or an object`,
    );
  }
  const checked = { definition: checkedEntry(definition, where), description };
  if (options === undefined) return Object.freeze(checked);
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${where}: the options must be an object, e.g. { retryAfter: 5 }`);
  }
  const { retryAfter } = options;
  if (retryAfter === undefined) return Object.freeze(checked);
  if (typeof retryAfter !== 'number' || !Number.isFinite(retryAfter) || retryAfter < 0) {
    throw new TypeError(
      `${where}: retryAfter must be a number of seconds, 0 or more, got ${String(retryAfter)}`,
    );
  }
  return Object.freeze({ ...checked, retryAfter });
}

function isDescription(value: unknown): value is ErrorDescription {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  return typeof value === 'object' && value !== null;
}

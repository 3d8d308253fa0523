import { ApiError, type ApiErrorCode, type ApiErrorFormat } from './api-error.js';

/**
 * A catalog entry as the client knows it: the library's own `ERR_*`, an
 * app's `defineError` entry, or an entry of the catalog CLI's generated file,
 * whose `formats` give its code in each envelope.
 *
 * @publicApi
 */
export interface CatalogEntryLike<TCode extends ApiErrorCode = ApiErrorCode> {
  /** The entry's own code, as `meta` and `problem` answer it. */
  readonly code: TCode;
  /** The entry's code in each envelope (the generated file has them); by default `code`. */
  readonly formats?: Partial<Record<ApiErrorFormat, { readonly code: ApiErrorCode }>>;
}

/** Every code an entry is answered with, in any envelope. @publicApi */
export type CodesOf<TEntry> = TEntry extends { readonly code: infer C extends ApiErrorCode }
  ? | C
    | (TEntry extends { readonly formats: infer F }
        ? {
            [K in keyof F]: F[K] extends { readonly code: infer FC extends ApiErrorCode }
              ? FC
              : never;
          }[keyof F]
        : never)
  : never;

/**
 * Whether a value is an {@link ApiError}, and with a second argument, one of
 * that catalog entry (compared by the code it has in the error's envelope) or
 * that code.
 *
 * @example
 * if (isApiError(error, ERR_AUTH_REQUIRED)) redirectToLogin();
 *
 * @publicApi
 */
export function isApiError(value: unknown): value is ApiError;
export function isApiError<const TCode extends ApiErrorCode>(
  value: unknown,
  code: TCode,
): value is ApiError<TCode>;
export function isApiError<const TEntry extends CatalogEntryLike>(
  value: unknown,
  entry: TEntry,
): value is ApiError<CodesOf<TEntry>>;
export function isApiError(value: unknown, expected?: ApiErrorCode | CatalogEntryLike): boolean {
  if (!(value instanceof ApiError)) return false;
  if (expected === undefined) return true;
  if (typeof expected !== 'object') return value.code === expected;
  // No entry has a format named "undefined", so an error of no format finds none.
  const inFormat = expected.formats?.[value.format as ApiErrorFormat];
  return value.code !== undefined && value.code === (inFormat ?? expected).code;
}

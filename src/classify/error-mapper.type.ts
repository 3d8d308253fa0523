import type { ErrorReport } from '../report/error-report.interface.js';

/**
 * What a mapper may know of the request: its method and URL, nothing that
 * ties it to a transport.
 *
 * @publicApi
 */
export interface RequestFacts {
  /** HTTP method, e.g. `DELETE`. */
  readonly method: string;
  /** Request URL as received, path and query, e.g. `/api/v2/product/123?x=1`. */
  readonly url: string;
}

/**
 * Turns one kind of thrown value into an {@link ErrorReport}, or returns
 * `undefined` to let the next mapper try. Mappers run in order and the first
 * answer wins; an application's own mappers run before the built-in ones.
 *
 * @example
 * const uniqueViolation: ErrorMapper = (error) =>
 *   error instanceof QueryFailedError && error.driverError?.code === '23505'
 *     ? { definition: ERR_ALREADY_EXISTS, description: 'That email is already registered' }
 *     : undefined;
 *
 * @publicApi
 */
export type ErrorMapper = (exception: unknown, request: RequestFacts) => ErrorReport | undefined;

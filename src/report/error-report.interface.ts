import type { ErrorDefinition } from '../catalog/error-definition.interface.js';
import type { ErrorDescription } from './error-description.type.js';
import type { Violation } from './violation.interface.js';

/**
 * The one shape every error is turned into before it is rendered:
 * classification produces it, redaction trims it, formats read it. It holds
 * only what may be shown; the thrown value itself stays with the filter,
 * which logs it.
 *
 * @publicApi
 */
export interface ErrorReport {
  /** The catalog entry: HTTP status, code and title. */
  readonly definition: ErrorDefinition;
  /** What the client is told beyond the title; absent when there is nothing to say. */
  readonly description?: ErrorDescription;
  /** Field-level failures, when the error comes from validation. */
  readonly violations?: readonly Violation[];
  /** The specific cause within the entry (see `ErrorReasons`), for formats that tell causes apart. */
  readonly reason?: string;
  /** Seconds the client should wait before retrying (429, 503); sent as `Retry-After`. */
  readonly retryAfter?: number;
  /** Extra members a format shows next to its code and message (e.g. `min_version`). */
  readonly extras?: Readonly<Record<string, unknown>>;
  /**
   * The string code an `HttpException` was created with (Nest 12's
   * `errorCode` option), e.g. `ORDER_LOCKED`; formats with string codes send it.
   */
  readonly errorCode?: string;
}

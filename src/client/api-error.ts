/** The envelopes the client reads: the server's built-in formats. @publicApi */
export type ApiErrorFormat = 'meta' | 'error' | 'flat' | 'error_code' | 'problem';

/** A code as the wire carries it: a number (`88`) or a string (`"VALIDATION_ERROR"`). @publicApi */
export type ApiErrorCode = number | string;

/**
 * One failed field of a validation error, for the formats that name fields
 * (`flat`, `error_code`, `problem`).
 *
 * @publicApi
 */
export interface ApiViolation {
  /** Where the field is, e.g. `quantity` or `items[1].quantity`. */
  readonly path: string;
  /** The sentence about the field, e.g. `"quantity must be a positive integer"`. */
  readonly message: string;
  /** The field's own code, where the format has one (`flat`: `required`, `out_of_range`, ...). */
  readonly code?: string;
}

/**
 * What an {@link ApiError} is made from; {@link parseApiError} fills it from an
 * answer, and tests or adapters for other HTTP clients may build one by hand.
 *
 * @publicApi
 */
export interface ApiErrorInit<TCode extends ApiErrorCode> {
  /** The HTTP status of the answer (0 when there is none). */
  readonly status: number;
  /** The code the envelope carries; leave it out when the body is not an envelope. */
  readonly code?: TCode;
  /**
   * The envelope's message (`title` in `problem`); without one, the error's
   * message is `HTTP <status>`.
   */
  readonly message?: string;
  /** meta's `description`, problem's `detail`, the other formats' `details`, as sent. */
  readonly description?: unknown;
  /** The request id the answer names. */
  readonly requestId?: string;
  /** How long the server asked to wait before retrying, in ms. */
  readonly retryAfterMs?: number;
  /** The fields that failed validation; copied and frozen. @default [] */
  readonly violations?: readonly ApiViolation[];
  /** The envelope the body was read as. */
  readonly format?: ApiErrorFormat;
  /** The body as received. */
  readonly body?: unknown;
}

/**
 * An error answered by the API, normalised from any of the envelopes. Every
 * answer that is not a success becomes one, also when its body is not one of
 * ours (a proxy's HTML page, an empty body): then only `status` is known and
 * `code` and `format` are `undefined`. Frozen, with its `violations`, so a
 * handler can pass it on safely. A subclass is not frozen for you, since its
 * own fields are set after this constructor returns: freeze it at the end of
 * its constructor if you want the same.
 *
 * `TCode` is the union of codes your API answers (see the catalog CLI's
 * generated `ErrorCode`), so `switch (error.code)` is checked for
 * exhaustiveness.
 *
 * @publicApi
 */
export class ApiError<TCode extends ApiErrorCode = ApiErrorCode> extends Error {
  /** The HTTP status of the answer. */
  declare readonly status: number;
  /** The code the envelope carries; `undefined` when the body is not an envelope. */
  declare readonly code: TCode | undefined;
  /** meta's `description`, problem's `detail`, the other formats' `details`, as sent. */
  declare readonly description: unknown;
  /** The request id, from the `X-Request-Id` header or the body (`flat`, `problem`). */
  declare readonly requestId: string | undefined;
  /** How long the server asked to wait before retrying (`Retry-After`, `retry_after`), in ms. */
  declare readonly retryAfterMs: number | undefined;
  /** The fields that failed validation; empty when the format names none. */
  declare readonly violations: readonly ApiViolation[];
  /** The envelope the body was read as; `undefined` when it is none of them. */
  declare readonly format: ApiErrorFormat | undefined;
  /** The body as received: parsed JSON, or the (bounded) text when it is not JSON. */
  declare readonly body: unknown;

  constructor(init: ApiErrorInit<TCode>) {
    super(init.message ?? `HTTP ${init.status}`);
    // Every member is set, `undefined` included, so the shape is the same for any answer.
    Object.assign(this, {
      name: 'ApiError',
      status: init.status,
      code: init.code,
      description: init.description,
      requestId: init.requestId,
      retryAfterMs: init.retryAfterMs,
      violations: Object.freeze([...(init.violations ?? [])]),
      format: init.format,
      body: init.body,
    });
    // A subclass's own fields are set after this returns: it freezes itself, if it wants to.
    if (new.target === ApiError) Object.freeze(this);
  }
}

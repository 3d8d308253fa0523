/**
 * Machine tags for the specific cause of an error, finer than its catalog
 * entry: formats that tell these cases apart (an expired session
 * from a missing token, say) map them to their own codes. Applications may
 * tag their own errors with any string through `AppError`'s `reason` option.
 *
 * @publicApi
 */
export const ErrorReasons = Object.freeze({
  /** No route matches the method and path. */
  ROUTE_NOT_FOUND: 'route_not_found',
  /** The body is not valid JSON. */
  BODY_NOT_JSON: 'body_not_json',
  /** The body is empty but its Content-Type is JSON. */
  BODY_EMPTY: 'body_empty',
  /** The body is over the parser's size limit. */
  BODY_TOO_LARGE: 'body_too_large',
  /** The body's Content-Type, charset or encoding is not accepted. */
  BODY_UNSUPPORTED: 'body_unsupported',
  /** The body was cut short or its length is wrong. */
  BODY_INCOMPLETE: 'body_incomplete',
  /** The body's bytes are not what its Content-Encoding (gzip, deflate, br) says. */
  BODY_NOT_DECOMPRESSED: 'body_not_decompressed',
  /** The URL cannot be decoded. */
  URL_MALFORMED: 'url_malformed',
  /** Node's HTTP parser refused the request itself (bad request line, bad header bytes). */
  REQUEST_MALFORMED: 'request_malformed',
  /** The request's headers are over Node's size limit. */
  HEADERS_TOO_LARGE: 'headers_too_large',
  /** The request did not arrive in time. */
  REQUEST_TIMEOUT: 'request_timeout',
  /** Validation found field violations. */
  VALIDATION_FAILED: 'validation_failed',
  /** No usable bearer token was sent. */
  TOKEN_MISSING: 'token_missing',
  /** The token matches no session. */
  TOKEN_UNKNOWN: 'token_unknown',
  /** The session has expired. */
  SESSION_EXPIRED: 'session_expired',
  /** The token's `2f.` prefix does not match the user's two-factor setting. */
  TWO_FACTOR_MISMATCH: 'two_factor_mismatch',
  /** The account is blocked. */
  ACCOUNT_BLOCKED: 'account_blocked',
  /** The session store did not answer in time. */
  SESSION_CHECK_TIMEOUT: 'session_check_timeout',
  /** The client's version is older than the minimum. */
  VERSION_OUTDATED: 'version_outdated',
  /** The client's version string cannot be read. */
  INVALID_VERSION_FORMAT: 'invalid_version_format',
});

/** One of the library's own reasons; an application's reasons are any string. @publicApi */
export type ErrorReason = (typeof ErrorReasons)[keyof typeof ErrorReasons];

import {
  accountBlockedSentence,
  defineError,
  definitionForStatus,
  ERR_AUTH_REQUIRED,
  ERR_DATABASE_ROLLBACK,
  ERR_INVALID_PARAMETER,
  ERR_NOT_SUPPORTED,
  ERR_PASSWORD_NOT_MATCH,
  ERR_UNKNOWN,
  ERR_USER_NOT_EXISTS,
  ErrorReasons,
  type ErrorReport,
  type RenderContext,
  SESSION_EXPIRED_SENTENCE,
  TOKEN_REQUIRED_SENTENCE,
  type Violation,
} from 'nestjs-api-errors';

/** The request every report below is rendered for; its query string must never be shown. */
export const CONTEXT: RenderContext = {
  method: 'POST',
  url: '/cart/items?token=s3cret',
  requestId: 'req-7',
};

/** An application's own entries, as `defineError` makes them. */
export const ERR_OUT_OF_STOCK = defineError({ status: 409, code: 32, title: 'Out Of Stock' });
export const ERR_OUT_OF_CREDIT = defineError({
  status: 402,
  code: 'out-of-credit',
  title: 'Out Of Credit',
});

const violation = (
  path: string,
  segments: (string | number)[],
  constraint: string,
  message: string,
  location?: Violation['location'],
): Violation =>
  location === undefined
    ? { path, segments, constraint, message }
    : { path, segments, constraint, message, location };

const NAME_REQUIRED = violation('name', ['name'], 'required', 'name is required', 'body');
const EMAIL_FORMAT = violation('email', ['email'], 'isEmail', 'email must be an email', 'body');

/** What the version guard attaches to a 426. */
export const VERSION_MEMBERS = {
  client_version: 'a.0.9-1',
  min_version: 'a.1.0-1',
  server_version: 'a.1.0-1',
  update_url: 'https://example.com/update',
};

/**
 * One report per kind of error the formats tell apart, as the library's own
 * mappers, guards and pipe produce them: every built-in entry with no
 * description, every reason with the entry and sentence it comes with, and
 * the variations a format reads (violations by location, structured and
 * listed descriptions, extras, an `errorCode`, a wait, an app's own entries,
 * the statuses the formats have codes for).
 */
export const REPORTS = {
  // The built-in entries, alone: what each format says when the error says nothing.
  ERR_NOT_SUPPORTED: { definition: ERR_NOT_SUPPORTED },
  ERR_USER_NOT_EXISTS: { definition: ERR_USER_NOT_EXISTS },
  ERR_PASSWORD_NOT_MATCH: { definition: ERR_PASSWORD_NOT_MATCH },
  ERR_DATABASE_ROLLBACK: { definition: ERR_DATABASE_ROLLBACK },
  ERR_INVALID_PARAMETER: { definition: ERR_INVALID_PARAMETER },
  ERR_AUTH_REQUIRED: { definition: ERR_AUTH_REQUIRED },
  ERR_UNKNOWN: { definition: ERR_UNKNOWN },
  'described entry': {
    definition: ERR_USER_NOT_EXISTS,
    description: 'No account found with this email',
  },

  // Every reason, with the entry and the sentence it is thrown with.
  route_not_found: {
    definition: ERR_NOT_SUPPORTED,
    description: 'method: DELETE, url: /api/v2/product/123',
    reason: ErrorReasons.ROUTE_NOT_FOUND,
  },
  body_not_json: {
    definition: ERR_INVALID_PARAMETER,
    description: 'Request body is not valid JSON',
    reason: ErrorReasons.BODY_NOT_JSON,
  },
  body_empty: {
    definition: ERR_INVALID_PARAMETER,
    description: 'Request body is empty but its Content-Type is JSON',
    reason: ErrorReasons.BODY_EMPTY,
  },
  body_too_large: {
    definition: definitionForStatus(413),
    description: 'Request body is larger than the server accepts',
    reason: ErrorReasons.BODY_TOO_LARGE,
  },
  body_unsupported: {
    definition: definitionForStatus(415),
    description: 'Request body has an unsupported Content-Type',
    reason: ErrorReasons.BODY_UNSUPPORTED,
  },
  body_incomplete: {
    definition: ERR_INVALID_PARAMETER,
    description: 'Request body was not received completely',
    reason: ErrorReasons.BODY_INCOMPLETE,
  },
  body_not_decompressed: {
    definition: ERR_INVALID_PARAMETER,
    description: 'Request body could not be decompressed',
    reason: ErrorReasons.BODY_NOT_DECOMPRESSED,
  },
  url_malformed: {
    definition: ERR_INVALID_PARAMETER,
    description: 'Request URL has malformed percent-encoding',
    reason: ErrorReasons.URL_MALFORMED,
  },
  request_malformed: {
    definition: ERR_INVALID_PARAMETER,
    description: 'Request is not valid HTTP',
    reason: ErrorReasons.REQUEST_MALFORMED,
  },
  headers_too_large: {
    definition: definitionForStatus(431),
    description: 'Request headers are larger than the server accepts',
    reason: ErrorReasons.HEADERS_TOO_LARGE,
  },
  request_timeout: {
    definition: definitionForStatus(408),
    description: 'Request did not arrive in time',
    reason: ErrorReasons.REQUEST_TIMEOUT,
  },
  validation_failed: {
    definition: ERR_INVALID_PARAMETER,
    description: 'name is required',
    violations: [NAME_REQUIRED, EMAIL_FORMAT],
    reason: ErrorReasons.VALIDATION_FAILED,
  },
  token_missing: {
    definition: ERR_AUTH_REQUIRED,
    description: TOKEN_REQUIRED_SENTENCE,
    reason: ErrorReasons.TOKEN_MISSING,
  },
  token_unknown: {
    definition: ERR_AUTH_REQUIRED,
    description: SESSION_EXPIRED_SENTENCE,
    reason: ErrorReasons.TOKEN_UNKNOWN,
  },
  session_expired: {
    definition: ERR_AUTH_REQUIRED,
    description: SESSION_EXPIRED_SENTENCE,
    reason: ErrorReasons.SESSION_EXPIRED,
  },
  two_factor_mismatch: {
    definition: ERR_AUTH_REQUIRED,
    description: SESSION_EXPIRED_SENTENCE,
    reason: ErrorReasons.TWO_FACTOR_MISMATCH,
  },
  account_blocked: {
    definition: ERR_AUTH_REQUIRED,
    description: accountBlockedSentence('Support'),
    reason: ErrorReasons.ACCOUNT_BLOCKED,
  },
  session_check_timeout: {
    definition: definitionForStatus(503),
    description: 'The session could not be checked in time',
    reason: ErrorReasons.SESSION_CHECK_TIMEOUT,
    retryAfter: 60,
  },
  version_outdated: {
    definition: definitionForStatus(426),
    description: 'Client version a.0.9-1 is no longer supported',
    reason: ErrorReasons.VERSION_OUTDATED,
    extras: VERSION_MEMBERS,
  },
  invalid_version_format: {
    definition: ERR_INVALID_PARAMETER,
    description: 'X-Client-Version must be a version such as a.1.0-1 (platform, numbers, build)',
    reason: ErrorReasons.INVALID_VERSION_FORMAT,
  },

  // Violations where each location puts them, and what the first one decides.
  'violation in the query': {
    definition: ERR_INVALID_PARAMETER,
    description: 'limit must not be greater than 100',
    violations: [
      violation('limit', ['limit'], 'max', 'limit must not be greater than 100', 'query'),
    ],
    reason: ErrorReasons.VALIDATION_FAILED,
  },
  'violation in a path parameter': {
    definition: ERR_INVALID_PARAMETER,
    description: 'id must be an integer number',
    violations: [violation('id', ['id'], 'isInt', 'id must be an integer number', 'param')],
    reason: ErrorReasons.VALIDATION_FAILED,
  },
  'two violations of one nested field': {
    definition: ERR_INVALID_PARAMETER,
    description: 'items[1].quantity must not be less than 1',
    violations: [
      violation(
        'items[1].quantity',
        ['items', 1, 'quantity'],
        'min',
        'items[1].quantity must not be less than 1',
        'body',
      ),
      violation(
        'items[1].quantity',
        ['items', 1, 'quantity'],
        'isInt',
        'items[1].quantity must be an integer number',
        'body',
      ),
    ],
    reason: ErrorReasons.VALIDATION_FAILED,
  },
  'violation of unknown location': {
    definition: ERR_INVALID_PARAMETER,
    description: 'value must be a string',
    violations: [violation('value', ['value'], 'isString', 'value must be a string')],
    reason: ErrorReasons.VALIDATION_FAILED,
  },
  'every violation described (allErrors)': {
    definition: ERR_INVALID_PARAMETER,
    description: ['name is required', 'email must be an email'],
    violations: [NAME_REQUIRED, EMAIL_FORMAT],
    reason: ErrorReasons.VALIDATION_FAILED,
  },
  'a list of sentences, no violations': {
    definition: ERR_INVALID_PARAMETER,
    description: ['quantity must be a positive integer', 'note is too long'],
  },

  // Structured descriptions, extras, an errorCode.
  'structured description': {
    definition: ERR_DATABASE_ROLLBACK,
    description: { details: 'Connection timeout', params: '{"user_id":12345}' },
  },
  'structured description and extras': {
    definition: ERR_DATABASE_ROLLBACK,
    description: { details: 'Connection timeout' },
    extras: { replica: 'eu-2' },
  },
  extras: {
    definition: ERR_OUT_OF_STOCK,
    description: 'Only 3 left of Green Tea',
    extras: { available: 3 },
  },
  errorCode: {
    definition: definitionForStatus(409),
    description: 'Order 7 is locked',
    errorCode: 'ORDER_LOCKED',
  },

  // Waits: a rate limit with a fractional wait, a 503 with a sentence.
  'rate limited': { definition: definitionForStatus(429), retryAfter: 1.5 },
  unavailable: {
    definition: definitionForStatus(503),
    description: 'Search index is rebuilding',
    retryAfter: 60,
  },

  // Statuses only, as Nest's exceptions are mapped.
  '403': { definition: definitionForStatus(403) },
  '405': { definition: definitionForStatus(405) },
  '409': { definition: definitionForStatus(409) },
  '422': { definition: definitionForStatus(422) },
  '501': { definition: definitionForStatus(501) },
  '502': { definition: definitionForStatus(502), description: 'Payment provider answered 502' },
  '504': { definition: definitionForStatus(504) },

  // An application's own entries, with a number and with a string code.
  'own entry': { definition: ERR_OUT_OF_STOCK, description: 'Only 3 left of Green Tea' },
  'own entry with a string code': { definition: ERR_OUT_OF_CREDIT },
} satisfies Record<string, ErrorReport>;

export type ReportName = keyof typeof REPORTS;

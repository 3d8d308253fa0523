import {
  ERR_AUTH_REQUIRED,
  ERR_DATABASE_ROLLBACK,
  ERR_INVALID_PARAMETER,
  ERR_NOT_SUPPORTED,
  ERR_PASSWORD_NOT_MATCH,
  ERR_UNKNOWN,
  ERR_USER_NOT_EXISTS,
} from '../catalog/error-catalog.js';
import type { ErrorDefinition } from '../catalog/error-definition.interface.js';
import { ErrorReasons } from '../report/error-reasons.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import type { Violation } from '../report/violation.interface.js';
import type { ErrorFormat, RenderContext } from './error-format.interface.js';
import {
  byField,
  combine,
  createEntryLookup,
  type FormatEntry,
  type FormatTable,
  sentenceOf,
  structuredDescriptionOf,
} from './format-table.js';

/** The format's numeric codes, 0-12. @publicApi */
export const ErrorCodes = Object.freeze({
  UNKNOWN: 0,
  NOT_ALLOWED: 1,
  NOT_REALIZED: 2,
  INVALID_STRUCTURE: 3,
  INVALID_VALUE: 4,
  INVALID_TYPE: 5,
  AUTH_NOT_PROVIDED: 6,
  AUTH_INVALID: 7,
  AUTH_EXPIRED: 8,
  AUTH_FORBIDDEN: 9,
  NOT_EXIST: 10,
  EXTERNAL_SERVICE: 11,
  DATABASE: 12,
});

/** What each code says when the error has no description of its own. */
const CODE_MESSAGES: readonly string[] = [
  'Unknown server side error occurred',
  'Method not allowed',
  'Method not realized',
  'Invalid request structure',
  'Invalid parameter value',
  'Invalid parameter type',
  'Access token not specified',
  'Access token is invalid',
  'Access token has expired',
  'Access denied',
  'Resource not found',
  'External service error',
  'Database error',
];

const C = ErrorCodes;
const entry = (status: number, code: number): FormatEntry<number> => ({ status, code });

const ERROR_CODE_TABLE: FormatTable<number> = {
  reasons: {
    [ErrorReasons.ROUTE_NOT_FOUND]: entry(404, C.NOT_EXIST),
    [ErrorReasons.BODY_NOT_JSON]: entry(400, C.INVALID_STRUCTURE),
    [ErrorReasons.BODY_EMPTY]: entry(400, C.INVALID_STRUCTURE),
    [ErrorReasons.BODY_TOO_LARGE]: entry(413, C.INVALID_STRUCTURE),
    [ErrorReasons.BODY_UNSUPPORTED]: entry(415, C.INVALID_STRUCTURE),
    [ErrorReasons.BODY_INCOMPLETE]: entry(400, C.INVALID_STRUCTURE),
    [ErrorReasons.BODY_NOT_DECOMPRESSED]: entry(400, C.INVALID_STRUCTURE),
    [ErrorReasons.URL_MALFORMED]: entry(400, C.INVALID_STRUCTURE),
    [ErrorReasons.REQUEST_MALFORMED]: entry(400, C.INVALID_STRUCTURE),
    [ErrorReasons.HEADERS_TOO_LARGE]: entry(431, C.INVALID_STRUCTURE),
    [ErrorReasons.REQUEST_TIMEOUT]: entry(408, C.INVALID_STRUCTURE),
    [ErrorReasons.TOKEN_MISSING]: entry(401, C.AUTH_NOT_PROVIDED),
    [ErrorReasons.TOKEN_UNKNOWN]: entry(401, C.AUTH_INVALID),
    [ErrorReasons.SESSION_EXPIRED]: entry(401, C.AUTH_EXPIRED),
    [ErrorReasons.TWO_FACTOR_MISMATCH]: entry(401, C.AUTH_EXPIRED),
    [ErrorReasons.ACCOUNT_BLOCKED]: entry(403, C.AUTH_FORBIDDEN),
    [ErrorReasons.VERSION_OUTDATED]: entry(426, C.INVALID_VALUE),
    [ErrorReasons.INVALID_VERSION_FORMAT]: entry(400, C.INVALID_STRUCTURE),
  },
  entries: new Map<ErrorDefinition, FormatEntry<number>>([
    [ERR_NOT_SUPPORTED, entry(404, C.NOT_EXIST)],
    [ERR_USER_NOT_EXISTS, entry(404, C.NOT_EXIST)],
    [ERR_PASSWORD_NOT_MATCH, entry(400, C.INVALID_VALUE)],
    [ERR_DATABASE_ROLLBACK, entry(500, C.DATABASE)],
    [ERR_INVALID_PARAMETER, entry(400, C.INVALID_VALUE)],
    [ERR_AUTH_REQUIRED, entry(401, C.AUTH_INVALID)],
    [ERR_UNKNOWN, entry(500, C.UNKNOWN)],
  ]),
};

const STATUS_CODES: ReadonlyMap<number, number> = new Map([
  [400, C.INVALID_VALUE],
  [401, C.AUTH_INVALID],
  [403, C.AUTH_FORBIDDEN],
  [404, C.NOT_EXIST],
  [405, C.NOT_ALLOWED],
  [409, C.INVALID_VALUE],
  [413, C.INVALID_STRUCTURE],
  [415, C.INVALID_STRUCTURE],
  [422, C.INVALID_VALUE],
  [501, C.NOT_REALIZED],
  [502, C.EXTERNAL_SERVICE],
  [504, C.EXTERNAL_SERVICE],
]);

/** Validation failures told apart by the rule that failed first. */
const STRUCTURE_RULES = new Set([
  'required',
  'whitelistValidation',
  'nestedValidation',
  'isDefined',
]);
const TYPE_RULES = new Set([
  'isInt',
  'isNumber',
  'isString',
  'isBoolean',
  'isArray',
  'isObject',
  'isDate',
  'isEnum',
]);

function validationCode(first: Violation): number {
  if (STRUCTURE_RULES.has(first.constraint)) return C.INVALID_STRUCTURE;
  if (TYPE_RULES.has(first.constraint)) return C.INVALID_TYPE;
  return C.INVALID_VALUE;
}

/** Options of {@link createErrorCodeFormat}: entries and reasons replacing the defaults. */
export type ErrorCodeFormatOptions = FormatTable<number>;

/**
 * `{"error_code":4,"error_message":"...","details":null}` with the numeric codes
 * 0-12; validation failures are 3 (structure: a missing or unknown field),
 * 5 (type) or 4 (value), with `details` naming each field. `details` is `null`
 * when there is nothing to add.
 *
 * @publicApi
 */
export function createErrorCodeFormat(options: ErrorCodeFormatOptions = {}): ErrorFormat {
  const lookup = createEntryLookup(ERROR_CODE_TABLE, options, (definition) =>
    entry(definition.status, STATUS_CODES.get(definition.status) ?? C.UNKNOWN),
  );
  return Object.freeze({
    name: 'error_code',
    contentType: 'application/json; charset=utf-8',
    render(report: ErrorReport, _context: RenderContext) {
      const { entry: found } = lookup(report);
      const violations = report.violations ?? [];
      const code = violations.length > 0 ? validationCode(violations[0]) : found.code;
      const details =
        violations.length > 0
          ? byField(violations, (violation) => violation.message)
          : combine(structuredDescriptionOf(report), report.extras);
      return {
        status: found.status,
        body: {
          error_code: code,
          error_message: sentenceOf(report) ?? CODE_MESSAGES[code] ?? report.definition.title,
          details: details ?? null,
        },
      };
    },
  });
}

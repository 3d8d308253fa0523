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

const entry = (status: number, code: string, message?: string): FormatEntry<string> =>
  message === undefined ? { status, code } : { status, code, message };

const FLAT_TABLE: FormatTable<string> = {
  reasons: {
    [ErrorReasons.VALIDATION_FAILED]: entry(422, 'VALIDATION_ERROR'),
    [ErrorReasons.TOKEN_MISSING]: entry(
      401,
      'UNAUTHORIZED',
      'Unauthorized: No authentication provided',
    ),
    [ErrorReasons.TOKEN_UNKNOWN]: entry(401, 'UNAUTHORIZED'),
    [ErrorReasons.SESSION_EXPIRED]: entry(401, 'SESSION_EXPIRED'),
    [ErrorReasons.TWO_FACTOR_MISMATCH]: entry(401, 'SESSION_EXPIRED'),
    [ErrorReasons.ACCOUNT_BLOCKED]: entry(403, 'ACCOUNT_DISABLED'),
    [ErrorReasons.VERSION_OUTDATED]: entry(426, 'VERSION_OUTDATED'),
    [ErrorReasons.INVALID_VERSION_FORMAT]: entry(400, 'BAD_REQUEST'),
  },
  entries: new Map<ErrorDefinition, FormatEntry<string>>([
    [ERR_NOT_SUPPORTED, entry(404, 'NOT_FOUND')],
    [ERR_USER_NOT_EXISTS, entry(404, 'NOT_FOUND')],
    [ERR_PASSWORD_NOT_MATCH, entry(401, 'INVALID_CREDENTIALS')],
    [ERR_DATABASE_ROLLBACK, entry(500, 'DATABASE_ERROR')],
    [ERR_INVALID_PARAMETER, entry(400, 'BAD_REQUEST')],
    [ERR_AUTH_REQUIRED, entry(401, 'UNAUTHORIZED')],
    [ERR_UNKNOWN, entry(500, 'INTERNAL_ERROR')],
  ]),
};

/** The format's codes by status; other statuses get their reason phrase in capitals. */
const STATUS_CODES: ReadonlyMap<number, string> = new Map([
  [400, 'BAD_REQUEST'],
  [401, 'UNAUTHORIZED'],
  [403, 'FORBIDDEN'],
  [404, 'NOT_FOUND'],
  [409, 'CONFLICT'],
  [422, 'UNPROCESSABLE_ENTITY'],
  [429, 'RATE_LIMIT_EXCEEDED'],
  [500, 'INTERNAL_ERROR'],
  [503, 'SERVICE_UNAVAILABLE'],
]);

/** How each code begins its message: `Not found: Incident 42 not found`. */
const LABELS: ReadonlyMap<string, string> = new Map([
  ['UNAUTHORIZED', 'Unauthorized'],
  ['INVALID_CREDENTIALS', 'Invalid credentials'],
  ['SESSION_EXPIRED', 'Session expired'],
  ['INVALID_SIGNATURE', 'Invalid signature'],
  ['FORBIDDEN', 'Forbidden'],
  ['CSRF_VALIDATION_FAILED', 'CSRF validation failed'],
  ['ACCOUNT_DISABLED', 'Account disabled'],
  ['NOT_FOUND', 'Not found'],
  ['BAD_REQUEST', 'Bad request'],
  ['CONFLICT', 'Conflict'],
  ['UNPROCESSABLE_ENTITY', 'Unprocessable entity'],
  ['VALIDATION_ERROR', 'Validation failed'],
  ['RATE_LIMIT_EXCEEDED', 'Rate limit exceeded'],
  ['INTERNAL_ERROR', 'Internal error'],
  ['DATABASE_ERROR', 'Database error'],
  ['SERVICE_UNAVAILABLE', 'Service unavailable'],
  ['VERSION_OUTDATED', 'Client version outdated'],
]);

/** Field-level codes, from the class-validator rule that failed. */
const FIELD_CODES: ReadonlyMap<string, string> = new Map([
  ['required', 'required'],
  ['isNotEmpty', 'required'],
  ['isDefined', 'required'],
  ['whitelistValidation', 'unknown_field'],
  ...[
    'isEmail',
    'matches',
    'isUrl',
    'isUUID',
    'isISO8601',
    'isDateString',
    'isPhoneNumber',
    'isMobilePhone',
    'isPostalCode',
    'isJSON',
    'isJWT',
  ].map((name) => [name, 'invalid_format'] as const),
  ...[
    'isInt',
    'isNumber',
    'isString',
    'isBoolean',
    'isArray',
    'isObject',
    'isDate',
    'nestedValidation',
  ].map((name) => [name, 'invalid_type'] as const),
  ...[
    'min',
    'max',
    'minLength',
    'maxLength',
    'isLength',
    'arrayMinSize',
    'arrayMaxSize',
    'isPositive',
    'isNegative',
    'minDate',
    'maxDate',
  ].map((name) => [name, 'out_of_range'] as const),
  ['isIn', 'invalid_choice'],
  ['isEnum', 'invalid_choice'],
]);

/** Options of {@link createFlatFormat}: entries and reasons replacing the defaults. */
export type FlatFormatOptions = FormatTable<string>;

/**
 * `{"code":"VALIDATION_ERROR","message":"Validation failed","details":{...},"request_id":"..."}`:
 * string codes, a message that starts with the code's label, field-level
 * `details` for validation (`{"name":{"code":"required","message":"Name is required"}}`),
 * and the request id.
 *
 * @publicApi
 */
export function createFlatFormat(options: FlatFormatOptions = {}): ErrorFormat {
  const lookup = createEntryLookup(FLAT_TABLE, options, (definition) =>
    entry(
      definition.status,
      STATUS_CODES.get(definition.status) ?? screamingSnake(definition.title),
    ),
  );
  return Object.freeze({
    name: 'flat',
    contentType: 'application/json; charset=utf-8',
    render(report: ErrorReport, context: RenderContext) {
      const { entry: found, fixedMessage } = lookup(report);
      const fields = report.violations?.length
        ? byField(report.violations, fieldDetail)
        : undefined;
      const body: Record<string, unknown> = {
        code: report.errorCode ?? found.code,
        message: fixedMessage ? found.message : messageOf(found, report, fields !== undefined),
      };
      const details = fields ?? combine(structuredDescriptionOf(report), report.extras);
      if (details !== undefined) body.details = details;
      if (context.requestId !== undefined) body.request_id = context.requestId;
      return { status: found.status, body };
    },
  });
}

function messageOf(found: FormatEntry<string>, report: ErrorReport, hasFields: boolean): string {
  const label = LABELS.get(found.code) ?? found.message ?? report.definition.title;
  const sentence = hasFields ? undefined : sentenceOf(report);
  return sentence === undefined ? label : `${label}: ${sentence}`;
}

/**
 * A field's code and its sentence, capitalised as the format's examples are
 * (`Name is required`), except a sentence that begins with a nested path,
 * which keeps it as written (`items[0].quantity`, not `Items[0].quantity`).
 */
function fieldDetail(violation: Violation): { code: string; message: string } {
  const { message, path } = violation;
  const nested = path.includes('.') || path.includes('[');
  return {
    code: FIELD_CODES.get(violation.constraint) ?? snake(violation.constraint),
    message:
      nested && message.startsWith(path)
        ? message
        : message.charAt(0).toUpperCase() + message.slice(1),
  };
}

function screamingSnake(text: string): string {
  return text
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

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
import type { ErrorFormat, RenderContext } from './error-format.interface.js';
import {
  addExtras,
  carriesRetryAfter,
  createEntryLookup,
  type FormatEntry,
  type FormatTable,
  sentenceOf,
  structuredDescriptionOf,
} from './format-table.js';

/** Codes are the HTTP status, or a string for errors the format names (`VERSION_OUTDATED`). */
export type ErrorEnvelopeCode = number | string;

const at = (status: number, message?: string): FormatEntry<ErrorEnvelopeCode> =>
  message === undefined ? { status, code: status } : { status, code: status, message };

/** The format's fixed messages for the causes it tells apart (401, 403, 404, 426). */
const ERROR_TABLE: FormatTable<ErrorEnvelopeCode> = {
  reasons: {
    [ErrorReasons.ROUTE_NOT_FOUND]: at(404, 'Resource not found'),
    [ErrorReasons.TOKEN_MISSING]: at(401, 'Authentication required'),
    [ErrorReasons.TOKEN_UNKNOWN]: at(401, 'Invalid token'),
    [ErrorReasons.SESSION_EXPIRED]: at(401, 'Token expired'),
    [ErrorReasons.TWO_FACTOR_MISMATCH]: at(401, 'Invalid token'),
    [ErrorReasons.ACCOUNT_BLOCKED]: at(403, 'Account locked'),
    [ErrorReasons.VERSION_OUTDATED]: { status: 426, code: 'VERSION_OUTDATED' },
    [ErrorReasons.INVALID_VERSION_FORMAT]: { status: 400, code: 'INVALID_VERSION_FORMAT' },
  },
  entries: new Map<ErrorDefinition, FormatEntry<ErrorEnvelopeCode>>([
    [ERR_NOT_SUPPORTED, at(404, 'Resource not found')],
    [ERR_USER_NOT_EXISTS, at(404, 'User not found')],
    [ERR_PASSWORD_NOT_MATCH, at(401, 'Invalid credentials')],
    [ERR_DATABASE_ROLLBACK, at(500, 'Database error')],
    [ERR_INVALID_PARAMETER, at(400, 'Invalid input')],
    [ERR_AUTH_REQUIRED, at(401, 'Authentication required')],
    [ERR_UNKNOWN, at(500, 'Internal server error')],
  ]),
};

const STATUS_MESSAGES: ReadonlyMap<number, string> = new Map([
  [400, 'Invalid input'],
  [401, 'Authentication required'],
  [403, 'Access denied'],
  [404, 'Resource not found'],
  [409, 'Already exists'],
  [426, 'Client update required'],
  [429, 'Rate limited'],
  [500, 'Internal server error'],
  [503, 'Service unavailable'],
]);

/** Options of {@link createErrorFormat}: entries and reasons replacing the defaults. */
export type ErrorFormatOptions = FormatTable<ErrorEnvelopeCode>;

/**
 * `{"error":{"code":404,"message":"Resource not found"}}`: the code is the
 * HTTP status or a named code (`VERSION_OUTDATED`), the message the
 * description or the format's message for it; rate limits add `retry_after`
 * (seconds) and version errors their version members.
 *
 * @publicApi
 */
export function createErrorFormat(options: ErrorFormatOptions = {}): ErrorFormat {
  const lookup = createEntryLookup(ERROR_TABLE, options, (definition) =>
    at(definition.status, STATUS_MESSAGES.get(definition.status) ?? definition.title),
  );
  return Object.freeze({
    name: 'error',
    contentType: 'application/json; charset=utf-8',
    render(report: ErrorReport, _context: RenderContext) {
      const { entry, fixedMessage } = lookup(report);
      const error: Record<string, unknown> = {
        code: report.errorCode ?? entry.code,
        message: fixedMessage
          ? entry.message
          : (sentenceOf(report) ?? entry.message ?? report.definition.title),
      };
      const structured = structuredDescriptionOf(report);
      if (structured !== undefined) error.details = structured;
      else if (Array.isArray(report.description)) error.details = report.description;
      addExtras(error, report.extras);
      if (carriesRetryAfter(entry.status) && report.retryAfter !== undefined) {
        error.retry_after = report.retryAfter;
      }
      return { status: entry.status, body: { error } };
    },
  });
}

import {
  CONTEXT,
  ERR_OUT_OF_STOCK,
  REPORTS,
  type ReportName,
  VERSION_MEMBERS,
} from '../../test/helpers/error-reports.js';
import {
  AppError,
  BUILT_IN_FORMATS,
  createErrorFormat,
  definitionForStatus,
  ERR_AUTH_REQUIRED,
  ERR_USER_NOT_EXISTS,
  ErrorReasons,
  type RenderedError,
  SESSION_EXPIRED_SENTENCE,
} from '../index.js';

const error = (
  status: number,
  code: number | string,
  message: string,
  more: Record<string, unknown> = {},
): RenderedError => ({ status, body: { error: { code, message, ...more } } });

/**
 * The code is the HTTP status or a named code; the message is the
 * description, else the format's message for the entry or status, and a
 * fixed message for the causes it names (401, 403, unknown routes).
 */
const EXPECTED: Record<ReportName, RenderedError> = {
  ERR_NOT_SUPPORTED: error(404, 404, 'Resource not found'),
  ERR_USER_NOT_EXISTS: error(404, 404, 'User not found'),
  ERR_PASSWORD_NOT_MATCH: error(401, 401, 'Invalid credentials'),
  ERR_DATABASE_ROLLBACK: error(500, 500, 'Database error'),
  ERR_INVALID_PARAMETER: error(400, 400, 'Invalid input'),
  ERR_AUTH_REQUIRED: error(401, 401, 'Authentication required'),
  ERR_UNKNOWN: error(500, 500, 'Internal server error'),
  'described entry': error(404, 404, 'No account found with this email'),
  // The contract's own example: an unknown route is "Resource not found", whatever it was.
  route_not_found: error(404, 404, 'Resource not found'),
  body_not_json: error(400, 400, 'Request body is not valid JSON'),
  body_empty: error(400, 400, 'Request body is empty but its Content-Type is JSON'),
  body_too_large: error(413, 413, 'Request body is larger than the server accepts'),
  body_unsupported: error(415, 415, 'Request body has an unsupported Content-Type'),
  body_incomplete: error(400, 400, 'Request body was not received completely'),
  body_not_decompressed: error(400, 400, 'Request body could not be decompressed'),
  url_malformed: error(400, 400, 'Request URL has malformed percent-encoding'),
  request_malformed: error(400, 400, 'Request is not valid HTTP'),
  headers_too_large: error(431, 431, 'Request headers are larger than the server accepts'),
  request_timeout: error(408, 408, 'Request did not arrive in time'),
  validation_failed: error(400, 400, 'name is required'),
  token_missing: error(401, 401, 'Authentication required'),
  token_unknown: error(401, 401, 'Invalid token'),
  session_expired: error(401, 401, 'Token expired'),
  two_factor_mismatch: error(401, 401, 'Invalid token'),
  account_blocked: error(403, 403, 'Account locked'),
  session_check_timeout: error(503, 503, 'The session could not be checked in time', {
    retry_after: 60,
  }),
  // The contract's version example.
  version_outdated: error(
    426,
    'VERSION_OUTDATED',
    'Client version a.0.9-1 is no longer supported',
    VERSION_MEMBERS,
  ),
  invalid_version_format: error(
    400,
    'INVALID_VERSION_FORMAT',
    'X-Client-Version must be a version such as a.1.0-1 (platform, numbers, build)',
  ),
  'violation in the query': error(400, 400, 'limit must not be greater than 100'),
  'violation in a path parameter': error(400, 400, 'id must be an integer number'),
  'two violations of one nested field': error(
    400,
    400,
    'items[1].quantity must not be less than 1',
  ),
  'violation of unknown location': error(400, 400, 'value must be a string'),
  'every violation described (allErrors)': error(400, 400, 'name is required', {
    details: ['name is required', 'email must be an email'],
  }),
  'a list of sentences, no violations': error(400, 400, 'quantity must be a positive integer', {
    details: ['quantity must be a positive integer', 'note is too long'],
  }),
  'structured description': error(500, 500, 'Database error', {
    details: { details: 'Connection timeout', params: '{"user_id":12345}' },
  }),
  'structured description and extras': error(500, 500, 'Database error', {
    details: { details: 'Connection timeout' },
    replica: 'eu-2',
  }),
  extras: error(409, 409, 'Only 3 left of Green Tea', { available: 3 }),
  errorCode: error(409, 'ORDER_LOCKED', 'Order 7 is locked'),
  // The contract's rate limit example, with the exact wait.
  'rate limited': error(429, 429, 'Rate limited', { retry_after: 1.5 }),
  unavailable: error(503, 503, 'Search index is rebuilding', { retry_after: 60 }),
  '403': error(403, 403, 'Access denied'),
  '405': error(405, 405, 'Method Not Allowed'),
  '409': error(409, 409, 'Already exists'),
  '422': error(422, 422, 'Unprocessable Entity'),
  '501': error(501, 501, 'Not Implemented'),
  '502': error(502, 502, 'Payment provider answered 502'),
  '504': error(504, 504, 'Gateway Timeout'),
  'own entry': error(409, 409, 'Only 3 left of Green Tea'),
  'own entry with a string code': error(402, 402, 'Out Of Credit'),
};

describe('the error format', () => {
  const format = BUILT_IN_FORMATS.error;

  it.each(Object.keys(REPORTS) as ReportName[])('renders %s', (name) => {
    expect(format.render(REPORTS[name], CONTEXT)).toStrictEqual(EXPECTED[name]);
  });

  it('adds retry_after only to the statuses that carry a wait', () => {
    const conflict = { definition: definitionForStatus(409), retryAfter: 5 };
    expect(format.render(conflict, CONTEXT)).toStrictEqual(error(409, 409, 'Already exists'));
  });

  it('shows nothing of the request', () => {
    for (const report of Object.values(REPORTS)) {
      const text = JSON.stringify(format.render(report, CONTEXT).body);
      expect(text).not.toMatch(/s3cret|\/cart\/items|req-7/);
    }
  });

  it('sends JSON with its charset', () => {
    expect(format.contentType).toBe('application/json; charset=utf-8');
    expect(format.name).toBe('error');
  });
});

describe('createErrorFormat with tables of your own', () => {
  it('a reason of your own with its fixed message wins over the description', () => {
    const format = createErrorFormat({
      reasons: { cart_locked: { status: 423, code: 'CART_LOCKED', message: 'Cart locked' } },
    });
    const thrown = new AppError(ERR_OUT_OF_STOCK, 'not shown', { reason: 'cart_locked' });
    const report = {
      definition: thrown.definition,
      description: thrown.description,
      reason: thrown.reason,
    };
    expect(format.render(report, CONTEXT)).toStrictEqual(error(423, 'CART_LOCKED', 'Cart locked'));
  });

  it('a reason given without a message keeps the description', () => {
    const format = createErrorFormat({
      reasons: { [ErrorReasons.TOKEN_UNKNOWN]: { status: 403, code: 'TOKEN_REVOKED' } },
    });
    expect(format.render(REPORTS.token_unknown, CONTEXT)).toStrictEqual(
      error(403, 'TOKEN_REVOKED', SESSION_EXPIRED_SENTENCE),
    );
    // The other reasons keep their defaults.
    expect(format.render(REPORTS.session_expired, CONTEXT)).toStrictEqual(EXPECTED.session_expired);
  });

  it('an entry of your own replaces the status-derived row', () => {
    const format = createErrorFormat({
      entries: new Map([
        [ERR_OUT_OF_STOCK, { status: 409, code: 'OUT_OF_STOCK', message: 'Sold out' }],
      ]),
    });
    expect(format.render({ definition: ERR_OUT_OF_STOCK }, CONTEXT)).toStrictEqual(
      error(409, 'OUT_OF_STOCK', 'Sold out'),
    );
    // A row's message is a fallback: a description still says more.
    expect(format.render(REPORTS['own entry'], CONTEXT)).toStrictEqual(
      error(409, 'OUT_OF_STOCK', 'Only 3 left of Green Tea'),
    );
  });

  it('an override keyed by a literal copy of a built-in entry applies to the entry', () => {
    const format = createErrorFormat({
      entries: new Map([
        [
          { status: 404, code: 21, title: 'User Not Exists' },
          { status: 410, code: 'GONE', message: 'Account gone' },
        ],
      ]),
    });
    expect(format.render({ definition: ERR_USER_NOT_EXISTS }, CONTEXT)).toStrictEqual(
      error(410, 'GONE', 'Account gone'),
    );
    expect(format.render({ definition: ERR_AUTH_REQUIRED }, CONTEXT)).toStrictEqual(
      EXPECTED.ERR_AUTH_REQUIRED,
    );
  });

  it("an override of a status's generic entry applies to Nest's exceptions of that status", () => {
    const format = createErrorFormat({
      entries: new Map([
        [
          { status: 409, code: 409, title: 'Conflict' },
          { status: 409, code: 'CONFLICT', message: 'Conflict' },
        ],
      ]),
    });
    expect(format.render(REPORTS['409'], CONTEXT)).toStrictEqual(
      error(409, 'CONFLICT', 'Conflict'),
    );
  });
});

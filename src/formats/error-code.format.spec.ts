import {
  CONTEXT,
  ERR_OUT_OF_STOCK,
  REPORTS,
  type ReportName,
  VERSION_MEMBERS,
} from '../../test/helpers/error-reports.js';
import {
  BUILT_IN_FORMATS,
  createErrorCodeFormat,
  ERR_INVALID_PARAMETER,
  ErrorCodes,
  ErrorReasons,
  type RenderedError,
} from '../index.js';

const C = ErrorCodes;

const body = (
  status: number,
  error_code: number,
  error_message: string,
  details: unknown = null,
): RenderedError => ({ status, body: { error_code, error_message, details } });

const SESSION_EXPIRED = 'Your session has expired. Kindly logout and login';

/**
 * Numeric codes 0-12; the description as the message, else the code's own
 * sentence; `details` naming each failed field, or the structured
 * description and extras, or `null`.
 */
const EXPECTED: Record<ReportName, RenderedError> = {
  ERR_NOT_SUPPORTED: body(404, C.NOT_EXIST, 'Resource not found'),
  ERR_USER_NOT_EXISTS: body(404, C.NOT_EXIST, 'Resource not found'),
  ERR_PASSWORD_NOT_MATCH: body(400, C.INVALID_VALUE, 'Invalid parameter value'),
  ERR_DATABASE_ROLLBACK: body(500, C.DATABASE, 'Database error'),
  ERR_INVALID_PARAMETER: body(400, C.INVALID_VALUE, 'Invalid parameter value'),
  ERR_AUTH_REQUIRED: body(401, C.AUTH_INVALID, 'Access token is invalid'),
  // The format's own example, as it is.
  ERR_UNKNOWN: body(500, C.UNKNOWN, 'Unknown server side error occurred'),
  'described entry': body(404, C.NOT_EXIST, 'No account found with this email'),
  route_not_found: body(404, C.NOT_EXIST, 'method: DELETE, url: /api/v2/product/123'),
  // A request the server could not read has an invalid structure, whatever the status.
  body_not_json: body(400, C.INVALID_STRUCTURE, 'Request body is not valid JSON'),
  body_empty: body(400, C.INVALID_STRUCTURE, 'Request body is empty but its Content-Type is JSON'),
  body_too_large: body(413, C.INVALID_STRUCTURE, 'Request body is larger than the server accepts'),
  body_unsupported: body(415, C.INVALID_STRUCTURE, 'Request body has an unsupported Content-Type'),
  body_incomplete: body(400, C.INVALID_STRUCTURE, 'Request body was not received completely'),
  body_not_decompressed: body(400, C.INVALID_STRUCTURE, 'Request body could not be decompressed'),
  url_malformed: body(400, C.INVALID_STRUCTURE, 'Request URL has malformed percent-encoding'),
  request_malformed: body(400, C.INVALID_STRUCTURE, 'Request is not valid HTTP'),
  headers_too_large: body(
    431,
    C.INVALID_STRUCTURE,
    'Request headers are larger than the server accepts',
  ),
  request_timeout: body(408, C.INVALID_STRUCTURE, 'Request did not arrive in time'),
  // The first violation's rule decides: a missing field is a structure error.
  validation_failed: body(400, C.INVALID_STRUCTURE, 'name is required', {
    name: 'name is required',
    email: 'email must be an email',
  }),
  token_missing: body(
    401,
    C.AUTH_NOT_PROVIDED,
    'A bearer token is required: send the header "Authorization: Bearer <token>"',
  ),
  token_unknown: body(401, C.AUTH_INVALID, SESSION_EXPIRED),
  session_expired: body(401, C.AUTH_EXPIRED, SESSION_EXPIRED),
  two_factor_mismatch: body(401, C.AUTH_EXPIRED, SESSION_EXPIRED),
  account_blocked: body(
    403,
    C.AUTH_FORBIDDEN,
    'Your Account has been blocked, Please contact Support Team',
  ),
  session_check_timeout: body(503, C.UNKNOWN, 'The session could not be checked in time'),
  version_outdated: body(
    426,
    C.INVALID_VALUE,
    'Client version a.0.9-1 is no longer supported',
    VERSION_MEMBERS,
  ),
  invalid_version_format: body(
    400,
    C.INVALID_STRUCTURE,
    'X-Client-Version must be a version such as a.1.0-1 (platform, numbers, build)',
  ),
  'violation in the query': body(400, C.INVALID_VALUE, 'limit must not be greater than 100', {
    limit: 'limit must not be greater than 100',
  }),
  'violation in a path parameter': body(400, C.INVALID_TYPE, 'id must be an integer number', {
    id: 'id must be an integer number',
  }),
  'two violations of one nested field': body(
    400,
    C.INVALID_VALUE,
    'items[1].quantity must not be less than 1',
    { 'items[1].quantity': 'items[1].quantity must not be less than 1' },
  ),
  'violation of unknown location': body(400, C.INVALID_TYPE, 'value must be a string', {
    value: 'value must be a string',
  }),
  'every violation described (allErrors)': body(400, C.INVALID_STRUCTURE, 'name is required', {
    name: 'name is required',
    email: 'email must be an email',
  }),
  'a list of sentences, no violations': body(
    400,
    C.INVALID_VALUE,
    'quantity must be a positive integer',
  ),
  'structured description': body(500, C.DATABASE, 'Database error', {
    details: 'Connection timeout',
    params: '{"user_id":12345}',
  }),
  'structured description and extras': body(500, C.DATABASE, 'Database error', {
    details: 'Connection timeout',
    replica: 'eu-2',
  }),
  extras: body(409, C.INVALID_VALUE, 'Only 3 left of Green Tea', { available: 3 }),
  errorCode: body(409, C.INVALID_VALUE, 'Order 7 is locked'),
  'rate limited': body(429, C.UNKNOWN, 'Unknown server side error occurred'),
  unavailable: body(503, C.UNKNOWN, 'Search index is rebuilding'),
  '403': body(403, C.AUTH_FORBIDDEN, 'Access denied'),
  '405': body(405, C.NOT_ALLOWED, 'Method not allowed'),
  '409': body(409, C.INVALID_VALUE, 'Invalid parameter value'),
  '422': body(422, C.INVALID_VALUE, 'Invalid parameter value'),
  '501': body(501, C.NOT_REALIZED, 'Method not realized'),
  '502': body(502, C.EXTERNAL_SERVICE, 'Payment provider answered 502'),
  '504': body(504, C.EXTERNAL_SERVICE, 'External service error'),
  'own entry': body(409, C.INVALID_VALUE, 'Only 3 left of Green Tea'),
  'own entry with a string code': body(402, C.UNKNOWN, 'Unknown server side error occurred'),
};

describe('the error_code format', () => {
  const format = BUILT_IN_FORMATS.error_code;

  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('renders %s', (name) => {
    expect(format.render(REPORTS[name], CONTEXT)).toStrictEqual(EXPECTED[name]);
  });

  it('has the codes 0-12 of its contract, in order', () => {
    expect(Object.entries(ErrorCodes)).toStrictEqual([
      ['UNKNOWN', 0],
      ['NOT_ALLOWED', 1],
      ['NOT_REALIZED', 2],
      ['INVALID_STRUCTURE', 3],
      ['INVALID_VALUE', 4],
      ['INVALID_TYPE', 5],
      ['AUTH_NOT_PROVIDED', 6],
      ['AUTH_INVALID', 7],
      ['AUTH_EXPIRED', 8],
      ['AUTH_FORBIDDEN', 9],
      ['NOT_EXIST', 10],
      ['EXTERNAL_SERVICE', 11],
      ['DATABASE', 12],
    ]);
  });

  it.each([
    ['required', C.INVALID_STRUCTURE],
    ['whitelistValidation', C.INVALID_STRUCTURE],
    ['nestedValidation', C.INVALID_STRUCTURE],
    ['isDefined', C.INVALID_STRUCTURE],
    ['isInt', C.INVALID_TYPE],
    ['isNumber', C.INVALID_TYPE],
    ['isBoolean', C.INVALID_TYPE],
    ['isArray', C.INVALID_TYPE],
    ['isObject', C.INVALID_TYPE],
    ['isDate', C.INVALID_TYPE],
    ['isEnum', C.INVALID_TYPE],
    ['min', C.INVALID_VALUE],
    ['isEmail', C.INVALID_VALUE],
    ['invalid_union', C.INVALID_VALUE],
  ])('answers a first failed %s rule with code %i', (constraint, code) => {
    const report = {
      definition: ERR_INVALID_PARAMETER,
      description: 'x is wrong',
      violations: [{ path: 'x', segments: ['x'], constraint, message: 'x is wrong' }],
      reason: ErrorReasons.VALIDATION_FAILED,
    };
    expect(format.render(report, CONTEXT)).toStrictEqual(
      body(400, code, 'x is wrong', { x: 'x is wrong' }),
    );
  });

  it('sends null details, never an empty object, and nothing of the request', () => {
    for (const report of Object.values(REPORTS)) {
      const rendered = format.render(report, CONTEXT).body as { details: unknown };
      expect(rendered.details).not.toStrictEqual({});
      expect(JSON.stringify(rendered)).not.toMatch(/s3cret|\/cart\/items|req-7/);
    }
  });

  it('sends JSON with its charset', () => {
    expect(format.contentType).toBe('application/json; charset=utf-8');
    expect(format.name).toBe('error_code');
  });
});

describe('createErrorCodeFormat with tables of your own', () => {
  it('an entry of your own replaces the status-derived row', () => {
    const format = createErrorCodeFormat({
      entries: new Map([[ERR_OUT_OF_STOCK, { status: 409, code: C.NOT_EXIST }]]),
    });
    expect(format.render({ definition: ERR_OUT_OF_STOCK }, CONTEXT)).toStrictEqual(
      body(409, C.NOT_EXIST, 'Resource not found'),
    );
  });

  it('an override keyed by a literal copy of a built-in entry applies to the entry', () => {
    const format = createErrorCodeFormat({
      entries: new Map([
        [
          { status: 500, code: 77, title: 'Database Rollback Error' },
          { status: 503, code: C.EXTERNAL_SERVICE },
        ],
      ]),
    });
    expect(format.render(REPORTS.ERR_DATABASE_ROLLBACK, CONTEXT)).toStrictEqual(
      body(503, C.EXTERNAL_SERVICE, 'External service error'),
    );
    expect(format.render(REPORTS.ERR_UNKNOWN, CONTEXT)).toStrictEqual(EXPECTED.ERR_UNKNOWN);
  });

  it('a reason of your own wins over the entry', () => {
    const format = createErrorCodeFormat({
      reasons: { [ErrorReasons.SESSION_CHECK_TIMEOUT]: { status: 503, code: C.EXTERNAL_SERVICE } },
    });
    expect(format.render(REPORTS.session_check_timeout, CONTEXT)).toStrictEqual(
      body(503, C.EXTERNAL_SERVICE, 'The session could not be checked in time'),
    );
    expect(format.render(REPORTS.unavailable, CONTEXT)).toStrictEqual(EXPECTED.unavailable);
  });

  it('validation still answers by the first failed rule under a status of your own', () => {
    const format = createErrorCodeFormat({
      reasons: { [ErrorReasons.VALIDATION_FAILED]: { status: 422, code: C.INVALID_VALUE } },
    });
    expect(format.render(REPORTS.validation_failed, CONTEXT)).toStrictEqual({
      ...EXPECTED.validation_failed,
      status: 422,
    });
  });
});

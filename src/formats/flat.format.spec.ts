import {
  CONTEXT,
  ERR_OUT_OF_STOCK,
  REPORTS,
  type ReportName,
  VERSION_MEMBERS,
} from '../../test/helpers/error-reports.js';
import {
  BUILT_IN_FORMATS,
  createFlatFormat,
  ERR_PASSWORD_NOT_MATCH,
  ERR_USER_NOT_EXISTS,
  ErrorReasons,
  type RenderedError,
} from '../index.js';

const flat = (
  status: number,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): RenderedError => ({
  status,
  body:
    details === undefined
      ? { code, message, request_id: 'req-7' }
      : { code, message, details, request_id: 'req-7' },
});

const field = (code: string, message: string) => ({ code, message });

const SESSION_EXPIRED = 'Your session has expired. Kindly logout and login';

/**
 * String codes; a message that starts with the code's label, then the
 * description; field-level `details` for validation (422), structured
 * descriptions and extras as `details`; the request id in every body.
 */
const EXPECTED: Record<ReportName, RenderedError> = {
  ERR_NOT_SUPPORTED: flat(404, 'NOT_FOUND', 'Not found'),
  ERR_USER_NOT_EXISTS: flat(404, 'NOT_FOUND', 'Not found'),
  ERR_PASSWORD_NOT_MATCH: flat(401, 'INVALID_CREDENTIALS', 'Invalid credentials'),
  ERR_DATABASE_ROLLBACK: flat(500, 'DATABASE_ERROR', 'Database error'),
  ERR_INVALID_PARAMETER: flat(400, 'BAD_REQUEST', 'Bad request'),
  ERR_AUTH_REQUIRED: flat(401, 'UNAUTHORIZED', 'Unauthorized'),
  ERR_UNKNOWN: flat(500, 'INTERNAL_ERROR', 'Internal error'),
  'described entry': flat(404, 'NOT_FOUND', 'Not found: No account found with this email'),
  route_not_found: flat(404, 'NOT_FOUND', 'Not found: method: DELETE, url: /api/v2/product/123'),
  body_not_json: flat(400, 'BAD_REQUEST', 'Bad request: Request body is not valid JSON'),
  body_empty: flat(
    400,
    'BAD_REQUEST',
    'Bad request: Request body is empty but its Content-Type is JSON',
  ),
  body_too_large: flat(
    413,
    'PAYLOAD_TOO_LARGE',
    'Payload Too Large: Request body is larger than the server accepts',
  ),
  body_unsupported: flat(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Unsupported Media Type: Request body has an unsupported Content-Type',
  ),
  body_incomplete: flat(
    400,
    'BAD_REQUEST',
    'Bad request: Request body was not received completely',
  ),
  body_not_decompressed: flat(
    400,
    'BAD_REQUEST',
    'Bad request: Request body could not be decompressed',
  ),
  url_malformed: flat(
    400,
    'BAD_REQUEST',
    'Bad request: Request URL has malformed percent-encoding',
  ),
  request_malformed: flat(400, 'BAD_REQUEST', 'Bad request: Request is not valid HTTP'),
  headers_too_large: flat(
    431,
    'REQUEST_HEADER_FIELDS_TOO_LARGE',
    'Request Header Fields Too Large: Request headers are larger than the server accepts',
  ),
  request_timeout: flat(408, 'REQUEST_TIMEOUT', 'Request Timeout: Request did not arrive in time'),
  // The contract's validation example.
  validation_failed: flat(422, 'VALIDATION_ERROR', 'Validation failed', {
    name: field('required', 'Name is required'),
    email: field('invalid_format', 'Email must be an email'),
  }),
  // The contract's unauthorized example.
  token_missing: flat(401, 'UNAUTHORIZED', 'Unauthorized: No authentication provided'),
  token_unknown: flat(401, 'UNAUTHORIZED', `Unauthorized: ${SESSION_EXPIRED}`),
  session_expired: flat(401, 'SESSION_EXPIRED', `Session expired: ${SESSION_EXPIRED}`),
  two_factor_mismatch: flat(401, 'SESSION_EXPIRED', `Session expired: ${SESSION_EXPIRED}`),
  account_blocked: flat(
    403,
    'ACCOUNT_DISABLED',
    'Account disabled: Your Account has been blocked, Please contact Support Team',
  ),
  session_check_timeout: flat(
    503,
    'SERVICE_UNAVAILABLE',
    'Service unavailable: The session could not be checked in time',
  ),
  version_outdated: flat(
    426,
    'VERSION_OUTDATED',
    'Client version outdated: Client version a.0.9-1 is no longer supported',
    VERSION_MEMBERS,
  ),
  invalid_version_format: flat(
    400,
    'BAD_REQUEST',
    'Bad request: X-Client-Version must be a version such as a.1.0-1 (platform, numbers, build)',
  ),
  'violation in the query': flat(422, 'VALIDATION_ERROR', 'Validation failed', {
    limit: field('out_of_range', 'Limit must not be greater than 100'),
  }),
  'violation in a path parameter': flat(422, 'VALIDATION_ERROR', 'Validation failed', {
    id: field('invalid_type', 'Id must be an integer number'),
  }),
  // One member per field, from its first violation; a nested path keeps its case.
  'two violations of one nested field': flat(422, 'VALIDATION_ERROR', 'Validation failed', {
    'items[1].quantity': field('out_of_range', 'items[1].quantity must not be less than 1'),
  }),
  'violation of unknown location': flat(422, 'VALIDATION_ERROR', 'Validation failed', {
    value: field('invalid_type', 'Value must be a string'),
  }),
  'every violation described (allErrors)': flat(422, 'VALIDATION_ERROR', 'Validation failed', {
    name: field('required', 'Name is required'),
    email: field('invalid_format', 'Email must be an email'),
  }),
  'a list of sentences, no violations': flat(
    400,
    'BAD_REQUEST',
    'Bad request: quantity must be a positive integer',
  ),
  'structured description': flat(500, 'DATABASE_ERROR', 'Database error', {
    details: 'Connection timeout',
    params: '{"user_id":12345}',
  }),
  'structured description and extras': flat(500, 'DATABASE_ERROR', 'Database error', {
    details: 'Connection timeout',
    replica: 'eu-2',
  }),
  extras: flat(409, 'CONFLICT', 'Conflict: Only 3 left of Green Tea', { available: 3 }),
  errorCode: flat(409, 'ORDER_LOCKED', 'Conflict: Order 7 is locked'),
  // The contract's rate limit example; the wait goes in the Retry-After header.
  'rate limited': flat(429, 'RATE_LIMIT_EXCEEDED', 'Rate limit exceeded'),
  unavailable: flat(503, 'SERVICE_UNAVAILABLE', 'Service unavailable: Search index is rebuilding'),
  '403': flat(403, 'FORBIDDEN', 'Forbidden'),
  '405': flat(405, 'METHOD_NOT_ALLOWED', 'Method Not Allowed'),
  '409': flat(409, 'CONFLICT', 'Conflict'),
  '422': flat(422, 'UNPROCESSABLE_ENTITY', 'Unprocessable entity'),
  '501': flat(501, 'NOT_IMPLEMENTED', 'Not Implemented'),
  '502': flat(502, 'BAD_GATEWAY', 'Bad Gateway: Payment provider answered 502'),
  '504': flat(504, 'GATEWAY_TIMEOUT', 'Gateway Timeout'),
  'own entry': flat(409, 'CONFLICT', 'Conflict: Only 3 left of Green Tea'),
  'own entry with a string code': flat(402, 'OUT_OF_CREDIT', 'Out Of Credit'),
};

describe('the flat format', () => {
  const format = BUILT_IN_FORMATS.flat;

  it.each(Object.keys(REPORTS) as ReportName[])('renders %s', (name) => {
    expect(format.render(REPORTS[name], CONTEXT)).toStrictEqual(EXPECTED[name]);
  });

  it('leaves request_id out when request ids are off', () => {
    const { requestId: _off, ...withoutId } = CONTEXT;
    expect(format.render(REPORTS['described entry'], withoutId).body).toStrictEqual({
      code: 'NOT_FOUND',
      message: 'Not found: No account found with this email',
    });
  });

  it.each([
    ['isNotEmpty', 'required'],
    ['isDefined', 'required'],
    ['whitelistValidation', 'unknown_field'],
    ['matches', 'invalid_format'],
    ['isUUID', 'invalid_format'],
    ['nestedValidation', 'invalid_type'],
    ['isBoolean', 'invalid_type'],
    ['maxLength', 'out_of_range'],
    ['arrayMinSize', 'out_of_range'],
    ['isIn', 'invalid_choice'],
    ['isEnum', 'invalid_choice'],
    ['invalid_union', 'invalid_union'],
    ['isStrongPassword', 'is_strong_password'],
  ])('names a failed %s rule %s', (constraint, code) => {
    const report = {
      ...REPORTS.validation_failed,
      violations: [{ path: 'x', segments: ['x'], constraint, message: 'x is wrong' }],
    };
    expect(format.render(report, CONTEXT).body).toMatchObject({
      details: { x: { code, message: 'X is wrong' } },
    });
  });

  it('shows nothing of the request but its id', () => {
    for (const report of Object.values(REPORTS)) {
      const text = JSON.stringify(format.render(report, CONTEXT).body);
      expect(text).not.toMatch(/s3cret|\/cart\/items/);
    }
  });

  it('sends JSON with its charset', () => {
    expect(format.contentType).toBe('application/json; charset=utf-8');
    expect(format.name).toBe('flat');
  });
});

describe('createFlatFormat with tables of your own', () => {
  it('an entry of your own replaces the status-derived one (the README example)', () => {
    const format = createFlatFormat({
      entries: new Map([[ERR_OUT_OF_STOCK, { status: 409, code: 'OUT_OF_STOCK' }]]),
    });
    expect(format.render(REPORTS['own entry'], CONTEXT)).toStrictEqual(
      flat(409, 'OUT_OF_STOCK', 'Out Of Stock: Only 3 left of Green Tea'),
    );
  });

  it('a row with a message labels the description with it', () => {
    const format = createFlatFormat({
      entries: new Map([
        [ERR_USER_NOT_EXISTS, { status: 404, code: 'USER_NOT_FOUND', message: 'User not found' }],
      ]),
    });
    expect(format.render(REPORTS['described entry'], CONTEXT)).toStrictEqual(
      flat(404, 'USER_NOT_FOUND', 'User not found: No account found with this email'),
    );
  });

  it('an override keyed by a literal copy of a built-in entry applies to the entry', () => {
    const format = createFlatFormat({
      entries: new Map([
        [
          { status: 400, code: 22, title: 'Password Not Match' },
          { status: 400, code: 'WRONG_PASSWORD' },
        ],
      ]),
    });
    expect(format.render({ definition: ERR_PASSWORD_NOT_MATCH }, CONTEXT)).toStrictEqual(
      flat(400, 'WRONG_PASSWORD', 'Password Not Match'),
    );
    // Every other entry keeps its default row.
    expect(format.render(REPORTS.ERR_USER_NOT_EXISTS, CONTEXT)).toStrictEqual(
      EXPECTED.ERR_USER_NOT_EXISTS,
    );
  });

  it('a reason of your own wins over the entry; with a message, that message is fixed', () => {
    const format = createFlatFormat({
      reasons: {
        [ErrorReasons.TOKEN_UNKNOWN]: {
          status: 401,
          code: 'TOKEN_REVOKED',
          message: 'Token revoked',
        },
        [ErrorReasons.ROUTE_NOT_FOUND]: { status: 404, code: 'NO_ROUTE' },
      },
    });
    expect(format.render(REPORTS.token_unknown, CONTEXT)).toStrictEqual(
      flat(401, 'TOKEN_REVOKED', 'Token revoked'),
    );
    expect(format.render(REPORTS.route_not_found, CONTEXT)).toStrictEqual(
      flat(404, 'NO_ROUTE', 'Not Supported: method: DELETE, url: /api/v2/product/123'),
    );
    expect(format.render(REPORTS.token_missing, CONTEXT)).toStrictEqual(EXPECTED.token_missing);
  });

  it('validation keeps its field details under a reason of your own', () => {
    const format = createFlatFormat({
      reasons: { [ErrorReasons.VALIDATION_FAILED]: { status: 400, code: 'INVALID_FIELDS' } },
    });
    expect(format.render(REPORTS.validation_failed, CONTEXT)).toStrictEqual({
      status: 400,
      body: {
        code: 'INVALID_FIELDS',
        message: 'Invalid Parameter',
        details: (EXPECTED.validation_failed.body as { details: unknown }).details,
        request_id: 'req-7',
      },
    });
  });
});

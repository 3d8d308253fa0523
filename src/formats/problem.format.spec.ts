import {
  CONTEXT,
  REPORTS,
  type ReportName,
  VERSION_MEMBERS,
} from '../../test/helpers/error-reports.js';
import {
  BUILT_IN_FORMATS,
  createProblemFormat,
  defineError,
  definitionForStatus,
  ERR_INVALID_PARAMETER,
  ERR_USER_NOT_EXISTS,
  ErrorReasons,
  type RenderedError,
} from '../index.js';

const URN = 'urn:problem-type:';
const SESSION_EXPIRED = 'Your session has expired. Kindly logout and login';

/**
 * RFC 9457 members in their order, the library's `code` and `request_id`
 * after them, then `details`, `errors` and extras. `instance` is the path
 * without its query string.
 */
const problem = (
  status: number,
  type: string,
  title: string,
  code: number | string,
  detail?: string,
  more: Record<string, unknown> = {},
): RenderedError => ({
  status,
  body: {
    type,
    title,
    status,
    ...(detail === undefined ? {} : { detail }),
    instance: '/cart/items',
    code,
    request_id: 'req-7',
    ...more,
  },
});

const invalid = (detail: string, more: Record<string, unknown> = {}) =>
  problem(400, `${URN}invalid-parameter`, 'Invalid Parameter', 88, detail, more);
const authentication = (detail: string) =>
  problem(401, `${URN}authentication-required`, 'Authentication Required', 99, detail);

const EXPECTED: Record<ReportName, RenderedError> = {
  ERR_NOT_SUPPORTED: problem(404, `${URN}not-supported`, 'Not Supported', 10),
  ERR_USER_NOT_EXISTS: problem(404, `${URN}user-not-exists`, 'User Not Exists', 21),
  ERR_PASSWORD_NOT_MATCH: problem(400, `${URN}password-not-match`, 'Password Not Match', 22),
  ERR_DATABASE_ROLLBACK: problem(
    500,
    `${URN}database-rollback-error`,
    'Database Rollback Error',
    77,
  ),
  ERR_INVALID_PARAMETER: problem(400, `${URN}invalid-parameter`, 'Invalid Parameter', 88),
  ERR_AUTH_REQUIRED: problem(401, `${URN}authentication-required`, 'Authentication Required', 99),
  // Code 500 with a title of its own is a catalog entry, not a bare status.
  ERR_UNKNOWN: problem(500, `${URN}unknown-error`, 'Unknown Error', 500),
  'described entry': problem(
    404,
    `${URN}user-not-exists`,
    'User Not Exists',
    21,
    'No account found with this email',
  ),
  route_not_found: problem(
    404,
    `${URN}not-supported`,
    'Not Supported',
    10,
    'method: DELETE, url: /api/v2/product/123',
  ),
  body_not_json: invalid('Request body is not valid JSON'),
  body_empty: invalid('Request body is empty but its Content-Type is JSON'),
  // A status and nothing more is `about:blank`, as RFC 9457 says.
  body_too_large: problem(
    413,
    'about:blank',
    'Payload Too Large',
    413,
    'Request body is larger than the server accepts',
  ),
  body_unsupported: problem(
    415,
    'about:blank',
    'Unsupported Media Type',
    415,
    'Request body has an unsupported Content-Type',
  ),
  body_incomplete: invalid('Request body was not received completely'),
  body_not_decompressed: invalid('Request body could not be decompressed'),
  url_malformed: invalid('Request URL has malformed percent-encoding'),
  request_malformed: invalid('Request is not valid HTTP'),
  headers_too_large: problem(
    431,
    'about:blank',
    'Request Header Fields Too Large',
    431,
    'Request headers are larger than the server accepts',
  ),
  request_timeout: problem(
    408,
    'about:blank',
    'Request Timeout',
    408,
    'Request did not arrive in time',
  ),
  validation_failed: invalid('name is required', {
    errors: [
      { detail: 'name is required', pointer: '#/name' },
      { detail: 'email must be an email', pointer: '#/email' },
    ],
  }),
  token_missing: authentication(
    'A bearer token is required: send the header "Authorization: Bearer <token>"',
  ),
  token_unknown: authentication(SESSION_EXPIRED),
  session_expired: authentication(SESSION_EXPIRED),
  two_factor_mismatch: authentication(SESSION_EXPIRED),
  account_blocked: authentication('Your Account has been blocked, Please contact Support Team'),
  session_check_timeout: problem(
    503,
    'about:blank',
    'Service Unavailable',
    503,
    'The session could not be checked in time',
  ),
  version_outdated: problem(
    426,
    'about:blank',
    'Upgrade Required',
    426,
    'Client version a.0.9-1 is no longer supported',
    VERSION_MEMBERS,
  ),
  invalid_version_format: invalid(
    'X-Client-Version must be a version such as a.1.0-1 (platform, numbers, build)',
  ),
  // Query and path parameters are named; body fields get a JSON pointer.
  'violation in the query': invalid('limit must not be greater than 100', {
    errors: [{ detail: 'limit must not be greater than 100', parameter: 'limit' }],
  }),
  'violation in a path parameter': invalid('id must be an integer number', {
    errors: [{ detail: 'id must be an integer number', parameter: 'id' }],
  }),
  // Every violation is an error of its own, array indexes as pointer segments.
  'two violations of one nested field': invalid('items[1].quantity must not be less than 1', {
    errors: [
      { detail: 'items[1].quantity must not be less than 1', pointer: '#/items/1/quantity' },
      { detail: 'items[1].quantity must be an integer number', pointer: '#/items/1/quantity' },
    ],
  }),
  'violation of unknown location': invalid('value must be a string', {
    errors: [{ detail: 'value must be a string', pointer: '#/value' }],
  }),
  'every violation described (allErrors)': invalid('name is required', {
    errors: [
      { detail: 'name is required', pointer: '#/name' },
      { detail: 'email must be an email', pointer: '#/email' },
    ],
  }),
  'a list of sentences, no violations': invalid('quantity must be a positive integer'),
  'structured description': problem(
    500,
    `${URN}database-rollback-error`,
    'Database Rollback Error',
    77,
    undefined,
    { details: { details: 'Connection timeout', params: '{"user_id":12345}' } },
  ),
  'structured description and extras': problem(
    500,
    `${URN}database-rollback-error`,
    'Database Rollback Error',
    77,
    undefined,
    { details: { details: 'Connection timeout' }, replica: 'eu-2' },
  ),
  extras: problem(409, `${URN}out-of-stock`, 'Out Of Stock', 32, 'Only 3 left of Green Tea', {
    available: 3,
  }),
  errorCode: problem(409, 'about:blank', 'Conflict', 'ORDER_LOCKED', 'Order 7 is locked'),
  'rate limited': problem(429, 'about:blank', 'Too Many Requests', 429),
  unavailable: problem(
    503,
    'about:blank',
    'Service Unavailable',
    503,
    'Search index is rebuilding',
  ),
  '403': problem(403, 'about:blank', 'Forbidden', 403),
  '405': problem(405, 'about:blank', 'Method Not Allowed', 405),
  '409': problem(409, 'about:blank', 'Conflict', 409),
  '422': problem(422, 'about:blank', 'Unprocessable Entity', 422),
  '501': problem(501, 'about:blank', 'Not Implemented', 501),
  '502': problem(502, 'about:blank', 'Bad Gateway', 502, 'Payment provider answered 502'),
  '504': problem(504, 'about:blank', 'Gateway Timeout', 504),
  'own entry': problem(409, `${URN}out-of-stock`, 'Out Of Stock', 32, 'Only 3 left of Green Tea'),
  // A string code is the slug as it is.
  'own entry with a string code': problem(
    402,
    `${URN}out-of-credit`,
    'Out Of Credit',
    'out-of-credit',
  ),
};

describe('the problem format', () => {
  const format = BUILT_IN_FORMATS.problem;

  it.each(Object.keys(REPORTS) as ReportName[])('renders %s', (name) => {
    expect(format.render(REPORTS[name], CONTEXT)).toStrictEqual(EXPECTED[name]);
  });

  it('leaves request_id out when request ids are off', () => {
    const { requestId: _off, ...withoutId } = CONTEXT;
    expect(format.render(REPORTS.ERR_NOT_SUPPORTED, withoutId).body).not.toHaveProperty(
      'request_id',
    );
  });

  it('bounds the instance it echoes, and never its query string', () => {
    const long = `/${'a'.repeat(500)}?token=s3cret`;
    const { body } = format.render(REPORTS.ERR_UNKNOWN, { ...CONTEXT, url: long });
    expect((body as { instance: string }).instance).toBe(`/${'a'.repeat(199)}…`);
  });

  it('escapes ~ and / in JSON pointer segments (RFC 6901)', () => {
    const report = {
      definition: ERR_INVALID_PARAMETER,
      reason: ErrorReasons.VALIDATION_FAILED,
      violations: [
        { path: 'a/b.c~d', segments: ['a/b', 'c~d'], constraint: 'isInt', message: 'm' },
      ],
    };
    expect((format.render(report, CONTEXT).body as { errors: unknown }).errors).toStrictEqual([
      { detail: 'm', pointer: '#/a~1b/c~0d' },
    ]);
  });

  it('sends application/problem+json', () => {
    expect(format.contentType).toBe('application/problem+json; charset=utf-8');
    expect(format.name).toBe('problem');
  });
});

describe('createProblemFormat({ typeBaseUri })', () => {
  const BASE = 'https://api.example.com/problems/';
  const format = createProblemFormat({ typeBaseUri: BASE });

  it.each([
    ['ERR_USER_NOT_EXISTS', `${BASE}user-not-exists`],
    ['ERR_UNKNOWN', `${BASE}unknown-error`],
    ['own entry', `${BASE}out-of-stock`],
    ['own entry with a string code', `${BASE}out-of-credit`],
    ['403', 'about:blank'],
    ['errorCode', 'about:blank'],
  ] as [ReportName, string][])('types %s as %s', (name, type) => {
    expect(format.render(REPORTS[name], CONTEXT)).toStrictEqual({
      ...EXPECTED[name],
      body: { ...(EXPECTED[name].body as object), type },
    });
  });

  it('types a literal copy of an entry as the entry', () => {
    const copy = { status: 404, code: 21, title: 'User Not Exists' };
    expect(copy).not.toBe(ERR_USER_NOT_EXISTS);
    expect(format.render({ definition: copy }, CONTEXT).body).toMatchObject({
      type: `${BASE}user-not-exists`,
    });
  });

  it('slugs entries made after the format: a string code in kebab case, else the title', () => {
    const late = defineError({ status: 422, code: 'CartIsEmpty', title: 'Cart Is Empty' });
    const camel = defineError({ status: 409, code: 4091, title: "Order's Total Changed!" });
    expect(format.render({ definition: late }, CONTEXT).body).toMatchObject({
      type: `${BASE}cart-is-empty`,
    });
    expect(format.render({ definition: camel }, CONTEXT).body).toMatchObject({
      type: `${BASE}order-s-total-changed`,
    });
  });

  it("gives a status's unknown generic entry about:blank too", () => {
    const teapot = definitionForStatus(418);
    expect(format.render({ definition: teapot }, CONTEXT).body).toMatchObject({
      type: 'about:blank',
      title: "I'm a Teapot",
    });
  });
});

import {
  CONTEXT,
  REPORTS,
  type ReportName,
  VERSION_MEMBERS,
} from '../../test/helpers/error-reports.js';
import { ERR_INVALID_PARAMETER, ERR_UNKNOWN, metaFormat, type RenderedError } from '../index.js';

const meta = (
  status: number,
  code: number | string,
  message: string,
  more: Record<string, unknown> = {},
): RenderedError => ({ status, body: { meta: { code, message, ...more } } });

const described = (description: unknown) => ({ description });

/**
 * The catalog entry decides everything: its status, its code, its title as
 * the message; the description as it is; extras after it. Reasons,
 * violations, error codes and waits change nothing in this envelope.
 */
const EXPECTED: Record<ReportName, RenderedError> = {
  ERR_NOT_SUPPORTED: meta(404, 10, 'Not Supported'),
  ERR_USER_NOT_EXISTS: meta(404, 21, 'User Not Exists'),
  ERR_PASSWORD_NOT_MATCH: meta(400, 22, 'Password Not Match'),
  ERR_DATABASE_ROLLBACK: meta(500, 77, 'Database Rollback Error'),
  ERR_INVALID_PARAMETER: meta(400, 88, 'Invalid Parameter'),
  ERR_AUTH_REQUIRED: meta(401, 99, 'Authentication Required'),
  ERR_UNKNOWN: meta(500, 500, 'Unknown Error'),
  'described entry': meta(
    404,
    21,
    'User Not Exists',
    described('No account found with this email'),
  ),
  route_not_found: meta(
    404,
    10,
    'Not Supported',
    described('method: DELETE, url: /api/v2/product/123'),
  ),
  body_not_json: meta(400, 88, 'Invalid Parameter', described('Request body is not valid JSON')),
  body_empty: meta(
    400,
    88,
    'Invalid Parameter',
    described('Request body is empty but its Content-Type is JSON'),
  ),
  body_too_large: meta(
    413,
    413,
    'Payload Too Large',
    described('Request body is larger than the server accepts'),
  ),
  body_unsupported: meta(
    415,
    415,
    'Unsupported Media Type',
    described('Request body has an unsupported Content-Type'),
  ),
  body_incomplete: meta(
    400,
    88,
    'Invalid Parameter',
    described('Request body was not received completely'),
  ),
  body_not_decompressed: meta(
    400,
    88,
    'Invalid Parameter',
    described('Request body could not be decompressed'),
  ),
  url_malformed: meta(
    400,
    88,
    'Invalid Parameter',
    described('Request URL has malformed percent-encoding'),
  ),
  request_malformed: meta(400, 88, 'Invalid Parameter', described('Request is not valid HTTP')),
  headers_too_large: meta(
    431,
    431,
    'Request Header Fields Too Large',
    described('Request headers are larger than the server accepts'),
  ),
  request_timeout: meta(408, 408, 'Request Timeout', described('Request did not arrive in time')),
  validation_failed: meta(400, 88, 'Invalid Parameter', described('name is required')),
  token_missing: meta(
    401,
    99,
    'Authentication Required',
    described('A bearer token is required: send the header "Authorization: Bearer <token>"'),
  ),
  token_unknown: meta(
    401,
    99,
    'Authentication Required',
    described('Your session has expired. Kindly logout and login'),
  ),
  session_expired: meta(
    401,
    99,
    'Authentication Required',
    described('Your session has expired. Kindly logout and login'),
  ),
  two_factor_mismatch: meta(
    401,
    99,
    'Authentication Required',
    described('Your session has expired. Kindly logout and login'),
  ),
  account_blocked: meta(
    401,
    99,
    'Authentication Required',
    described('Your Account has been blocked, Please contact Support Team'),
  ),
  session_check_timeout: meta(
    503,
    503,
    'Service Unavailable',
    described('The session could not be checked in time'),
  ),
  version_outdated: meta(426, 426, 'Upgrade Required', {
    description: 'Client version a.0.9-1 is no longer supported',
    ...VERSION_MEMBERS,
  }),
  invalid_version_format: meta(
    400,
    88,
    'Invalid Parameter',
    described('X-Client-Version must be a version such as a.1.0-1 (platform, numbers, build)'),
  ),
  'violation in the query': meta(
    400,
    88,
    'Invalid Parameter',
    described('limit must not be greater than 100'),
  ),
  'violation in a path parameter': meta(
    400,
    88,
    'Invalid Parameter',
    described('id must be an integer number'),
  ),
  'two violations of one nested field': meta(
    400,
    88,
    'Invalid Parameter',
    described('items[1].quantity must not be less than 1'),
  ),
  'violation of unknown location': meta(
    400,
    88,
    'Invalid Parameter',
    described('value must be a string'),
  ),
  'every violation described (allErrors)': meta(
    400,
    88,
    'Invalid Parameter',
    described(['name is required', 'email must be an email']),
  ),
  'a list of sentences, no violations': meta(
    400,
    88,
    'Invalid Parameter',
    described(['quantity must be a positive integer', 'note is too long']),
  ),
  'structured description': meta(
    500,
    77,
    'Database Rollback Error',
    described({ details: 'Connection timeout', params: '{"user_id":12345}' }),
  ),
  'structured description and extras': meta(500, 77, 'Database Rollback Error', {
    description: { details: 'Connection timeout' },
    replica: 'eu-2',
  }),
  extras: meta(409, 32, 'Out Of Stock', {
    description: 'Only 3 left of Green Tea',
    available: 3,
  }),
  // The numeric envelope keeps the entry's code; the log names the errorCode.
  errorCode: meta(409, 409, 'Conflict', described('Order 7 is locked')),
  'rate limited': meta(429, 429, 'Too Many Requests'),
  unavailable: meta(503, 503, 'Service Unavailable', described('Search index is rebuilding')),
  '403': meta(403, 403, 'Forbidden'),
  '405': meta(405, 405, 'Method Not Allowed'),
  '409': meta(409, 409, 'Conflict'),
  '422': meta(422, 422, 'Unprocessable Entity'),
  '501': meta(501, 501, 'Not Implemented'),
  '502': meta(502, 502, 'Bad Gateway', described('Payment provider answered 502')),
  '504': meta(504, 504, 'Gateway Timeout'),
  'own entry': meta(409, 32, 'Out Of Stock', described('Only 3 left of Green Tea')),
  'own entry with a string code': meta(402, 'out-of-credit', 'Out Of Credit'),
};

describe('metaFormat', () => {
  it.each(Object.keys(REPORTS) as ReportName[])('renders %s', (name) => {
    expect(metaFormat.render(REPORTS[name], CONTEXT)).toStrictEqual(EXPECTED[name]);
  });

  it('renders the validation example of its contract byte for byte', () => {
    const { body } = metaFormat.render(
      { definition: ERR_INVALID_PARAMETER, description: 'product_id is required' },
      CONTEXT,
    );
    expect(JSON.stringify(body)).toBe(
      '{"meta":{"code":88,"message":"Invalid Parameter","description":"product_id is required"}}',
    );
  });

  it('leaves description out when there is none, never null', () => {
    const { body } = metaFormat.render({ definition: ERR_UNKNOWN }, CONTEXT);
    expect(JSON.stringify(body)).toBe('{"meta":{"code":500,"message":"Unknown Error"}}');
  });

  it('shows nothing of the request: not its path, its query string or its id', () => {
    for (const report of Object.values(REPORTS)) {
      const text = JSON.stringify(metaFormat.render(report, CONTEXT).body);
      expect(text).not.toContain('s3cret');
      expect(text).not.toContain('/cart/items');
      expect(text).not.toContain('req-7');
    }
  });

  it('sends JSON with its charset', () => {
    expect(metaFormat.contentType).toBe('application/json; charset=utf-8');
    expect(metaFormat.name).toBe('meta');
  });
});

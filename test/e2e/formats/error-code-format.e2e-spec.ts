import { runFormatSuite } from './run-format-suite.js';

const body = (error_code: number, error_message: string, details: unknown = null) => ({
  error_code,
  error_message,
  details,
});

runFormatSuite(
  'error_code',
  'application/json; charset=utf-8',
  {
    // The document's own example, as it is.
    crash: { status: 500, body: body(0, 'Unknown server side error occurred') },
    // Its codes 1-12.
    methodNotAllowed: { status: 405, body: body(1, 'Method not allowed') },
    notImplemented: { status: 501, body: body(2, 'Method not realized') },
    validation: {
      status: 400,
      body: body(3, 'name is required', {
        name: 'name is required',
        email: 'Invalid email format',
      }),
    },
    malformedJson: { status: 400, body: body(3, 'Request body is not valid JSON') },
    nestedValidation: {
      status: 400,
      body: body(4, 'age must be a positive integer', {
        age: 'age must be a positive integer',
        'profile.color': 'profile.color must be a string',
      }),
    },
    wrongType: {
      status: 400,
      body: body(5, 'name must be a string', { name: 'name must be a string' }),
    },
    invalidQuantity: { status: 400, body: body(4, 'quantity must be a positive integer') },
    tokenMissing: {
      status: 401,
      body: body(6, 'A bearer token is required: send the header "Authorization: Bearer <token>"'),
    },
    tokenUnknown: {
      status: 401,
      body: body(7, 'Your session has expired. Kindly logout and login'),
    },
    sessionExpired: {
      status: 401,
      body: body(8, 'Your session has expired. Kindly logout and login'),
    },
    blocked: {
      status: 403,
      body: body(9, 'Your Account has been blocked, Please contact Support Team'),
    },
    routeNotFound: { status: 404, body: body(10, 'method: DELETE, url: /api/v2/product/123') },
    badGateway: { status: 502, body: body(11, 'Payment provider answered 502') },
    database: {
      status: 500,
      body: body(12, 'Database error', {
        details: 'Connection timeout',
        params: '{"user_id":12345}',
      }),
    },
    rateLimited: {
      status: 429,
      body: body(0, 'Unknown server side error occurred'),
      headers: { 'Retry-After': '2' },
    },
  },
  {
    database: { status: 500, body: body(12, 'Database error') },
    crash: { status: 500, body: body(0, 'Unknown server side error occurred') },
    unavailable: { status: 503, body: body(0, 'Unknown server side error occurred') },
  },
);

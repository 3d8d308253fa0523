import { runFormatSuite } from './run-format-suite.js';

runFormatSuite(
  'flat',
  'application/json; charset=utf-8',
  {
    // The document's own examples, as they are.
    validation: {
      status: 422,
      body: {
        code: 'VALIDATION_ERROR',
        message: 'Validation failed',
        details: {
          name: { code: 'required', message: 'Name is required' },
          email: { code: 'invalid_format', message: 'Invalid email format' },
        },
      },
    },
    incident: {
      status: 404,
      body: {
        code: 'NOT_FOUND',
        message: 'Not found: Incident 550e8400-e29b-41d4-a716-446655440000 not found',
      },
    },
    conflict: {
      status: 409,
      body: {
        code: 'CONFLICT',
        message: 'Conflict: Action is not pending approval (current status: Approved)',
      },
    },
    rateLimited: {
      status: 429,
      body: { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded' },
      headers: { 'Retry-After': '2' },
    },
    tokenMissing: {
      status: 401,
      body: { code: 'UNAUTHORIZED', message: 'Unauthorized: No authentication provided' },
    },
    // Its table of codes.
    nestedValidation: {
      status: 422,
      body: {
        code: 'VALIDATION_ERROR',
        message: 'Validation failed',
        details: {
          age: { code: 'out_of_range', message: 'Age must be a positive integer' },
          'profile.color': { code: 'invalid_type', message: 'profile.color must be a string' },
        },
      },
    },
    invalidQuantity: {
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'Bad request: quantity must be a positive integer' },
    },
    malformedJson: {
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'Bad request: Request body is not valid JSON' },
    },
    routeNotFound: {
      status: 404,
      body: { code: 'NOT_FOUND', message: 'Not found: method: DELETE, url: /api/v2/product/123' },
    },
    sessionExpired: {
      status: 401,
      body: {
        code: 'SESSION_EXPIRED',
        message: 'Session expired: Your session has expired. Kindly logout and login',
      },
    },
    blocked: {
      status: 403,
      body: {
        code: 'ACCOUNT_DISABLED',
        message: 'Account disabled: Your Account has been blocked, Please contact Support Team',
      },
    },
    unavailable: {
      status: 503,
      body: {
        code: 'SERVICE_UNAVAILABLE',
        message: 'Service unavailable: Search index is rebuilding',
      },
      headers: { 'Retry-After': '60' },
    },
    crash: { status: 500, body: { code: 'INTERNAL_ERROR', message: 'Internal error' } },
    database: {
      status: 500,
      body: {
        code: 'DATABASE_ERROR',
        message: 'Database error',
        details: { details: 'Connection timeout', params: '{"user_id":12345}' },
      },
    },
  },
  {
    database: { status: 500, body: { code: 'DATABASE_ERROR', message: 'Database error' } },
    unavailable: {
      status: 503,
      body: { code: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' },
    },
    crash: { status: 500, body: { code: 'INTERNAL_ERROR', message: 'Internal error' } },
  },
);

import { runFormatSuite } from './run-format-suite.js';

const problem = (fields: Record<string, unknown>) => fields;

runFormatSuite(
  'problem',
  'application/problem+json; charset=utf-8',
  {
    nestedValidation: {
      status: 400,
      body: problem({
        type: 'urn:problem-type:invalid-parameter',
        title: 'Invalid Parameter',
        status: 400,
        detail: 'age must be a positive integer',
        instance: '/profiles',
        code: 88,
        errors: [
          { detail: 'age must be a positive integer', pointer: '#/age' },
          { detail: 'profile.color must be a string', pointer: '#/profile/color' },
        ],
      }),
    },
    // Two rules failing with one message make one error, not two.
    sameMessageTwice: {
      status: 400,
      body: problem({
        type: 'urn:problem-type:invalid-parameter',
        title: 'Invalid Parameter',
        status: 400,
        detail: 'age must be a positive integer',
        instance: '/profiles',
        code: 88,
        errors: [{ detail: 'age must be a positive integer', pointer: '#/age' }],
      }),
    },
    queryValidation: {
      status: 400,
      body: problem({
        type: 'urn:problem-type:invalid-parameter',
        title: 'Invalid Parameter',
        status: 400,
        detail: 'limit must not be greater than 100',
        instance: '/pages',
        code: 88,
        errors: [{ detail: 'limit must not be greater than 100', parameter: 'limit' }],
      }),
    },
    routeNotFound: {
      status: 404,
      body: problem({
        type: 'urn:problem-type:not-supported',
        title: 'Not Supported',
        status: 404,
        detail: 'method: DELETE, url: /api/v2/product/123',
        instance: '/api/v2/product/123',
        code: 10,
      }),
    },
    conflict: {
      status: 409,
      body: problem({
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'Action is not pending approval (current status: Approved)',
        instance: '/approvals/7',
        code: 409,
      }),
    },
    rateLimited: {
      status: 429,
      body: problem({
        type: 'about:blank',
        title: 'Too Many Requests',
        status: 429,
        instance: '/rate-limited',
        code: 429,
      }),
      headers: { 'Retry-After': '2' },
    },
    versionOutdated: {
      status: 426,
      body: problem({
        type: 'about:blank',
        title: 'Upgrade Required',
        status: 426,
        detail: 'Client version a.0.9-1 is no longer supported',
        instance: '/app/config',
        code: 426,
        client_version: 'a.0.9-1',
        min_version: 'a.1.0-1',
        server_version: 'a.1.0-1',
        update_url: 'https://...',
      }),
    },
    tokenMissing: {
      status: 401,
      body: problem({
        type: 'urn:problem-type:authentication-required',
        title: 'Authentication Required',
        status: 401,
        detail: 'A bearer token is required: send the header "Authorization: Bearer <token>"',
        instance: '/me',
        code: 99,
      }),
    },
    crash: {
      status: 500,
      body: problem({
        type: 'urn:problem-type:unknown-error',
        title: 'Unknown Error',
        status: 500,
        instance: '/crash',
        code: 500,
      }),
    },
    database: {
      status: 500,
      body: problem({
        type: 'urn:problem-type:database-rollback-error',
        title: 'Database Rollback Error',
        status: 500,
        instance: '/database',
        code: 77,
        details: { details: 'Connection timeout', params: '{"user_id":12345}' },
      }),
    },
  },
  {
    database: {
      status: 500,
      body: problem({
        type: 'urn:problem-type:database-rollback-error',
        title: 'Database Rollback Error',
        status: 500,
        instance: '/database',
        code: 77,
      }),
    },
    unavailable: {
      status: 503,
      body: problem({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        instance: '/unavailable',
        code: 503,
      }),
    },
  },
);

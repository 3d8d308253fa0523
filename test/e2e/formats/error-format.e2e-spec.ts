import { runFormatSuite } from './run-format-suite.js';

const error = (code: number | string, message: string, more: Record<string, unknown> = {}) => ({
  error: { code, message, ...more },
});

runFormatSuite(
  'error',
  'application/json; charset=utf-8',
  {
    // The document's own examples, as they are.
    routeNotFound: { status: 404, body: error(404, 'Resource not found') },
    versionOutdated: {
      status: 426,
      body: error('VERSION_OUTDATED', 'Client version a.0.9-1 is no longer supported', {
        client_version: 'a.0.9-1',
        min_version: 'a.1.0-1',
        server_version: 'a.1.0-1',
        update_url: 'https://...',
      }),
    },
    rateLimited: {
      status: 429,
      body: error(429, 'Rate limited', { retry_after: 1.5 }),
      headers: { 'Retry-After': '2' },
    },
    // Its tables of messages and codes.
    taken: { status: 409, body: error(409, 'Username already taken') },
    versionInvalid: {
      status: 400,
      body: error(
        'INVALID_VERSION_FORMAT',
        'X-Client-Version must be a version such as a.1.0-1 (platform, numbers, build)',
      ),
    },
    tokenMissing: { status: 401, body: error(401, 'Authentication required') },
    tokenUnknown: { status: 401, body: error(401, 'Invalid token') },
    sessionExpired: { status: 401, body: error(401, 'Token expired') },
    twoFactorMismatch: { status: 401, body: error(401, 'Invalid token') },
    blocked: { status: 403, body: error(403, 'Account locked') },
    validation: { status: 400, body: error(400, 'name is required') },
    malformedJson: { status: 400, body: error(400, 'Request body is not valid JSON') },
    incident: {
      status: 404,
      body: error(404, 'Incident 550e8400-e29b-41d4-a716-446655440000 not found'),
    },
    unavailable: {
      status: 503,
      body: error(503, 'Search index is rebuilding', { retry_after: 60 }),
      headers: { 'Retry-After': '60' },
    },
    crash: { status: 500, body: error(500, 'Internal server error') },
    database: {
      status: 500,
      body: error(500, 'Database error', {
        details: { details: 'Connection timeout', params: '{"user_id":12345}' },
      }),
    },
  },
  {
    database: { status: 500, body: error(500, 'Database error') },
    unavailable: { status: 503, body: error(503, 'Service unavailable', { retry_after: 60 }) },
    crash: { status: 500, body: error(500, 'Internal server error') },
  },
);

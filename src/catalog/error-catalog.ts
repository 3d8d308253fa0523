import { defineError, freezeEntry } from './define-error.js';

/**
 * Success (200). Part of the code table clients read, but no error: it is not
 * in `ERROR_CATALOG`, and an `AppError` carrying it answers 500.
 *
 * @publicApi
 */
export const OK = freezeEntry({ status: 200, code: 200, title: 'OK' });

/** Method or endpoint not supported, including unknown routes. @publicApi */
export const ERR_NOT_SUPPORTED = defineError({ status: 404, code: 10, title: 'Not Supported' });

/** User account not found. @publicApi */
export const ERR_USER_NOT_EXISTS = defineError({ status: 404, code: 21, title: 'User Not Exists' });

/** Invalid password provided. @publicApi */
export const ERR_PASSWORD_NOT_MATCH = defineError({
  status: 400,
  code: 22,
  title: 'Password Not Match',
});

/** Database transaction failed. @publicApi */
export const ERR_DATABASE_ROLLBACK = defineError({
  status: 500,
  code: 77,
  title: 'Database Rollback Error',
});

/** Request parameter validation failed. @publicApi */
export const ERR_INVALID_PARAMETER = defineError({
  status: 400,
  code: 88,
  title: 'Invalid Parameter',
});

/** Authentication token required or invalid. @publicApi */
export const ERR_AUTH_REQUIRED = defineError({
  status: 401,
  code: 99,
  title: 'Authentication Required',
});

/** Unexpected server error; an unknown thrown value answers it with no description. @publicApi */
export const ERR_UNKNOWN = defineError({ status: 500, code: 500, title: 'Unknown Error' });

/**
 * The built-in error entries, in the order of the code table.
 *
 * @publicApi
 */
export const ERROR_CATALOG = Object.freeze([
  ERR_NOT_SUPPORTED,
  ERR_USER_NOT_EXISTS,
  ERR_PASSWORD_NOT_MATCH,
  ERR_DATABASE_ROLLBACK,
  ERR_INVALID_PARAMETER,
  ERR_AUTH_REQUIRED,
  ERR_UNKNOWN,
]);

import type { ApiError, ApiErrorCode } from './api-error.js';
import { isApiError } from './is-api-error.js';
import { isNetworkFailure } from './network-failure.js';

/** Your own sentences, by code (or by status), as text or made from the error. @publicApi */
export type UserMessages = Readonly<
  Partial<Record<ApiErrorCode, string | ((error: ApiError) => string)>>
>;

const CHECK_INPUT = 'Please check your input and try again.';
const LOG_IN_AGAIN = 'Your session has expired. Please log in again.';
const UPDATE = 'Please update the app to continue.';
const SERVER = 'Something went wrong. Please try again later.';

/** The catalog's codes, as `meta` and `problem` carry them. */
const BY_CATALOG_CODE: Readonly<Record<ApiErrorCode, string>> = {
  22: 'The password is not correct.',
  88: CHECK_INPUT,
  99: LOG_IN_AGAIN,
};

/** The string codes of `flat` (and `error`'s named codes), unambiguous in any envelope. */
const BY_NAMED_CODE: Readonly<Record<ApiErrorCode, string>> = {
  INVALID_CREDENTIALS: 'The email or password is not correct.',
  SESSION_EXPIRED: LOG_IN_AGAIN,
  ACCOUNT_DISABLED: 'Your account is disabled. Please contact support.',
  VALIDATION_ERROR: CHECK_INPUT,
  VERSION_OUTDATED: UPDATE,
};

/** A table's own entry: a code from the wire may be `"constructor"`. */
function own<T>(table: Readonly<Record<ApiErrorCode, T>>, key: ApiErrorCode | undefined) {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

const BY_STATUS: Readonly<Record<number, string>> = {
  400: CHECK_INPUT,
  401: 'Please log in to continue.',
  403: 'You do not have permission to do this.',
  404: 'We could not find what you were looking for.',
  409: 'This conflicts with a recent change. Please refresh and try again.',
  422: CHECK_INPUT,
  426: UPDATE,
  429: 'Too many requests. Please wait a moment and try again.',
  503: 'The service is busy right now. Please try again shortly.',
};

/**
 * A sentence to show the user for an error: yours for its code (or status)
 * when `messages` has one, else a default for the catalog's codes, the
 * envelopes' named codes and the HTTP status. It never shows a server's
 * description, which is written for developers; a function in `messages` may
 * choose to (a 4xx description of this library is a sentence for users).
 *
 * @example
 * toast(userMessage(error, { 32: (e) => `Sorry: ${String(e.description)}` }));
 *
 * @publicApi
 */
export function userMessage(error: unknown, messages: UserMessages = {}): string {
  if (!isApiError(error)) {
    return isNetworkFailure(error)
      ? 'We could not reach the server. Please check your connection.'
      : 'An unexpected error occurred.';
  }
  const { code, status, format } = error;
  const yours = own(messages, code) ?? own(messages, status);
  if (yours !== undefined) return typeof yours === 'function' ? yours(error) : yours;
  const catalog = format === 'meta' || format === 'problem';
  return (
    own(catalog ? BY_CATALOG_CODE : BY_NAMED_CODE, code) ??
    own(BY_STATUS, status) ??
    (status >= 500 ? SERVER : 'An unexpected error occurred.')
  );
}

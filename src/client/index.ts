// The client entry, `nestjs-api-errors/client`: runs in browsers, React Native
// and Node alike, so it imports nothing of the server side. Catalog entries
// for clients come from the catalog CLI's generated TypeScript, which also
// knows each entry's code in every envelope.
export {
  ApiError,
  type ApiErrorCode,
  type ApiErrorFormat,
  type ApiErrorInit,
  type ApiViolation,
} from './api-error.js';
export { type CatalogEntryLike, type CodesOf, isApiError } from './is-api-error.js';
export { isNetworkFailure } from './network-failure.js';
export { parseApiError, type ParseApiErrorOptions, type PlainResponse } from './parse-api-error.js';
export type { FetchResponseLike, HeadersLike } from './read-body.js';
export { type RetryAdvice, retryPolicy, type RetryPolicyOptions } from './retry-policy.js';
export { type UserMessages, userMessage } from './user-message.js';
export { type RetryClock, type RetryEvent, type RetryOptions, withRetry } from './with-retry.js';

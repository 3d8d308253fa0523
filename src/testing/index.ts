// The testing entry, `nestjs-api-errors/testing`: assertions for an app's
// tests, with no dependency on a test runner.
export { ApiErrorAssertion } from './api-error-assertion.js';
export { expectApiError, type ExpectApiErrorOptions } from './expect-api-error.js';

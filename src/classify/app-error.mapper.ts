import { isErrorStatus } from '../catalog/status-definitions.js';
import { isAppError } from '../exceptions/app.error.js';
import type { ErrorMapper } from './error-mapper.type.js';

/**
 * An {@link AppError} renders its own catalog entry, description and
 * violations. One thrown with a non-error entry (`new AppError(OK)`) is a bug,
 * answered as an unknown error rather than as a "successful" error.
 */
export const appErrorMapper: ErrorMapper = (exception) =>
  isAppError(exception) && isErrorStatus(exception.definition.status)
    ? {
        definition: exception.definition,
        description: exception.description,
        violations: exception.violations,
        reason: exception.reason,
        retryAfter: exception.retryAfter,
        extras: exception.extras,
      }
    : undefined;

import { isAppError } from '../exceptions/app.error.js';
import type { ErrorMapper } from './error-mapper.type.js';

/** An {@link AppError} renders its own catalog entry, description and violations. */
export const appErrorMapper: ErrorMapper = (exception) =>
  isAppError(exception)
    ? {
        definition: exception.definition,
        description: exception.description,
        violations: exception.violations,
        reason: exception.reason,
        retryAfter: exception.retryAfter,
        extras: exception.extras,
      }
    : undefined;

import { ERR_INVALID_PARAMETER } from '../catalog/error-catalog.js';
import type { ErrorDescription } from '../report/error-description.type.js';
import { AppError, type AppErrorOptions } from './app.error.js';

/**
 * Request parameter validation failed (400 / 88).
 *
 * @example
 * throw new InvalidParameterError('quantity must be a positive integer');
 *
 * @publicApi
 */
export class InvalidParameterError extends AppError {
  constructor(description?: ErrorDescription, options?: AppErrorOptions) {
    super(ERR_INVALID_PARAMETER, description, options);
  }
}

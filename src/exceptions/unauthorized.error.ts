import { ERR_AUTH_REQUIRED } from '../catalog/error-catalog.js';
import type { ErrorDescription } from '../report/error-description.type.js';
import { AppError, type AppErrorOptions } from './app.error.js';

/**
 * Authentication token required or invalid (401 / 99).
 *
 * @example
 * throw new UnauthorizedError('Your session has expired. Kindly logout and login');
 *
 * @publicApi
 */
export class UnauthorizedError extends AppError {
  constructor(description?: ErrorDescription, options?: AppErrorOptions) {
    super(ERR_AUTH_REQUIRED, description, options);
  }
}

import { ERR_USER_NOT_EXISTS } from '../catalog/error-catalog.js';
import type { ErrorDescription } from '../report/error-description.type.js';
import { AppError, type AppErrorOptions } from './app.error.js';

/**
 * User account not found (404 / 21).
 *
 * @example
 * throw new UserNotExistsError('No account found with this email');
 *
 * @publicApi
 */
export class UserNotExistsError extends AppError {
  constructor(description?: ErrorDescription, options?: AppErrorOptions) {
    super(ERR_USER_NOT_EXISTS, description, options);
  }
}

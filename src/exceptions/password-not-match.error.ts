import { ERR_PASSWORD_NOT_MATCH } from '../catalog/error-catalog.js';
import type { ErrorDescription } from '../report/error-description.type.js';
import { AppError, type AppErrorOptions } from './app.error.js';

/**
 * Invalid password provided (400 / 22).
 *
 * @example
 * throw new PasswordNotMatchError();
 *
 * @publicApi
 */
export class PasswordNotMatchError extends AppError {
  constructor(description?: ErrorDescription, options?: AppErrorOptions) {
    super(ERR_PASSWORD_NOT_MATCH, description, options);
  }
}

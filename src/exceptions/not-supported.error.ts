import { ERR_NOT_SUPPORTED } from '../catalog/error-catalog.js';
import { AppError } from './app.error.js';

/**
 * Method or endpoint not supported (404 / 10). With a method and a URL the
 * description reads `method: DELETE, url: /api/v2/product/123`.
 *
 * @example
 * throw new NotSupportedError(req.method, req.url);
 *
 * @publicApi
 */
export class NotSupportedError extends AppError {
  constructor(method?: string, url?: string) {
    super(ERR_NOT_SUPPORTED, method && url ? `method: ${method}, url: ${url}` : undefined);
  }
}

import { ERR_NOT_SUPPORTED } from '../catalog/error-catalog.js';
import { echoableMethod, echoablePath } from '../report/request-path.js';
import { AppError } from './app.error.js';

/**
 * Method or endpoint not supported (404 / 10). With a method and a URL the
 * description reads `method: DELETE, url: /api/v2/product/123`: the path
 * only, never the query string (which may hold tokens), cut to 200
 * characters, as for an unknown route.
 *
 * @example
 * throw new NotSupportedError(request.method, request.url);
 *
 * @publicApi
 */
export class NotSupportedError extends AppError {
  constructor(method?: string, url?: string) {
    super(
      ERR_NOT_SUPPORTED,
      method && url ? `method: ${echoableMethod(method)}, url: ${echoablePath(url)}` : undefined,
    );
  }
}

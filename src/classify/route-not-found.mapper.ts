import { ErrorReasons } from '../report/error-reasons.js';
import { echoablePath } from '../report/request-path.js';
import type { ErrorMapper } from './error-mapper.type.js';
import { isHttpExceptionLike } from './http-exception-like.util.js';
import type { StatusMapper } from './status-map.js';

/**
 * A request that matched no route. Nest answers it by throwing
 * `NotFoundException('Cannot <METHOD> <url>')` from its not-found handler; that
 * exact message, built from this very request, tells it apart from a 404 a
 * handler throws. The description names the method and the path, without the
 * query string, which may hold tokens.
 */
export function createRouteNotFoundMapper(definitionFor: StatusMapper): ErrorMapper {
  const definition = definitionFor(404);
  return (exception, { method, url }) => {
    if (!isHttpExceptionLike(exception) || exception.getStatus() !== 404) return undefined;
    const { message } = exception;
    // Checked piece by piece, so a handler's 404 costs no string built to compare.
    if (
      typeof message !== 'string' ||
      message.length !== 8 + method.length + url.length ||
      !message.startsWith('Cannot ') ||
      !message.endsWith(url) ||
      message.charCodeAt(7 + method.length) !== 32 ||
      !message.startsWith(method, 7)
    ) {
      return undefined;
    }
    return {
      definition,
      description: `method: ${method}, url: ${echoablePath(url)}`,
      reason: ErrorReasons.ROUTE_NOT_FOUND,
    };
  };
}

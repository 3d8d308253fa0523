import { isErrorStatus } from '../catalog/status-definitions.js';
import type { ErrorMapper } from './error-mapper.type.js';
import type { StatusMapper } from './status-map.js';

interface HttpErrorShape {
  readonly statusCode: number;
  readonly status?: number;
  readonly expose?: boolean;
  readonly message: string;
  readonly name: string;
  readonly code?: string;
}

/**
 * Errors that carry an HTTP status without being Nest exceptions: those of
 * the `http-errors` package (Express middleware) and Fastify's own errors,
 * recognised as Nest's built-in filter recognises them. The message is sent
 * only when the error says it may be (`expose: true`) and it is a client error;
 * other errors carrying a status (an HTTP client's, say) are unknown errors,
 * since an upstream's 404 is not this endpoint's.
 */
export function createHttpErrorMapper(definitionFor: StatusMapper): ErrorMapper {
  return (exception) => {
    if (!isHttpError(exception)) return undefined;
    const definition = definitionFor(exception.statusCode);
    const exposable = exception.expose === true && exception.statusCode < 500;
    return exposable && exception.message !== ''
      ? { definition, description: exception.message }
      : { definition };
  };
}

function isHttpError(value: unknown): value is HttpErrorShape {
  if (!(value instanceof Error)) return false;
  const error = value as unknown as HttpErrorShape;
  if (!isErrorStatus(error.statusCode)) return false;
  const fromFastify = error.name === 'FastifyError' && typeof error.code === 'string';
  const fromHttpErrors = typeof error.expose === 'boolean' && error.status === error.statusCode;
  return fromFastify || fromHttpErrors;
}

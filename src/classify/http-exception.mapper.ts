import { isErrorStatus } from '../catalog/status-definitions.js';
import type { ErrorDescription } from '../report/error-description.type.js';
import type { ErrorMapper } from './error-mapper.type.js';
import { type HttpExceptionLike, isHttpExceptionLike } from './http-exception-like.util.js';
import type { StatusMapper } from './status-map.js';
import { HTTP_STATUS_PHRASES } from '../catalog/http-status-phrases.js';

/**
 * Nest's own exceptions and any third-party `HttpException`, by status: the
 * status map gives the catalog entry, the exception's message the description.
 * A status outside 400-599 is not an error this filter can answer with, so it
 * falls through to the unknown-error mapper.
 */
export function createHttpExceptionMapper(definitionFor: StatusMapper): ErrorMapper {
  return (exception) => {
    if (!isHttpExceptionLike(exception)) return undefined;
    const status = exception.getStatus();
    if (!isErrorStatus(status)) return undefined;
    const definition = definitionFor(status);
    const description = describe(exception, definition.title, status);
    return description === undefined ? { definition } : { definition, description };
  };
}

/**
 * The exception's own message, unless it only repeats the title or the
 * status phrase (`new ForbiddenException()` says "Forbidden"). Nest's
 * ValidationPipe puts a list of messages here; the first one is kept, as for
 * this library's own validation.
 */
function describe(
  exception: HttpExceptionLike,
  title: string,
  status: number,
): ErrorDescription | undefined {
  const response = exception.getResponse();
  let message: unknown = response;
  if (typeof response === 'object' && response !== null) {
    message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) message = message.find((item) => typeof item === 'string');
  }
  if (typeof message !== 'string' || message === '') return undefined;
  return repeats(message, title) || repeats(message, HTTP_STATUS_PHRASES.get(status))
    ? undefined
    : message;
}

/** Nest's default messages differ from the phrases only in case ("I'm a teapot"). */
function repeats(message: string, phrase: string | undefined): boolean {
  // The length check spares the two lower-cased copies for almost every message.
  return (
    phrase !== undefined &&
    message.length === phrase.length &&
    message.toLowerCase() === phrase.toLowerCase()
  );
}

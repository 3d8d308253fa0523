import { HTTP_STATUS_PHRASES } from '../catalog/http-status-phrases.js';
import { isErrorStatus } from '../catalog/status-definitions.js';
import type { ErrorDescription } from '../report/error-description.type.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import type { ErrorCodeMapper } from './error-code-map.js';
import type { ErrorMapper } from './error-mapper.type.js';
import { type HttpExceptionLike, isHttpExceptionLike } from './http-exception-like.util.js';
import type { StatusMapper } from './status-map.js';

/** Longest `errorCode` carried; it comes from code, but may come from a library's. */
const MAX_ERROR_CODE_LENGTH = 100;

/**
 * Nest's own exceptions and any third-party `HttpException`, by status: the
 * status map gives the catalog entry, the exception's message the
 * description. An exception created with an `errorCode` (Nest 12) keeps it,
 * and the `errorCodes` option may name its entry. A status outside 400-599
 * is not an error this filter can answer with, so it falls through to the
 * unknown-error mapper.
 */
export function createHttpExceptionMapper(
  definitionFor: StatusMapper,
  entryOfErrorCode: ErrorCodeMapper,
): ErrorMapper {
  return (exception) => {
    if (!isHttpExceptionLike(exception)) return undefined;
    const status = exception.getStatus();
    if (!isErrorStatus(status)) return undefined;
    const errorCode = errorCodeOf(exception);
    const definition =
      (errorCode === undefined ? undefined : entryOfErrorCode(errorCode)) ?? definitionFor(status);
    const description = describe(exception, definition.title, status);
    const report: { -readonly [K in keyof ErrorReport]: ErrorReport[K] } = { definition };
    if (description !== undefined) report.description = description;
    if (errorCode !== undefined) report.errorCode = errorCode;
    return report;
  };
}

function errorCodeOf(exception: HttpExceptionLike): string | undefined {
  const { errorCode } = exception as { errorCode?: unknown };
  if (typeof errorCode !== 'string' || errorCode === '') return undefined;
  return errorCode.length > MAX_ERROR_CODE_LENGTH
    ? errorCode.slice(0, MAX_ERROR_CODE_LENGTH)
    : errorCode;
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

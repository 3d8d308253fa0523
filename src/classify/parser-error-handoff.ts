import { HttpException } from '@nestjs/common';
import { isErrorStatus } from '../catalog/status-definitions.js';
import { withoutStack } from '../exceptions/without-stack.js';
import { isHttpExceptionLike } from './http-exception-like.util.js';
import { parsingProblemOf } from './request-parsing.mapper.js';

/**
 * Where Nest releases differ for this library: how the errors of the request
 * parsers (a malformed JSON body, a body over the limit, an undecodable URL)
 * reach exception filters. Nest 11 and the first 12.x releases turn Express's
 * JSON syntax error into a bare `BadRequestException(message)`, which quotes
 * the body, and Fastify's errors into an `HttpException` without the original;
 * later 12.x releases keep the parser's error as the exception's `cause`.
 *
 * Nest sends these errors through the one error handler it gives its HTTP
 * adapter (`setErrorHandler`), before mapping them. Wrapping that handler hands
 * every release's filters the same thing: an `HttpException` whose `cause` is
 * the parser's error and whose message says what is wrong without quoting the
 * request. Errors that are not the parsers' pass through untouched.
 *
 * Nest installs the handler when the application initialises, so this runs
 * before: when the filter is constructed, or in `onModuleInit` for apps built
 * with `@nestjs/testing`, whose providers exist before their adapter does.
 */
export function handParserErrorsAsCause(httpAdapter: unknown): void {
  if (typeof httpAdapter !== 'object' || httpAdapter === null) return;
  const adapter = httpAdapter as ErrorHandlerHost;
  const install = adapter.setErrorHandler;
  if (typeof install !== 'function' || Object.hasOwn(adapter, HANDED_OFF)) return;
  Object.defineProperty(adapter, HANDED_OFF, { value: true });
  adapter.setErrorHandler = function (this: unknown, handler: ErrorHandler, ...rest: unknown[]) {
    // Express tells error middleware by its four parameters, so the wrapper declares them.
    function handParserError(
      this: unknown,
      error: unknown,
      request: unknown,
      response: unknown,
      next: unknown,
    ): unknown {
      return handler.call(this, asParserException(error), request, response, next);
    }
    return install.call(this, handParserError, ...rest);
  };
}

/** A parser's error as an `HttpException` carrying it as `cause`; anything else as it is. */
export function asParserException(error: unknown): unknown {
  if (isHttpExceptionLike(error)) return error;
  const problem = parsingProblemOf(error);
  if (problem === undefined) return error;
  const status = clientStatusOf(error);
  if (status === undefined) return error;
  // A client's mistake, never logged with a stack: the parser's error is kept as the cause.
  return withoutStack(() => new HttpException(problem.sentence, status, { cause: error }));
}

/** Marks an adapter whose error handler is wrapped already (two filters, one adapter). */
const HANDED_OFF = Symbol.for('nestjs-api-errors.parser-error-handoff');

type ErrorHandler = (this: unknown, ...args: unknown[]) => unknown;

interface ErrorHandlerHost {
  setErrorHandler?: (this: unknown, handler: ErrorHandler, ...rest: unknown[]) => unknown;
}

/** The 4xx status a parser put on its error (`status` by body-parser, `statusCode` by both). */
function clientStatusOf(error: unknown): number | undefined {
  const { statusCode, status } = error as { statusCode?: unknown; status?: unknown };
  const value = typeof statusCode === 'number' ? statusCode : status;
  return typeof value === 'number' && isErrorStatus(value) && value < 500 ? value : undefined;
}

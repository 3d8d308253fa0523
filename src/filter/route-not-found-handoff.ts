import { withStackCaptureSuspended } from '../exceptions/without-stack.js';

/**
 * An unknown route is a client's mistake. Nest answers it by throwing
 * `NotFoundException` from the not-found handler it gives its HTTP adapter
 * (`setNotFoundHandler`), and capturing that exception's stack trace, which
 * only ever names Nest's own router, was most of what such a 404 cost.
 *
 * Wrapping the handler suspends stack capture while Nest raises the
 * exception. The filter resumes capture as the first thing it does with the
 * error, so nothing it runs (a mapper, the format, the send, the log) loses
 * a stack; an exception filter of the application's own that catches the
 * `NotFoundException` first runs before capture resumes. A 404 is never
 * logged with a stack.
 *
 * Nest installs the handler when the application initialises, so this runs
 * before, where the parser errors' handler is wrapped.
 */
export function raiseRouteNotFoundWithoutStack(httpAdapter: unknown): void {
  if (typeof httpAdapter !== 'object' || httpAdapter === null) return;
  const adapter = httpAdapter as NotFoundHandlerHost;
  const install = adapter.setNotFoundHandler;
  if (typeof install !== 'function' || Object.hasOwn(adapter, WRAPPED)) return;
  Object.defineProperty(adapter, WRAPPED, { value: true });
  adapter.setNotFoundHandler = function (this: unknown, handler: Handler, ...rest: unknown[]) {
    // Express tells error middleware by its parameter count: this one keeps Nest's three.
    function answerRouteNotFound(
      this: unknown,
      request: unknown,
      response: unknown,
      next: unknown,
    ): unknown {
      return withStackCaptureSuspended(() => handler.call(this, request, response, next));
    }
    return install.call(this, answerRouteNotFound, ...rest);
  };
}

/** Marks an adapter whose not-found handler is wrapped already (two filters, one adapter). */
const WRAPPED = Symbol.for('nestjs-api-errors.route-not-found-handoff');

type Handler = (this: unknown, ...args: unknown[]) => unknown;

interface NotFoundHandlerHost {
  setNotFoundHandler?: (this: unknown, handler: Handler, ...rest: unknown[]) => unknown;
}

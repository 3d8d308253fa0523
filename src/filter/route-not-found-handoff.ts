import { NotFoundException } from '@nestjs/common';
import { withoutStack } from '../exceptions/without-stack.js';

/**
 * An unknown route is a client's mistake. Nest answers it by throwing
 * `NotFoundException('Cannot <METHOD> <url>')` from the not-found handler it
 * gives its HTTP adapter (`setNotFoundHandler`), and capturing that
 * exception's stack trace, which only ever names Nest's own router, was most
 * of what such a 404 cost.
 *
 * Nest's handler starts by asking the adapter for the request's method. While
 * the handler runs for a request, that question is answered by throwing the
 * very exception Nest would build, created without a stack. Nothing else is:
 * Nest's exception filters take it from there with stack capture on, so an
 * exception filter of the application's own that sees the 404 first keeps
 * the stacks of what it creates or throws. Should a version of Nest ask
 * something else first, its handler runs as it is, stack included.
 *
 * Nest installs the handler when the application initialises, so this runs
 * before, where the parser errors' handler is wrapped.
 */
export function raiseRouteNotFoundWithoutStack(httpAdapter: unknown): void {
  if (typeof httpAdapter !== 'object' || httpAdapter === null) return;
  const adapter = httpAdapter as NotFoundHandlerHost;
  const { setNotFoundHandler: install, getRequestMethod: methodOf, getRequestUrl: urlOf } = adapter;
  if (typeof install !== 'function' || typeof methodOf !== 'function') return;
  if (typeof urlOf !== 'function' || Object.hasOwn(adapter, WRAPPED)) return;
  Object.defineProperty(adapter, WRAPPED, { value: true });

  /** The request whose not-found handler is running, until Nest asks for its method. */
  let unrouted: object | undefined;

  adapter.getRequestMethod = function (this: unknown, request: unknown, ...rest: unknown[]) {
    if (unrouted === undefined || request !== unrouted)
      return methodOf.call(this, request, ...rest);
    unrouted = undefined;
    const method: unknown = methodOf.call(this, request);
    const url: unknown = urlOf.call(this, request);
    throw withoutStack(() => new NotFoundException(`Cannot ${String(method)} ${String(url)}`));
  };

  adapter.setNotFoundHandler = function (this: unknown, handler: Handler, ...rest: unknown[]) {
    // Express tells error middleware by its parameter count: this one keeps Nest's three.
    function answerRouteNotFound(
      this: unknown,
      request: unknown,
      response: unknown,
      next: unknown,
    ): unknown {
      unrouted = typeof request === 'object' && request !== null ? request : undefined;
      try {
        return handler.call(this, request, response, next);
      } finally {
        unrouted = undefined;
      }
    }
    return install.call(this, answerRouteNotFound, ...rest);
  };
}

/** Marks an adapter whose not-found handler is wrapped already (two filters, one adapter). */
const WRAPPED = Symbol.for('nestjs-api-errors.route-not-found-handoff');

type Handler = (this: unknown, ...args: unknown[]) => unknown;

interface NotFoundHandlerHost {
  setNotFoundHandler?: (this: unknown, handler: Handler, ...rest: unknown[]) => unknown;
  getRequestMethod?: (this: unknown, request: unknown, ...rest: unknown[]) => unknown;
  getRequestUrl?: (this: unknown, request: unknown, ...rest: unknown[]) => unknown;
}

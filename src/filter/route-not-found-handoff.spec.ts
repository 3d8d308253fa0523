import { NotFoundException } from '@nestjs/common';
import { raiseRouteNotFoundWithoutStack } from './route-not-found-handoff.js';

type Handler = (this: unknown, ...args: unknown[]) => unknown;

interface FakeRequest {
  method: string;
  url: string;
}

/** An adapter as Nest's are: it keeps the not-found handler and reads the request. */
class FakeAdapter {
  installed: Handler | undefined;
  rest: unknown[] = [];
  setNotFoundHandler(handler: Handler, ...rest: unknown[]): string {
    this.installed = handler;
    this.rest = rest;
    return 'installed';
  }
  getRequestMethod(request: FakeRequest): string {
    return request.method;
  }
  getRequestUrl(request: FakeRequest): string {
    return request.url;
  }
}

/** What Nest's own not-found handler does, through the adapter it was given. */
function nestHandler(adapter: FakeAdapter): Handler {
  return (request) => {
    const method = adapter.getRequestMethod(request as FakeRequest);
    const url = adapter.getRequestUrl(request as FakeRequest);
    throw new NotFoundException(`Cannot ${method} ${url}`);
  };
}

/** Runs the installed handler and returns what it threw. */
function thrownBy(adapter: FakeAdapter, ...args: unknown[]): unknown {
  try {
    adapter.installed?.call(undefined, ...args);
  } catch (error) {
    return error;
  }
  throw new Error('the handler threw nothing');
}

const hasFrames = (error: unknown): boolean =>
  error instanceof Error && /\n\s+at /.test(error.stack ?? '');

describe('raiseRouteNotFoundWithoutStack', () => {
  it("throws Nest's NotFoundException, created without a stack, when Nest asks for the method", () => {
    const adapter = new FakeAdapter();
    raiseRouteNotFoundWithoutStack(adapter);
    expect(adapter.setNotFoundHandler(nestHandler(adapter), '/api')).toBe('installed');
    expect(adapter.rest).toStrictEqual(['/api']);

    const limit = Error.stackTraceLimit;
    const thrown = thrownBy(adapter, { method: 'DELETE', url: '/nowhere' }, 'response', 'next');
    expect(thrown).toBeInstanceOf(NotFoundException);
    expect((thrown as NotFoundException).getResponse()).toStrictEqual(
      new NotFoundException('Cannot DELETE /nowhere').getResponse(),
    );
    expect(hasFrames(thrown)).toBe(false);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('creates nothing else without a stack: what runs after the throw captures one', () => {
    const adapter = new FakeAdapter();
    raiseRouteNotFoundWithoutStack(adapter);
    let probe: Error | undefined;
    adapter.setNotFoundHandler((request) => {
      try {
        adapter.getRequestMethod(request as FakeRequest);
      } catch {
        probe = new Error('created by an exception filter');
      }
      return 'answered';
    });
    expect(adapter.installed?.call(undefined, { method: 'GET', url: '/x' })).toBe('answered');
    expect(hasFrames(probe)).toBe(true);
  });

  it('answers the method of any other request, and of this one once it has thrown, as the adapter does', () => {
    const adapter = new FakeAdapter();
    raiseRouteNotFoundWithoutStack(adapter);
    const request = { method: 'GET', url: '/x' };
    const methods: string[] = [];
    adapter.setNotFoundHandler((req) => {
      methods.push(adapter.getRequestMethod({ method: 'POST', url: '/other' }));
      try {
        adapter.getRequestMethod(req as FakeRequest);
      } catch {
        methods.push(adapter.getRequestMethod(req as FakeRequest));
      }
      return undefined;
    });
    adapter.installed?.call(undefined, request);
    expect(methods).toStrictEqual(['POST', 'GET']);
    expect(adapter.getRequestMethod(request)).toBe('GET');
  });

  it('runs a handler that asks nothing as it is, with its own this, arguments and result', () => {
    const adapter = new FakeAdapter();
    raiseRouteNotFoundWithoutStack(adapter);
    let seen: { self: unknown; args: unknown[]; error: Error } | undefined;
    adapter.setNotFoundHandler(function (this: unknown, ...args: unknown[]) {
      seen = { self: this, args, error: new Error('Cannot GET /nowhere') };
      return 'answered';
    });
    const self = { fastify: true };
    const request = { method: 'GET', url: '/nowhere' };
    expect(adapter.installed?.call(self, request, 'response', 'next')).toBe('answered');
    expect(seen?.self).toBe(self);
    expect(seen?.args).toStrictEqual([request, 'response', 'next']);
    expect(hasFrames(seen?.error)).toBe(true);
    // The request is no longer awaited once its handler has returned.
    expect(adapter.getRequestMethod(request)).toBe('GET');
  });

  it('keeps the three parameters Express tells a route-level middleware by', () => {
    const adapter = new FakeAdapter();
    raiseRouteNotFoundWithoutStack(adapter);
    adapter.setNotFoundHandler(() => undefined);
    expect(adapter.installed?.length).toBe(3);
  });

  it('stops awaiting the request when the handler throws something else', () => {
    const adapter = new FakeAdapter();
    raiseRouteNotFoundWithoutStack(adapter);
    adapter.setNotFoundHandler(() => {
      throw new Error('not found');
    });
    const request = { method: 'GET', url: '/x' };
    expect(() => adapter.installed?.call(undefined, request)).toThrow('not found');
    expect(adapter.getRequestMethod(request)).toBe('GET');
  });

  it('wraps an adapter once, however many filters share it', () => {
    const adapter = new FakeAdapter();
    raiseRouteNotFoundWithoutStack(adapter);
    const wrapped = Object.getOwnPropertyDescriptor(adapter, 'setNotFoundHandler')?.value;
    const method = Object.getOwnPropertyDescriptor(adapter, 'getRequestMethod')?.value;
    raiseRouteNotFoundWithoutStack(adapter);
    expect(Object.getOwnPropertyDescriptor(adapter, 'setNotFoundHandler')?.value).toBe(wrapped);
    expect(Object.getOwnPropertyDescriptor(adapter, 'getRequestMethod')?.value).toBe(method);
    expect(wrapped).toBeTypeOf('function');
  });

  it('leaves alone what has no not-found handler to wrap, or no way to read a request', () => {
    expect(() => raiseRouteNotFoundWithoutStack(undefined)).not.toThrow();
    expect(() => raiseRouteNotFoundWithoutStack(null)).not.toThrow();
    const bare = {};
    raiseRouteNotFoundWithoutStack(bare);
    expect(bare).toStrictEqual({});
    const install = () => undefined;
    const blind = { setNotFoundHandler: install };
    raiseRouteNotFoundWithoutStack(blind);
    expect(blind.setNotFoundHandler).toBe(install);
  });
});

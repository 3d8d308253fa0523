import { raiseRouteNotFoundWithoutStack } from './route-not-found-handoff.js';

type Handler = (this: unknown, ...args: unknown[]) => unknown;

/** An adapter as Nest's are: `setNotFoundHandler(handler, prefix)` keeps the handler. */
class FakeAdapter {
  installed: Handler | undefined;
  rest: unknown[] = [];
  setNotFoundHandler(handler: Handler, ...rest: unknown[]): string {
    this.installed = handler;
    this.rest = rest;
    return 'installed';
  }
}

const hasFrames = (error: Error): boolean => /\n\s+at /.test(error.stack ?? '');

describe('raiseRouteNotFoundWithoutStack', () => {
  it("runs Nest's handler without stack capture, with its own this, arguments and result", () => {
    const adapter = new FakeAdapter();
    raiseRouteNotFoundWithoutStack(adapter);
    let seen: { self: unknown; args: unknown[]; error: Error } | undefined;
    const handler: Handler = function (this: unknown, ...args: unknown[]) {
      seen = { self: this, args, error: new Error('Cannot GET /nowhere') };
      return 'answered';
    };
    expect(adapter.setNotFoundHandler(handler, '/api')).toBe('installed');
    expect(adapter.rest).toStrictEqual(['/api']);

    const limit = Error.stackTraceLimit;
    const self = { fastify: true };
    expect(adapter.installed?.call(self, 'request', 'response', 'next')).toBe('answered');
    expect(seen?.self).toBe(self);
    expect(seen?.args).toStrictEqual(['request', 'response', 'next']);
    expect(hasFrames(seen!.error)).toBe(false);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(hasFrames(new Error('any other error'))).toBe(true);
  });

  it('keeps the three parameters Express tells a route-level middleware by', () => {
    const adapter = new FakeAdapter();
    raiseRouteNotFoundWithoutStack(adapter);
    adapter.setNotFoundHandler(() => undefined);
    expect(adapter.installed?.length).toBe(3);
  });

  it('restores capture when the handler throws', () => {
    const adapter = new FakeAdapter();
    raiseRouteNotFoundWithoutStack(adapter);
    adapter.setNotFoundHandler(() => {
      throw new Error('not found');
    });
    const limit = Error.stackTraceLimit;
    expect(() => adapter.installed?.call(undefined)).toThrow('not found');
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('wraps an adapter once, however many filters share it', () => {
    const adapter = new FakeAdapter();
    raiseRouteNotFoundWithoutStack(adapter);
    const wrapped = Object.getOwnPropertyDescriptor(adapter, 'setNotFoundHandler')?.value;
    raiseRouteNotFoundWithoutStack(adapter);
    expect(Object.getOwnPropertyDescriptor(adapter, 'setNotFoundHandler')?.value).toBe(wrapped);
    expect(wrapped).toBeTypeOf('function');
  });

  it('leaves alone what has no not-found handler to wrap', () => {
    expect(() => raiseRouteNotFoundWithoutStack(undefined)).not.toThrow();
    expect(() => raiseRouteNotFoundWithoutStack(null)).not.toThrow();
    const bare = {};
    raiseRouteNotFoundWithoutStack(bare);
    expect(bare).toStrictEqual({});
  });
});

import { type ArgumentsHost, Logger, type LoggerService } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ExternalExceptionsHandler } from '@nestjs/core/exceptions/external-exceptions-handler.js';
import { RpcException } from '@nestjs/microservices';
import { BaseWsExceptionFilter } from '@nestjs/websockets';
import { RpcExceptionsHandler } from '@nestjs/microservices/exceptions/rpc-exceptions-handler.js';
import { firstValueFrom, type Observable } from 'rxjs';
import type { Mock } from 'vitest';
import { CapturedLogger } from '../../test/helpers/captured-logger.js';
import { ApiExceptionFilter, InvalidParameterError } from '../index.js';

const SECRET = 'db password=hunter2';

/** An HTTP adapter whose every method is recorded, so a test sees any use of it. */
function recordingAdapter() {
  const calls: string[] = [];
  const method =
    (name: string, result?: unknown) =>
    (..._args: unknown[]) => {
      calls.push(name);
      return result;
    };
  const adapter = {
    getRequestMethod: method('getRequestMethod', 'GET'),
    getRequestUrl: method('getRequestUrl', '/orders'),
    getHeader: method('getHeader'),
    isHeadersSent: method('isHeadersSent', false),
    setHeader: method('setHeader'),
    reply: method('reply'),
    end: method('end'),
    status: method('status'),
    getInstance: method('getInstance', {}),
    // No server yet, as for a filter built before `listen()`.
    getHttpServer: method('getHttpServer'),
  };
  return { adapter, calls };
}

/** A host of the given type; any member but `getType` fails the test if the filter touches it. */
function hostOf(type: string): { host: ArgumentsHost; touched: Mock[] } {
  const touch = (name: string) =>
    vi.fn(() => {
      throw new Error(`the filter called host.${name}() in a ${type} context`);
    });
  const members = {
    getArgs: touch('getArgs'),
    getArgByIndex: touch('getArgByIndex'),
    switchToHttp: touch('switchToHttp'),
    switchToRpc: touch('switchToRpc'),
    switchToWs: touch('switchToWs'),
  };
  const host = { ...members, getType: () => type } as unknown as ArgumentsHost;
  return { host, touched: Object.values(members) };
}

/** Nest's own filter metadata for a `@Catch()` filter: it catches everything. */
const asNestFilter = (filter: ApiExceptionFilter) => ({
  exceptionMetatypes: [],
  func: filter.catch.bind(filter),
});

const rejectionOf = (result: Observable<unknown>) =>
  firstValueFrom(result).then(
    () => {
      throw new Error('the RPC call succeeded');
    },
    (error: unknown) => error,
  );

describe('ApiExceptionFilter outside HTTP', () => {
  const staticLogger = (Logger as unknown as { staticInstanceRef?: LoggerService })
    .staticInstanceRef;
  let logger: CapturedLogger;
  let recorded: ReturnType<typeof recordingAdapter>;
  let filter: ApiExceptionFilter;

  beforeEach(() => {
    logger = new CapturedLogger();
    Logger.overrideLogger(logger);
    recorded = recordingAdapter();
    const adapterHost = new HttpAdapterHost();
    adapterHost.httpAdapter = recorded.adapter as never;
    filter = new ApiExceptionFilter(adapterHost, { production: true });
    recorded.calls.length = 0;
  });
  afterEach(() => {
    Logger.overrideLogger(staticLogger ?? false);
  });

  it('answers and logs an HTTP error through the adapter (what the other contexts must not do)', () => {
    const request = { headers: {} };
    const response = {};
    const host = {
      getType: () => 'http',
      getArgByIndex: (index: number) => [request, response][index],
    } as unknown as ArgumentsHost;
    filter.catch(new Error(SECRET), host);
    expect(recorded.calls).toContain('reply');
    expect(logger.fromFilter('error')).toHaveLength(1);
  });

  it.each(['rpc', 'graphql', 'kafka-like-transport'])(
    'leaves a %s error alone: no host member read, no adapter call, no log line',
    (type) => {
      const { host, touched } = hostOf(type);
      filter.catch(new Error(SECRET), host);
      filter.catch(new InvalidParameterError('quantity must be a positive integer'), host);
      filter.catch('a thrown string', host);
      for (const member of touched) expect(member).not.toHaveBeenCalled();
      expect(recorded.calls).toStrictEqual([]);
      expect(logger.entries).toStrictEqual([]);
    },
  );

  describe("through Nest's RPC exception handler", () => {
    const handlerWith = (filters: ApiExceptionFilter[]) => {
      const handler = new RpcExceptionsHandler();
      // Typed as returning an Observable; at run time, returning nothing means "not handled".
      handler.setCustomFilters(filters.map(asNestFilter) as never);
      return handler;
    };

    it.each([
      ['a plain Error', () => new Error(SECRET)],
      ['an AppError', () => new InvalidParameterError('quantity must be a positive integer')],
      // Anything can be thrown, whatever the handler's parameter type says.
      ['a thrown string', () => SECRET as unknown as Error],
      ['an RpcException', () => new RpcException({ status: 'error', message: 'cart is locked' })],
      ['an RpcException with a string', () => new RpcException('cart is locked')],
    ] as [string, () => Error][])(
      '%s gets the answer it gets without this filter',
      async (_name, thrown) => {
        const { host } = hostOf('rpc');
        const withFilter = await rejectionOf(handlerWith([filter]).handle(thrown(), host));
        const withoutFilter = await rejectionOf(handlerWith([]).handle(thrown(), host));
        expect(withFilter).toStrictEqual(withoutFilter);
        expect(JSON.stringify(withFilter)).not.toContain('hunter2');
        // Nest's RPC handler logs what it does not know; this filter adds nothing.
        expect(logger.fromFilter()).toStrictEqual([]);
      },
    );

    it("answers an unknown error with Nest's own RPC error", async () => {
      const { host } = hostOf('rpc');
      await expect(
        rejectionOf(handlerWith([filter]).handle(new Error(SECRET), host)),
      ).resolves.toStrictEqual({ status: 'error', message: 'Internal server error' });
    });
  });

  describe("through Nest's handler for other contexts (GraphQL resolvers, external contexts)", () => {
    it('the very error thrown reaches the transport, as without this filter', () => {
      const { host } = hostOf('graphql');
      const handler = new ExternalExceptionsHandler();
      handler.setCustomFilters([asNestFilter(filter)]);
      const thrown = new InvalidParameterError('quantity must be a positive integer');
      let rethrown: unknown;
      try {
        void handler.next(thrown, host);
      } catch (error) {
        rethrown = error;
      }
      expect(rethrown).toBe(thrown);
      expect(logger.fromFilter()).toStrictEqual([]);
    });
  });

  it("answers a WebSocket error as Nest's own gateway filter does", () => {
    const wsHost = (emit: (...args: unknown[]) => void) => {
      const client = { emit };
      return {
        getType: () => 'ws',
        getArgs: () => [client, { cart: 7 }],
        getArgByIndex: (index: number) => [client, { cart: 7 }][index],
        switchToWs: () => ({
          getClient: () => client,
          getData: () => ({ cart: 7 }),
          getPattern: () => 'checkout',
        }),
      } as unknown as ArgumentsHost;
    };
    const ours = vi.fn<(...args: unknown[]) => void>();
    const nests = vi.fn<(...args: unknown[]) => void>();
    filter.catch(new Error(SECRET), wsHost(ours));
    new BaseWsExceptionFilter().catch(new Error(SECRET), wsHost(nests));
    expect(ours).toHaveBeenCalledTimes(1);
    expect(ours.mock.calls).toStrictEqual(nests.mock.calls);
    expect(ours).toHaveBeenCalledWith(
      'exception',
      expect.objectContaining({ status: 'error', message: 'Internal server error' }),
    );
    expect(JSON.stringify(ours.mock.calls)).not.toContain('hunter2');
    expect(recorded.calls).toStrictEqual([]);
  });
});

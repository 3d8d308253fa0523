import { type ArgumentsHost, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiExceptionFilter } from '../index.js';

function hostOf(type: string, client?: { emit: (...args: unknown[]) => void }): ArgumentsHost {
  return {
    getType: () => type,
    getArgs: () => [client, {}],
    getArgByIndex: (i: number) => [client, {}][i],
    switchToHttp: () => {
      throw new Error('not HTTP');
    },
    switchToRpc: () => ({ getData: () => ({}), getContext: () => ({}) }),
    switchToWs: () => ({ getClient: () => client, getData: () => ({}), getPattern: () => 'event' }),
  } as unknown as ArgumentsHost;
}

describe('ApiExceptionFilter outside HTTP', () => {
  const filter = new ApiExceptionFilter(new HttpAdapterHost());
  // Nest's WebSocket filter logs the error; keep the test output clean.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));

  it.each(['rpc', 'graphql', 'something-new'])(
    'hands a %s error back to Nest by returning nothing',
    (type) => {
      expect(filter.catch(new Error('secret'), hostOf(type))).toBeUndefined();
    },
  );

  it("answers a WebSocket error as Nest's own gateway filter does", () => {
    const emit = vi.fn<(...args: unknown[]) => void>();
    filter.catch(new Error('secret'), hostOf('ws', { emit }));
    expect(emit).toHaveBeenCalledWith(
      'exception',
      expect.objectContaining({ status: 'error', message: 'Internal server error' }),
    );
  });
});

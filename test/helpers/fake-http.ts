import { type ArgumentsHost, Logger, type LoggerService } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { validateHeaderName, validateHeaderValue } from 'node:http';
import { ApiExceptionFilter, type ErrorsModuleOptions } from 'nestjs-api-errors';
import { CapturedLogger } from './captured-logger.js';

/**
 * In-memory stand-ins for what Nest hands an exception filter: the request,
 * the response of each adapter, Nest's HTTP adapter and the host. They keep
 * what was done to them, so a test reads the answer as a client would get it.
 */

export interface FakeRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  id?: string;
  [more: string]: unknown;
}

export function fakeRequest(more: Partial<FakeRequest> = {}): FakeRequest {
  return { method: 'GET', url: '/orders/7?token=s3cret', headers: {}, ...more };
}

/** Node's `ServerResponse` as Express hands it over: headers are checked as Node checks them. */
export class NodeResponse {
  statusCode = 200;
  headersSent = false;
  writableEnded = false;
  readonly headers: Record<string, string> = {};
  /** Each `end()` call's payload. */
  readonly ended: (string | undefined)[] = [];

  constructor(started: 'not started' | 'started' | 'ended' = 'not started') {
    this.headersSent = started !== 'not started';
    this.writableEnded = started === 'ended';
  }

  setHeader(name: string, value: string): this {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    this.headers[name.toLowerCase()] = value;
    return this;
  }

  end(payload?: string): this {
    this.ended.push(payload);
    this.headersSent = true;
    this.writableEnded = true;
    return this;
  }

  /** The answer as the client reads it. */
  get answer(): { status: number; headers: Record<string, string>; body: unknown } {
    const payload = this.ended[0];
    return {
      status: this.statusCode,
      headers: this.headers,
      body: payload === undefined ? undefined : JSON.parse(payload),
    };
  }
}

/** Fastify's reply as Nest's Fastify adapter hands it over. */
export class FastifyReply {
  statusCode = 200;
  readonly headers: Record<string, string> = {};
  /** What `send()` was given, as it was given: an object is serialised by Fastify itself. */
  payload: unknown;
  sent = false;
  readonly raw = {
    headersSent: false,
    writableEnded: false,
    endCalls: 0,
    end: () => {
      this.raw.endCalls++;
      this.raw.writableEnded = true;
    },
  };

  constructor(started: 'not started' | 'started' = 'not started') {
    this.raw.headersSent = started === 'started';
  }

  code(status: number): this {
    this.statusCode = status;
    return this;
  }

  header(name: string, value: string): this {
    this.headers[name.toLowerCase()] = value;
    return this;
  }

  getHeader(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }

  send(payload: unknown): this {
    this.payload = payload;
    this.sent = true;
    return this;
  }
}

/** One call on the fake adapter, by method name, with its arguments. */
export type AdapterCall = [string, ...unknown[]];

export interface FakeAdapterOptions {
  /** What `getHeader(response, 'retry-after')` answers: a header already on the response. */
  retryAfterOnResponse?: unknown;
  /** What `getInstance()` answers (Fastify's instance has `decorate`). */
  instance?: unknown;
  /** What `getHttpServer()` answers; `undefined` as before `listen()`. */
  server?: unknown;
  /** Whether a response that is neither Node's nor Fastify's has started. */
  headersSent?: boolean;
}

/** Nest's HTTP adapter, recording every call a response goes through. */
export function fakeAdapter(options: FakeAdapterOptions = {}) {
  const calls: AdapterCall[] = [];
  const record =
    <T>(name: string, result?: (...args: unknown[]) => T) =>
    (...args: unknown[]): T | undefined => {
      calls.push([name, ...args]);
      return result?.(...args);
    };
  const adapter = {
    getRequestMethod: (request: unknown) => (request as FakeRequest).method,
    getRequestUrl: (request: unknown) => (request as FakeRequest).url,
    getHeader: record('getHeader', (_response, name) =>
      name === 'retry-after' ? options.retryAfterOnResponse : undefined,
    ),
    isHeadersSent: record('isHeadersSent', () => options.headersSent ?? false),
    setHeader: record('setHeader'),
    reply: record('reply'),
    end: record('end'),
    status: record('status'),
    getInstance: () => options.instance ?? {},
    getHttpServer: () => options.server,
  };
  return { adapter, calls };
}

/** An HTTP host as Nest passes it to a filter, for one request and response. */
export function httpHost(request: unknown, response: unknown): ArgumentsHost {
  const args = [request, response, undefined];
  return {
    getType: () => 'http',
    getArgs: () => args,
    getArgByIndex: (index: number) => args[index],
    switchToHttp: () => ({
      getRequest: () => request,
      getResponse: () => response,
      getNext: () => undefined,
    }),
  } as unknown as ArgumentsHost;
}

/** A filter on a fake adapter. */
export function filterOn(
  options: ErrorsModuleOptions = {},
  adapterOptions: FakeAdapterOptions = {},
  Filter: typeof ApiExceptionFilter = ApiExceptionFilter,
) {
  const { adapter, calls } = fakeAdapter(adapterOptions);
  const host = new HttpAdapterHost();
  host.httpAdapter = adapter as never;
  const filter = new Filter(host, { production: false, ...options });
  return { filter, adapter, calls };
}

/** Sends Nest's logs to a {@link CapturedLogger} (or any logger) until {@link restoreLogger}. */
export function captureLogs(logger: LoggerService = new CapturedLogger()) {
  Logger.overrideLogger(logger);
  return logger;
}

const ORIGINAL_LOGGER = (Logger as unknown as { staticInstanceRef?: LoggerService })
  .staticInstanceRef;

export function restoreLogger(): void {
  Logger.overrideLogger(ORIGINAL_LOGGER ?? false);
}

/**
 * Nest's logger, captured for each test of the calling file: the returned
 * logger is emptied and installed before each test, and Nest's own is put
 * back after it.
 */
export function captureLogsPerTest(): CapturedLogger {
  const logger = new CapturedLogger();
  beforeEach(() => {
    logger.clear();
    captureLogs(logger);
  });
  afterEach(() => restoreLogger());
  return logger;
}

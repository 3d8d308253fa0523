/**
 * The cost of the library's per-request code alone, without HTTP:
 * `node bench/dist/micro.js` (`--json` for the orchestrator).
 *
 * Calls each filter's `catch()`, each validation pipe's `transform()` and the
 * guard's `canActivate()` in loops, with an HTTP adapter that records instead
 * of writing. No framework, socket or load generator is involved, so the
 * numbers are far steadier than requests per second, and they show what the
 * library's own JavaScript costs next to Nest's. The batches of all cases are
 * interleaved and their median is kept. Exceptions are made once: throwing
 * costs the same whatever catches.
 */
import 'reflect-metadata';
import {
  type ArgumentMetadata,
  type ArgumentsHost,
  BadRequestException,
  type CanActivate,
  type ExecutionContext,
  NotFoundException,
  type PipeTransform,
  ValidationPipe,
} from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost, Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/internal';
import {
  ApiExceptionFilter,
  ApiValidationPipe,
  type ErrorsModuleOptions,
  InvalidParameterError,
  TwoFactorAuthGuard,
} from 'nestjs-api-errors';
import { BenchController, HandwrittenFilter, OrderLineDto, resolveSession } from './app.js';
import { type MicroResult, renderMicro } from './report.js';
import { median } from './stats.js';
import { BENCH_TOKEN, QUANTITY_SENTENCE } from './variants.js';

interface FakeResponse {
  headers: Record<string, string>;
  status?: number;
  body?: string;
}

/** The adapter methods the filters call; what they write is kept on the response object. */
const adapter = {
  getRequestMethod: (request: { method: string }) => request.method,
  getRequestUrl: (request: { originalUrl: string }) => request.originalUrl,
  getHeader: (response: FakeResponse, name: string) => response.headers[name.toLowerCase()],
  getInstance: () => ({}),
  getHttpServer: () => undefined,
  isHeadersSent: () => false,
  setHeader: (response: FakeResponse, name: string, value: string) => {
    response.headers[name.toLowerCase()] = value;
  },
  reply: (response: FakeResponse, body: unknown, status?: number) => {
    response.status = status;
    // What Express and Fastify do with an object body.
    response.body = typeof body === 'string' ? body : JSON.stringify(body);
  },
  end: () => undefined,
};

const adapterHost = new HttpAdapterHost();
adapterHost.httpAdapter = adapter as unknown as HttpAdapterHost['httpAdapter'];

function requestFor(path: string) {
  return {
    method: 'GET',
    url: path,
    originalUrl: path,
    headers: { authorization: `Bearer ${BENCH_TOKEN}`, host: '127.0.0.1' },
    rawHeaders: ['host', '127.0.0.1', 'authorization', `Bearer ${BENCH_TOKEN}`],
  };
}

function hostFor(path: string, handler: () => unknown = () => undefined): ExecutionContext {
  const host = new ExecutionContextHost(
    [requestFor(path), { headers: {} }, undefined],
    BenchController,
    handler,
  );
  host.setType('http');
  return host;
}

/** One measured operation: `run` does it once (possibly async). */
interface Case {
  readonly section: string;
  readonly name: string;
  readonly run: () => unknown;
  /** Whether `run` returns a promise to await. */
  readonly async: boolean;
}

function filterCase(
  name: string,
  filter: { catch(exception: unknown, host: ArgumentsHost): unknown },
  exception: unknown,
  path: string,
): Case {
  const host = hostFor(path);
  const response = host.switchToHttp().getResponse<FakeResponse>();
  filter.catch(exception, host);
  if (response.status === undefined) throw new Error(`${name} answered nothing`);
  return { section: 'filter', name, run: () => filter.catch(exception, host), async: false };
}

function pipeCase(name: string, pipe: PipeTransform): Case {
  const metadata: ArgumentMetadata = { type: 'body', metatype: OrderLineDto, data: undefined };
  const body = { product_id: 1, quantity: 0 };
  return {
    section: 'validation pipe (an invalid body)',
    name,
    run: async () => {
      try {
        await pipe.transform(body, metadata);
      } catch {
        return;
      }
      throw new Error(`${name} let an invalid body through`);
    },
    async: true,
  };
}

function guardCase(name: string, guard: CanActivate): Case {
  // The handler whose metadata the guard reads, as Nest passes it.
  const context = hostFor('/me', Reflect.get(BenchController.prototype, 'me'));
  return {
    section: 'guard (a valid token)',
    name,
    run: async () => {
      if ((await guard.canActivate(context)) !== true) throw new Error(`${name} refused`);
    },
    async: true,
  };
}

const ours = (options: ErrorsModuleOptions = {}) => new ApiExceptionFilter(adapterHost, options);
const nestFilter = new BaseExceptionFilter(
  adapter as unknown as ConstructorParameters<typeof BaseExceptionFilter>[0],
);
const badRequest = new BadRequestException(QUANTITY_SENTENCE);
const NEST_FILTER = "Nest's BaseExceptionFilter, BadRequestException";

const CASES: Case[] = [
  filterCase(NEST_FILTER, nestFilter, badRequest, '/error'),
  filterCase(
    'handwritten filter, BadRequestException',
    new HandwrittenFilter(adapterHost),
    badRequest,
    '/error',
  ),
  filterCase('ApiExceptionFilter, BadRequestException', ours(), badRequest, '/error'),
  filterCase(
    'ApiExceptionFilter, InvalidParameterError',
    ours(),
    new InvalidParameterError(QUANTITY_SENTENCE),
    '/app-error',
  ),
  filterCase(
    'ApiExceptionFilter, unknown route',
    ours(),
    new NotFoundException('Cannot GET /no-such-route'),
    '/no-such-route',
  ),
  filterCase(
    'ApiExceptionFilter { requestIdHeader: false }, BadRequestException',
    ours({ requestIdHeader: false }),
    badRequest,
    '/error',
  ),
  pipeCase("Nest's ValidationPipe", new ValidationPipe()),
  pipeCase('ApiValidationPipe', new ApiValidationPipe()),
  guardCase('an async guard that only returns true', { canActivate: () => Promise.resolve(true) }),
  guardCase(
    'TwoFactorAuthGuard',
    new TwoFactorAuthGuard(new Reflector(), { resolveSession }),
  ),
];

async function nsPerCall({ run, async }: Case, calls: number): Promise<number> {
  const start = process.hrtime.bigint();
  if (async) for (let i = 0; i < calls; i++) await run();
  else for (let i = 0; i < calls; i++) run();
  return Number(process.hrtime.bigint() - start) / calls;
}

async function measureMicro(calls: number, batches: number): Promise<MicroResult[]> {
  // Every case warmed up first, so none runs while another is being optimised.
  for (const c of CASES) await nsPerCall(c, calls);
  const samples = CASES.map(() => [] as number[]);
  for (let batch = 0; batch < batches; batch++) {
    for (const [i, c] of CASES.entries()) samples[i].push(await nsPerCall(c, calls));
  }
  return CASES.map(({ section, name }, i) => ({ section, name, ns: median(samples[i]) }));
}

const results = await measureMicro(
  Number(process.env.MICRO_CALLS ?? 20_000),
  Number(process.env.MICRO_BATCHES ?? 15),
);
process.stdout.write(
  process.argv.includes('--json') ? `${JSON.stringify(results)}\n` : renderMicro(results),
);

import 'reflect-metadata';
import {
  type ArgumentsHost,
  BadRequestException,
  Body,
  Catch,
  Controller,
  type DynamicModule,
  type ExceptionFilter,
  Get,
  type INestApplication,
  Module,
  Post,
  ValidationPipe,
} from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { IsInt, Min } from 'class-validator';
import {
  type AuthSession,
  ErrorsModule,
  type ErrorsModuleOptions,
  fastifyFrameworkErrors,
  InvalidParameterError,
  type PresentedToken,
} from 'nestjs-api-errors';
import { type AdapterName, BENCH_TOKEN, MEMORY_ROUTE, QUANTITY_SENTENCE } from './variants.js';
import type { VariantName } from './variants.js';

export class OrderLineDto {
  @IsInt()
  @Min(1)
  product_id: number;

  @IsInt()
  @Min(1)
  quantity: number;
}

/** Every route every variant may be asked for; each app has them all, so the routers match. */
@Controller()
export class BenchController {
  @Get('ok')
  ok(): { ok: true } {
    return { ok: true };
  }

  @Get('error')
  error(): never {
    throw new BadRequestException(QUANTITY_SENTENCE);
  }

  @Get('app-error')
  appError(): never {
    throw new InvalidParameterError(QUANTITY_SENTENCE);
  }

  @Post('orders')
  order(@Body() line: OrderLineDto): { ok: true; quantity: number } {
    return { ok: true, quantity: line.quantity };
  }

  @Get('me')
  me(): { id: number; name: string } {
    return { id: 1, name: 'Ada' };
  }
}

declare const gc: (() => void) | undefined;

/** Only in memory mode, where the server runs with --expose-gc. */
@Controller()
export class MemoryController {
  @Get(MEMORY_ROUTE.slice(1))
  memory(): NodeJS.MemoryUsage {
    if (typeof gc === 'function') {
      gc();
      gc();
    }
    return process.memoryUsage();
  }
}

const HANDWRITTEN_BODY = Object.freeze({
  meta: Object.freeze({ code: 88, message: 'Invalid Parameter', description: QUANTITY_SENTENCE }),
});

/** The floor: what the cheapest global filter that still answers the envelope costs. */
@Catch()
export class HandwrittenFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(_exception: unknown, host: ArgumentsHost): void {
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), HANDWRITTEN_BODY, 400);
  }
}

const SESSION: AuthSession = Object.freeze({
  user: Object.freeze({ id: 1 }),
  twoFactorEnabled: false,
});

/** Synchronous, so the guard measures itself and not a session store. */
export function resolveSession(token: PresentedToken): AuthSession | null {
  return token.value === BENCH_TOKEN ? SESSION : null;
}

/** How a variant's app differs from the plain one. */
interface Setup {
  readonly imports: DynamicModule[];
  /** Whether the app uses this library (Fastify then gets `fastifyFrameworkErrors`, as the README shows). */
  readonly library: boolean;
  readonly configure?: (app: INestApplication) => void;
}

/**
 * Extra options for every `ErrorsModule.forRoot()` here, as JSON in
 * `BENCH_ERRORS_OPTIONS` (e.g. `{"requestIdHeader":false}`), to measure what
 * an option costs. Empty by default: the library as a user gets it.
 */
const EXTRA_OPTIONS = JSON.parse(process.env.BENCH_ERRORS_OPTIONS || '{}') as ErrorsModuleOptions;

const PLAIN: Setup = { imports: [], library: false };
const LIBRARY: Setup = { imports: [ErrorsModule.forRoot({ ...EXTRA_OPTIONS })], library: true };

function setupOf(variant: VariantName): Setup {
  switch (variant) {
    case 'ok':
    case 'nest-default':
    case 'route-404-nest':
      return PLAIN;
    case 'handwritten':
      return {
        ...PLAIN,
        configure: (app) => app.useGlobalFilters(new HandwrittenFilter(app.get(HttpAdapterHost))),
      };
    case 'validation-nest':
      return { ...PLAIN, configure: (app) => app.useGlobalPipes(new ValidationPipe()) };
    case 'ours':
    case 'ours-app-error':
    case 'validation-ours':
    case 'route-404-ours':
      return LIBRARY;
    case 'guard-off':
      return {
        imports: [ErrorsModule.forRoot({ ...EXTRA_OPTIONS, auth: { resolveSession } })],
        library: true,
      };
    case 'guard-on':
      return {
        imports: [
          ErrorsModule.forRoot({
            ...EXTRA_OPTIONS,
            globalAuthGuard: true,
            auth: { resolveSession },
          }),
        ],
        library: true,
      };
  }
}

@Module({})
export class BenchAppModule {}

export interface CreateOptions {
  /** Adds {@link MemoryController}. */
  readonly memoryRoute?: boolean;
}

/** Builds (but does not start) the app of a variant on an adapter, without a logger. */
export async function createBenchApp(
  variant: VariantName,
  adapter: AdapterName,
  options: CreateOptions = {},
): Promise<INestApplication> {
  const setup = setupOf(variant);
  const root: DynamicModule = {
    module: BenchAppModule,
    imports: setup.imports,
    controllers: options.memoryRoute ? [BenchController, MemoryController] : [BenchController],
  };
  const httpAdapter =
    adapter === 'express'
      ? new ExpressAdapter()
      : new FastifyAdapter(setup.library ? { frameworkErrors: fastifyFrameworkErrors } : {});
  const app = await NestFactory.create(root, httpAdapter, { logger: false });
  setup.configure?.(app);
  return app;
}

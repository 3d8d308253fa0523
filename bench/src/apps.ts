import 'reflect-metadata';
import {
  BadRequestException,
  Body,
  Controller,
  type DynamicModule,
  Get,
  type INestApplication,
  Module,
  Post,
  UseGuards,
  ValidationPipe,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { IsInt, Min } from 'class-validator';
import { type AuthSession, ErrorsModule, TwoFactorAuthGuard } from 'nestjs-api-errors';

export type Adapter = 'express' | 'fastify';

/** One server of a pair: plain Nest, or the same app with ErrorsModule. */
export type Variant =
  'nest' | 'ours' | 'nest-validation' | 'ours-validation' | 'guard-off' | 'guard-on';

export class ItemDto {
  @IsInt()
  @Min(1)
  quantity: number;
}

/** Every variant serves the same routes, so only the error handling differs. */
@Controller()
class BenchController {
  @Get('error')
  error(): never {
    throw new BadRequestException('quantity must be a positive integer');
  }

  @Post('items')
  create(@Body() item: ItemDto): ItemDto {
    return item;
  }
}

/** A route that succeeds: the guard pair measures what authenticating it costs. */
@Controller('me')
class MeController {
  @Get()
  me(): { ok: true } {
    return { ok: true };
  }
}

/** A session store answering from memory, asynchronously, as a real one would. */
const SESSIONS = new Map<string, AuthSession>([
  ['t1', { user: { id: 1 }, twoFactorEnabled: false }],
]);
const auth = {
  // eslint-disable-next-line @typescript-eslint/require-await -- async like the stores it stands for
  resolveSession: async ({ value }: { value: string }) => SESSIONS.get(value) ?? null,
};

function rootModule(variant: Variant): DynamicModule {
  const imports = [];
  if (variant === 'ours' || variant === 'ours-validation') imports.push(ErrorsModule.forRoot());
  if (variant === 'guard-off' || variant === 'guard-on')
    imports.push(ErrorsModule.forRoot({ auth }));
  // Each server is its own process, so the guard is put on the one class for this app only.
  if (variant === 'guard-on') UseGuards(TwoFactorAuthGuard)(MeController);
  @Module({})
  class BenchModule {}
  return { module: BenchModule, imports, controllers: [BenchController, MeController] };
}

export async function startApp(
  adapter: Adapter,
  variant: Variant,
  port: number,
): Promise<INestApplication> {
  const app = await NestFactory.create(
    rootModule(variant),
    adapter === 'express' ? new ExpressAdapter() : new FastifyAdapter(),
    { logger: ['error'] },
  );
  if (variant === 'nest-validation') app.useGlobalPipes(new ValidationPipe());
  await app.listen(port, '127.0.0.1');
  return app;
}

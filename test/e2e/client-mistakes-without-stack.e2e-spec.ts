import {
  BadRequestException,
  Body,
  Controller,
  Get,
  type DynamicModule,
  Post,
  UseGuards,
} from '@nestjs/common';
import { IsInt, IsPositive } from 'class-validator';
import {
  ClientVersionGuard,
  type ErrorMapper,
  ErrorsModule,
  TwoFactorAuthGuard,
} from 'nestjs-api-errors';
import { send, sendJson } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

/** Whether an error's stack names any frame (`    at …`). */
const hasFrames = (error: unknown): boolean =>
  error instanceof Error && /\n\s+at /.test(error.stack ?? '');

class QuantityDto {
  @IsInt()
  @IsPositive()
  quantity!: number;
}

@Controller()
class MistakesController {
  @Post('items')
  create(@Body() dto: QuantityDto): QuantityDto {
    return dto;
  }

  @Get('me')
  @UseGuards(TwoFactorAuthGuard)
  me(): { ok: true } {
    return { ok: true };
  }

  @Get('config')
  @UseGuards(ClientVersionGuard)
  config(): { ok: true } {
    return { ok: true };
  }

  @Get('handler-throws')
  handlerThrows(): never {
    throw new BadRequestException('quantity must be a positive integer');
  }
}

/** Every mistake a client can make that the library itself raises an error for. */
function mistakesApp(recorder: ErrorMapper): DynamicModule {
  return {
    module: class MistakesApp {},
    imports: [
      ErrorsModule.forRoot({
        mappers: [recorder],
        auth: { resolveSession: () => Promise.resolve(null) },
        clientVersion: { minVersion: 'a.2.0', required: true },
      }),
    ],
    controllers: [MistakesController],
  };
}

describe.each(ADAPTERS)("stack traces of a client's mistakes (%s)", (adapter) => {
  /** What the filter's first mapper saw. */
  const seen: unknown[] = [];
  const recorder: ErrorMapper = (exception) => {
    seen.push(exception);
    return undefined;
  };
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, mistakesApp(recorder));
  });
  afterAll(() => t.close());
  beforeEach(() => {
    seen.length = 0;
  });

  it.each([
    ['a failing DTO', () => sendJson(t.url, 'POST', '/items', { quantity: -1 }), 400],
    ['a nested body too deep', () => sendJson(t.url, 'POST', '/items', deepBody(100)), 400],
    [
      'a malformed JSON body',
      () =>
        send(t.url, {
          method: 'POST',
          path: '/items',
          headers: { 'content-type': 'application/json' },
          body: '{"quantity":',
        }),
      400,
    ],
    ['no bearer token', () => send(t.url, { path: '/me' }), 401],
    [
      'an unknown session',
      () => send(t.url, { path: '/me', headers: { authorization: 'Bearer nobody' } }),
      401,
    ],
    [
      'an unreadable client version',
      () => send(t.url, { path: '/config', headers: { 'x-client-version': 'v?' } }),
      400,
    ],
    [
      'an outdated client version',
      () => send(t.url, { path: '/config', headers: { 'x-client-version': 'a.1.0' } }),
      426,
    ],
    ['an unknown route', () => send(t.url, { path: '/nowhere' }), 404],
  ])('raises %s without capturing one', async (_name, request, status) => {
    const res = await request();
    expect(res.status).toBe(status);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Error);
    expect(hasFrames(seen[0])).toBe(false);
  });

  it("keeps the stack of a handler's own exception", async () => {
    const res = await send(t.url, { path: '/handler-throws' });
    expect(res.status).toBe(400);
    expect(seen).toHaveLength(1);
    expect(hasFrames(seen[0])).toBe(true);
  });
});

/** `{"quantity":[[[…]]]}`, nested past the validation pipe's depth limit. */
function deepBody(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return { quantity: value };
}

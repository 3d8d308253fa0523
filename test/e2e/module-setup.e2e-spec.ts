import { Injectable, Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  ApiExceptionFilter,
  ApiValidationPipe,
  ErrorsModule,
  type ErrorsModuleOptions,
  type ErrorsOptionsFactory,
} from 'nestjs-api-errors';
import { ErrorsController } from '../fixtures/core/errors.controller.js';
import { FailingService } from '../fixtures/core/failing-layers.js';
import { send, sendJson } from '../helpers/http-client.js';
import { sendRaw } from '../helpers/raw-http.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

@Injectable()
class SettingsService {
  readonly production = true;
  readonly validateBodies = true;
}

@Module({ providers: [SettingsService], exports: [SettingsService] })
class SettingsModule {}

const routes = { controllers: [ErrorsController], providers: [FailingService] };

describe.each(ADAPTERS)('ErrorsModule.forRootAsync (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, {
      imports: [
        ErrorsModule.forRootAsync({
          imports: [SettingsModule],
          inject: [SettingsService],
          useFactory: (settings: SettingsService) => ({
            production: settings.production,
            validation: settings.validateBodies ? { allErrors: true } : false,
          }),
        }),
      ],
      ...routes,
    });
  });
  afterAll(() => t.close());

  it('uses the options from the injected service', async () => {
    const db = await send(t.url, { path: '/app-errors/database' });
    expect(db.text).toBe('{"meta":{"code":77,"message":"Database Rollback Error"}}');
    const invalid = await sendJson(t.url, 'POST', '/cart/items', {});
    expect(invalid.json().meta.description).toStrictEqual([
      'product_id is required',
      'quantity is required',
    ]);
  });
});

describe.each(ADAPTERS)('validation: false (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, {
      imports: [ErrorsModule.forRoot({ validation: false })],
      ...routes,
    });
  });
  afterAll(() => t.close());

  it('registers no validation pipe', async () => {
    const res = await sendJson(t.url, 'POST', '/cart/items', { quantity: 'many' });
    expect(res.status).toBe(201);
    expect(res.json()).toStrictEqual({ added: { quantity: 'many' }, isDto: false });
  });

  it('still registers the filter', async () => {
    const res = await send(t.url, { path: '/nowhere' });
    expect(res.json().meta.code).toBe(10);
  });
});

describe.each(ADAPTERS)('without the module, filter and pipe added by hand (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, routes, {
      configure: (app) => {
        app.useGlobalFilters(
          new ApiExceptionFilter(app.get(HttpAdapterHost), { production: true, format: 'flat' }),
        );
        app.useGlobalPipes(new ApiValidationPipe());
      },
    });
  });
  afterAll(() => t.close());

  it('answers with the envelope, using the options given', async () => {
    const missing = await send(t.url, { method: 'DELETE', path: '/api/v2/product/123' });
    expect(missing.json()).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Not found: method: DELETE, url: /api/v2/product/123',
    });
    const db = await send(t.url, { path: '/app-errors/database' });
    expect(db.json()).toMatchObject({ code: 'DATABASE_ERROR', message: 'Database error' });
    expect(db.json().details).toBeUndefined();
    const invalid = await sendJson(t.url, 'POST', '/cart/items', { quantity: 1 });
    expect(invalid.json().details).toStrictEqual({
      product_id: { code: 'required', message: 'Product_id is required' },
    });
  });

  it('answers the requests Node refuses, in its own format', async () => {
    const res = await sendRaw(t.url, 'GET /ok HTTP/1.1\r\nHost: x\r\nX-Bad: a\0b\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Bad request: Request is not valid HTTP',
    });
  });

  it("answers what Fastify's router refuses, in its own format", async () => {
    const res = await send(t.url, { path: '/products/%E0%A4%A' });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Bad request: Request URL has malformed percent-encoding',
    });
    expect(res.json().request_id).toBe(res.headers['x-request-id']);
  });

  it('renders malformed JSON the same way', async () => {
    const res = await send(t.url, {
      method: 'POST',
      path: '/cart/items',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Bad request: Request body is not valid JSON',
    });
  });
});

class ErrorsConfig implements ErrorsOptionsFactory {
  createErrorsOptions(): ErrorsModuleOptions {
    return { format: 'error_code' };
  }
}

describe.each(ADAPTERS)('ErrorsModule.forRootAsync with useClass (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, {
      imports: [ErrorsModule.forRootAsync({ useClass: ErrorsConfig })],
      ...routes,
    });
  });
  afterAll(() => t.close());

  it("uses the factory's options", async () => {
    const res = await send(t.url, { path: '/thrown/error' });
    expect(res.json()).toStrictEqual({
      error_code: 0,
      error_message: 'Unknown server side error occurred',
      details: null,
    });
  });
});

describe('module options checked at start-up', () => {
  it.each([
    [
      { statusMap: { 403: { status: 401, code: 43, title: 'Denied' } } },
      'statusMap[403] must be an entry with status 403',
    ],
    [
      { defaultRetryAfterSeconds: Number.NaN },
      'defaultRetryAfterSeconds must be a number of seconds',
    ],
    [{ format: 'xml' as never }, 'Unknown error format "xml"'],
  ])('%j', async (options, message) => {
    await expect(
      createTestApp('express', { imports: [ErrorsModule.forRoot(options)], ...routes }),
    ).rejects.toThrow(message);
  });

  it.each([Number.POSITIVE_INFINITY, 0, 2 ** 31, 1.5])(
    'auth.resolveTimeoutMs %d',
    async (resolveTimeoutMs) => {
      await expect(
        createTestApp('express', {
          imports: [
            ErrorsModule.forRoot({
              globalAuthGuard: true,
              auth: { resolveSession: () => null, resolveTimeoutMs },
            }),
          ],
          ...routes,
        }),
      ).rejects.toThrow('auth.resolveTimeoutMs must be a whole number of milliseconds');
    },
  );
});

describe('isGlobal: false', () => {
  @Module({ imports: [ErrorsModule.forRoot({ isGlobal: false })] })
  class FeatureModule {}

  it('keeps the options token inside the importing module', async () => {
    const t = await createTestApp('express', { imports: [FeatureModule], ...routes });
    const { ERRORS_MODULE_OPTIONS } = await import('nestjs-api-errors');
    expect(() => t.app.get(ERRORS_MODULE_OPTIONS, { strict: true })).toThrow();
    expect(t.app.get(ERRORS_MODULE_OPTIONS, { strict: false })).toStrictEqual({});
    await t.close();
  });
});

import { Injectable, Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiExceptionFilter, ApiValidationPipe, ErrorsModule } from 'nestjs-api-errors';
import { ErrorsController } from '../fixtures/core/errors.controller.js';
import { FailingService } from '../fixtures/core/failing-layers.js';
import { send, sendJson } from '../helpers/http-client.js';
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
          new ApiExceptionFilter(app.get(HttpAdapterHost), { production: true }),
        );
        app.useGlobalPipes(new ApiValidationPipe());
      },
    });
  });
  afterAll(() => t.close());

  it('answers with the envelope, using the options given', async () => {
    const missing = await send(t.url, { method: 'DELETE', path: '/api/v2/product/123' });
    expect(missing.json()).toStrictEqual({
      meta: {
        code: 10,
        message: 'Not Supported',
        description: 'method: DELETE, url: /api/v2/product/123',
      },
    });
    const db = await send(t.url, { path: '/app-errors/database' });
    expect(db.text).toBe('{"meta":{"code":77,"message":"Database Rollback Error"}}');
    const invalid = await sendJson(t.url, 'POST', '/cart/items', { quantity: 1 });
    expect(invalid.json().meta.description).toBe('product_id is required');
  });

  it('renders malformed JSON the same way', async () => {
    const res = await send(t.url, {
      method: 'POST',
      path: '/cart/items',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(res.json().meta).toStrictEqual({
      code: 88,
      message: 'Invalid Parameter',
      description: 'Request body is not valid JSON',
    });
  });
});

import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  ApiExceptionFilter,
  ERR_USER_NOT_EXISTS,
  type ErrorFormat,
  type ErrorsModuleOptions,
  UserNotExistsError,
} from 'nestjs-api-errors';
import { ApiErrors, documentErrors } from 'nestjs-api-errors/swagger';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  type DocumentedExample,
  examplesNotMatchingSchemas,
  examplesOf,
  validateOpenApi,
} from './helpers/openapi-checks.js';
import { FORMATS } from './helpers/sample-with-docs.js';
import { docsFixture, serveDocs } from './fixtures/docs-fixture.js';

async function documentOf(t: TestApp): Promise<Record<string, any>> {
  return (await send(t.url, { path: '/docs-json' })).json();
}

const at = (document: Record<string, any>, method: string, path: string) =>
  examplesOf(document).filter((example) => example.method === method && example.path === path);

const names = (examples: DocumentedExample[], status: string) =>
  examples.filter((example) => example.status === status).map((example) => example.name);

describe.each(ADAPTERS)('documentErrors (%s)', (adapter) => {
  describe('in the meta format, with both guards on some routes', () => {
    let t: TestApp;
    let document: Record<string, any>;
    beforeAll(async () => {
      t = await createTestApp(adapter, docsFixture(), { configure: serveDocs() });
      document = await documentOf(t);
    });
    afterAll(() => t.close());

    it('makes a valid document whose examples match their schemas', async () => {
      await validateOpenApi(document);
      expect(examplesNotMatchingSchemas(document)).toStrictEqual([]);
    });

    it('keeps two entries answering one status as two examples under one schema', () => {
      const examples = at(document, 'get', '/catalog/two-entries');
      expect(names(examples, '404')).toStrictEqual(['21-user-not-exists', '10-not-supported']);
      const media =
        document.paths['/catalog/two-entries'].get.responses['404'].content['application/json'];
      expect(media.schema.allOf[1].properties.meta.properties.code.enum).toStrictEqual([10, 21]);
      // The controller's entry applies to each of its routes.
      expect(names(examples, '402')).toStrictEqual(['out-of-credit-out-of-credit']);
    });

    it('keeps the same entry from two decorators, each with its description', () => {
      const examples = at(document, 'get', '/catalog/two-decorators').filter(
        ({ status }) => status === '404',
      );
      expect(examples.map(({ name, value }) => [name, value.meta.description])).toStrictEqual([
        ['21-user-not-exists', 'That account was deleted'],
        ['21-user-not-exists-2', 'No account found with this email'],
      ]);
    });

    it('keeps a response written by hand beside the errors', () => {
      const response = document.paths['/catalog/hand-written'].get.responses['404'];
      expect(response.description).toBe('Written by hand');
      const media = response.content['application/json'];
      expect(media.schema.anyOf[0]).toStrictEqual({
        type: 'object',
        properties: { reason: { type: 'string' } },
      });
      expect(media.schema.anyOf[1].allOf[0]).toStrictEqual({
        $ref: '#/components/schemas/MetaError',
      });
      expect(Object.keys(media.examples)).toStrictEqual(['example', '21-user-not-exists']);
      expect(media.examples.example.value).toStrictEqual({ reason: 'gone fishing' });
    });

    it('documents both guards, the body and its validation, and the bare 500 on a guarded route', () => {
      const examples = at(document, 'post', '/guarded/sign-up');
      expect(names(examples, '401')).toStrictEqual([
        '99-authentication-required-token-missing',
        '99-authentication-required-token-unknown',
        '99-authentication-required-session-expired',
        '99-authentication-required-two-factor-mismatch',
        '99-authentication-required-account-blocked',
      ]);
      expect(names(examples, '426')).toStrictEqual(['426-upgrade-required-version-outdated']);
      expect(names(examples, '400')).toStrictEqual([
        '88-invalid-parameter-invalid-version-format',
        '88-invalid-parameter-body-not-json',
        '88-invalid-parameter-body-validation',
      ]);
      expect(names(examples, '503')).toStrictEqual([
        '503-service-unavailable-session-check-timeout',
      ]);
      expect(names(examples, '500')).toStrictEqual(['500-unknown-error']);
      const validation = examples.find(({ name }) => name.endsWith('body-validation'))!;
      expect(validation.value.meta.description).toBe('email must be an email');
      const blocked = examples.find(({ name }) => name.endsWith('account-blocked'))!;
      expect(blocked.value.meta.description).toBe(
        'Your Account has been blocked, Please contact Fixture Team',
      );
      const retry = document.paths['/guarded/sign-up'].post.responses['503'].headers;
      expect(Object.keys(retry)).toStrictEqual(['X-Request-Id', 'Retry-After']);
    });

    it('leaves the auth guard out of a @Public() route, and the version guard in', () => {
      const examples = at(document, 'get', '/guarded/public');
      expect(names(examples, '401')).toStrictEqual([]);
      expect(names(examples, '426')).toHaveLength(1);
    });

    it('documents path and query DTOs, and nothing for a DTO without rules', async () => {
      const bySlug = at(document, 'get', '/open/{slug}');
      expect(names(bySlug, '400')).toStrictEqual([
        '88-invalid-parameter-param-validation',
        '88-invalid-parameter-query-validation',
      ]);
      // No probe value is longer than 8 characters: the rule's own message is worked out.
      const slug = bySlug.find(({ name }) => name.endsWith('param-validation'))!;
      expect(slug.summary).toBe('Invalid Parameter (88): a path parameter has slug');
      const tooLong = await send(t.url, { path: '/open/abcdefghij' });
      expect([tooLong.status, tooLong.json()]).toStrictEqual([400, slug.value]);
      const page = bySlug.find(({ name }) => name.endsWith('query-validation'))!;
      expect(page.summary).toBe('Invalid Parameter (88): the query string has page = "1.5"');
      const fraction = await send(t.url, { path: '/open/abc?page=1.5' });
      expect([fraction.status, fraction.json()]).toStrictEqual([400, page.value]);
      const loose = at(document, 'post', '/open/loose');
      expect(names(loose, '400')).toStrictEqual(['88-invalid-parameter-body-not-json']);
    });

    it('gives every operation the bare 500, as production renders it', () => {
      const operations = Object.values<any>(document.paths).flatMap((item) =>
        Object.values<any>(item),
      );
      expect(operations.length).toBeGreaterThan(5);
      for (const operation of operations) {
        expect(
          operation.responses['500'].content['application/json'].examples['500-unknown-error'],
        ).toStrictEqual({
          summary: 'Unknown Error (500)',
          value: { meta: { code: 500, message: 'Unknown Error' } },
        });
      }
    });
  });

  describe.each(FORMATS)('in the %s format', (format) => {
    let t: TestApp;
    let document: Record<string, any>;
    beforeAll(async () => {
      t = await createTestApp(adapter, docsFixture({ format }), { configure: serveDocs() });
      document = await documentOf(t);
    });
    afterAll(() => t.close());

    it('makes a valid document whose examples match their schemas', async () => {
      await validateOpenApi(document);
      expect(examplesNotMatchingSchemas(document)).toStrictEqual([]);
    });

    it('documents an entry under the status this format answers', () => {
      const password = at(document, 'get', '/catalog/password').find(({ name }) =>
        name.startsWith('22-'),
      )!;
      expect(password.status).toBe(
        { meta: '400', error: '401', flat: '401', error_code: '400', problem: '400' }[format],
      );
    });

    it('shows the wait an entry is thrown with, as the wire sends it', async () => {
      const [busy] = at(document, 'get', '/catalog/busy').filter(({ status }) => status === '503');
      expect(busy.name).toBe('503-service-unavailable');
      expect(document.paths['/catalog/busy'].get.responses['503'].headers['Retry-After']).toEqual(
        expect.objectContaining({ required: true }),
      );
      const answer = await send(t.url, { path: '/catalog/busy' });
      const { request_id: _sent, ...body } = answer.json();
      const { request_id: _shown, ...shown } = busy.value;
      expect({
        status: answer.status,
        body,
        retryAfter: answer.headers['retry-after'],
      }).toStrictEqual({ status: 503, body: shown, retryAfter: '5' });
      // The one format whose body carries the wait.
      expect(shown.error?.retry_after).toBe(format === 'error' ? 5 : undefined);
    });

    it('answers on the wire what it documents for the guards, the 503 included', async () => {
      const examples = at(document, 'post', '/guarded/sign-up');
      const example = (name: string) => examples.find((candidate) => candidate.name === name)!;
      const outdated = example('426-upgrade-required-version-outdated');
      const cases: [DocumentedExample, Record<string, string>][] = [
        [outdated, { 'x-client-version': 'a.1.1-3' }],
        [example('88-invalid-parameter-invalid-version-format'), { 'x-client-version': 'v1' }],
        [example('99-authentication-required-token-missing'), {}],
        [example('99-authentication-required-token-unknown'), { authorization: 'Bearer nope' }],
        [
          example('503-service-unavailable-session-check-timeout'),
          { authorization: 'Bearer slow' },
        ],
      ];
      for (const [documented, headers] of cases) {
        const answer = await send(t.url, { method: 'POST', path: '/guarded/sign-up', headers });
        const { request_id: _sent, ...body } = answer.json();
        const { request_id: _shown, ...shown } = documented.value;
        const retryAfter = documented.status === '503' ? '60' : undefined;
        expect({
          name: documented.name,
          status: answer.status,
          body,
          retryAfter: answer.headers['retry-after'],
        }).toStrictEqual({
          name: documented.name,
          status: Number(documented.status),
          body: shown,
          retryAfter,
        });
      }
    });
  });

  it('names a format of its own by its schema, and narrows by its code path', async () => {
    const plain: ErrorFormat = {
      name: 'plain',
      contentType: 'application/vnd.plain+json',
      render: (report) => ({
        status: report.definition.status,
        body: { error: { id: report.definition.code, text: report.definition.title } },
      }),
      openApi: {
        name: 'PlainError',
        codePath: ['error', 'id'],
        schema: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['id', 'text'],
              properties: { id: {}, text: { type: 'string' } },
            },
          },
        },
      },
    };
    const t = await createTestApp(adapter, docsFixture({ format: plain }), {
      configure: serveDocs(),
    });
    try {
      const document = await documentOf(t);
      await validateOpenApi(document);
      expect(examplesNotMatchingSchemas(document)).toStrictEqual([]);
      const id = document.components.schemas.PlainError.properties.error.properties.id;
      expect(id.enum).toEqual(expect.arrayContaining([21, 88, 99, 500, 'OUT_OF_CREDIT']));
      const media =
        document.paths['/catalog/two-entries'].get.responses['404'].content[
          'application/vnd.plain+json'
        ];
      expect(media.schema.allOf[1].properties.error.properties.id.enum).toStrictEqual([10, 21]);
      expect((await send(t.url, { path: '/catalog/credit' })).json()).toStrictEqual(
        at(document, 'get', '/catalog/credit').find(({ status }) => status === '402')!.value,
      );
    } finally {
      await t.close();
    }
  });

  it('documents a format without a schema as an object, with its examples', async () => {
    const bare: ErrorFormat = {
      name: 'bare-bones',
      contentType: 'application/json',
      render: (report) => ({
        status: report.definition.status,
        body: { e: report.definition.code },
      }),
    };
    const t = await createTestApp(adapter, docsFixture({ format: bare }), {
      configure: serveDocs(),
    });
    try {
      const document = await documentOf(t);
      await validateOpenApi(document);
      expect(document.components.schemas.BareBonesError).toStrictEqual({
        type: 'object',
        description: 'An error in the "bare-bones" format; the examples show each one.',
        'x-error-format': 'bare-bones',
      });
      const media =
        document.paths['/catalog/password'].get.responses['400'].content['application/json'];
      expect(media.schema).toStrictEqual({ $ref: '#/components/schemas/BareBonesError' });
      expect(media.examples['22-password-not-match'].value).toStrictEqual({ e: 22 });
    } finally {
      await t.close();
    }
  });

  it('takes the options of a filter built by hand, and leaves request ids out when they are off', async () => {
    @Controller()
    class UsersController {
      @ApiErrors([ERR_USER_NOT_EXISTS, 'No account found with this email'])
      @Get('users/me')
      me(): never {
        throw new UserNotExistsError('No account found with this email');
      }
    }
    const errorsOptions: ErrorsModuleOptions = { format: 'flat', requestIdHeader: false };
    @Module({ controllers: [UsersController] })
    class HandBuiltModule {}
    const t = await createTestApp(adapter, HandBuiltModule, {
      configure: (app: INestApplication) => {
        app.useGlobalFilters(new ApiExceptionFilter(app.get(HttpAdapterHost), errorsOptions));
        const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
        SwaggerModule.setup('docs', app, documentErrors(app, document, { errorsOptions }));
      },
    });
    try {
      const document = await documentOf(t);
      // No guard is configured: no 401, no 426, only the route's own error and the bare 500.
      expect(Object.keys(document.paths['/users/me'].get.responses)).toStrictEqual([
        '200',
        '404',
        '500',
      ]);
      const response = document.paths['/users/me'].get.responses['404'];
      expect(response.headers).toBeUndefined();
      expect(
        response.content['application/json'].examples['21-user-not-exists'].value,
      ).toStrictEqual({
        code: 'NOT_FOUND',
        message: 'Not found: No account found with this email',
      });
      expect((await send(t.url, { path: '/users/me' })).json()).toStrictEqual(
        response.content['application/json'].examples['21-user-not-exists'].value,
      );
    } finally {
      await t.close();
    }
  });

  it('finds routes under a global prefix the document leaves out, given the same document options', async () => {
    const documentOptions = { ignoreGlobalPrefix: true };
    const build = (withOptions: boolean) => (app: INestApplication) => {
      app.setGlobalPrefix('api');
      const document = SwaggerModule.createDocument(
        app,
        new DocumentBuilder().build(),
        documentOptions,
      );
      SwaggerModule.setup(
        'docs',
        app,
        documentErrors(app, document, withOptions ? { documentOptions } : {}),
      );
    };
    for (const withOptions of [true, false]) {
      const t = await createTestApp(adapter, docsFixture(), { configure: build(withOptions) });
      try {
        const document = await documentOf(t);
        expect(Object.keys(document.paths)).toContain('/catalog/password');
        expect(Object.keys(document.paths['/catalog/password'].get.responses).sort()).toStrictEqual(
          withOptions ? ['200', '400', '402', '500'] : ['200'],
        );
      } finally {
        await t.close();
      }
    }
  });

  it('gives the same document when called twice, and refuses a schema name already taken', async () => {
    const t = await createTestApp(adapter, docsFixture(), {
      configure: (app: INestApplication) => {
        const once = documentErrors(
          app,
          SwaggerModule.createDocument(app, new DocumentBuilder().build()),
        );
        const snapshot = structuredClone(once);
        expect(documentErrors(app, once)).toStrictEqual(snapshot);
        const taken = SwaggerModule.createDocument(app, new DocumentBuilder().build());
        taken.components = { schemas: { MetaError: { type: 'object' } } };
        expect(() => documentErrors(app, taken)).toThrow(
          'documentErrors: the document already has a schema named "MetaError"',
        );
      },
    });
    await t.close();
  });

  it('writes OpenAPI 3.1 schemas for a 3.1 document', async () => {
    const t = await createTestApp(adapter, docsFixture({ format: 'error_code' }), {
      configure: serveDocs({ openapi: '3.1.0' }),
    });
    try {
      const document = await documentOf(t);
      expect(document.openapi).toBe('3.1.0');
      expect(document.components.schemas.ErrorCodeError.properties.details.type).toStrictEqual([
        'object',
        'null',
      ]);
      await validateOpenApi(document);
      expect(examplesNotMatchingSchemas(document)).toStrictEqual([]);
    } finally {
      await t.close();
    }
  });
});

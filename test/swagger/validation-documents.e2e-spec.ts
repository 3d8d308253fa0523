import {
  Body,
  Controller,
  type DynamicModule,
  Get,
  type INestApplication,
  Module,
  Param,
  Post,
  Query,
  UsePipes,
} from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type } from 'arktype';
import { IsString } from 'class-validator';
import {
  ApiValidationPipe,
  BUILT_IN_FORMATS,
  type ErrorFormatName,
  ErrorsModule,
  type ErrorsModuleOptions,
} from 'nestjs-api-errors';
import { documentErrors } from 'nestjs-api-errors/swagger';
import * as v from 'valibot';
import { z } from 'zod';
import { send, type SentRequest } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';
import { type DocumentedExample, examplesOf, validateOpenApi } from './helpers/openapi-checks.js';

/**
 * The validation failures the document shows are the ones the app answers:
 * none for DTOs the pipe does not validate, and one for each parameter a
 * Standard Schema validates, equal to what the wire answers for the value
 * its summary names.
 */

const FORMATS = Object.keys(BUILT_IN_FORMATS) as ErrorFormatName[];
/** The request id the document shows, sent so the answers carry the same. */
const EXAMPLE_REQUEST_ID = '4b1d5e8a-0c7f-4e2a-9b36-8f1c2d3e4a5b';

class NameDto {
  @IsString()
  name: string;
}

const Order = z.strictObject({
  items: z.array(z.strictObject({ product_id: z.int().min(1), quantity: z.int().min(1) })).min(1),
});

@Controller()
class SchemaController {
  @Post('orders')
  order(@Body({ schema: Order }) order: unknown) {
    return order;
  }

  @Post('addresses')
  address(
    @Body('address', { schema: z.object({ zip: z.string().regex(/^\d{5}$/, 'Use five digits') }) })
    address: unknown,
  ) {
    return address;
  }

  /** `{}` passes: the example is a body that is no object. */
  @Post('notes')
  note(@Body({ schema: z.object({ note: z.string().optional() }) }) body: unknown) {
    return body;
  }

  @Get('products')
  list(@Query({ schema: z.object({ limit: z.coerce.number().int().min(1) }) }) query: unknown) {
    return query;
  }

  @Get('search')
  search(@Query('term', { schema: z.string().min(3) }) term: string) {
    return { term };
  }

  @Get('products/:id')
  product(@Param('id', { schema: z.coerce.number().int().min(1) }) id: number) {
    return { id };
  }

  @Post('valibot/accounts')
  valibotAccount(
    @Body({ schema: v.object({ email: v.pipe(v.string(), v.email()) }) }) body: unknown,
  ) {
    return body;
  }

  @Post('ark/accounts')
  arkAccount(@Body({ schema: type({ email: 'string.email' }) }) body: unknown) {
    return body;
  }

  /** No value makes this schema fail while the document is built: it only fails asynchronously. */
  @Post('invitations')
  invite(
    @Body({
      schema: z.object({}).refine(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return false;
      }, 'invitations are closed'),
    })
    body: unknown,
  ) {
    return body;
  }
}

/** The requests whose answers the document must show, by route. */
const WIRE: [method: string, path: string, request: SentRequest][] = [
  ['post', '/orders', { method: 'POST', path: '/orders', body: '{}' }],
  ['post', '/addresses', { method: 'POST', path: '/addresses', body: '{}' }],
  ['post', '/notes', { method: 'POST', path: '/notes', body: '[]' }],
  ['get', '/products', { path: '/products' }],
  ['get', '/search', { path: '/search' }],
  ['get', '/products/{id}', { path: '/products/x' }],
  ['post', '/valibot/accounts', { method: 'POST', path: '/valibot/accounts', body: '{}' }],
  ['post', '/ark/accounts', { method: 'POST', path: '/ark/accounts', body: '{}' }],
];

@Controller('dto')
class DtoController {
  @Post('names')
  create(@Body() body: NameDto) {
    return body;
  }
}

@Controller('piped')
class PipedDtoController {
  @Post('names')
  @UsePipes(new ApiValidationPipe({ allErrors: true }))
  create(@Body() body: NameDto) {
    return body;
  }
}

function appWith(options: ErrorsModuleOptions, controllers: (new () => object)[]): DynamicModule {
  @Module({ imports: [ErrorsModule.forRoot(options)], controllers })
  class FixtureModule {}
  return { module: FixtureModule };
}

function appWithAsync(
  options: ErrorsModuleOptions,
  controllers: (new () => object)[],
): DynamicModule {
  @Module({ imports: [ErrorsModule.forRootAsync({ useFactory: () => options })], controllers })
  class FixtureModule {}
  return { module: FixtureModule };
}

const serveDocs = (app: INestApplication) => {
  const config = new DocumentBuilder().setTitle('Validation').build();
  SwaggerModule.setup('docs', app, documentErrors(app, SwaggerModule.createDocument(app, config)));
};

async function documentOf(t: TestApp): Promise<Record<string, any>> {
  return (await send(t.url, { path: '/docs-json' })).json();
}

/** The validation examples of one operation (a body that is not JSON left out). */
const validationExamples = (document: Record<string, any>, method: string, path: string) =>
  examplesOf(document).filter(
    (example: DocumentedExample) =>
      example.method === method && example.path === path && example.name.endsWith('-validation'),
  );

describe.each(ADAPTERS)('documented DTO validation follows the pipe (%s)', (adapter) => {
  const cases: [string, DynamicModule][] = [
    ['classValidator: false', appWith({ validation: { classValidator: false } }, [DtoController])],
    [
      'classValidator: false from forRootAsync',
      appWithAsync({ validation: { classValidator: false } }, [DtoController]),
    ],
    ['validation: false', appWith({ validation: false }, [DtoController])],
    ['validation: false from forRootAsync', appWithAsync({ validation: false }, [DtoController])],
  ];

  it.each(cases)('%s: no DTO failure is documented, and none is answered', async (_name, root) => {
    const t = await createTestApp(adapter, root, { configure: serveDocs });
    try {
      const document = await documentOf(t);
      await validateOpenApi(document);
      expect(validationExamples(document, 'post', '/dto/names')).toStrictEqual([]);
      const answer = await send(t.url, {
        method: 'POST',
        path: '/dto/names',
        headers: { 'content-type': 'application/json' },
        body: '{"name":5}',
      });
      expect(answer.status).toBe(201);
    } finally {
      await t.close();
    }
  });

  it("documents a route's own pipe with its own options, when the module's validates no DTOs", async () => {
    const t = await createTestApp(
      adapter,
      appWith({ validation: { classValidator: false } }, [DtoController, PipedDtoController]),
      { configure: serveDocs },
    );
    try {
      const document = await documentOf(t);
      expect(validationExamples(document, 'post', '/dto/names')).toStrictEqual([]);
      const [example] = validationExamples(document, 'post', '/piped/names');
      expect(example.value).toStrictEqual({
        meta: { code: 88, message: 'Invalid Parameter', description: ['name must be a string'] },
      });
      const answer = await send(t.url, {
        method: 'POST',
        path: '/piped/names',
        headers: { 'content-type': 'application/json' },
        body: '{"name":5}',
      });
      expect(answer.json()).toStrictEqual(example.value);
    } finally {
      await t.close();
    }
  });
});

describe.each(ADAPTERS)('documented Standard Schema validation (%s)', (adapter) => {
  describe.each(FORMATS)('in the %s format', (format) => {
    let t: TestApp;
    let document: Record<string, any>;
    beforeAll(async () => {
      t = await createTestApp(adapter, appWith({ format }, [SchemaController]), {
        configure: serveDocs,
      });
      document = await documentOf(t);
    });
    afterAll(() => t.close());

    it('makes a valid document', async () => {
      await validateOpenApi(document);
    });

    it.each(WIRE)(
      '%s %s: one example, what the wire answers for the value it names',
      async (method, path, request) => {
        const examples = validationExamples(document, method, path);
        expect(examples).toHaveLength(1);
        const [example] = examples;
        const answer = await send(t.url, {
          ...request,
          headers: {
            'x-request-id': EXAMPLE_REQUEST_ID,
            ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
        });
        // `problem` names the route's path as documented, and the path requested as answered.
        const shown =
          format === 'problem' ? { ...example.value, instance: request.path } : example.value;
        expect({ status: String(answer.status), body: answer.json() }).toStrictEqual({
          status: example.status,
          body: shown,
        });
      },
    );

    it('leaves out a schema that fails only asynchronously', () => {
      expect(validationExamples(document, 'post', '/invitations')).toStrictEqual([]);
    });
  });

  describe('in the meta format', () => {
    let t: TestApp;
    let document: Record<string, any>;
    beforeAll(async () => {
      t = await createTestApp(adapter, appWith({}, [SchemaController]), { configure: serveDocs });
      document = await documentOf(t);
    });
    afterAll(() => t.close());

    it.each([
      ['post', '/orders', 'items is required', 'the body is {}'],
      ['post', '/addresses', 'address is required', 'the body has no address'],
      ['post', '/notes', 'body must be an object', 'the body is []'],
      ['get', '/products', 'limit is required', 'the query string is empty'],
      ['get', '/search', 'term is required', 'the query string has no term'],
      [
        'get',
        '/products/{id}',
        'id must be a number conforming to the specified constraints',
        'a path parameter has id = "x"',
      ],
      ['post', '/valibot/accounts', 'email is required', 'the body is {}'],
      ['post', '/ark/accounts', 'email is required', 'the body is {}'],
    ])('%s %s: "%s", for %s', (method, path, description, label) => {
      const [example] = validationExamples(document, method, path);
      expect(example.value.meta.description).toBe(description);
      expect(example.summary).toBe(`Invalid Parameter (88): ${label}`);
    });
  });
});

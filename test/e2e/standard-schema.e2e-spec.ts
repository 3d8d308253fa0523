import { BUILT_IN_FORMATS, type ErrorFormatName } from 'nestjs-api-errors';
import { LIBRARIES, SchemaFixtureModule } from '../fixtures/validation/schema-fixture.js';
import { type ReceivedResponse, send, type SentRequest, sendJson } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const FORMATS = Object.keys(BUILT_IN_FORMATS) as ErrorFormatName[];
const json = { 'content-type': 'application/json' };
const post = (path: string, body: unknown): SentRequest => ({
  method: 'POST',
  path,
  headers: json,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const invalid = (description: unknown) => ({
  meta: { code: 88, message: 'Invalid Parameter', description },
});

/** Requests each library's routes get, and the sentence every one of them must answer. */
const SAME_ANSWER: [name: string, request: SentRequest, sentence: string][] = [
  ['a missing field', post('/cart/items', { quantity: 1 }), 'product_id is required'],
  [
    'a null field',
    post('/cart/items', { product_id: null, quantity: 1 }),
    'product_id is required',
  ],
  [
    'a number below its minimum',
    post('/cart/items', { product_id: 0, quantity: 1 }),
    'product_id must not be less than 1',
  ],
  [
    'a fraction for an integer',
    post('/cart/items', { product_id: 1.5, quantity: 1 }),
    'product_id must be an integer number',
  ],
  [
    "the schema author's message, once for two rules",
    post('/cart/items', { product_id: 1, quantity: 0 }),
    'quantity must be a positive integer',
  ],
  [
    'a string too long',
    post('/cart/items', { product_id: 1, quantity: 1, note: 'x'.repeat(101) }),
    'note must be shorter than or equal to 100 characters',
  ],
  [
    'a malformed email, not repeated',
    post('/cart/items', { product_id: 1, quantity: 1, email: 'hunter2-secret' }),
    'email must be an email',
  ],
  [
    'a value outside its choices',
    post('/cart/items', { product_id: 1, quantity: 1, purpose: 'resale' }),
    'purpose must be one of the following values: gift, self',
  ],
  [
    'an unknown property',
    post('/cart/items', { product_id: 1, quantity: 1, is_admin: true }),
    'property is_admin should not exist',
  ],
  [
    'an unknown property whose name is no name',
    post('/cart/items', { product_id: 1, quantity: 1, '{"password":"hunter2"}': 1 }),
    'an unexpected property should not exist',
  ],
  [
    'a nested field, named by its path',
    post('/orders', {
      items: [
        { product_id: 1, quantity: 2 },
        { product_id: 2, quantity: -1 },
      ],
    }),
    'items[1].quantity must be a positive integer',
  ],
  [
    'a missing nested field',
    post('/orders', { items: [{ quantity: 2 }] }),
    'items[0].product_id is required',
  ],
  [
    'an unknown nested property',
    post('/orders', { items: [{ product_id: 1, quantity: 1, discount: 50 }] }),
    'property items[0].discount should not exist',
  ],
  ['an empty list', post('/orders', { items: [] }), 'items must contain at least 1 elements'],
  [
    'a query parameter over its maximum',
    { path: '/products?limit=500' },
    'limit must not be greater than 100',
  ],
];

/** A problem body without `instance`, which names each library's own route. */
function comparable(res: ReceivedResponse): { status: number; body: unknown } {
  const body = res.json() as Record<string, unknown>;
  const { instance: _instance, ...rest } = body;
  return { status: res.status, body: rest };
}

describe.each(ADAPTERS)('Standard Schemas answer as class-validator does (%s)', (adapter) => {
  const apps = new Map<ErrorFormatName, TestApp>();
  beforeAll(async () => {
    for (const format of FORMATS) {
      apps.set(
        format,
        await createTestApp(adapter, SchemaFixtureModule.with({ format, requestIdHeader: false })),
      );
    }
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  it.each(SAME_ANSWER)('%s, in every format', async (_name, request, sentence) => {
    const answers = new Map<ErrorFormatName, ReceivedResponse>();
    for (const format of FORMATS) {
      const url = apps.get(format)!.url;
      const [dto, zod, valibot] = await Promise.all(
        LIBRARIES.map((library) => send(url, { ...request, path: `/${library}${request.path}` })),
      );
      expect(comparable(zod), `zod, ${format}`).toStrictEqual(comparable(dto));
      expect(comparable(valibot), `valibot, ${format}`).toStrictEqual(comparable(dto));
      expect(zod.text).not.toContain('hunter2');
      expect(valibot.text).not.toContain('hunter2');
      answers.set(format, dto);
    }
    expect(answers.get('meta')!.json()).toStrictEqual(invalid(sentence));
  });

  describe('three failures in two nested items', () => {
    const order = post('/orders', { items: [{ quantity: 0 }, { product_id: 2, quantity: -1 }] });
    const answers = (format: ErrorFormatName) =>
      Promise.all(
        LIBRARIES.map((library) =>
          send(apps.get(format)!.url, { ...order, path: `/${library}/orders` }),
        ),
      );
    const required = 'items[0].product_id is required';
    const positive = (index: number) => `items[${index}].quantity must be a positive integer`;

    it.each(LIBRARIES.map((library, index) => [library, index] as const))(
      '%s: meta and error name the first',
      async (_library, index) => {
        expect((await answers('meta'))[index].json()).toStrictEqual(invalid(required));
        expect((await answers('error'))[index].json()).toStrictEqual({
          error: { code: 400, message: required },
        });
      },
    );

    it.each(LIBRARIES.map((library, index) => [library, index] as const))(
      '%s: flat has details per field',
      async (_library, index) => {
        const res = (await answers('flat'))[index];
        expect(res.status).toBe(422);
        expect(res.json()).toStrictEqual({
          code: 'VALIDATION_ERROR',
          message: 'Validation failed',
          details: {
            'items[0].product_id': { code: 'required', message: 'items[0].product_id is required' },
            'items[0].quantity': {
              code: 'out_of_range',
              message: 'items[0].quantity must be a positive integer',
            },
            'items[1].quantity': {
              code: 'out_of_range',
              message: 'items[1].quantity must be a positive integer',
            },
          },
        });
      },
    );

    it.each(LIBRARIES.map((library, index) => [library, index] as const))(
      '%s: error_code says structure (a missing field) and lists each field',
      async (_library, index) => {
        expect((await answers('error_code'))[index].json()).toStrictEqual({
          error_code: 3,
          error_message: required,
          details: {
            'items[0].product_id': required,
            'items[0].quantity': positive(0),
            'items[1].quantity': positive(1),
          },
        });
      },
    );

    it.each(LIBRARIES.map((library, index) => [library, index] as const))(
      '%s: problem points at each field',
      async (library, index) => {
        const res = (await answers('problem'))[index];
        expect(res.json()).toStrictEqual({
          type: 'urn:problem-type:invalid-parameter',
          title: 'Invalid Parameter',
          status: 400,
          detail: required,
          instance: `/${library}/orders`,
          code: 88,
          errors: [
            { detail: required, pointer: '#/items/0/product_id' },
            { detail: positive(0), pointer: '#/items/0/quantity' },
            { detail: positive(1), pointer: '#/items/1/quantity' },
          ],
        });
      },
    );
  });

  it('query and path parameters are named as parameters in problem', async () => {
    const url = apps.get('problem')!.url;
    for (const library of LIBRARIES) {
      const res = await send(url, { path: `/${library}/products?limit=0` });
      expect(res.json().errors).toStrictEqual([
        { detail: 'limit must not be less than 1', parameter: 'limit' },
      ]);
    }
    const param = await send(url, { path: '/zod/products/0' });
    expect(param.json().errors).toStrictEqual([
      { detail: 'id must not be less than 1', parameter: 'id' },
    ]);
  });
});

describe.each(ADAPTERS)('parameters with a Standard Schema (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, SchemaFixtureModule.with({ logClientErrors: true }));
  });
  afterAll(() => t.close());
  beforeEach(() => t.logger.clear());

  it('hand the handler what the schema outputs', async () => {
    for (const library of ['zod', 'valibot']) {
      const res = await send(t.url, { path: `/${library}/products?limit=5` });
      expect(res.json()).toStrictEqual({ limit: 5 });
    }
    const id = await send(t.url, { path: '/zod/products/7' });
    expect(id.json()).toStrictEqual({ id: 7 });
  });

  it('pass a valid body through', async () => {
    for (const library of ['zod', 'valibot']) {
      const res = await sendJson(t.url, 'POST', `/${library}/cart/items`, {
        product_id: 3,
        quantity: 2,
      });
      expect(res.status).toBe(201);
      expect(res.json()).toStrictEqual({ added: { product_id: 3, quantity: 2 }, isDto: false });
    }
  });

  it('put the name of a parameter in front of its paths', async () => {
    const res = await sendJson(t.url, 'POST', '/zod/addresses', { address: { zip: '1' } });
    expect(res.json()).toStrictEqual(invalid('address.zip: Use five digits'));
  });

  it('name items of nested lists by index', async () => {
    const res = await sendJson(t.url, 'POST', '/zod/grid', { grid: [[1], [1, 1.5]] });
    expect(res.json()).toStrictEqual(invalid('grid[1][1] must be an integer number'));
    // zod's issue for a string in place of an integer says "expected number", no more.
    const text = await sendJson(t.url, 'POST', '/zod/grid', { grid: [[1], [1, 'x']] });
    expect(text.json()).toStrictEqual(
      invalid('grid[1][1] must be a number conforming to the specified constraints'),
    );
  });

  it('never repeat a record key that is no name', async () => {
    for (const library of ['zod', 'valibot']) {
      const res = await sendJson(t.url, 'POST', `/${library}/prices`, {
        prices: { '{"password":"hunter2"}': -1, tea: -2 },
      });
      expect(res.json()).toStrictEqual(invalid('prices.? must not be less than 0'));
      expect(res.text).not.toContain('hunter2');
      for (const line of t.logger.fromFilter()) expect(line).not.toContain('hunter2');
    }
  });

  it('wait for asynchronous schemas', async () => {
    const bad = await sendJson(t.url, 'POST', '/zod/async', { code: 'guess' });
    expect(bad.json()).toStrictEqual(invalid('code is not a valid invitation'));
    const good = await sendJson(t.url, 'POST', '/zod/async', { code: 'open-sesame' });
    expect(good.status).toBe(201);
  });

  it("keep a refinement's own message about an absent field", async () => {
    const res = await sendJson(t.url, 'POST', '/zod/passwords', { password: 'a' });
    expect(res.json()).toStrictEqual(invalid('Passwords must match'));
  });

  it('refuse a body nested too deeply before the schema walks it', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    for (const library of ['zod', 'valibot']) {
      const res = await send(t.url, post(`/${library}/orders`, `{"items":${deep}}`));
      expect(res.status).toBe(400);
      expect(res.json()).toStrictEqual(
        invalid('Request body is nested too deeply (more than 64 levels)'),
      );
    }
    expect(t.logger.fromFilter('error')).toStrictEqual([]);
  });

  it('strip prototype keys before the schema sees them', async () => {
    const res = await send(
      t.url,
      post('/zod/cart/items', '{"product_id":1,"quantity":1,"__proto__":{"is_admin":true}}'),
    );
    // Fastify's JSON parser refuses the key itself; Express's lets it through to the pipe.
    expect(res.status).toBe(adapter === 'fastify' ? 400 : 201);
    expect(res.text).not.toContain('is_admin');
  });
});

describe.each(ADAPTERS)('Standard Schemas with allErrors (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, SchemaFixtureModule.with({ validation: { allErrors: true } }));
  });
  afterAll(() => t.close());

  it('describe every failure, in the order of the schema', async () => {
    for (const library of ['zod', 'valibot']) {
      const res = await sendJson(t.url, 'POST', `/${library}/cart/items`, {
        quantity: 0,
        note: 'x'.repeat(101),
      });
      expect(res.json()).toStrictEqual(
        invalid([
          'product_id is required',
          'quantity must be a positive integer',
          'note must be shorter than or equal to 100 characters',
        ]),
      );
    }
  });
});

describe.each(ADAPTERS)("Nest's StandardSchemaValidationPipe with our factory (%s)", (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    // No global pipe: the route's own pipe is the one that fails.
    t = await createTestApp(adapter, SchemaFixtureModule.with({ validation: false }));
  });
  afterAll(() => t.close());

  it.each(['zod', 'valibot'])(
    '%s: its failures are 400 / 88 with our sentences',
    async (library) => {
      const res = await sendJson(t.url, 'POST', `/${library}/nest-pipe`, {
        items: [{ quantity: 2 }, { product_id: 2, quantity: -1 }],
      });
      expect(res.status).toBe(400);
      expect(res.json()).toStrictEqual(invalid('items[0].product_id is required'));
      const nested = await sendJson(t.url, 'POST', `/${library}/nest-pipe`, {
        items: [{ product_id: 2, quantity: -1 }],
      });
      expect(nested.json()).toStrictEqual(invalid('items[0].quantity must be a positive integer'));
      const ok = await sendJson(t.url, 'POST', `/${library}/nest-pipe`, {
        items: [{ product_id: 2, quantity: 1 }],
      });
      expect(ok.status).toBe(201);
    },
  );
});

describe.each(ADAPTERS)('classValidator: false (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      SchemaFixtureModule.with({ validation: { classValidator: false } }),
    );
  });
  afterAll(() => t.close());

  it('validates parameters with a schema', async () => {
    const res = await sendJson(t.url, 'POST', '/zod/cart/items', { quantity: 1 });
    expect(res.json()).toStrictEqual(invalid('product_id is required'));
  });

  it('lets DTO parameters through as they come', async () => {
    const res = await sendJson(t.url, 'POST', '/dto/cart/items', { quantity: 'many' });
    expect(res.status).toBe(201);
    expect(res.json()).toStrictEqual({ added: { quantity: 'many' }, isDto: false });
  });
});

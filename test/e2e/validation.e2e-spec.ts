import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { send, sendJson } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const invalid = (description: unknown) => ({
  meta: { code: 88, message: 'Invalid Parameter', description },
});

describe.each(ADAPTERS)('ApiValidationPipe (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with());
  });
  afterAll(() => t.close());

  const addItem = (body: unknown) => sendJson(t.url, 'POST', '/cart/items', body);

  it('a missing required field -> "<field> is required"', async () => {
    const res = await addItem({ quantity: 1 });
    expect(res.status).toBe(400);
    expect(res.json()).toStrictEqual(invalid('product_id is required'));
  });

  it('a null field counts as missing', async () => {
    const res = await addItem({ product_id: null, quantity: 1 });
    expect(res.json()).toStrictEqual(invalid('product_id is required'));
  });

  it("a custom message from the DTO's decorator wins", async () => {
    const res = await addItem({ product_id: 1, quantity: 0 });
    expect(res.json()).toStrictEqual(invalid('quantity must be a positive integer'));
  });

  it("another failed constraint gives class-validator's sentence", async () => {
    const res = await addItem({ product_id: 0, quantity: 1 });
    expect(res.json()).toStrictEqual(invalid('product_id must not be less than 1'));
  });

  it('names the first failure, in the order of the fields', async () => {
    const res = await addItem({});
    expect(res.json()).toStrictEqual(invalid('product_id is required'));
  });

  it('names nested fields by their path', async () => {
    const res = await sendJson(t.url, 'POST', '/orders', {
      items: [
        { product_id: 1, quantity: 2 },
        { product_id: 2, quantity: -1 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.json()).toStrictEqual(invalid('items[1].quantity must be a positive integer'));
  });

  it('names a missing nested field by its path', async () => {
    const res = await sendJson(t.url, 'POST', '/orders', { items: [{ quantity: 2 }] });
    expect(res.json()).toStrictEqual(invalid('items[0].product_id is required'));
  });

  it('rejects a wrong type in place of a nested list', async () => {
    const res = await sendJson(t.url, 'POST', '/orders', { items: 'everything' });
    expect(res.status).toBe(400);
    expect(res.json().meta.code).toBe(88);
    expect(res.json().meta.description).toMatch(/^items /);
  });

  it('passes a valid body to the handler as a DTO instance', async () => {
    const res = await addItem({ product_id: 3, quantity: 2 });
    expect(res.status).toBe(201);
    expect(res.json()).toStrictEqual({ added: { product_id: 3, quantity: 2 }, isDto: true });
  });

  it('validates query parameters the same way', async () => {
    const bad = await send(t.url, { path: '/products?limit=abc' });
    expect(bad.status).toBe(400);
    expect(bad.json()).toStrictEqual(invalid('limit must be an integer number'));
    const tooBig = await send(t.url, { path: '/products?limit=1000' });
    expect(tooBig.json()).toStrictEqual(invalid('limit must not be greater than 100'));
    const good = await send(t.url, { path: '/products?limit=5' });
    expect(good.json()).toStrictEqual({ limit: 5 });
  });

  it('validates path parameters the same way', async () => {
    const bad = await send(t.url, { path: '/products/abc' });
    expect(bad.status).toBe(400);
    expect(bad.json()).toStrictEqual(invalid('id must be an integer'));
    const good = await send(t.url, { path: '/products/7' });
    expect(good.json()).toStrictEqual({ id: 7 });
  });

  it('a body that is not an object -> 88', async () => {
    const res = await send(t.url, {
      method: 'POST',
      path: '/cart/items',
      headers: { 'content-type': 'application/json' },
      body: '"just a string"',
    });
    expect(res.status).toBe(400);
    expect(res.json().meta.code).toBe(88);
  });
});

describe.each(ADAPTERS)('ApiValidationPipe options (%s)', (adapter) => {
  describe('allErrors', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, CoreFixtureModule.with({ validation: { allErrors: true } }));
    });
    afterAll(() => t.close());

    it('describes every failure, as a list of sentences', async () => {
      const res = await sendJson(t.url, 'POST', '/cart/items', { quantity: 0, note: 5 });
      expect(res.status).toBe(400);
      expect(res.json()).toStrictEqual(
        invalid([
          'product_id is required',
          'quantity must be a positive integer',
          'note must be a string',
          'note must be shorter than or equal to 100 characters',
        ]),
      );
    });
  });

  describe('whitelist with forbidNonWhitelisted', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(
        adapter,
        CoreFixtureModule.with({ validation: { whitelist: true, forbidNonWhitelisted: true } }),
      );
    });
    afterAll(() => t.close());

    it('an unknown property -> 88', async () => {
      const res = await sendJson(t.url, 'POST', '/cart/items', {
        product_id: 1,
        quantity: 1,
        is_admin: true,
      });
      expect(res.status).toBe(400);
      expect(res.json()).toStrictEqual(invalid('property is_admin should not exist'));
    });

    it('an unknown property set to null is still unknown, not missing', async () => {
      const res = await sendJson(t.url, 'POST', '/cart/items', {
        product_id: 1,
        quantity: 1,
        is_admin: null,
      });
      expect(res.json()).toStrictEqual(invalid('property is_admin should not exist'));
    });

    it('an unknown nested property is named by its path', async () => {
      const res = await sendJson(t.url, 'POST', '/orders', {
        items: [{ product_id: 1, quantity: 1, discount: 50 }],
      });
      expect(res.json()).toStrictEqual(invalid('property items[0].discount should not exist'));
    });
  });
});

describe.each(ADAPTERS)('ApiValidationPipe with validationError.value: false (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      CoreFixtureModule.with({ validation: { validationError: { value: false } } }),
    );
  });
  afterAll(() => t.close());

  it('still tells a missing field from a wrong one', async () => {
    const res = await sendJson(t.url, 'POST', '/cart/items', { quantity: 1 });
    expect(res.json()).toStrictEqual(invalid('product_id is required'));
  });
});

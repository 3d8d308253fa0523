import { send, sendJson } from '../helpers/http-client.js';
import { ADAPTERS } from '../helpers/test-app.js';
import { login, type SampleServer, startSample } from './sample-server.js';

const INVALID = { code: 88, message: 'Invalid Parameter' };

describe.each(ADAPTERS)('bounds on what clients send the sample (%s)', (adapter) => {
  let server: SampleServer;
  let auth: { authorization: string };
  beforeAll(async () => {
    server = await startSample(adapter);
    auth = { authorization: `Bearer ${(await login(server.t, 'alice@example.com')).json().token}` };
  });
  afterAll(() => server.stop());

  it.each([
    ['quantity', { product_id: 2, quantity: 1e300 }, 'quantity must not be greater than 1000'],
    ['quantity', { product_id: 2, quantity: 1001 }, 'quantity must not be greater than 1000'],
    [
      'product_id',
      { product_id: 1e300, quantity: 1 },
      'product_id must not be greater than 2147483647',
    ],
  ])('refuses a huge %s in an order: %j', async (_field, item, description) => {
    const res = await sendJson(server.t.url, 'POST', '/api/v2/orders', { items: [item] }, auth);
    expect(res.status).toBe(400);
    expect(res.json().meta).toStrictEqual({ ...INVALID, description: `items[0].${description}` });
  });

  it('refuses a huge quantity in the cart', async () => {
    const res = await sendJson(
      server.t.url,
      'POST',
      '/api/v2/cart/items',
      { product_id: 2, quantity: 1e300 },
      auth,
    );
    expect(res.json().meta).toStrictEqual({
      ...INVALID,
      description: 'quantity must not be greater than 1000',
    });
  });

  it('takes the largest quantity allowed', async () => {
    const res = await sendJson(
      server.t.url,
      'POST',
      '/api/v2/orders',
      { items: [{ product_id: 2, quantity: 1000 }] },
      auth,
    );
    expect(res.status).toBe(201);
  });

  it.each(['0x1', '01', '1e0', '1.0', '+1', '%201', '1%20', '0', '-1', '0b1'])(
    'refuses the product id %s: ids are written in plain decimal',
    async (id) => {
      const res = await send(server.t.url, { path: `/api/v2/products/${id}` });
      expect(res.status).toBe(400);
      expect(res.json().meta).toStrictEqual({
        ...INVALID,
        description: 'id must be a positive integer',
      });
    },
  );

  it('refuses a product id beyond the largest', async () => {
    const res = await send(server.t.url, { path: '/api/v2/products/99999999999999999999' });
    expect(res.json().meta).toStrictEqual({
      ...INVALID,
      description: 'id must not be greater than 2147483647',
    });
  });

  it('finds product 1 at /1', async () => {
    const res = await send(server.t.url, { path: '/api/v2/products/1' });
    expect(res.json()).toMatchObject({ id: 1, name: 'Green Tea' });
  });

  it.each(['0x10', '010', '1e1', ' 10'])('refuses the limit %j', async (limit) => {
    const res = await send(server.t.url, {
      path: `/api/v2/products?limit=${encodeURIComponent(limit)}`,
    });
    expect(res.status).toBe(400);
    expect(res.json().meta).toStrictEqual({
      ...INVALID,
      description: 'limit must be a positive integer',
    });
  });
});

describe.each(ADAPTERS)('the bounds of a number, every rule listed (%s)', (adapter) => {
  let server: SampleServer;
  beforeAll(async () => {
    server = await startSample(adapter, { ERROR_FORMAT: 'problem' });
  });
  afterAll(() => server.stop());

  it('tells a word once that it must be a positive integer, and never of the bound', async () => {
    const res = await send(server.t.url, { path: '/api/v2/products/abc' });
    expect(res.json().errors).toStrictEqual([
      { detail: 'id must be a positive integer', parameter: 'id' },
    ]);
  });

  it('tells a number past the bound of the bound only', async () => {
    const res = await send(server.t.url, { path: '/api/v2/products?limit=101' });
    expect(res.json().errors).toStrictEqual([
      { detail: 'limit must not be greater than 100', parameter: 'limit' },
    ]);
  });
});

import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { send, sendJson } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const invalid = (description: unknown) => ({
  meta: { code: 88, message: 'Invalid Parameter', description },
});

const TOO_DEEP = 'Request body is nested too deeply (more than 64 levels)';

/** `{"product_id":1,"quantity":1,"<field>":<value nested `depth` levels>}` as JSON text. */
function nestedBody(depth: number, kind: 'array' | 'object', field = 'note'): string {
  const [open, close] = kind === 'array' ? ['[', ']'] : ['{"a":', '}'];
  const inner = kind === 'array' ? '' : '1';
  // The body itself is the first level, so the field holds depth - 1 more.
  const levels = depth - 1;
  return `{"product_id":1,"quantity":1,"${field}":${open.repeat(levels)}${inner}${close.repeat(levels)}}`;
}

const postJson = (t: TestApp, path: string, body: string, contentType = 'application/json') =>
  send(t.url, { method: 'POST', path, headers: { 'content-type': contentType }, body });

describe.each(ADAPTERS)('validation of hostile bodies (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with({ logClientErrors: true }));
  });
  afterAll(() => t.close());
  beforeEach(() => t.logger.clear());

  it.each(['array', 'object'] as const)(
    'a body nested 5,000 deep (%s) -> 400 / 88, not a 500',
    async (kind) => {
      const res = await postJson(t, '/cart/items', nestedBody(5000, kind));
      expect(res.status).toBe(400);
      expect(res.json()).toStrictEqual(invalid(TOO_DEEP));
      expect(t.logger.fromFilter('error')).toStrictEqual([]);
    },
  );

  // As deep as each parser's default body limit allows: Express's is 100 kB, Fastify's 1 MiB.
  const deepest = adapter === 'express' ? 45_000 : 100_000;

  it(`a body nested ${deepest} deep in a nested list -> 400 / 88`, async () => {
    const deep = `${'['.repeat(deepest)}${']'.repeat(deepest)}`;
    const res = await postJson(
      t,
      '/orders',
      `{"items":[{"product_id":1,"quantity":1,"x":${deep}}]}`,
    );
    expect(res.status).toBe(400);
    expect(res.json()).toStrictEqual(invalid(TOO_DEEP));
  });

  it('64 levels are accepted, the 65th is refused', async () => {
    const ok = await postJson(t, '/cart/items', nestedBody(64, 'object', 'extra'));
    expect(ok.status).toBe(201);
    const tooDeep = await postJson(t, '/cart/items', nestedBody(65, 'object', 'extra'));
    expect(tooDeep.json()).toStrictEqual(invalid(TOO_DEEP));
  });

  it('the log line says what happened without the body', async () => {
    await postJson(t, '/cart/items', nestedBody(5000, 'array'));
    const [line] = t.logger.fromFilter('warn');
    expect(line).toContain(TOO_DEEP);
    expect(line.length).toBeLessThan(400);
  });
});

describe.each(ADAPTERS)('property names from the client (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      CoreFixtureModule.with({
        logClientErrors: true,
        validation: { whitelist: true, forbidNonWhitelisted: true, allErrors: true },
      }),
    );
  });
  afterAll(() => t.close());
  beforeEach(() => t.logger.clear());

  it('a property name of 33,000 characters -> 400, cut to 64 characters', async () => {
    const name = 'k'.repeat(33_000);
    const res = await sendJson(t.url, 'POST', '/cart/items', {
      product_id: 1,
      quantity: 1,
      [name]: 1,
    });
    expect(res.status).toBe(400);
    expect(res.json()).toStrictEqual(invalid([`property ${'k'.repeat(64)}… should not exist`]));
    expect(t.logger.fromFilter('error')).toStrictEqual([]);
    for (const line of t.logger.fromFilter()) expect(line.length).toBeLessThan(1000);
  });

  it('a property name of 900,000 characters -> 400 on Fastify, 413 on Express (its 100 kB limit)', async () => {
    const name = 'k'.repeat(900_000);
    const res = await sendJson(t.url, 'POST', '/cart/items', {
      product_id: 1,
      quantity: 1,
      [name]: 1,
    });
    expect(res.status).toBe(adapter === 'fastify' ? 400 : 413);
    expect(res.text.length).toBeLessThan(400);
    for (const line of t.logger.fromFilter()) expect(line.length).toBeLessThan(1000);
  });

  it('a long name with characters RegExp treats specially is cut, not compiled', async () => {
    const name = `${'a'.repeat(40)}(${'['.repeat(20_000)}`;
    const res = await sendJson(t.url, 'POST', '/orders', {
      items: [{ product_id: 1, quantity: 1, [name]: 1 }],
    });
    expect(res.status).toBe(400);
    expect(res.json()).toStrictEqual(
      invalid(['an unexpected property in items[0] should not exist']),
    );
  });

  it('a JSON body sent as a form is not echoed: its "name" is no identifier', async () => {
    const res = await postJson(
      t,
      '/cart/items',
      '{"password":"hunter2-secret","email":"alice@example.com"}',
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('hunter2');
    expect(res.text).not.toContain('alice');
    expect(res.json().meta.description[0]).toBe('an unexpected property should not exist');
    for (const line of t.logger.fromFilter()) {
      expect(line).not.toContain('hunter2');
      expect(line).not.toContain('alice');
    }
  });

  it.each([
    ['with a space', 'is admin'],
    ['with a quote', 'a"b'],
    ['with a dot', 'user.role'],
    ['with a newline', 'a\nb'],
    ['non-ASCII punctuation', 'a\u2028b'],
  ])('an unknown property %s is not named', async (_case, name) => {
    const res = await sendJson(t.url, 'POST', '/cart/items', {
      product_id: 1,
      quantity: 1,
      [name]: 1,
    });
    expect(res.json()).toStrictEqual(invalid(['an unexpected property should not exist']));
  });

  it.each([
    ['snake_case', 'is_admin'],
    ['camelCase', 'isAdmin'],
    ['kebab-case', 'is-admin'],
    ['a dollar', '$admin'],
    ['non-ASCII letters', 'prénom'],
  ])('an unknown %s property is named', async (_case, name) => {
    const res = await sendJson(t.url, 'POST', '/cart/items', {
      product_id: 1,
      quantity: 1,
      [name]: 1,
    });
    expect(res.json()).toStrictEqual(invalid([`property ${name} should not exist`]));
  });
});

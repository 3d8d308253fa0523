import { ErrorsModule } from 'nestjs-api-errors';
import { ErrorsController } from '../fixtures/core/errors.controller.js';
import { FailingService } from '../fixtures/core/failing-layers.js';
import { HardeningFixtureModule } from '../fixtures/hardening/hardening-fixture.js';
import { send, sendJson } from '../helpers/http-client.js';
import { sendRaw } from '../helpers/raw-http.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const MALFORMED_HTTP =
  '{"meta":{"code":88,"message":"Invalid Parameter","description":"Request is not valid HTTP"}}';

describe.each(ADAPTERS)('requests Node itself refuses (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, HardeningFixtureModule.with());
  });
  afterAll(() => t.close());

  it.each([
    [
      'a NUL byte in the Authorization header',
      'GET /me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ab\0cd\r\n\r\n',
    ],
    [
      'a control character in a header',
      'GET /me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\x01b\r\n\r\n',
    ],
    ['a broken request line', 'NOT HTTP AT ALL\r\n\r\n'],
    ['a header without a colon', 'GET /ok HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n'],
  ])('%s -> 400 envelope', async (_name, bytes) => {
    const res = await sendRaw(t.url, bytes);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).toBe(MALFORMED_HTTP);
  });

  it('a 64 KiB Authorization header -> 431 envelope', async () => {
    const res = await sendRaw(
      t.url,
      `GET /me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(64 * 1024)}\r\n\r\n`,
    );
    expect(res.status).toBe(431);
    expect(JSON.parse(res.body)).toStrictEqual({
      meta: {
        code: 431,
        message: 'Request Header Fields Too Large',
        description: 'Request headers are larger than the server accepts',
      },
    });
  });

  it('keeps serving well-formed requests afterwards', async () => {
    expect((await send(t.url, { path: '/ok' })).status).toBe(200);
  });
});

describe.each(ADAPTERS)('handleClientErrors: false (%s)', (adapter) => {
  it("leaves Node's (or Fastify's) own answer", async () => {
    const t = await createTestApp(
      adapter,
      HardeningFixtureModule.with({ handleClientErrors: false }),
    );
    const res = await sendRaw(t.url, 'NOT HTTP AT ALL\r\n\r\n');
    await t.close();
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('"meta"');
  });
});

describe.each(ADAPTERS)('nothing secret reaches the logs (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, HardeningFixtureModule.with({ logClientErrors: true }));
  });
  afterAll(() => t.close());

  it('Authorization and Cookie headers of a failing request are not logged', async () => {
    t.logger.clear();
    await send(t.url, {
      path: '/thrown/error',
      headers: { authorization: 'Bearer tok-SECRET-123', cookie: 'session=cookie-SECRET-456' },
    });
    await send(t.url, { path: '/me', headers: { authorization: 'Bearer tok-SECRET-789' } });
    const logged = JSON.stringify(
      t.logger.entries.map((entry) => [entry.message, entry.params].map(String)),
    );
    expect(logged).toContain('GET /thrown/error');
    expect(logged).not.toMatch(/SECRET/);
  });

  it.each([
    [
      'headers over the size limit',
      'GET /me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ' + 'a'.repeat(64 * 1024) + '\r\n\r\n',
      431,
    ],
    ['a broken request line', 'NOT HTTP AT ALL access_token=qs-SECRET\r\n\r\n', 400],
  ])(
    'a request Node refuses (%s) is logged, with the id its answer carries',
    async (_name, bytes, status) => {
      t.logger.clear();
      const res = await sendRaw(t.url, bytes);
      expect(res.status).toBe(status);
      const lines = t.logger.fromFilter('warn');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(
        `Refused request -> ${status} (code ${status === 431 ? 431 : 88})`,
      );
      expect(lines[0]).toContain(`[request ${res.headers['x-request-id']}]`);
      expect(lines[0]).not.toMatch(/SECRET|aaaa/);
    },
  );

  it('passwords in DatabaseError params are masked in the log line', async () => {
    t.logger.clear();
    await send(t.url, { path: '/app-errors/database-secret' });
    const [line] = t.logger.fromFilter('error');
    expect(line).toContain('"params":"{\\"email\\":\\"a@b.c\\",\\"password\\":\\"[REDACTED]\\"}"');
    expect(line).not.toContain('hunter2');
  });

  it.each([
    ['a server error', { path: '/thrown/error?access_token=qs-SECRET' }],
    ['an unknown route', { path: '/nope?access_token=qs-SECRET' }],
    ['a client error', { path: '/app-errors/invalid-parameter?access_token=qs-SECRET' }],
    [
      'a malformed body, whose parser quotes it',
      {
        method: 'POST',
        path: '/users',
        headers: { 'content-type': 'application/json' },
        body: '{"password": body-SECRET}',
      },
    ],
  ])('neither the query string nor the body of %s is logged', async (_name, request) => {
    t.logger.clear();
    await send(t.url, request);
    const logged = JSON.stringify(
      t.logger.entries.map((entry) => [entry.message, ...entry.params].map(String)),
    );
    expect(t.logger.entries.length).toBeGreaterThan(0);
    expect(logged).not.toMatch(/SECRET/);
  });
});

describe.each(ADAPTERS)('production hides what a 5xx carries, in every format (%s)', (adapter) => {
  it.each(['meta', 'error', 'flat', 'error_code', 'problem'] as const)('%s', async (format) => {
    const t = await createTestApp(
      adapter,
      HardeningFixtureModule.with({ format, production: true }),
    );
    const res = await send(t.url, { path: '/dependency-down' });
    await t.close();
    expect(res.status).toBe(503);
    expect(res.text).not.toMatch(/10\.0\.0\.5|upstream|primary replica/);
  });
});

describe.each(ADAPTERS)('the problem format bounds its instance (%s)', (adapter) => {
  it('cuts a huge path', async () => {
    const t = await createTestApp(adapter, HardeningFixtureModule.with({ format: 'problem' }));
    const res = await send(t.url, { path: `/${'p'.repeat(8000)}` });
    await t.close();
    expect(res.json().instance.length).toBeLessThanOrEqual(202);
    expect(res.text.length).toBeLessThan(800);
  });
});

describe.each(ADAPTERS)('nothing from the request is echoed without a bound (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, {
      imports: [
        ErrorsModule.forRoot({
          validation: { whitelist: true, forbidNonWhitelisted: true, allErrors: true },
        }),
      ],
      controllers: [ErrorsController],
      providers: [FailingService],
    });
  });
  afterAll(() => t.close());

  it('a huge unknown property name is cut', async () => {
    const name = 'k'.repeat(10_000);
    const res = await sendJson(t.url, 'POST', '/cart/items', {
      product_id: 1,
      quantity: 1,
      [name]: 1,
    });
    expect(res.status).toBe(400);
    const [sentence] = res.json().meta.description;
    expect(sentence).toBe(`property ${'k'.repeat(64)}… should not exist`);
  });

  it('thousands of unknown properties give at most 50 sentences', async () => {
    const body: Record<string, number> = { product_id: 1, quantity: 1 };
    for (let i = 0; i < 5000; i++) body[`extra${i}`] = i;
    const res = await sendJson(t.url, 'POST', '/cart/items', body);
    expect(res.status).toBe(400);
    expect(res.json().meta.description).toHaveLength(50);
    expect(res.text.length).toBeLessThan(5000);
  });

  it('a huge URL is cut in the 404 description', async () => {
    const res = await send(t.url, { path: `/${'p'.repeat(8000)}` });
    expect(res.text.length).toBeLessThan(400);
  });

  it('a huge X-Request-Id is replaced, not echoed', async () => {
    const res = await send(t.url, {
      path: '/nowhere',
      headers: { 'x-request-id': 'r'.repeat(4000) },
    });
    expect((res.headers['x-request-id'] as string).length).toBe(36);
  });
});

import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const SECRET_BODY = '{"password":"hunter2","product_id":1,"quantity":1}';
const VALID_BODY = '{"product_id":1,"quantity":1}';

const NOT_DECOMPRESSED = {
  meta: {
    code: 88,
    message: 'Invalid Parameter',
    description: 'Request body could not be decompressed',
  },
};
const NOT_JSON = {
  meta: { code: 88, message: 'Invalid Parameter', description: 'Request body is not valid JSON' },
};

/** Bodies whose bytes are not what their Content-Encoding says. */
const BROKEN: [name: string, encoding: string, body: Buffer][] = [
  ['plain JSON sent as gzip', 'gzip', Buffer.from(SECRET_BODY)],
  ['plain JSON sent as deflate', 'deflate', Buffer.from(SECRET_BODY)],
  ['plain JSON sent as br', 'br', Buffer.from(SECRET_BODY)],
  ['a gzip stream cut short', 'gzip', gzipSync(SECRET_BODY).subarray(0, 16)],
];

describe.each(ADAPTERS)('compressed request bodies (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with());
  });
  afterAll(() => t.close());

  const post = (body: Buffer, encoding: string) =>
    send(t.url, {
      method: 'POST',
      path: '/cart/items',
      headers: { 'content-type': 'application/json', 'content-encoding': encoding },
      body,
    });

  if (adapter === 'express') {
    it.each(BROKEN)("%s -> 400 / 88, not zlib's own message", async (_name, encoding, body) => {
      const res = await post(body, encoding);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.json()).toStrictEqual(NOT_DECOMPRESSED);
      expect(res.text).not.toContain('hunter2');
    });

    it.each([
      ['gzip', gzipSync(VALID_BODY)],
      ['deflate', deflateSync(VALID_BODY)],
      ['br', brotliCompressSync(VALID_BODY)],
    ])('a well-formed %s body is decompressed and handled', async (encoding, body) => {
      const res = await post(body, encoding);
      expect(res.status).toBe(201);
      expect(res.json()).toStrictEqual({ added: { product_id: 1, quantity: 1 }, isDto: true });
    });
  } else {
    // Fastify does not decompress request bodies: it reads the bytes as they
    // came, so a compressed JSON body is no JSON at all.
    it.each([
      ['gzip', gzipSync(SECRET_BODY)],
      ['deflate', deflateSync(SECRET_BODY)],
      ['br', brotliCompressSync(SECRET_BODY)],
      ['gzip', gzipSync(SECRET_BODY).subarray(0, 16)],
    ])('a %s body is read as it came -> 400 / 88 not valid JSON', async (encoding, body) => {
      const res = await post(body, encoding);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.json()).toStrictEqual(NOT_JSON);
    });

    it('a plain JSON body labelled gzip is read as plain JSON', async () => {
      const res = await post(Buffer.from(VALID_BODY), 'gzip');
      expect(res.status).toBe(201);
      expect(res.json()).toStrictEqual({ added: { product_id: 1, quantity: 1 }, isDto: true });
    });
  }
});

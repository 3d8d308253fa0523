import { randomUUID } from 'node:crypto';
import { type ApiErrorFormat, parseApiError } from 'nestjs-api-errors/client';
import { ADAPTERS, type TestApp } from '../helpers/test-app.js';
import { startSample } from './start-sample.js';

const FORMATS: readonly ApiErrorFormat[] = ['meta', 'error', 'flat', 'error_code', 'problem'];

/** Where each format keeps its code on the wire, read straight from the raw JSON. */
const CODE_ON_WIRE: Record<ApiErrorFormat, (body: any) => unknown> = {
  meta: (body) => body.meta.code,
  error: (body) => body.error.code,
  flat: (body) => body.code,
  error_code: (body) => body.error_code,
  problem: (body) => body.code,
};

/** The formats whose bodies name the fields that failed validation. */
const NAMES_FIELDS = new Set<ApiErrorFormat>(['flat', 'error_code', 'problem']);

interface Session {
  readonly t: TestApp;
  /** Alice's token. */
  readonly token: string;
}

interface WireCase {
  readonly name: string;
  readonly request: (session: Session) => Promise<Response>;
  /** The fields a validation failure names (in the formats that name fields). */
  readonly fields?: readonly string[];
  /** The wait a 503 asks for, in ms. */
  readonly retryAfterMs?: number;
}

const json = (t: TestApp, path: string, body: unknown, token?: string, method = 'POST') =>
  fetch(`${t.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const get = (t: TestApp, path: string, token?: string) =>
  fetch(`${t.url}${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
const login = (t: TestApp, email: string, password = 'correct-horse') =>
  json(t, '/auth/login', { email, password });

/** Every error the sample answers, one request each. */
const CASES: readonly WireCase[] = [
  {
    name: 'unknown route',
    request: ({ t }) => fetch(`${t.url}/api/v2/product/123`, { method: 'DELETE' }),
  },
  {
    name: 'invalid path parameter',
    // Past the largest id: one rule fails, so every format names the field once.
    request: ({ t }) => get(t, '/api/v2/products/99999999999999999999'),
    fields: ['id'],
  },
  {
    name: 'invalid query',
    request: ({ t }) => get(t, '/api/v2/products?limit=500'),
    fields: ['limit'],
  },
  { name: 'product not found (31)', request: ({ t }) => get(t, '/api/v2/products/42') },
  { name: 'unknown error (500)', request: ({ t }) => get(t, '/api/v2/recommendations') },
  { name: 'unknown email (21)', request: ({ t }) => login(t, 'nobody@example.com') },
  { name: 'wrong password (22)', request: ({ t }) => login(t, 'alice@example.com', 'wrong') },
  { name: 'blocked account (99)', request: ({ t }) => login(t, 'carol@example.com') },
  { name: 'no token (99)', request: ({ t }) => get(t, '/api/v2/me') },
  { name: 'unknown token (99)', request: ({ t }) => get(t, '/api/v2/me', 'not-a-session') },
  {
    name: 'two-factor mismatch (99)',
    request: ({ t, token }) => get(t, '/api/v2/me', `2f.${token}`),
  },
  {
    name: 'missing body field',
    request: ({ t, token }) => json(t, '/api/v2/cart/items', { quantity: 1 }, token),
    fields: ['product_id'],
  },
  {
    name: 'invalid body field',
    request: ({ t, token }) => json(t, '/api/v2/cart/items', { product_id: 1, quantity: 0 }, token),
    fields: ['quantity'],
  },
  {
    name: 'nested body field',
    request: ({ t, token }) =>
      json(
        t,
        '/api/v2/orders',
        {
          items: [
            { product_id: 1, quantity: 1 },
            { product_id: 2, quantity: -1 },
          ],
        },
        token,
      ),
    fields: ['items[1].quantity'],
  },
  {
    name: 'unknown body field',
    request: ({ t, token }) =>
      json(t, '/api/v2/cart/items', { product_id: 1, quantity: 1, is_admin: true }, token),
    fields: ['is_admin'],
  },
  {
    name: 'malformed JSON',
    request: ({ t, token }) =>
      json(t, '/api/v2/cart/items', '{"product_id": 1, "quantity":', token),
  },
  {
    name: 'body too large (413)',
    request: ({ t, token }) =>
      json(t, '/api/v2/cart/items', { product_id: 1, note: 'x'.repeat(2_000_000) }, token),
  },
  {
    name: 'out of stock (32)',
    request: ({ t, token }) => json(t, '/api/v2/cart/items', { product_id: 1, quantity: 5 }, token),
  },
  {
    name: 'database failure (77)',
    request: ({ t, token }) =>
      json(t, '/api/v2/orders', { items: [{ product_id: 999, quantity: 1 }] }, token),
  },
  {
    name: 'wrong authenticator code (88)',
    request: async ({ t }) => {
      const { token } = await (await login(t, 'bob@example.com')).json();
      return json(t, '/auth/2fa', { token, code: '12345' });
    },
    fields: ['code'],
  },
  {
    name: 'service unavailable (503)',
    request: ({ t }) => get(t, `/api/v2/demo/flaky-status?key=${randomUUID()}`),
    retryAfterMs: 1000,
  },
  {
    name: 'invalid flaky key',
    request: ({ t }) => get(t, '/api/v2/demo/flaky-status?key=no%20spaces'),
    fields: ['key'],
  },
  {
    name: 'expired session after logout (99)',
    request: async ({ t }) => {
      const { token } = await (await login(t, 'dave@example.com')).json();
      await fetch(`${t.url}/auth/logout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      return get(t, '/api/v2/me', token);
    },
  },
];

describe.each(ADAPTERS)('parseApiError against the running sample (%s)', (adapter) => {
  describe.each(FORMATS)('ERROR_FORMAT=%s', (format) => {
    let session: Session;
    let stop: () => Promise<void>;
    beforeAll(async () => {
      const started = await startSample(adapter, { ERROR_FORMAT: format });
      stop = started.stop;
      const { token } = await (await login(started.t, 'alice@example.com')).json();
      session = { t: started.t, token };
    });
    afterAll(() => stop());

    it.each(CASES)('$name', async ({ request, fields, retryAfterMs }) => {
      const response = await request(session);
      expect(response.ok).toBe(false);
      const wire = JSON.parse(await response.clone().text());
      const headerId = response.headers.get('x-request-id');
      expect(headerId).toMatch(/^[\w.:-]{1,128}$/);

      const error = await parseApiError(response);

      expect(error.format).toBe(format);
      expect(error.status).toBe(response.status);
      expect(error.code).toBe(CODE_ON_WIRE[format](wire));
      expect(error.code).not.toBeUndefined();
      expect(error.requestId).toBe(headerId);
      const idInBody = format === 'flat' || format === 'problem';
      expect(wire.request_id).toBe(idInBody ? headerId : undefined);
      expect(error.body).toStrictEqual(wire);
      const expectedFields = NAMES_FIELDS.has(format) ? (fields ?? []) : [];
      expect(error.violations.map((violation) => violation.path)).toStrictEqual(expectedFields);
      const raw = JSON.stringify(wire);
      for (const violation of error.violations) {
        expect(raw).toContain(JSON.stringify(violation.message).slice(1, -1));
      }
      expect(error.retryAfterMs).toBe(retryAfterMs);
    });
  });
});

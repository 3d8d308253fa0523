import { SessionsService } from '../../sample/src/auth/sessions.service.js';
import { totp } from '../../sample/src/auth/totp.js';
import { DatabaseService } from '../../sample/src/database/database.service.js';
import { BOB_TOTP_SECRET } from '../../sample/src/database/seed.js';
import { type ReceivedResponse, send, sendJson } from '../helpers/http-client.js';
import { ADAPTERS, type TestApp } from '../helpers/test-app.js';
import { wrongCode } from '../sample/sample-server.js';
import { type DocumentedExample, examplesOf } from './helpers/openapi-checks.js';
import { FORMATS, type SampleWithDocs, startSampleWithDocs } from './helpers/sample-with-docs.js';

/**
 * Every documented error of the sample that a client can cause is caused,
 * and the answer compared with its documented example: status, media type and
 * body, request ids aside (and, for a path with parameters, the `instance` of
 * `problem`, which names the path actually requested), and every header the
 * document says the response carries. The sample runs in production, as
 * deployed: 5xx carry no description there.
 *
 * The walk logs in more often than a client may in a minute, so it runs with
 * a generous login rate limit. The throttle's 429s are met on a second sample
 * of their own, limited to one request per route in a window other than the
 * default, and compared with that sample's document: what is documented
 * follows the configuration.
 */

/** The walk's sample: the login limit out of the way. */
const GENEROUS = { LOGIN_RATE_LIMIT: '1000' };
/** The throttled sample: a route's second request within 20 seconds is refused. */
const THROTTLED = { LOGIN_RATE_LIMIT: '1', LOGIN_RATE_WINDOW_SECONDS: '20' };

const isThrottled = (example: DocumentedExample) => example.status === '429';

/** Blocks Bob, whom other examples log in: caused after them. */
const BLOCKS_BOB = 'post /auth/2fa 99-authentication-required-2';
const keyOf = (example: DocumentedExample) => `${example.method} ${example.path} ${example.name}`;

/** A valid request to each route; an example's producer changes what makes it fail. */
const VALID_BODIES: Record<string, unknown> = {
  'post /auth/login': { email: 'alice@example.com', password: 'correct-horse' },
  'post /auth/2fa': { token: 'first-step-token', code: '123456' },
  'post /api/v2/cart/items': { product_id: 2, quantity: 1 },
  'post /api/v2/orders': { items: [{ product_id: 2, quantity: 1 }] },
};

/** A body failing each DTO's first rule, chosen here rather than read from the document. */
const FIRST_RULE_FAILURES: Record<string, Record<string, unknown>> = {
  'post /auth/login': { email: 'not-an-email' },
  'post /auth/2fa': { token: 12345 },
  'post /api/v2/cart/items': { product_id: 'one' },
  'post /api/v2/orders': { items: 'none' },
};

/** Errors a client cannot cause in the sample: the database does not fail on request, and its session store answers at once. */
function unproducible(example: DocumentedExample): boolean {
  const route = `${example.method} ${example.path}`;
  if (example.name.startsWith('503-service-unavailable-session-check-timeout')) return true;
  if (example.name === '77-database-rollback-error') return route !== 'post /api/v2/orders';
  if (example.name === '500-unknown-error') return route !== 'get /api/v2/recommendations';
  return false;
}

interface Tokens {
  alice: string;
  /** Bob's first-step token: his account has two-factor on, the token no `2f.` prefix. */
  firstStep: string;
  /** A new session that has expired: the first time one is presented, it is deleted. */
  expired(): string;
  blocked: string;
}

async function openSessions(sample: SampleWithDocs): Promise<Tokens> {
  const login = await sendJson(sample.t.url, 'POST', '/auth/login', {
    email: 'alice@example.com',
    password: 'correct-horse',
  });
  const db = sample.t.app.get(DatabaseService);
  const sessions = sample.t.app.get(SessionsService);
  const idOf = (email: string) =>
    db.get<{ id: number }>('SELECT id FROM users WHERE email = :email', { email })!.id;
  const dave = idOf('dave@example.com');
  const expired = () => {
    const token = sessions.open(dave, false);
    db.run('UPDATE sessions SET expires_at = 0 WHERE user_id = :id', { id: dave });
    return token;
  };
  const bob = await sendJson(sample.t.url, 'POST', '/auth/login', {
    email: 'bob@example.com',
    password: 'correct-horse',
  });
  return {
    alice: login.json().token,
    firstStep: bob.json().token,
    expired,
    // Carol is blocked: she cannot log in, but a session opened before still reaches the guard.
    blocked: sessions.open(idOf('carol@example.com'), false),
  };
}

/** Causes the error an example documents, or says why it cannot be. */
async function cause(
  t: TestApp,
  example: DocumentedExample,
  tokens: Tokens,
): Promise<ReceivedResponse> {
  const route = `${example.method} ${example.path}`;
  const method = example.method.toUpperCase();
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const json = (body: unknown, headers: Record<string, string> = bearer(tokens.alice)) =>
    sendJson(t.url, method, example.path, body, headers);
  const base = VALID_BODIES[route];
  const request = (headers: Record<string, string>) =>
    base === undefined ? send(t.url, { method, path: example.path, headers }) : json(base, headers);
  const reason = /^99-authentication-required-(.+)$/.exec(example.name)?.[1];
  switch (reason) {
    case 'token-missing':
      return request({});
    case 'token-unknown':
      return request(bearer('no-such-session'));
    case 'session-expired':
      return request(bearer(tokens.expired()));
    case 'two-factor-mismatch':
      return request(bearer(tokens.firstStep));
    case 'account-blocked':
      return request(bearer(tokens.blocked));
  }
  switch (`${route} ${example.name}`) {
    case 'post /auth/login 21-user-not-exists':
      return json({ email: 'nobody@example.com', password: 'correct-horse' });
    case 'post /auth/login 22-password-not-match':
      return json({ email: 'alice@example.com', password: 'wrong' });
    case 'post /auth/login 99-authentication-required':
      return json({ email: 'carol@example.com', password: 'correct-horse' });
    case 'post /auth/2fa 99-authentication-required':
      return json({ token: 'no-such-token', code: '123456' });
    case 'post /auth/2fa 88-invalid-parameter': {
      const [first] = await firstSteps(t, 1);
      return sendJson(t.url, 'POST', '/auth/2fa', {
        token: first,
        code: wrongCode(BOB_TOTP_SECRET),
      });
    }
    case 'post /auth/2fa 88-invalid-parameter-2': {
      const [first, second] = await firstSteps(t, 2);
      const code = totp(BOB_TOTP_SECRET);
      await sendJson(t.url, 'POST', '/auth/2fa', { token: first, code });
      return sendJson(t.url, 'POST', '/auth/2fa', { token: second, code });
    }
    case BLOCKS_BOB: {
      // Five wrong codes in a row block the account (three spend a token); a token taken
      // before then meets the block, even with the right code.
      const [first, second, third] = await firstSteps(t, 3);
      for (const token of [first, first, first, second, second]) {
        await sendJson(t.url, 'POST', '/auth/2fa', { token, code: wrongCode(BOB_TOTP_SECRET) });
      }
      return sendJson(t.url, 'POST', '/auth/2fa', { token: third, code: totp(BOB_TOTP_SECRET) });
    }
    case 'post /auth/logout 99-authentication-required':
      return send(t.url, { method, path: example.path });
    case 'get /api/v2/demo/flaky-status 503-service-unavailable':
      // A new key's first call.
      return send(t.url, { path: '/api/v2/demo/flaky-status?key=wire' });
    case 'post /api/v2/cart/items 31-product-not-found':
      return json({ product_id: 42, quantity: 1 });
    case 'post /api/v2/cart/items 32-out-of-stock':
      return json({ product_id: 1, quantity: 5 });
    case 'get /api/v2/products/{id} 31-product-not-found':
      return send(t.url, { path: '/api/v2/products/42' });
    case 'get /api/v2/products/{id} 88-invalid-parameter-param-validation':
      return send(t.url, { path: '/api/v2/products/abc' });
    case 'get /api/v2/products 88-invalid-parameter-query-validation':
      return send(t.url, { path: '/api/v2/products?limit=2.5' });
    case 'get /api/v2/demo/flaky-status 88-invalid-parameter-query-validation':
      return send(t.url, { path: '/api/v2/demo/flaky-status?key=a%20b' });
    case 'post /api/v2/orders 77-database-rollback-error':
      return json({ items: [{ product_id: 999, quantity: 1 }] });
    case 'get /api/v2/recommendations 500-unknown-error':
      return send(t.url, { path: '/api/v2/recommendations' });
  }
  if (example.name === '88-invalid-parameter-body-not-json') {
    return send(t.url, {
      method,
      path: example.path,
      headers: { 'content-type': 'application/json', ...bearer(tokens.alice) },
      body: '{"email":',
    });
  }
  if (example.name === '88-invalid-parameter-body-validation') {
    return json({ ...(base as object), ...FIRST_RULE_FAILURES[route] });
  }
  throw new Error(`no way to cause ${route} ${example.name}; add one to this test`);
}

/** First-step tokens of Bob, whose account has two-factor on. */
async function firstSteps(t: TestApp, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const login = await sendJson(t.url, 'POST', '/auth/login', {
      email: 'bob@example.com',
      password: 'correct-horse',
    });
    tokens.push(login.json().token);
  }
  return tokens;
}

/** On the throttled sample, a route's first request within the window is let through, its second refused. */
async function exceedLoginLimit(t: TestApp, example: DocumentedExample): Promise<ReceivedResponse> {
  const body = VALID_BODIES[`${example.method} ${example.path}`];
  await sendJson(t.url, 'POST', example.path, body);
  return sendJson(t.url, 'POST', example.path, body);
}

/** Causes each example, and compares the answer with it. */
async function expectAnswersAsDocumented(
  examples: readonly DocumentedExample[],
  causeOf: (example: DocumentedExample) => Promise<ReceivedResponse>,
): Promise<void> {
  for (const example of examples) {
    const answer = await causeOf(example);
    const where = keyOf(example);
    expect({ where, status: answer.status }).toStrictEqual({
      where,
      status: Number(example.status),
    });
    expect(answer.headers['content-type']).toBe(`${example.mediaType}; charset=utf-8`);
    expect({ where, body: comparable(answer.json(), example.path) }).toStrictEqual({
      where,
      body: comparable(example.value, example.path),
    });
    const headers = Object.entries<{ required?: boolean }>(example.response.headers ?? {});
    for (const [name] of headers.filter(([, header]) => header.required === true)) {
      expect({ where, [name]: answer.headers[name.toLowerCase()] }).toStrictEqual({
        where,
        [name]: expect.any(String),
      });
    }
  }
}

/** The body as compared: no request id, and `problem`'s instance matched against the documented path. */
function comparable(body: any, documentedPath: string): any {
  if (typeof body !== 'object' || body === null) return body;
  const { request_id: _id, ...rest } = body;
  if (typeof rest.instance === 'string' && documentedPath.includes('{')) {
    const template = new RegExp(`^${documentedPath.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    rest.instance = template.test(rest.instance) ? documentedPath : rest.instance;
  }
  return rest;
}

describe.each(ADAPTERS)('the sample answers what its document shows (%s)', (adapter) => {
  it.each(FORMATS)('ERROR_FORMAT=%s: every error a client can cause', async (format) => {
    const deployed = { NODE_ENV: 'production', ERROR_FORMAT: format };
    const sample = await startSampleWithDocs(adapter, { ...deployed, ...GENEROUS });
    const throttled = await startSampleWithDocs(adapter, { ...deployed, ...THROTTLED });
    try {
      const tokens = await openSessions(sample);
      const examples = examplesOf(sample.document).filter(({ status }) => Number(status) >= 400);
      const caused = examples.filter((example) => !unproducible(example) && !isThrottled(example));
      const skipped = examples.filter(unproducible).map(({ name }) => name);
      // What cannot be caused is only the session store timing out on each guarded route,
      // the database failing elsewhere than in orders, and the unexpected failure elsewhere.
      expect(new Set(skipped)).toStrictEqual(
        new Set([
          '503-service-unavailable-session-check-timeout',
          '77-database-rollback-error',
          '500-unknown-error',
        ]),
      );
      expect(caused).toHaveLength(45);
      const last = caused.filter((example) => keyOf(example) === BLOCKS_BOB);
      expect(last).toHaveLength(1);
      await expectAnswersAsDocumented(
        [...caused.filter((example) => keyOf(example) !== BLOCKS_BOB), ...last],
        (example) => cause(sample.t, example, tokens),
      );

      // The throttled routes, as the throttled sample documents them.
      const limited = examplesOf(throttled.document).filter(isThrottled);
      expect(limited.map(keyOf)).toStrictEqual(examples.filter(isThrottled).map(keyOf));
      expect(limited.map(keyOf)).toStrictEqual([
        'post /auth/login 429-too-many-requests',
        'post /auth/2fa 429-too-many-requests',
      ]);
      await expectAnswersAsDocumented(limited, (example) => exceedLoginLimit(throttled.t, example));
    } finally {
      await throttled.stop();
      await sample.stop();
    }
  });
});

import { Controller, Get, Headers, HttpException, Res } from '@nestjs/common';
import { createFlatFormat, ERR_INVALID_PARAMETER, ErrorsModule } from 'nestjs-api-errors';
import { FormatsFixtureModule } from '../fixtures/formats/formats-fixture.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each(ADAPTERS)('request ids (%s)', (adapter) => {
  describe.each(['flat', 'problem'] as const)('in a format with a place for it (%s)', (format) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, FormatsFixtureModule.with({ format }));
    });
    afterAll(() => t.close());

    it('echoes a sane id the client sent, in the header and the body', async () => {
      const res = await send(t.url, {
        path: '/crash',
        headers: { 'x-request-id': 'req-42.a:b_c' },
      });
      expect(res.headers['x-request-id']).toBe('req-42.a:b_c');
      expect(res.json().request_id).toBe('req-42.a:b_c');
    });

    it.each([
      ['spaces', 'not a sane id'],
      ['markup', '<script>'],
      ['an overlong id', 'a'.repeat(129)],
      ['an empty one', ''],
    ])('replaces %s with a new UUID', async (_name, sent) => {
      const res = await send(t.url, { path: '/crash', headers: { 'x-request-id': sent } });
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(res.json().request_id).toBe(res.headers['x-request-id']);
      expect(res.text).not.toContain(sent || '"request_id":""');
    });

    it('makes one up when none was sent, and logs it', async () => {
      t.logger.clear();
      const res = await send(t.url, { path: '/crash' });
      const id = res.headers['x-request-id'] as string;
      expect(id).toMatch(UUID);
      expect(res.json().request_id).toBe(id);
      expect(t.logger.fromFilter('error')[0]).toContain(`[request ${id}]`);
    });

    it('gives every error its own id', async () => {
      const ids = await Promise.all(
        Array.from({ length: 20 }, () => send(t.url, { path: '/crash' })),
      ).then((responses) => responses.map((res) => res.headers['x-request-id']));
      expect(new Set(ids).size).toBe(20);
    });
  });

  describe('in the meta format, which has no place for it in the body', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, FormatsFixtureModule.with({}));
    });
    afterAll(() => t.close());

    it('sends the header only', async () => {
      const res = await send(t.url, { path: '/crash', headers: { 'x-request-id': 'abc' } });
      expect(res.headers['x-request-id']).toBe('abc');
      expect(res.json()).toStrictEqual({ meta: { code: 500, message: 'Unknown Error' } });
    });
  });

  describe('with another header, or none', () => {
    it('reads and echoes the configured header', async () => {
      const t = await createTestApp(
        adapter,
        FormatsFixtureModule.with({ format: 'flat', requestIdHeader: 'X-Correlation-Id' }),
      );
      const res = await send(t.url, { path: '/crash', headers: { 'x-correlation-id': 'corr-1' } });
      await t.close();
      expect(res.headers['x-correlation-id']).toBe('corr-1');
      expect(res.headers['x-request-id']).toBeUndefined();
      expect(res.json().request_id).toBe('corr-1');
    });

    it('sends no id at all when turned off', async () => {
      const t = await createTestApp(
        adapter,
        FormatsFixtureModule.with({ format: 'flat', requestIdHeader: false }),
      );
      const res = await send(t.url, { path: '/crash', headers: { 'x-request-id': 'abc' } });
      await t.close();
      expect(res.headers['x-request-id']).toBeUndefined();
      expect(res.json()).toStrictEqual({ code: 'INTERNAL_ERROR', message: 'Internal error' });
    });
  });
});

describe.each(ADAPTERS)('Retry-After (%s)', (adapter) => {
  describe.each(['meta', 'error', 'flat', 'error_code', 'problem'] as const)(
    'format %s',
    (format) => {
      let t: TestApp;
      beforeAll(async () => {
        t = await createTestApp(
          adapter,
          FormatsFixtureModule.with({ format, defaultRetryAfterSeconds: 5 }),
        );
      });
      afterAll(() => t.close());

      it("uses the error's own value, rounded up to whole seconds", async () => {
        const res = await send(t.url, { path: '/rate-limited' });
        expect(res.status).toBe(429);
        expect(res.headers['retry-after']).toBe('2');
      });

      it('uses the default on a 503 that does not say', async () => {
        const res = await send(t.url, { path: '/unavailable' });
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toBe('5');
      });

      it("keeps @nestjs/throttler's own Retry-After, and the body agrees with it", async () => {
        await send(t.url, { path: '/throttled' });
        const res = await send(t.url, { path: '/throttled' });
        expect(res.status).toBe(429);
        const header = res.headers['retry-after'] as string;
        expect(Number(header)).toBeGreaterThan(50);
        expect(Number(header)).toBeLessThanOrEqual(60);
        // The one format that carries the wait in its body agrees with the header.
        const inBody = format === 'error' ? res.json().error.retry_after : Number(header);
        expect(inBody).toBe(Number(header));
      });

      it('sends none on other errors', async () => {
        const res = await send(t.url, { path: '/crash' });
        expect(res.headers['retry-after']).toBeUndefined();
      });
    },
  );
});

describe.each(ADAPTERS)(
  'Retry-After when a format answers 503 for an entry that is not (%s)',
  (adapter) => {
    it('is sent, from the default', async () => {
      const format = createFlatFormat({
        entries: new Map([[ERR_INVALID_PARAMETER, { status: 503, code: 'TRY_LATER' }]]),
      });
      const t = await createTestApp(
        adapter,
        FormatsFixtureModule.with({ format, defaultRetryAfterSeconds: 7 }),
      );
      const res = await send(t.url, { path: '/invalid-quantity' });
      await t.close();
      expect(res.status).toBe(503);
      expect(res.json().code).toBe('TRY_LATER');
      expect(res.headers['retry-after']).toBe('7');
    });
  },
);

/** A rate limiter of the app's own: it sets the Retry-After it was given, then refuses. */
@Controller()
class OwnLimiterController {
  @Get('limited')
  limited(
    @Headers('x-limiter-sets') value: string,
    @Res({ passthrough: true }) response: { header?: unknown; setHeader?: unknown },
  ): never {
    // Fastify's reply has `header()`; Express's response (Node's) has `setHeader()`.
    const set = (typeof response.header === 'function' ? response.header : response.setHeader) as (
      name: string,
      value: string,
    ) => unknown;
    set.call(response, 'Retry-After', value);
    throw new HttpException('Slow down', 429);
  }
}

describe.each(ADAPTERS)('Retry-After set on the response by a rate limiter (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, {
      imports: [ErrorsModule.forRoot({ format: 'error', defaultRetryAfterSeconds: 60 })],
      controllers: [OwnLimiterController],
    });
  });
  afterAll(() => t.close());

  /** The wait the header and `error`'s body tell, for a limiter that set `value`. */
  async function waitFor(value: string) {
    const res = await send(t.url, { path: '/limited', headers: { 'x-limiter-sets': value } });
    expect(res.status).toBe(429);
    return { header: res.headers['retry-after'], body: res.json().error.retry_after };
  }

  it('keeps a number of seconds', async () => {
    expect(await waitFor('12')).toStrictEqual({ header: '12', body: 12 });
  });

  it('turns an HTTP date into the seconds left until it', async () => {
    const { header, body } = await waitFor(new Date(Date.now() + 30_000).toUTCString());
    expect(Number(header)).toBeGreaterThanOrEqual(28);
    expect(Number(header)).toBeLessThanOrEqual(30);
    expect(body).toBe(Number(header));
  });

  it('answers 0 for an HTTP date that has passed', async () => {
    expect(await waitFor('Wed, 21 Oct 2015 07:28:00 GMT')).toStrictEqual({ header: '0', body: 0 });
  });

  it.each([
    ['a negative number', '-5'],
    ['hexadecimal', '0x10'],
    ['an exponent', '1e3'],
    ['not a number', 'NaN'],
    ['infinity', 'Infinity'],
    ['a date-like text that is not an HTTP date', '2030-01-01'],
    ['a year', '2030 GMT'],
  ])('replaces %s with the default', async (_name, value) => {
    expect(await waitFor(value)).toStrictEqual({ header: '60', body: 60 });
  });

  it('caps a huge number of seconds, or a far date, at a day', async () => {
    expect(await waitFor('9'.repeat(30))).toStrictEqual({ header: '86400', body: 86400 });
    const farDate = new Date(Date.now() + 10 * 86_400_000).toUTCString();
    expect(await waitFor(farDate)).toStrictEqual({ header: '86400', body: 86400 });
  });
});

import { randomUUID } from 'node:crypto';
import { ApiError, type RetryClock, type RetryEvent, withRetry } from 'nestjs-api-errors/client';
import { CallCounter, RetryFixtureModule } from '../fixtures/client/retry-fixture.js';
import { freePort } from '../helpers/free-port.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

/** A clock that waits no real time and records each wait. */
function fakeClock() {
  let now = 1_000_000;
  const waits: number[] = [];
  const clock: RetryClock = {
    now: () => now,
    sleep: (ms) => {
      waits.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
  return { clock, waits };
}

describe.each(ADAPTERS)('withRetry against a real server (%s)', (adapter) => {
  let t: TestApp;
  let counter: CallCounter;
  beforeAll(async () => {
    t = await createTestApp(adapter, RetryFixtureModule);
    counter = t.app.get(CallCounter);
  });
  afterAll(() => t.close());

  const path = (route: string) => `${route}/${randomUUID()}`;

  it('retries 503 twice, waiting what Retry-After says, then returns the 200', async () => {
    const route = path('flaky');
    const { clock, waits } = fakeClock();
    const events: RetryEvent[] = [];
    const response = await withRetry(() => fetch(`${t.url}/${route}`), {
      clock,
      onRetry: (event) => events.push(event),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toStrictEqual({ ok: true, calls: 3 });
    expect(counter.of(route)).toBe(3);
    expect(waits).toStrictEqual([1000, 1000]);
    expect(events.map(({ attempt, delayMs }) => ({ attempt, delayMs }))).toStrictEqual([
      { attempt: 1, delayMs: 1000 },
      { attempt: 2, delayMs: 1000 },
    ]);
    expect(events[0].error).toMatchObject({ status: 503, code: 503, retryAfterMs: 1000 });
  });

  it('does not retry a 400, and throws it as an ApiError', async () => {
    const route = path('bad');
    const { clock, waits } = fakeClock();
    const failure = await withRetry(() => fetch(`${t.url}/${route}`), { clock }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: 88 });
    expect(counter.of(route)).toBe(1);
    expect(waits).toStrictEqual([]);
  });

  it('retries an unknown 500 of an idempotent request once', async () => {
    const route = path('unknown');
    const { clock } = fakeClock();
    await expect(
      withRetry(() => fetch(`${t.url}/${route}`), {
        clock,
        idempotent: true,
        maxAttempts: 5,
        random: () => 0,
      }),
    ).rejects.toMatchObject({ status: 500, code: 500 });
    expect(counter.of(route)).toBe(2);
  });

  it('backs off a database error exponentially with full jitter, up to maxAttempts', async () => {
    const route = path('database');
    const { clock, waits } = fakeClock();
    await expect(
      withRetry(() => fetch(`${t.url}/${route}`), {
        clock,
        idempotent: true,
        maxAttempts: 4,
        baseDelayMs: 200,
        random: () => 0.5,
      }),
    ).rejects.toMatchObject({ status: 500, code: 77 });
    expect(counter.of(route)).toBe(4);
    expect(waits).toStrictEqual([100, 200, 400]);
  });

  it('resends a POST only when the server says it did nothing: 429, 503 with Retry-After', async () => {
    const { clock, waits } = fakeClock();
    const post = (route: string) => () => fetch(`${t.url}/${route}`, { method: 'POST' });
    const flaky = path('flaky');
    const response = await withRetry(post(flaky), { clock });
    expect(await response.json()).toStrictEqual({ ok: true, calls: 3 });
    expect(waits).toStrictEqual([1000, 1000]);
    for (const [route, status] of [
      [path('unknown'), 500],
      [path('database'), 500],
      [path('gateway'), 502],
    ] as const) {
      await expect(withRetry(post(route), { clock, maxAttempts: 5 })).rejects.toMatchObject({
        status,
      });
      expect(counter.of(route)).toBe(1);
    }
    expect(waits).toStrictEqual([1000, 1000]);
    // The same failures of a request that may be sent twice are retried.
    const gateway = path('gateway');
    await expect(
      withRetry(post(gateway), { clock, idempotent: true, random: () => 0 }),
    ).rejects.toMatchObject({ status: 502 });
    expect(counter.of(gateway)).toBe(3);
  });

  it('hands its options to a policy of your own', async () => {
    const { clock } = fakeClock();
    const seen: unknown[] = [];
    const route = path('gateway');
    await expect(
      withRetry(() => fetch(`${t.url}/${route}`), {
        clock,
        idempotent: true,
        policy: (error, options) => {
          seen.push(options.idempotent);
          return { action: 'give-up' };
        },
      }),
    ).rejects.toMatchObject({ status: 502 });
    expect(seen).toStrictEqual([true]);
  });

  it('stops after maxAttempts', async () => {
    const route = path('flaky');
    const { clock } = fakeClock();
    await expect(
      withRetry(() => fetch(`${t.url}/${route}`), { clock, maxAttempts: 2 }),
    ).rejects.toMatchObject({ status: 503 });
    expect(counter.of(route)).toBe(2);
  });

  it('does not wait longer than maxDelayMs, nor past maxElapsedMs', async () => {
    const route = path('slow');
    const { clock, waits } = fakeClock();
    await expect(withRetry(() => fetch(`${t.url}/${route}`), { clock })).rejects.toMatchObject({
      status: 503,
      retryAfterMs: 60_000,
    });
    expect(counter.of(route)).toBe(1);
    const flaky = path('flaky');
    await expect(
      withRetry(() => fetch(`${t.url}/${flaky}`), { clock, maxElapsedMs: 1500 }),
    ).rejects.toMatchObject({ status: 503 });
    expect(counter.of(flaky)).toBe(2);
    expect(waits).toStrictEqual([1000]);
  });

  it('is stopped by its AbortSignal while it waits, with the real clock', async () => {
    const route = path('flaky');
    const controller = new AbortController();
    const started = Date.now();
    const pending = withRetry(() => fetch(`${t.url}/${route}`, { signal: controller.signal }), {
      signal: controller.signal,
      onRetry: () => setTimeout(() => controller.abort(), 20),
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(900);
    expect(counter.of(route)).toBe(1);
  });

  it('does not start when the signal is already aborted', async () => {
    const route = path('flaky');
    await expect(
      withRetry(() => fetch(`${t.url}/${route}`), { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(counter.of(route)).toBe(0);
  });
});

describe('withRetry without a server', () => {
  it('retries network failures of an idempotent request with backoff, then throws the last one', async () => {
    const port = await freePort();
    const { clock, waits } = fakeClock();
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls++;
          return fetch(`http://127.0.0.1:${port}/`);
        },
        { clock, idempotent: true, random: () => 1 },
      ),
    ).rejects.toBeInstanceOf(TypeError);
    expect(calls).toBe(3);
    expect(waits).toStrictEqual([1000, 2000]);
  });

  it('does not resend a request that is not idempotent after a network failure', async () => {
    const port = await freePort();
    const { clock, waits } = fakeClock();
    let calls = 0;
    const send = () => {
      calls++;
      return fetch(`http://127.0.0.1:${port}/cart/items`, { method: 'POST', body: '{}' });
    };
    await expect(withRetry(send, { clock })).rejects.toThrow('fetch failed');
    expect(calls).toBe(1);
    expect(waits).toStrictEqual([]);
  });

  it('does not retry a TypeError of a bug in fn, idempotent or not', async () => {
    const { clock } = fakeClock();
    let calls = 0;
    const buggy = async () => {
      calls++;
      const response = await Promise.resolve(undefined as unknown as Response);
      return response.json();
    };
    await expect(withRetry(buggy, { clock, idempotent: true })).rejects.toBeInstanceOf(TypeError);
    expect(calls).toBe(1);
  });

  it('returns what fn returns when it is not a failed response', async () => {
    expect(await withRetry(() => 42)).toBe(42);
    const ok = new Response('{}', { status: 200 });
    expect(await withRetry(() => ok)).toBe(ok);
  });

  it('bounds its options', async () => {
    const { clock } = fakeClock();
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls++;
          throw new TypeError('fetch failed');
        },
        { clock, idempotent: true, maxAttempts: 1_000, baseDelayMs: 0 },
      ),
    ).rejects.toThrow('fetch failed');
    expect(calls).toBe(10);
  });
});

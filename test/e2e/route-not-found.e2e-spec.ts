import { type ArgumentsHost, Catch, type ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { ErrorMapper } from 'nestjs-api-errors';
import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(ADAPTERS)('unknown routes (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with());
  });
  afterAll(() => t.close());

  it("answers the seed's example with the real method and URL", async () => {
    const res = await send(t.url, { method: 'DELETE', path: '/api/v2/product/123' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toStrictEqual({
      meta: {
        code: 10,
        message: 'Not Supported',
        description: 'method: DELETE, url: /api/v2/product/123',
      },
    });
  });

  it.each(['GET', 'POST', 'PUT', 'PATCH', 'OPTIONS'])('names the method %s', async (method) => {
    const res = await send(t.url, { method, path: '/nowhere' });
    expect(res.status).toBe(404);
    expect(res.json().meta.description).toBe(`method: ${method}, url: /nowhere`);
  });

  it('answers an existing path with an unsupported method the same way', async () => {
    const res = await send(t.url, { method: 'DELETE', path: '/ok' });
    expect(res.status).toBe(404);
    expect(res.json().meta).toStrictEqual({
      code: 10,
      message: 'Not Supported',
      description: 'method: DELETE, url: /ok',
    });
  });

  it('leaves the query string, which may hold tokens, out of the description', async () => {
    const res = await send(t.url, { path: '/nowhere?access_token=s3cr3t&x=1' });
    expect(res.json().meta.description).toBe('method: GET, url: /nowhere');
    expect(res.text).not.toContain('s3cr3t');
  });

  it('caps a huge URL instead of echoing it whole', async () => {
    const path = `/${'a'.repeat(5000)}`;
    const res = await send(t.url, { path });
    expect(res.status).toBe(404);
    const description: string = res.json().meta.description;
    expect(description.startsWith('method: GET, url: /aaaa')).toBe(true);
    expect(description.length).toBeLessThan(260);
    expect(description.endsWith('…')).toBe(true);
  });

  it('tells a missing route apart from a handler that throws NotFoundException', async () => {
    const res = await send(t.url, { path: '/nest-errors/not-found' });
    expect(res.json().meta.description).toBe('Product 5 does not exist');
  });

  it('sends headers but no body for HEAD', async () => {
    const res = await send(t.url, { method: 'HEAD', path: '/nowhere' });
    expect(res.status).toBe(404);
    expect(res.text).toBe('');
  });
});

/** Whether an error's stack names any frame (`    at …`). */
const hasFrames = (error: unknown): boolean =>
  error instanceof Error && /\n\s+at /.test(error.stack ?? '');

describe.each(ADAPTERS)('stack traces of unknown routes (%s)', (adapter) => {
  /** What the filter's first mapper saw, and an error it created itself. */
  const seen: { exception: unknown; probe: Error }[] = [];
  const recorder: ErrorMapper = (exception) => {
    seen.push({ exception, probe: new Error('created while answering') });
    return undefined;
  };
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with({ mappers: [recorder] }));
  });
  afterAll(() => t.close());
  beforeEach(() => {
    seen.length = 0;
  });

  it("raises Nest's NotFoundException without one, and answers with capture on again", async () => {
    const limit = Error.stackTraceLimit;
    const res = await send(t.url, { path: '/nowhere' });
    expect(res.json().meta.code).toBe(10);
    expect(seen).toHaveLength(1);
    expect(seen[0].exception).toBeInstanceOf(NotFoundException);
    expect(hasFrames(seen[0].exception)).toBe(false);
    expect(hasFrames(seen[0].probe)).toBe(true);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it("keeps the stack of a handler's own NotFoundException", async () => {
    const res = await send(t.url, { path: '/nest-errors/not-found' });
    expect(res.status).toBe(404);
    expect(seen).toHaveLength(1);
    expect(hasFrames(seen[0].exception)).toBe(true);
  });
});

describe.each(ADAPTERS)('stack traces of unknown routes under a global prefix (%s)', (adapter) => {
  const seen: unknown[] = [];
  const recorder: ErrorMapper = (exception) => {
    seen.push(exception);
    return undefined;
  };
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with({ mappers: [recorder] }), {
      // Express mounts Nest's not-found handler once under the prefix and once per excluded route.
      configure: (app) => void app.setGlobalPrefix('api', { exclude: ['ok'] }),
    });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    seen.length = 0;
  });

  it.each([
    ['GET', '/api/nowhere'],
    ['DELETE', '/ok'],
  ])('raises the 404 of %s %s without one', async (method, path) => {
    const limit = Error.stackTraceLimit;
    const res = await send(t.url, { method, path });
    expect(res.status).toBe(404);
    expect(res.json().meta).toStrictEqual({
      code: 10,
      message: 'Not Supported',
      description: `method: ${method}, url: ${path}`,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(NotFoundException);
    expect(hasFrames(seen[0])).toBe(false);
    expect(Error.stackTraceLimit).toBe(limit);
  });
});

/** An application's own filter for 404s, as for a single-page app's fallback page. */
@Catch(NotFoundException)
class OwnNotFoundFilter implements ExceptionFilter {
  /** What it saw, and an error it created itself while answering. */
  readonly seen: { exception: unknown; probe: Error }[] = [];
  fail = false;

  catch(exception: NotFoundException, host: ArgumentsHost): void {
    this.seen.push({ exception, probe: new Error('created by the application') });
    if (this.fail) throw new Error('the fallback page is missing');
    const response = host.switchToHttp().getResponse();
    if (typeof response.code === 'function') response.code(404).send({ page: 'fallback' });
    else response.status(404).json({ page: 'fallback' });
  }
}

describe.each(ADAPTERS)(
  "unknown routes answered by the application's own filter (%s)",
  (adapter) => {
    const own = new OwnNotFoundFilter();
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, CoreFixtureModule.with(), {
        // Registered after the module's filter, so Nest hands it the 404 first.
        configure: (app) => void app.useGlobalFilters(own),
      });
    });
    afterAll(() => t.close());
    beforeEach(() => {
      own.seen.length = 0;
      own.fail = false;
      t.logger.clear();
    });

    it('leaves stack capture on for everything the filter does', async () => {
      const limit = Error.stackTraceLimit;
      const res = await send(t.url, { path: '/nowhere' });
      expect(res.status).toBe(404);
      expect(res.json()).toStrictEqual({ page: 'fallback' });
      expect(own.seen).toHaveLength(1);
      expect(own.seen[0].exception).toBeInstanceOf(NotFoundException);
      expect(hasFrames(own.seen[0].probe)).toBe(true);
      expect(Error.stackTraceLimit).toBe(limit);
    });

    it('logs what the filter throws with its stack', async () => {
      own.fail = true;
      const res = await send(t.url, { path: '/nowhere' });
      expect(res.status).toBe(500);
      expect(res.json()).toStrictEqual({ meta: { code: 500, message: 'Unknown Error' } });
      const [entry, ...others] = t.logger.fromFilter('error');
      expect(others).toHaveLength(0);
      expect(entry).toContain('Error: the fallback page is missing');
      expect(entry).toMatch(/\n\s+at OwnNotFoundFilter\.catch /);
    });
  },
);

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumAvailable, inCi, launchChromium } from '../helpers/chromium.js';
import { ADAPTERS, type TestApp } from '../helpers/test-app.js';
import { startSample } from './start-sample.js';

const root = new URL('../../', import.meta.url).pathname;
const CLIENT_ENTRY = `${root}src/client/index.ts`;
/**
 * The client's budget, minified and gzipped: 3 KB, and 64 bytes for the
 * messages by which `isNetworkFailure` knows each platform's failed `fetch`.
 */
const SIZE_BUDGET_BYTES = 3 * 1024 + 64;

const browserBuild: BuildOptions = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
  alias: { 'nestjs-api-errors/client': CLIENT_ENTRY },
};

/** The README's browser example, as written there. */
function readmeExample(): string {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const marker = readme.indexOf('<!-- client example:');
  expect(marker, 'client example marker in README.md').toBeGreaterThan(-1);
  const start = readme.indexOf('```ts\n', marker) + '```ts\n'.length;
  return readme.slice(start, readme.indexOf('\n```', start));
}

describe('the client entry in a browser bundle', () => {
  it('bundles for the browser without Node shims, from the client and nothing server-side', async () => {
    const result = await build({
      ...browserBuild,
      entryPoints: [CLIENT_ENTRY],
      format: 'esm',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((input) => !input.startsWith('src/client/'))).toStrictEqual([]);
    const code = result.outputFiles![0].text;
    expect(code).not.toMatch(/\bnode:|\brequire\(|\bprocess\.|\bBuffer\b|reflect-metadata|@nestjs/);
    const gzipped = gzipSync(result.outputFiles![0].contents, { level: 9 }).byteLength;
    expect(gzipped, `${gzipped} bytes min+gzip`).toBeLessThan(SIZE_BUDGET_BYTES);
  });

  it('tree-shakes: parseApiError alone is a fraction of it', async () => {
    const result = await build({
      ...browserBuild,
      stdin: {
        contents: "export { parseApiError } from 'nestjs-api-errors/client';",
        resolveDir: root,
        loader: 'ts',
      },
      format: 'esm',
    });
    const code = result.outputFiles![0].text;
    expect(code).not.toContain('withRetry');
    expect(code).not.toContain('Please log in');
    expect(gzipSync(result.outputFiles![0].contents).byteLength).toBeLessThan(2 * 1024);
  });
});

if (!chromiumAvailable && !inCi) {
  console.warn(
    `Skipping the client's browser test: no Chromium at ${CHROMIUM_PATH} (install Debian's chromium, or set CHROMIUM_PATH). CI always runs it.`,
  );
}

describe.skipIf(!chromiumAvailable && !inCi)(
  'the client entry in headless Chromium, against the sample',
  () => {
    let browser: Browser;
    let clientScript: string;
    let exampleScript: string;
    beforeAll(async () => {
      browser = await launchChromium();
      const client = await build({
        ...browserBuild,
        entryPoints: [CLIENT_ENTRY],
        format: 'iife',
        globalName: 'ApiErrorsClient',
      });
      clientScript = client.outputFiles![0].text;
      const example = await build({
        ...browserBuild,
        stdin: { contents: readmeExample(), resolveDir: root, loader: 'ts', sourcefile: 'api.ts' },
        format: 'iife',
        globalName: 'App',
        define: { 'process.env.NODE_ENV': '"development"' },
      });
      exampleScript = example.outputFiles![0].text;
    });
    afterAll(() => browser?.close());

    describe.each(ADAPTERS)('(%s)', (adapter) => {
      let t: TestApp;
      let stop: () => Promise<void>;
      let page: Page;
      const consoleErrors: string[] = [];
      beforeAll(async () => {
        ({ t, stop } = await startSample(adapter));
        page = await browser.newPage();
        page.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(message.text());
        });
        // The page is served from the sample's own origin, so the requests are same-origin.
        await page.route(`${t.url}/app`, (route) =>
          route.fulfill({
            contentType: 'text/html',
            body: `<!doctype html><title>shop</title><script>${clientScript}</script><script>${exampleScript}</script>`,
          }),
        );
        await page.route(`${t.url}/login`, (route) =>
          route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>log in</title>' }),
        );
        await page.goto(`${t.url}/app`);
      });
      afterAll(async () => {
        await page.close();
        await stop();
      });

      it('parses a real error response', async () => {
        const parsed = await page.evaluate(async () => {
          const { parseApiError, ApiError } = (window as any).ApiErrorsClient;
          const response = await fetch('/api/v2/products/42');
          const requestId = response.headers.get('x-request-id');
          const error = await parseApiError(response);
          return {
            isError: error instanceof Error && error instanceof ApiError,
            frozen: Object.isFrozen(error),
            status: error.status,
            code: error.code,
            message: error.message,
            description: error.description,
            format: error.format,
            sameRequestId: error.requestId === requestId && requestId !== null,
          };
        });
        expect(parsed).toStrictEqual({
          isError: true,
          frozen: true,
          status: 404,
          code: 31,
          message: 'Product Not Found',
          description: 'No product with id 42',
          format: 'meta',
          sameRequestId: true,
        });
      });

      it("runs the README's example: retries a 503, shows friendly messages, logs in development", async () => {
        const result = await page.evaluate(async () => {
          const app = (window as any).App;
          const login = await fetch('/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'alice@example.com', password: 'correct-horse' }),
          });
          localStorage.setItem('authToken', (await login.json()).token);
          const started = Date.now();
          const status = await app.api(`/api/v2/demo/flaky-status?key=browser-${Date.now()}`);
          const waited = Date.now() - started;
          const me = await app.api('/api/v2/me');
          let message = '';
          try {
            await app.api('/api/v2/cart/items', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ product_id: 1, quantity: 5 }),
            });
          } catch (error) {
            message = app.messageFor(error);
          }
          return { status, waited, email: me.email, message };
        });
        expect(result.status).toStrictEqual({ status: 'ok', calls: 3 });
        expect(result.waited).toBeGreaterThanOrEqual(2000);
        expect(result.email).toBe('alice@example.com');
        expect(result.message).toBe('Only 3 left of Green Tea');
        expect(consoleErrors.some((line) => line.startsWith('API Error:'))).toBe(true);
      });

      it("runs the README's example: a POST is not resent after a lost connection or a 500, a GET is", async () => {
        const orders = `${t.url}/api/v2/test-orders/`;
        const calls: Record<string, number> = {};
        // The first call of each method and path is lost (Chromium's own network failure) or
        // answered 500; the second succeeds.
        await page.route(`${orders}*`, (route) => {
          const request = route.request();
          const key = `${request.method()} ${new URL(request.url()).pathname}`;
          const call = (calls[key] = (calls[key] ?? 0) + 1);
          if (call > 1) return route.fulfill({ json: { ok: true } });
          if (key.endsWith('/lost')) return route.abort('connectionreset');
          return route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: '{"meta":{"code":500,"message":"Unknown Error"}}',
          });
        });
        try {
          const result = await page.evaluate(async () => {
            const app = (window as any).App;
            const outcome = (pending: Promise<unknown>) =>
              pending.then(
                (body) => body,
                (error: any) =>
                  error.name === 'ApiError' ? `ApiError ${error.status}` : String(error),
              );
            const post = { method: 'POST', body: '{}' };
            return {
              postLost: await outcome(app.api('/api/v2/test-orders/lost', post)),
              postFailed: await outcome(app.api('/api/v2/test-orders/failed', post)),
              getLost: await outcome(app.api('/api/v2/test-orders/lost')),
              getFailed: await outcome(app.api('/api/v2/test-orders/failed')),
            };
          });
          expect(result).toStrictEqual({
            postLost: 'TypeError: Failed to fetch',
            postFailed: 'ApiError 500',
            getLost: { ok: true },
            getFailed: { ok: true },
          });
          expect(calls).toStrictEqual({
            'POST /api/v2/test-orders/lost': 1,
            'POST /api/v2/test-orders/failed': 1,
            'GET /api/v2/test-orders/lost': 2,
            'GET /api/v2/test-orders/failed': 2,
          });
        } finally {
          await page.unroute(`${orders}*`);
        }
      });

      it("runs the README's global 99 handler: clears the token and goes to the login page", async () => {
        await page.evaluate(() => {
          localStorage.setItem('authToken', 'a-session-that-ended');
          void (window as any).App.api('/api/v2/me').catch(() => undefined);
        });
        await page.waitForURL(`${t.url}/login`);
        expect(await page.evaluate(() => localStorage.getItem('authToken'))).toBeNull();
        await page.goto(`${t.url}/app`);
      });
    });
  },
);

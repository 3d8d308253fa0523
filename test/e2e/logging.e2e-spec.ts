import { ErrorsModule, type ErrorFormat, type ErrorsModuleOptions } from 'nestjs-api-errors';
import { EdgesController } from '../fixtures/edges/edges.controller.js';
import { ErrorsController } from '../fixtures/core/errors.controller.js';
import { FailingService } from '../fixtures/core/failing-layers.js';
import type { CapturedLogger } from '../helpers/captured-logger.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

/** The documented bound of one log entry: message and trace together. */
const MAX_ENTRY = 16 * 1024;

const app = (options: ErrorsModuleOptions) => ({
  imports: [ErrorsModule.forRoot(options)],
  controllers: [ErrorsController, EdgesController],
  providers: [FailingService],
});

/** Every entry the filter wrote, with its size. */
function entriesOf(logger: CapturedLogger) {
  return logger.entries
    .filter((entry) => entry.params.includes('ApiExceptionFilter'))
    .map((entry) => ({
      level: entry.level,
      text: [entry.message, ...entry.params].map(String).join('\n'),
    }));
}

describe.each(ADAPTERS)('the log says what was sent (%s)', (adapter) => {
  describe('one entry per server error, whatever was thrown', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, app({ production: true }));
    });
    afterAll(() => t.close());
    beforeEach(() => t.logger.clear());

    it.each([
      ['an object nested 20,000 deep', '/edges/deep-thrown', 'Non-Error thrown'],
      ['an Error whose cause is nested 20,000 deep', '/edges/deep-cause', 'query failed'],
      ['an Error with a 1 MB message', '/edges/huge-message', 'Error: xxx'],
      ['a Proxy whose getters throw', '/edges/proxy', 'a value that cannot be read'],
      ['an Error caused by such a Proxy', '/edges/proxy-cause', 'wrapped'],
    ])('%s: 500, and exactly one bounded error entry', async (_name, path, trace) => {
      const res = await send(t.url, { path });
      expect(res.status).toBe(500);
      expect(res.json()).toStrictEqual({ meta: { code: 500, message: 'Unknown Error' } });
      const entries = entriesOf(t.logger);
      expect(entries).toHaveLength(1);
      expect(entries[0].level).toBe('error');
      expect(entries[0].text).toContain(`GET ${path} -> 500 (code 500) [request `);
      expect(entries[0].text).toContain(trace);
      expect(entries[0].text.length).toBeLessThanOrEqual(MAX_ENTRY + 2);
    });
  });

  describe('structured descriptions JSON cannot hold', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, app({ production: false }));
    });
    afterAll(() => t.close());

    it('a circular description keeps its own status, the cycle marked', async () => {
      const res = await send(t.url, { path: '/edges/circular' });
      expect(res.status).toBe(409);
      expect(res.json().meta).toStrictEqual({
        code: 62,
        message: 'Stock Conflict',
        description: { sku: 'A-1', self: '[Circular]' },
      });
    });

    it('a BigInt in a description is sent as a string, with its own status', async () => {
      const res = await send(t.url, { path: '/edges/bigint' });
      expect(res.status).toBe(409);
      expect(res.json().meta.description).toStrictEqual({ left: '3' });
    });

    it('a description nested 20,000 deep is cut, not a crash', async () => {
      const res = await send(t.url, { path: '/edges/deep-description' });
      expect(res.status).toBe(409);
      expect(res.text.length).toBeLessThan(1000);
      expect(res.text).toContain('[Object]');
    });
  });

  describe('a format that answers another status than the catalog entry', () => {
    /** Answers 422 for every client error, and 503 for "Unknown Error". */
    const shifted: ErrorFormat = {
      name: 'shifted',
      contentType: 'application/json',
      render: (report) => ({
        status: report.definition.status < 500 ? 422 : 503,
        body: { title: report.definition.title, detail: report.description ?? null },
      }),
    };
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(
        adapter,
        app({ format: shifted, production: true, logClientErrors: true }),
      );
    });
    afterAll(() => t.close());
    beforeEach(() => t.logger.clear());

    it('logs the status sent, not the catalog status', async () => {
      const res = await send(t.url, { path: '/app-errors/invalid-parameter' });
      expect(res.status).toBe(422);
      const [entry] = entriesOf(t.logger);
      expect(entry.level).toBe('warn');
      expect(entry.text).toContain('GET /app-errors/invalid-parameter -> 422 (code 88)');
    });

    it('redacts by the status sent: a client error sent as 5xx says nothing more in production', async () => {
      const shiftedToServerError: ErrorFormat = {
        ...shifted,
        render: (report) => ({ status: 502, body: { detail: report.description ?? null } }),
      };
      const t2 = await createTestApp(
        adapter,
        app({ format: shiftedToServerError, production: true }),
      );
      const res = await send(t2.url, { path: '/app-errors/invalid-parameter' });
      const logged = entriesOf(t2.logger);
      await t2.close();
      expect(res.status).toBe(502);
      expect(res.json()).toStrictEqual({ detail: null });
      // The log keeps what the client was not shown, and says it was a server error.
      expect(logged).toHaveLength(1);
      expect(logged[0].level).toBe('error');
      expect(logged[0].text).toContain('-> 502 (code 88)');
      expect(logged[0].text).toContain('quantity must be a positive integer');
    });
  });

  describe('a step of the filter that fails', () => {
    const broken: ErrorFormat = {
      name: 'broken',
      contentType: 'application/json',
      render: () => {
        throw new Error('format bug');
      },
    };
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, app({ format: broken }));
    });
    afterAll(() => t.close());
    beforeEach(() => t.logger.clear());

    it('is told in the error entry of the request, not in a second one', async () => {
      const res = await send(t.url, { path: '/app-errors/invalid-parameter' });
      expect(res.status).toBe(500);
      const entries = entriesOf(t.logger);
      expect(entries).toHaveLength(1);
      expect(entries[0].text).toContain('GET /app-errors/invalid-parameter -> 500');
      expect(entries[0].text).toContain('While answering: Error: format bug');
    });
  });
});

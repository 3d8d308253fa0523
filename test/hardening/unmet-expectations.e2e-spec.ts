import type { Server } from 'node:http';
import { ErrorsModule } from 'nestjs-api-errors';
import { EdgesController } from '../fixtures/edges/edges.controller.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp, type TestAppOptions } from '../helpers/test-app.js';
import type { ErrorsModuleOptions } from 'nestjs-api-errors';

const SENTENCE = 'Request has an Expect header the server cannot meet';

/**
 * Node answers a request whose `Expect` header is not `100-continue` itself,
 * before any framework sees it, with an empty 417.
 */
function start(
  adapter: (typeof ADAPTERS)[number],
  options: ErrorsModuleOptions,
  appOptions: TestAppOptions = {},
): Promise<TestApp> {
  return createTestApp(
    adapter,
    { imports: [ErrorsModule.forRoot(options)], controllers: [EdgesController] },
    appOptions,
  );
}

const unmet = (t: TestApp, headers: Record<string, string> = {}) =>
  send(t.url, {
    method: 'POST',
    path: '/edges/body',
    headers: { expect: 'x-<script>', 'content-type': 'application/json', ...headers },
    body: '{}',
  });

describe.each(ADAPTERS)('an Expect header the server cannot meet (%s)', (adapter) => {
  it.each([
    ['meta', { meta: { code: 417, message: 'Expectation Failed', description: SENTENCE } }],
    ['error', { error: { code: 417, message: SENTENCE } }],
    ['error_code', { error_code: 0, error_message: SENTENCE, details: null }],
  ] as const)('answers 417 with the %s envelope', async (format, body) => {
    const t = await start(adapter, { format });
    const res = await unmet(t);
    await t.close();
    expect(res.status).toBe(417);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toStrictEqual(body);
    expect(res.text).not.toContain('<script');
  });

  it.each(['flat', 'problem'] as const)(
    'answers 417 in %s, the sane id it was sent in the header, the body and the log',
    async (format) => {
      const t = await start(adapter, { format, logClientErrors: true });
      const res = await unmet(t, { 'x-request-id': 'edge-417' });
      const logged = t.logger.fromFilter('warn');
      await t.close();
      expect(res.status).toBe(417);
      expect(res.headers['x-request-id']).toBe('edge-417');
      expect(res.json().request_id).toBe('edge-417');
      expect(res.json()).toMatchObject(
        format === 'flat'
          ? { code: 'EXPECTATION_FAILED', message: `Expectation Failed: ${SENTENCE}` }
          : { status: 417, title: 'Expectation Failed', detail: SENTENCE, instance: '/edges/body' },
      );
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain('POST /edges/body -> 417 (code 417) [request edge-417]');
    },
  );

  it('still lets Expect: 100-continue through', async () => {
    const t = await start(adapter, {});
    const res = await unmet(t, { expect: '100-continue' });
    await t.close();
    expect(res.status).toBe(201);
  });

  it("leaves the answer to the app's own checkExpectation listener", async () => {
    const t = await start(
      adapter,
      {},
      {
        configure: (app) => {
          (app.getHttpServer() as Server).on('checkExpectation', (_request, response) => {
            response.writeHead(418).end('mine');
          });
        },
      },
    );
    const res = await unmet(t);
    await t.close();
    expect(res.status).toBe(418);
    expect(res.text).toBe('mine');
  });

  it("leaves Node's own answer with handleClientErrors: false", async () => {
    const t = await start(adapter, { handleClientErrors: false });
    const res = await unmet(t);
    await t.close();
    expect(res.status).toBe(417);
    expect(res.text).toBe('');
  });
});

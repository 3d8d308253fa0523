import { Injectable } from '@nestjs/common';
import { ApiExceptionFilter, ErrorsModule, type ErrorsModuleOptions } from 'nestjs-api-errors';
import { EdgesController } from '../fixtures/edges/edges.controller.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp, type TestAppOptions } from '../helpers/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const HOSTILE = ['<script>alert(1)</script>', 'a b', 'x'.repeat(129), 'é', ''];

function start(
  adapter: (typeof ADAPTERS)[number],
  options: ErrorsModuleOptions,
  appOptions: TestAppOptions = {},
): Promise<TestApp> {
  return createTestApp(
    adapter,
    {
      imports: [ErrorsModule.forRoot({ format: 'flat', ...options })],
      controllers: [EdgesController],
    },
    appOptions,
  );
}

/** The id of one failing request, as the header, the body and the log each tell it. */
async function idsOf(t: TestApp, headers: Record<string, string> = {}) {
  t.logger.clear();
  const res = await send(t.url, { path: '/edges/crash', headers });
  const logged = /\[request ([^\]]*)\]/.exec(t.logger.fromFilter('error').join('\n'))?.[1];
  return { header: res.headers['x-request-id'], body: res.json().request_id, logged };
}

function expectOne(
  ids: { header: unknown; body: unknown; logged: unknown },
  expected: RegExp | string,
) {
  expect(ids.header).toEqual(
    typeof expected === 'string' ? expected : expect.stringMatching(expected),
  );
  expect(ids.body).toBe(ids.header);
  expect(ids.logged).toBe(ids.header);
}

describe.each(ADAPTERS)('where a request id comes from (%s)', (adapter) => {
  describe('by default', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await start(adapter, {});
    });
    afterAll(() => t.close());

    it('takes a sane id header first, even next to a traceparent', async () => {
      expectOne(await idsOf(t, { 'x-request-id': 'edge-42', traceparent: TRACEPARENT }), 'edge-42');
    });

    it.each(HOSTILE)('ignores a hostile id header %j', async (hostile) => {
      expectOne(await idsOf(t, { 'x-request-id': hostile, traceparent: TRACEPARENT }), TRACE_ID);
    });

    it('takes the trace id of a valid W3C traceparent', async () => {
      expectOne(await idsOf(t, { traceparent: TRACEPARENT }), TRACE_ID);
    });

    it.each([
      ['an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
      ['version ff', `ff-${TRACE_ID}-00f067aa0ba902b7-01`],
      ['upper-case hex', `00-${TRACE_ID.toUpperCase()}-00f067aa0ba902b7-01`],
      ['a version 00 with extra fields', `${TRACEPARENT}-extra`],
      ['markup', `00-<script>${TRACE_ID.slice(8)}-00f067aa0ba902b7-01`],
      ['a huge value', `00-${TRACE_ID}-00f067aa0ba902b7-01-${'a'.repeat(5000)}`],
    ])('ignores a traceparent with %s, and makes a UUID', async (_name, traceparent) => {
      expectOne(await idsOf(t, { traceparent }), UUID);
    });

    it("does not use Fastify's default per-process counter", async () => {
      expectOne(await idsOf(t), UUID);
    });
  });

  describe('with the requestId option', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await start(adapter, {
        requestId: (request: { headers: Record<string, string | undefined> }) =>
          request.headers['x-amzn-trace-id'],
      });
    });
    afterAll(() => t.close());

    it("uses the app's lookup instead of the header and traceparent", async () => {
      const ids = await idsOf(t, {
        'x-amzn-trace-id': 'amzn-1-67891233',
        'x-request-id': 'edge-42',
        traceparent: TRACEPARENT,
      });
      expectOne(ids, 'amzn-1-67891233');
    });

    it('uses a sane id the lookup returns', async () => {
      expectOne(await idsOf(t, { 'x-amzn-trace-id': 'trace.1-67891233' }), 'trace.1-67891233');
    });

    it.each(HOSTILE)('replaces a hostile id %j the lookup returns with a UUID', async (hostile) => {
      expectOne(await idsOf(t, { 'x-amzn-trace-id': hostile }), UUID);
    });
  });

  describe('from a subclass of the filter', () => {
    @Injectable()
    class TenantIdFilter extends ApiExceptionFilter {
      protected override getRequestId(request: { headers: Record<string, string> }): string {
        return `tenant-${request.headers['x-tenant'] ?? 'none'}`;
      }
    }
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, {
        imports: [ErrorsModule.forRoot({ format: 'flat', filter: TenantIdFilter })],
        controllers: [EdgesController],
      });
    });
    afterAll(() => t.close());

    it('uses what the overridden getRequestId returns', async () => {
      expectOne(await idsOf(t, { 'x-tenant': 'acme' }), 'tenant-acme');
    });
  });
});

describe("Fastify's own request ids", () => {
  it('are used when the app configured genReqId', async () => {
    let n = 0;
    const t = await start('fastify', {}, { fastify: { genReqId: () => `gen-${++n}` } });
    const ids = await idsOf(t, { traceparent: TRACEPARENT });
    await t.close();
    expectOne(ids, /^gen-\d+$/);
  });

  it('come after a sane id header', async () => {
    const t = await start('fastify', {}, { fastify: { genReqId: () => 'gen-1' } });
    const ids = await idsOf(t, { 'x-request-id': 'edge-42' });
    await t.close();
    expectOne(ids, 'edge-42');
  });

  it.each(HOSTILE.filter((id) => id !== ''))(
    'are not used when genReqId makes a hostile one (%j)',
    async (hostile) => {
      const t = await start('fastify', {}, { fastify: { genReqId: () => hostile } });
      const ids = await idsOf(t, { traceparent: TRACEPARENT });
      await t.close();
      expectOne(ids, TRACE_ID);
    },
  );

  it('are used when Fastify takes them from its own requestIdHeader', async () => {
    const t = await start(
      'fastify',
      { requestIdHeader: 'X-Request-Id' },
      { fastify: { requestIdHeader: 'x-upstream-id' } },
    );
    const ids = await idsOf(t, { 'x-upstream-id': 'up-7' });
    await t.close();
    expectOne(ids, 'up-7');
  });
});

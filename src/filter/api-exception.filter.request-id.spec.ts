import { EventEmitter } from 'node:events';
import {
  captureLogsPerTest,
  type FakeAdapterOptions,
  fakeRequest,
  filterOn,
  httpHost,
  NodeResponse,
} from '../../test/helpers/fake-http.js';
import { ApiExceptionFilter, DatabaseError, type ErrorsModuleOptions } from '../index.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

/** The answer to a 500 for a request with these headers, in the flat format (an id in the body). */
function answerFor(
  headers: Record<string, string>,
  options: ErrorsModuleOptions = {},
  request = fakeRequest({ headers }),
  adapterOptions: FakeAdapterOptions = {},
  Filter: typeof ApiExceptionFilter = ApiExceptionFilter,
) {
  const { filter } = filterOn({ format: 'flat', ...options }, adapterOptions, Filter);
  // Fastify's instance is read once the server exists, as Nest starts it.
  filter.onApplicationBootstrap();
  const response = new NodeResponse();
  filter.catch(new DatabaseError('Connection timeout'), httpHost(request, response));
  const { headers: sent, body } = response.answer;
  return { sent, body: body as { request_id?: string } };
}

const logs = captureLogsPerTest();

describe('ApiExceptionFilter: request ids', () => {
  it('echoes a sane id the client sent, in the header, the body and the log line', () => {
    const { sent, body } = answerFor({ 'x-request-id': 'abc-123.XYZ:9_z' });
    expect(sent['x-request-id']).toBe('abc-123.XYZ:9_z');
    expect(body.request_id).toBe('abc-123.XYZ:9_z');
    expect(logs.fromFilter('error')[0]).toContain('[request abc-123.XYZ:9_z]');
  });

  it.each([
    ['with a space', 'abc 123'],
    ['with a quote', 'abc"123'],
    ['with a line break', 'abc\n123'],
    ['empty', ''],
    ['of 129 characters', 'a'.repeat(129)],
    ['not ASCII', 'ïd'],
  ])('makes a new one instead of an id %s', (_name, id) => {
    const { sent, body } = answerFor({ 'x-request-id': id });
    expect(sent['x-request-id']).toMatch(UUID_V4);
    expect(body.request_id).toBe(sent['x-request-id']);
  });

  it('takes the trace id of a valid W3C traceparent', () => {
    const { sent } = answerFor({ traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` });
    expect(sent['x-request-id']).toBe(TRACE_ID);
    expect(
      answerFor({ traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` }).sent,
    ).toHaveProperty('x-request-id', expect.stringMatching(UUID_V4));
  });

  it('prefers the id header over traceparent', () => {
    const { sent } = answerFor({
      'x-request-id': 'from-header',
      traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
    });
    expect(sent['x-request-id']).toBe('from-header');
  });

  it('makes a different UUID for each error without one', () => {
    const ids = new Set(Array.from({ length: 50 }, () => answerFor({}).sent['x-request-id']));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('reads and writes the header the requestIdHeader option names', () => {
    const { sent, body } = answerFor(
      { 'x-correlation-id': 'corr-1', 'x-request-id': 'not-this-one' },
      { requestIdHeader: 'X-Correlation-Id' },
    );
    expect(sent['x-correlation-id']).toBe('corr-1');
    expect(sent).not.toHaveProperty('x-request-id');
    expect(body.request_id).toBe('corr-1');
  });

  it('sends no id anywhere with requestIdHeader: false', () => {
    const { sent, body } = answerFor({ 'x-request-id': 'abc' }, { requestIdHeader: false });
    expect(Object.keys(sent).sort()).toStrictEqual(['content-type']);
    expect(body).not.toHaveProperty('request_id');
    expect(logs.fromFilter('error')[0]).not.toContain('[request');
  });

  it("uses the requestId option's lookup when its answer is sane, a UUID otherwise", () => {
    const requestId = (request: { session?: string }) => request.session;
    const sane = answerFor({}, { requestId }, fakeRequest({ session: 'sess-9' }));
    expect(sane.sent['x-request-id']).toBe('sess-9');
    const insane = answerFor({}, { requestId }, fakeRequest({ session: 'a b' }));
    expect(insane.sent['x-request-id']).toMatch(UUID_V4);
    // The lookup replaces the header.
    const request = fakeRequest({ session: 's', headers: { 'x-request-id': 'sent' } });
    expect(answerFor({}, { requestId }, request).sent['x-request-id']).toBe('s');
  });

  it('uses what a subclass overriding getRequestId finds', () => {
    class TenantIds extends ApiExceptionFilter {
      protected override getRequestId(request: unknown): string {
        return `tenant-${(request as { tenant: string }).tenant}`;
      }
    }
    const { sent, body } = answerFor({}, {}, fakeRequest({ tenant: 'acme' }), {}, TenantIds);
    expect(sent['x-request-id']).toBe('tenant-acme');
    expect(body.request_id).toBe('tenant-acme');
  });

  describe("on Fastify, the framework's request.id", () => {
    const fastify = (genReqId: () => string): FakeAdapterOptions => ({
      instance: { decorate: () => undefined, genReqId },
      server: new EventEmitter(),
    });

    it('when the app configured how ids are made', () => {
      const request = fakeRequest({ id: 'fastify-42' });
      const { sent } = answerFor(
        {},
        {},
        request,
        fastify(() => 'x'),
      );
      expect(sent['x-request-id']).toBe('fastify-42');
    });

    it("not Fastify's default per-process counter", () => {
      const request = fakeRequest({ id: 'req-1' });
      const { sent } = answerFor(
        {},
        {},
        request,
        fastify(function defaultGenReqId() {
          return 'req-1';
        }),
      );
      expect(sent['x-request-id']).toMatch(UUID_V4);
    });

    it('after an id the client sent', () => {
      const request = fakeRequest({ id: 'fastify-42', headers: { 'x-request-id': 'client-1' } });
      const { sent } = answerFor(
        {},
        {},
        request,
        fastify(() => 'x'),
      );
      expect(sent['x-request-id']).toBe('client-1');
    });
  });
});

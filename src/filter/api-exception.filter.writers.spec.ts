import {
  captureLogsPerTest,
  FastifyReply,
  fakeRequest,
  filterOn,
  httpHost,
  NodeResponse,
} from '../../test/helpers/fake-http.js';
import {
  DatabaseError,
  type ErrorFormat,
  type ErrorsModuleOptions,
  UserNotExistsError,
} from '../index.js';

const USER_NOT_EXISTS = {
  meta: { code: 21, message: 'User Not Exists', description: 'No account found with this email' },
};
const thrown = () => new UserNotExistsError('No account found with this email');
const ID = { 'x-request-id': 'req-7' };

/** A format of an application's own, with a header of its own. */
const plain: ErrorFormat = {
  name: 'plain',
  contentType: 'application/vnd.shop.error+json',
  render: (report, context) => ({
    status: report.definition.status,
    headers: { 'Cache-Control': 'no-store' },
    body: { error: report.definition.title, id: context.requestId },
  }),
};

function send(response: unknown, options: ErrorsModuleOptions = {}, headersSent = false) {
  const { filter, calls } = filterOn(options, { headersSent });
  filter.catch(thrown(), httpHost(fakeRequest({ headers: ID }), response));
  return calls;
}

const logs = captureLogsPerTest();

describe("ApiExceptionFilter: writing to Node's response (Express)", () => {
  it('sets the status and headers and ends with the JSON body, once', () => {
    const response = new NodeResponse();
    const calls = send(response);
    expect(response.answer).toStrictEqual({
      status: 404,
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req-7' },
      body: USER_NOT_EXISTS,
    });
    expect(response.ended).toStrictEqual([JSON.stringify(USER_NOT_EXISTS)]);
    // Written directly: nothing goes through the adapter.
    expect(calls.filter(([name]) => name !== 'getHeader')).toStrictEqual([]);
  });

  it("writes a format's own content type and headers", () => {
    const response = new NodeResponse();
    send(response, { format: plain });
    expect(response.answer).toStrictEqual({
      status: 404,
      headers: {
        'content-type': 'application/vnd.shop.error+json',
        'x-request-id': 'req-7',
        'cache-control': 'no-store',
      },
      body: { error: 'User Not Exists', id: 'req-7' },
    });
  });

  it('writes nothing on a response that has started, only ends it, and logs why', () => {
    const response = new NodeResponse('started');
    send(response);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toStrictEqual({});
    expect(response.ended).toStrictEqual([undefined]);
    // A 4xx is logged here, since the client never heard of it.
    const [line] = logs.fromFilter('error');
    expect(line).toContain('GET /orders/7 -> 404 (code 21) [request req-7] not sent');
  });

  it('does not end a response twice', () => {
    const response = new NodeResponse('ended');
    send(response);
    expect(response.ended).toStrictEqual([]);
    expect(logs.fromFilter('error')).toHaveLength(1);
  });
});

describe("ApiExceptionFilter: writing to Fastify's reply", () => {
  it("hands a built-in format's body to Fastify to serialise, with Fastify's own JSON type", () => {
    const reply = new FastifyReply();
    send(reply);
    expect(reply.statusCode).toBe(404);
    expect(reply.payload).toStrictEqual(USER_NOT_EXISTS);
    // Fastify sets `application/json; charset=utf-8` itself for an object.
    expect(reply.headers).toStrictEqual({ 'x-request-id': 'req-7' });
  });

  it('replaces a content type a handler set before it failed', () => {
    const reply = new FastifyReply().header('Content-Type', 'text/html');
    send(reply);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.payload).toStrictEqual(USER_NOT_EXISTS);
  });

  it("sets the problem format's own content type", () => {
    const reply = new FastifyReply();
    send(reply, { format: 'problem' });
    expect(reply.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(reply.payload).toMatchObject({ type: 'urn:problem-type:user-not-exists', code: 21 });
  });

  it("serialises a format of the application's own itself, and sends the text", () => {
    const reply = new FastifyReply();
    send(reply, { format: plain });
    expect(reply.statusCode).toBe(404);
    expect(reply.payload).toBe('{"error":"User Not Exists","id":"req-7"}');
    expect(reply.headers).toStrictEqual({
      'content-type': 'application/vnd.shop.error+json',
      'x-request-id': 'req-7',
      'cache-control': 'no-store',
    });
  });

  it('writes nothing on a reply that has started, only ends it', () => {
    const reply = new FastifyReply('started');
    send(reply);
    expect(reply.sent).toBe(false);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers).toStrictEqual({});
    expect(reply.raw.endCalls).toBe(1);
    expect(logs.fromFilter('error')[0]).toContain('not sent: the response had already started');
  });
});

describe("ApiExceptionFilter: any other response, through Nest's HTTP adapter", () => {
  it('sets the headers and replies with the serialised body and the status', () => {
    const response = { kind: 'some other platform' };
    const calls = send(response, { format: plain });
    expect(calls.filter(([name]) => name !== 'getHeader')).toStrictEqual([
      ['isHeadersSent', response],
      ['setHeader', response, 'Content-Type', 'application/vnd.shop.error+json'],
      ['setHeader', response, 'x-request-id', 'req-7'],
      ['setHeader', response, 'Cache-Control', 'no-store'],
      ['reply', response, '{"error":"User Not Exists","id":"req-7"}', 404],
    ]);
  });

  it('only ends a response the adapter says has started', () => {
    const response = { kind: 'some other platform' };
    const calls = send(response, {}, true);
    expect(calls.filter(([name]) => name !== 'getHeader')).toStrictEqual([
      ['isHeadersSent', response],
      ['end', response],
    ]);
  });
});

describe('ApiExceptionFilter: the log', () => {
  it('writes one error line per 5xx, with the request line, code, id, description and stack', () => {
    const response = new NodeResponse();
    const { filter } = filterOn();
    const request = fakeRequest({ method: 'POST', url: '/orders?card=4111', headers: ID });
    filter.catch(new DatabaseError('Connection timeout'), httpHost(request, response));
    const lines = logs.fromFilter();
    expect(lines).toHaveLength(1);
    expect(logs.entries[0].level).toBe('error');
    expect(lines[0]).toMatch(
      /^POST \/orders -> 500 \(code 77\) \[request req-7\]: \{"details":"Connection timeout"\}\nDatabaseError: Database Rollback Error\n\s+at /,
    );
    expect(lines[0]).not.toContain('4111');
  });

  it("writes nothing for a 4xx unless logClientErrors; then one warn line: the error's class and description", () => {
    send(new NodeResponse());
    expect(logs.entries).toStrictEqual([]);
    send(new NodeResponse(), { logClientErrors: true });
    expect(logs.entries.map((entry) => entry.level)).toStrictEqual(['warn']);
    expect(logs.fromFilter('warn')[0]).toBe(
      'GET /orders/7 -> 404 (code 21) [request req-7]: UserNotExistsError: No account found with this email\nApiExceptionFilter',
    );
  });
});

import type { LoggerService } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import {
  captureLogs,
  captureLogsPerTest,
  FastifyReply,
  fakeRequest,
  filterOn,
  httpHost,
  NodeResponse,
} from '../../test/helpers/fake-http.js';
import {
  type ErrorFormat,
  type ErrorReport,
  type ErrorsModuleOptions,
  ERR_UNKNOWN,
  UserNotExistsError,
} from '../index.js';

const META_UNKNOWN = { meta: { code: 500, message: 'Unknown Error' } };
const ID = { 'x-request-id': 'req-7' };

/** A format whose answer for everything but the bare 500 is `broken`. */
function formatBrokenFor(broken: (report: ErrorReport) => unknown): ErrorFormat {
  return {
    name: 'fragile',
    contentType: 'application/vnd.fragile+json',
    render: (report) =>
      report.definition === ERR_UNKNOWN
        ? { status: 500, body: { error: 'unknown' } }
        : (broken(report) as ReturnType<ErrorFormat['render']>),
  };
}

function answerOn<T>(response: T, options: ErrorsModuleOptions) {
  const { filter, calls } = filterOn(options);
  filter.catch(
    new UserNotExistsError('No account found with this email'),
    httpHost(fakeRequest({ headers: ID }), response),
  );
  return { response, calls };
}

const logs = captureLogsPerTest();

describe('ApiExceptionFilter: a format that fails', () => {
  it('costs a bare 500 in that format, logged with what failed', () => {
    const format = formatBrokenFor(() => {
      throw new Error('format bug');
    });
    const { response } = answerOn(new NodeResponse(), { format });
    expect(response.answer).toStrictEqual({
      status: 500,
      headers: { 'content-type': 'application/vnd.fragile+json', 'x-request-id': 'req-7' },
      body: { error: 'unknown' },
    });
    const lines = logs.fromFilter('error');
    expect(lines).toHaveLength(1);
    // The report is lost with the format; the log keeps what was thrown and what failed.
    expect(lines[0]).toContain('GET /orders/7 -> 500 (code 500) [request req-7]');
    expect(lines[0]).toContain('UserNotExistsError: No account found with this email');
    expect(lines[0]).toContain('While answering: Error: format bug');
  });

  it('costs a bare 500 in meta when the format fails even for that', () => {
    const format: ErrorFormat = {
      name: 'broken',
      contentType: 'application/vnd.broken+json',
      render: () => {
        throw new Error('format bug');
      },
    };
    const { response } = answerOn(new NodeResponse(), { format });
    expect(response.answer).toStrictEqual({
      status: 500,
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req-7' },
      body: META_UNKNOWN,
    });
  });

  it("costs a bare 500 in meta when the format's bare 500 cannot be serialised", () => {
    const format: ErrorFormat = {
      name: 'bigint',
      contentType: 'application/vnd.bigint+json',
      render: () => ({ status: 500, body: { id: 10n } }),
    };
    const { response } = answerOn(new NodeResponse(), { format });
    expect(response.answer).toStrictEqual({
      status: 500,
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req-7' },
      body: META_UNKNOWN,
    });
    const { response: reply } = answerOn(new FastifyReply(), { format });
    expect(reply.statusCode).toBe(500);
    expect(reply.payload).toStrictEqual(META_UNKNOWN);
    // Nothing of the failed answers was written; Fastify types the JSON it serialises.
    expect(reply.headers).toStrictEqual({ 'x-request-id': 'req-7' });
  });
});

describe('ApiExceptionFilter: a body that cannot be serialised', () => {
  const cyclic = () => {
    const body: Record<string, unknown> = { error: 'cyclic' };
    body.self = body;
    return body;
  };

  it.each([
    ['a BigInt', () => ({ id: 10n })],
    ['a cycle', cyclic],
  ])('with %s, fails before anything is written, then sends the bare 500 (Node)', (_name, body) => {
    const format = formatBrokenFor(() => ({
      status: 409,
      headers: { 'x-first-answer': 'yes' },
      body: body(),
    }));
    const { response } = answerOn(new NodeResponse(), { format });
    expect(response.answer).toStrictEqual({
      status: 500,
      headers: { 'content-type': 'application/vnd.fragile+json', 'x-request-id': 'req-7' },
      body: { error: 'unknown' },
    });
    expect(logs.fromFilter('error')[0]).toContain('While answering: TypeError');
  });

  it.each([
    ['a BigInt', () => ({ id: 10n })],
    ['a cycle', cyclic],
  ])(
    'with %s, fails before anything is written, then sends the bare 500 (Fastify)',
    (_name, body) => {
      const format = formatBrokenFor(() => ({
        status: 409,
        headers: { 'x-first': 'yes' },
        body: body(),
      }));
      const { response: reply } = answerOn(new FastifyReply(), { format });
      expect(reply.statusCode).toBe(500);
      expect(reply.payload).toBe('{"error":"unknown"}');
      expect(reply.headers).not.toHaveProperty('x-first');
    },
  );

  it('with a header Node refuses, sends the bare 500 instead', () => {
    const format = formatBrokenFor((report) => ({
      status: report.definition.status,
      headers: { 'x-note': 'line\r\nSet-Cookie: session=stolen' },
      body: { error: 'not sent' },
    }));
    const { response } = answerOn(new NodeResponse(), { format });
    expect(response.answer.status).toBe(500);
    expect(response.answer.body).toStrictEqual({ error: 'unknown' });
    expect(response.headers).not.toHaveProperty('x-note');
  });

  it('ends the response when even the bare 500 cannot be written', () => {
    const format: ErrorFormat = {
      name: 'bad-header',
      contentType: 'application/json',
      render: () => ({ status: 500, headers: { 'x-note': 'a\nb' }, body: {} }),
    };
    const { calls } = answerOn(new NodeResponse(), { format });
    expect(calls.filter(([name]) => name === 'end')).toHaveLength(1);
    expect(logs.fromFilter('error')[0]).toContain('not sent');
  });
});

describe('ApiExceptionFilter: a logger that throws', () => {
  const throwing: LoggerService = {
    log: () => {
      throw new Error('log sink down');
    },
    error: () => {
      throw new Error('log sink down');
    },
    warn: () => {
      throw new Error('log sink down');
    },
  };

  it.each([
    ['a 5xx, always logged', new Error('boom'), {}, 500],
    ['a 4xx with logClientErrors', new UserNotExistsError('x'), { logClientErrors: true }, 404],
  ] as const)('does not turn %s into an unhandled error', (_name, thrown, options, status) => {
    captureLogs(throwing);
    const { filter } = filterOn(options);
    const response = new NodeResponse();
    expect(() => filter.catch(thrown, httpHost(fakeRequest(), response))).not.toThrow();
    expect(response.answer.status).toBe(status);
  });
});

describe('ApiExceptionFilter: requests Node refuses before Nest sees them', () => {
  function refusedSocket() {
    const written: string[] = [];
    return {
      written,
      socket: {
        destroyed: false,
        writable: true,
        writableEnded: false,
        bytesWritten: 0,
        end: (text: string) => written.push(text),
        destroy: () => written.push('(destroyed)'),
      },
    };
  }

  it('answers them on the socket with the envelope, once the server exists', () => {
    const server = new EventEmitter();
    filterOn({}, { server });
    const { socket, written } = refusedSocket();
    server.emit(
      'clientError',
      Object.assign(new Error('Header overflow'), { code: 'HPE_HEADER_OVERFLOW' }),
      socket,
    );
    expect(written).toHaveLength(1);
    const [head, body] = written[0].split('\r\n\r\n');
    expect(head.split('\r\n')).toStrictEqual([
      'HTTP/1.1 431 Request Header Fields Too Large',
      'Content-Type: application/json; charset=utf-8',
      expect.stringMatching(/^x-request-id: [0-9a-f-]{36}$/),
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ]);
    expect(JSON.parse(body)).toStrictEqual({
      meta: {
        code: 431,
        message: 'Request Header Fields Too Large',
        description: 'Request headers are larger than the server accepts',
      },
    });
  });

  it('leaves them to Node with handleClientErrors: false', () => {
    const server = new EventEmitter();
    filterOn({ handleClientErrors: false }, { server });
    expect(server.listenerCount('clientError')).toBe(0);
  });

  it('listens once, however often the app starts the filter', () => {
    const server = new EventEmitter();
    const { filter } = filterOn({}, { server });
    filter.onApplicationBootstrap();
    filter.onApplicationBootstrap();
    expect(server.listenerCount('clientError')).toBe(1);
  });
});

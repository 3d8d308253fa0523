import { BadRequestException, HttpException } from '@nestjs/common';
import { gunzipSync } from 'node:zlib';
import { asParserException, handParserErrorsAsCause } from './parser-error-handoff.js';

/** What body-parser passes to `next()`: the error with its status and `type` on it. */
const bodyParserError = (error: Error, status: number, type?: string) =>
  Object.assign(error, { status, statusCode: status, expose: true, type });

const zlibError = (): Error => {
  try {
    gunzipSync(Buffer.from('{"password":"hunter2"}'));
  } catch (error) {
    return bodyParserError(error as Error, 400);
  }
  throw new Error('gunzip accepted a plain body');
};

const fastifyError = (code: string, statusCode: number, message: string) =>
  Object.assign(new Error(message), { name: 'FastifyError', code, statusCode });

describe('asParserException', () => {
  it.each([
    [
      'a malformed JSON body (Express)',
      bodyParserError(
        new SyntaxError(`Unexpected token 'p', "password=hunter2" is not valid JSON`),
        400,
        'entity.parse.failed',
      ),
      400,
      'Request body is not valid JSON',
    ],
    [
      'a body over the limit (Express)',
      bodyParserError(new Error('request entity too large'), 413, 'entity.too.large'),
      413,
      'Request body is larger than the server accepts',
    ],
    [
      'a malformed JSON body (Fastify)',
      fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 400, 'Body is not valid JSON'),
      400,
      'Request body is not valid JSON',
    ],
    [
      'a body over the limit (Fastify)',
      fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413, 'Request body is too large'),
      413,
      'Request body is larger than the server accepts',
    ],
    ['a broken gzip body (Express)', zlibError(), 400, 'Request body could not be decompressed'],
    [
      'an undecodable path parameter (Express)',
      Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400 }),
      400,
      'Request URL has malformed percent-encoding',
    ],
  ])('hands %s on as the cause of an HttpException', (_name, error, status, message) => {
    const handed = asParserException(error);
    expect(handed).toBeInstanceOf(HttpException);
    expect((handed as HttpException).getStatus()).toBe(status);
    expect((handed as HttpException).message).toBe(message);
    expect((handed as HttpException).cause).toBe(error);
    // A client's mistake: no stack captured, the parser's own error keeps its.
    expect((handed as HttpException).stack).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['an HttpException', new BadRequestException('Bad quantity')],
    ['an Error', new Error('boom')],
    ['a SyntaxError of the server code, with no status', new SyntaxError('Unexpected token')],
    ['a parser error with a 5xx status', bodyParserError(new Error('x'), 500, 'entity.too.large')],
    ['an error whose code only looks like zlib', Object.assign(new Error('x'), { code: 'Z_X' })],
    ['a string', 'oops'],
    ['null', null],
    ['undefined', undefined],
  ])('leaves %s as it is', (_name, value) => {
    expect(asParserException(value)).toBe(value);
  });
});

describe('handParserErrorsAsCause', () => {
  class FakeAdapter {
    installed: ((...args: unknown[]) => unknown)[] = [];
    setErrorHandler(handler: (...args: unknown[]) => unknown, prefix?: string) {
      this.installed.push(handler);
      return prefix;
    }
  }

  const nestHandler = vi.fn(function (
    this: unknown,
    _error: unknown,
    _req: unknown,
    _res: unknown,
    _next: unknown,
  ) {
    return this;
  });
  beforeEach(() => nestHandler.mockClear());

  it('gives the handler Nest installs the parser error as a cause, keeping its four parameters', () => {
    const adapter = new FakeAdapter();
    handParserErrorsAsCause(adapter);
    expect(adapter.setErrorHandler(nestHandler, '/api')).toBe('/api');
    const [installed] = adapter.installed;
    // Express tells an error middleware from a plain one by its parameter count.
    expect(installed).toHaveLength(4);

    const error = bodyParserError(new SyntaxError('Unexpected token'), 400, 'entity.parse.failed');
    const self = {};
    expect(installed.call(self, error, 'req', 'res', 'next')).toBe(self);
    const [handed, req, res, next] = nestHandler.mock.calls[0];
    expect(handed).toBeInstanceOf(HttpException);
    expect((handed as HttpException).cause).toBe(error);
    expect([req, res, next]).toStrictEqual(['req', 'res', 'next']);
  });

  it('passes any other error to the handler unchanged', () => {
    const adapter = new FakeAdapter();
    handParserErrorsAsCause(adapter);
    adapter.setErrorHandler(nestHandler);
    const error = new Error('boom');
    adapter.installed[0](error, 'req', 'res', undefined);
    expect(nestHandler.mock.calls[0][0]).toBe(error);
  });

  it('wraps an adapter once, however many filters are created for it', () => {
    const adapter = new FakeAdapter();
    handParserErrorsAsCause(adapter);
    const wrapped = Object.getOwnPropertyDescriptor(adapter, 'setErrorHandler');
    handParserErrorsAsCause(adapter);
    expect(Object.getOwnPropertyDescriptor(adapter, 'setErrorHandler')).toStrictEqual(wrapped);
    adapter.setErrorHandler(nestHandler);
    adapter.installed[0](bodyParserError(new Error('x'), 413, 'entity.too.large'), 1, 2, 3);
    expect((nestHandler.mock.calls[0][0] as HttpException).cause).toBeInstanceOf(Error);
    expect(nestHandler).toHaveBeenCalledTimes(1);
  });

  it('ignores what is not an adapter with an error handler', () => {
    expect(() => handParserErrorsAsCause(undefined)).not.toThrow();
    expect(() => handParserErrorsAsCause({})).not.toThrow();
    expect(() => handParserErrorsAsCause('adapter')).not.toThrow();
  });
});

import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  captureLogsPerTest,
  fakeRequest,
  filterOn,
  httpHost,
  NodeResponse,
} from '../../test/helpers/fake-http.js';
import {
  AppError,
  createErrorFormat,
  createFlatFormat,
  DatabaseError,
  defineError,
  definitionForStatus,
  ERR_DATABASE_ROLLBACK,
  ERR_USER_NOT_EXISTS,
  type ErrorsModuleOptions,
  OK,
  UserNotExistsError,
} from '../index.js';

const SECRET = 'db password=hunter2 at /srv/app/orders.ts:12';
const ERR_OUT_OF_STOCK = defineError({ status: 409, code: 32, title: 'Out Of Stock' });
const ERR_ORDER_LOCKED = defineError({ status: 423, code: 41, title: 'Order Locked' });
const ERR_PERMISSION_DENIED = defineError({ status: 403, code: 43, title: 'Permission Denied' });

const meta = (code: number | string, message: string, description?: unknown) => ({
  meta: description === undefined ? { code, message } : { code, message, description },
});

/** The answer to one thrown value, as a client of an Express app would get it. */
function answerTo(exception: unknown, options: ErrorsModuleOptions = {}, request = fakeRequest()) {
  const { filter } = filterOn(options);
  const response = new NodeResponse();
  filter.catch(exception, httpHost(request, response));
  return response.answer;
}

const logs = captureLogsPerTest();

describe('ApiExceptionFilter: what was thrown', () => {
  const parserError = (type: string, status: number) =>
    Object.assign(new SyntaxError(`Unexpected token } in JSON at position 9: {"pw":"${SECRET}"}`), {
      type,
      status,
      statusCode: status,
    });
  const everyTrapThrows = new Proxy(
    {},
    {
      get: () => {
        throw new Error(SECRET);
      },
      getPrototypeOf: () => {
        throw new Error(SECRET);
      },
      has: () => {
        throw new Error(SECRET);
      },
      ownKeys: () => {
        throw new Error(SECRET);
      },
    },
  );

  it.each([
    [
      'a catalog exception',
      new UserNotExistsError('No account found with this email'),
      404,
      meta(21, 'User Not Exists', 'No account found with this email'),
    ],
    [
      "an application's own entry",
      new AppError(ERR_OUT_OF_STOCK, 'Only 3 left of Green Tea'),
      409,
      meta(32, 'Out Of Stock', 'Only 3 left of Green Tea'),
    ],
    [
      'an AppError with a success entry (a bug)',
      new AppError(OK, 'fine'),
      500,
      meta(500, 'Unknown Error'),
    ],
    [
      "Nest's NotFoundException thrown by a handler",
      new NotFoundException('Order 7 not found'),
      404,
      meta(10, 'Not Supported', 'Order 7 not found'),
    ],
    ['ForbiddenException without a message', new ForbiddenException(), 403, meta(403, 'Forbidden')],
    [
      'ConflictException',
      new ConflictException('Email taken'),
      409,
      meta(409, 'Conflict', 'Email taken'),
    ],
    [
      'an HttpException with an object response',
      new HttpException({ reason: 'locked' }, 423),
      423,
      meta(423, 'Locked'),
    ],
    [
      "Nest's ValidationPipe failure (a list of messages)",
      new BadRequestException(['quantity must not be less than 1', 'note is too long']),
      400,
      meta(88, 'Invalid Parameter', 'quantity must not be less than 1'),
    ],
    [
      'an HttpException of a non-error status',
      new HttpException('Moved', 302),
      500,
      meta(500, 'Unknown Error'),
    ],
    [
      "Nest's answer to a route that does not exist",
      new NotFoundException('Cannot GET /orders/7?token=s3cret'),
      404,
      meta(10, 'Not Supported', 'method: GET, url: /orders/7'),
    ],
    [
      'a body that is not JSON',
      new HttpException('Bad Request', 400, { cause: parserError('entity.parse.failed', 400) }),
      400,
      meta(88, 'Invalid Parameter', 'Request body is not valid JSON'),
    ],
    [
      'a body over the limit',
      new HttpException('Too large', 413, { cause: parserError('entity.too.large', 413) }),
      413,
      meta(413, 'Payload Too Large', 'Request body is larger than the server accepts'),
    ],
    [
      'an http-errors error that may be shown',
      Object.assign(new Error('too many fields'), { status: 413, statusCode: 413, expose: true }),
      413,
      meta(413, 'Payload Too Large', 'too many fields'),
    ],
    [
      "a Fastify error (its message is Fastify's, not the client's)",
      Object.assign(new Error(SECRET), {
        name: 'FastifyError',
        code: 'FST_ERR_CTP_EMPTY_JSON_BODY',
        statusCode: 400,
      }),
      400,
      meta(88, 'Invalid Parameter'),
    ],
    [
      'an HTTP client error carrying its upstream status',
      Object.assign(new Error(SECRET), { status: 404 }),
      500,
      meta(500, 'Unknown Error'),
    ],
    ['an Error', new Error(SECRET), 500, meta(500, 'Unknown Error')],
    ['a string', SECRET, 500, meta(500, 'Unknown Error')],
    ['null', null, 500, meta(500, 'Unknown Error')],
    ['undefined', undefined, 500, meta(500, 'Unknown Error')],
    ['a plain object', { message: SECRET, status: 400 }, 500, meta(500, 'Unknown Error')],
    ['a number', 42, 500, meta(500, 'Unknown Error')],
    ['a value whose every read throws', everyTrapThrows, 500, meta(500, 'Unknown Error')],
  ])('%s', (_name, thrown, status, body) => {
    const answer = answerTo(thrown);
    expect({ status: answer.status, body: answer.body }).toStrictEqual({ status, body });
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.stringify(answer)).not.toMatch(/hunter2|\/srv\/|s3cret/);
  });

  it('a DatabaseError, its secrets masked', () => {
    const answer = answerTo(
      new DatabaseError('Connection timeout', { user_id: 12345, password: 'hunter2' }),
    );
    expect(answer.status).toBe(500);
    expect(answer.body).toStrictEqual(
      meta(77, 'Database Rollback Error', {
        details: 'Connection timeout',
        params: '{"user_id":12345,"password":"[REDACTED]"}',
      }),
    );
  });

  it('a Nest 12 errorCode, by the errorCodes option', () => {
    const thrown = new ConflictException('Order 7 is locked', { errorCode: 'ORDER_LOCKED' });
    const answer = answerTo(thrown, { errorCodes: { ORDER_LOCKED: ERR_ORDER_LOCKED } });
    expect({ status: answer.status, body: answer.body }).toStrictEqual({
      status: 423,
      body: meta(41, 'Order Locked', 'Order 7 is locked'),
    });
  });

  it("a Nest exception's status, by the statusMap option", () => {
    const answer = answerTo(new ForbiddenException('Admins only'), {
      statusMap: { 403: ERR_PERMISSION_DENIED },
    });
    expect(answer.body).toStrictEqual(meta(43, 'Permission Denied', 'Admins only'));
  });

  it("the application's mappers, before the built-in ones", () => {
    const options: ErrorsModuleOptions = {
      mappers: [
        (error) => (error === 'teapot' ? { definition: definitionForStatus(418) } : undefined),
        (error) =>
          error instanceof UserNotExistsError
            ? { definition: ERR_USER_NOT_EXISTS, description: 'Mapped by the app' }
            : undefined,
      ],
    };
    expect(answerTo('teapot', options).body).toStrictEqual(meta(418, "I'm a Teapot"));
    expect(answerTo(new UserNotExistsError('own'), options).body).toStrictEqual(
      meta(21, 'User Not Exists', 'Mapped by the app'),
    );
  });

  it('a mapper that throws costs a bare 500, logged with what failed', () => {
    const answer = answerTo(new UserNotExistsError('x'), {
      mappers: [
        () => {
          throw new Error('mapper bug');
        },
      ],
    });
    expect({ status: answer.status, body: answer.body }).toStrictEqual({
      status: 500,
      body: meta(500, 'Unknown Error'),
    });
    const [line] = logs.fromFilter('error');
    expect(line).toContain('While answering: Error: mapper bug');
  });
});

describe('ApiExceptionFilter: production redaction, by the status sent', () => {
  const production = { production: true };

  it('sends no 5xx description in production; the log line keeps it, masked', () => {
    const thrown = new DatabaseError('Connection timeout', { password: 'hunter2', user_id: 5 });
    expect(answerTo(thrown, production).body).toStrictEqual(meta(77, 'Database Rollback Error'));
    const [line] = logs.fromFilter('error');
    expect(line).toContain('Connection timeout');
    expect(line).toContain('[REDACTED]');
    expect(line).not.toContain('hunter2');
  });

  it('drops the extra members of a 5xx in production too', () => {
    const thrown = new AppError(definitionForStatus(503), 'Index rebuilding', {
      extras: { shard: 'eu-3' },
    });
    expect(answerTo(thrown, production).body).toStrictEqual(meta(503, 'Service Unavailable'));
    expect(answerTo(thrown, { production: false }).body).toStrictEqual({
      meta: {
        code: 503,
        message: 'Service Unavailable',
        description: 'Index rebuilding',
        shard: 'eu-3',
      },
    });
  });

  it('keeps 4xx descriptions in production', () => {
    expect(answerTo(new UserNotExistsError('No account'), production).body).toStrictEqual(
      meta(21, 'User Not Exists', 'No account'),
    );
  });

  it('keeps 5xx descriptions with exposeServerErrorDetails', () => {
    const thrown = new DatabaseError('Connection timeout');
    expect(answerTo(thrown, { ...production, exposeServerErrorDetails: true }).body).toStrictEqual(
      meta(77, 'Database Rollback Error', { details: 'Connection timeout' }),
    );
  });

  it('keeps the details of a 5xx entry a format sends as a 4xx', () => {
    const format = createErrorFormat({
      entries: new Map([[ERR_DATABASE_ROLLBACK, { status: 409, code: 409 }]]),
    });
    const answer = answerTo(new DatabaseError('Duplicate key'), { ...production, format });
    expect({ status: answer.status, body: answer.body }).toStrictEqual({
      status: 409,
      body: {
        error: {
          code: 409,
          message: 'Database Rollback Error',
          details: { details: 'Duplicate key' },
        },
      },
    });
  });

  it('hides the description of a 4xx entry a format sends as a 5xx, and settles its wait', () => {
    const format = createFlatFormat({
      entries: new Map([[ERR_USER_NOT_EXISTS, { status: 503, code: 'DIRECTORY_DOWN' }]]),
    });
    const answer = answerTo(new UserNotExistsError('Directory at ldap://10.0.0.7 timed out'), {
      ...production,
      format,
    });
    expect(answer.status).toBe(503);
    expect(answer.body).toStrictEqual({
      code: 'DIRECTORY_DOWN',
      message: 'User Not Exists',
      request_id: answer.headers['x-request-id'],
    });
    expect(answer.headers['retry-after']).toBe('60');
  });
});

describe('ApiExceptionFilter: Retry-After on 429 and 503', () => {
  const tooMany = () => new HttpException('Too Many Requests', 429);
  const answerWith = (thrown: unknown, header: unknown, options: ErrorsModuleOptions = {}) => {
    const { filter } = filterOn(options, { retryAfterOnResponse: header });
    const response = new NodeResponse();
    filter.catch(thrown, httpHost(fakeRequest(), response));
    return response.answer;
  };

  it.each([
    ["the error's own wait, rounded up to whole seconds", 1.5, undefined, '2'],
    ["the error's own wait over a header on the response", 2, '7', '2'],
    ['a wait of nothing', 0, undefined, '0'],
  ])('%s', (_name, retryAfter, header, sent) => {
    const thrown = new AppError(definitionForStatus(429), 'Slow down', { retryAfter });
    expect(answerWith(thrown, header).headers['retry-after']).toBe(sent);
  });

  it.each([
    ['a string (Express)', '7', '7'],
    ['a number (Fastify)', 7, '7'],
    ['a fractional one', '2.5', '3'],
    ['not a number', 'soon', '60'],
    ['empty', '', '60'],
    ['negative', '-5', '60'],
    ['absent', undefined, '60'],
  ])('a Retry-After header already on the response: %s', (_name, header, sent) => {
    expect(answerWith(tooMany(), header).headers['retry-after']).toBe(sent);
  });

  it('the configured default when nothing says', () => {
    const answer = answerWith(tooMany(), undefined, { defaultRetryAfterSeconds: 30 });
    expect(answer.headers['retry-after']).toBe('30');
    expect(answerWith(new ServiceUnavailableException(), undefined).headers['retry-after']).toBe(
      '60',
    );
  });

  it("the exact wait in the error format's retry_after", () => {
    const thrown = new AppError(definitionForStatus(429), undefined, { retryAfter: 1.5 });
    const answer = answerWith(thrown, undefined, { format: 'error' });
    expect(answer.body).toStrictEqual({
      error: { code: 429, message: 'Rate limited', retry_after: 1.5 },
    });
    expect(answer.headers['retry-after']).toBe('2');
  });

  it('no Retry-After on other statuses, whatever the error says', () => {
    const thrown = new AppError(ERR_OUT_OF_STOCK, 'Only 3 left', { retryAfter: 5 });
    expect(answerWith(thrown, '7').headers).not.toHaveProperty('retry-after');
  });

  it('a wait settled for a status a format answers 429 with', () => {
    const format = createFlatFormat({
      reasons: { cart_busy: { status: 429, code: 'CART_BUSY' } },
    });
    const thrown = new AppError(ERR_OUT_OF_STOCK, 'Cart is busy', { reason: 'cart_busy' });
    expect(answerWith(thrown, '5', { format }).headers['retry-after']).toBe('5');
    expect(answerWith(thrown, undefined, { format }).headers['retry-after']).toBe('60');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a default of %d seconds at start-up',
    (seconds) => {
      expect(() => filterOn({ defaultRetryAfterSeconds: seconds })).toThrow(
        'defaultRetryAfterSeconds must be a number of seconds',
      );
    },
  );
});

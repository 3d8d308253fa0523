import { Controller, Get, type LoggerService, Post } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { ErrorsModule, type ErrorFormat, type ErrorMapper } from 'nestjs-api-errors';
import { ErrorsController } from '../fixtures/core/errors.controller.js';
import { FailingService } from '../fixtures/core/failing-layers.js';
import { globalGuardApp } from '../fixtures/auth/auth-fixture.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const UNKNOWN = '{"meta":{"code":500,"message":"Unknown Error"}}';

@Controller('slow')
class SlowController {
  /** Fails after the client may have gone. */
  @Get()
  async slow(): Promise<never> {
    await new Promise((resolve) => setTimeout(resolve, 60));
    throw new Error('failed after the client left');
  }

  @Post()
  upload(): { ok: true } {
    return { ok: true };
  }
}

const routes = { controllers: [ErrorsController, SlowController], providers: [FailingService] };

const brokenFormat: ErrorFormat = {
  name: 'broken',
  contentType: 'application/json',
  render: () => {
    throw new Error('format bug');
  },
};

/** Breaks only on client errors, so the fallback must use the format itself for the 500. */
const brokenOnClientErrors: ErrorFormat = {
  name: 'half-broken',
  contentType: 'application/json; charset=utf-8',
  render: (report, context) => {
    if (report.definition.status < 500) throw new Error('format bug');
    return { status: report.definition.status, body: { failed: true, id: context.requestId } };
  },
};

const brokenMapper: ErrorMapper = () => {
  throw new Error('mapper bug');
};

/** A logger that works for start-up messages and fails for every warning or error. */
class ThrowingLogger implements LoggerService {
  log() {}
  error() {
    throw new Error('logger down');
  }
  warn() {
    throw new Error('logger down');
  }
}

describe.each(ADAPTERS)('faults (%s)', (adapter) => {
  describe('a format that throws', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, {
        imports: [ErrorsModule.forRoot({ format: brokenFormat })],
        ...routes,
      });
    });
    afterAll(() => t.close());

    it('still answers a 500 envelope, and logs the failure', async () => {
      const res = await send(t.url, { path: '/app-errors/invalid-parameter' });
      expect(res.status).toBe(500);
      expect(res.text).toBe(UNKNOWN);
      expect(t.logger.fromFilter('error').join('\n')).toContain(
        'While answering: Error: format bug',
      );
    });
  });

  describe('a format that throws for some errors only', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, {
        imports: [ErrorsModule.forRoot({ format: brokenOnClientErrors })],
        ...routes,
      });
    });
    afterAll(() => t.close());

    it('answers 500 in that same format', async () => {
      const res = await send(t.url, { path: '/app-errors/invalid-parameter' });
      expect(res.status).toBe(500);
      expect(res.json()).toStrictEqual({ failed: true, id: res.headers['x-request-id'] });
    });
  });

  describe('a body that cannot be serialised', () => {
    /** A format of the application's own that puts a BigInt in every body. */
    const bigintFormat: ErrorFormat = {
      name: 'bigint',
      contentType: 'application/json; charset=utf-8',
      render: (report) => ({ status: report.definition.status, body: { n: 1n } }),
    };
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, {
        imports: [ErrorsModule.forRoot({ format: bigintFormat })],
        ...routes,
      });
    });
    afterAll(() => t.close());

    it('answers a 500 envelope instead of hanging, and logs why', async () => {
      const res = await send(t.url, { path: '/app-errors/invalid-parameter' });
      expect(res.status).toBe(500);
      expect(res.text).toBe(UNKNOWN);
      expect(t.logger.fromFilter('error').join('\n')).toContain('While answering: TypeError');
    });
  });

  describe('a mapper that throws', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, {
        imports: [ErrorsModule.forRoot({ mappers: [brokenMapper] })],
        ...routes,
      });
    });
    afterAll(() => t.close());

    it('answers a 500 envelope', async () => {
      const res = await send(t.url, { path: '/nest-errors/forbidden' });
      expect(res.status).toBe(500);
      expect(res.text).toBe(UNKNOWN);
    });
  });

  describe('a logger that throws', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(
        adapter,
        { imports: [ErrorsModule.forRoot({ logClientErrors: true })], ...routes },
        {
          configure: (app) => app.useLogger(new ThrowingLogger()),
        },
      );
    });
    afterAll(() => t.close());

    it.each([
      ['/thrown/error', 500, UNKNOWN],
      [
        '/app-errors/invalid-parameter',
        400,
        '{"meta":{"code":88,"message":"Invalid Parameter","description":"quantity must be a positive integer"}}',
      ],
    ])('%s is still answered', async (path, status, body) => {
      const res = await send(t.url, { path });
      expect(res.status).toBe(status);
      expect(res.text).toBe(body);
    });
  });

  describe('clients that go away', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, { imports: [ErrorsModule.forRoot()], ...routes });
    });
    afterAll(() => t.close());

    it('a client hanging up before the handler fails causes no crash and no unhandled rejection', async () => {
      const { port } = new URL(t.url);
      await new Promise<void>((resolve) => {
        const outgoing = httpRequest({ host: '127.0.0.1', port, path: '/slow', agent: false });
        outgoing.on('error', () => resolve());
        outgoing.end();
        setTimeout(() => {
          outgoing.destroy();
          resolve();
        }, 10);
      });
      // Let the handler fail and the filter try to answer the closed socket.
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect((await send(t.url, { path: '/ok' })).status).toBe(200);
    });

    it('a client cutting its body short causes no crash', async () => {
      const { port } = new URL(t.url);
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(
            'POST /slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":',
          );
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 20);
        });
        socket.on('error', () => resolve());
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await send(t.url, { path: '/ok' })).status).toBe(200);
    });

    it('many clients hanging up at once leave the server serving', async () => {
      const { port } = new URL(t.url);
      await Promise.all(
        Array.from(
          { length: 50 },
          () =>
            new Promise<void>((resolve) => {
              const outgoing = httpRequest({
                host: '127.0.0.1',
                port,
                path: '/slow',
                agent: false,
              });
              outgoing.on('error', () => resolve());
              outgoing.end();
              setTimeout(() => {
                outgoing.destroy();
                resolve();
              }, 5);
            }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect((await send(t.url, { path: '/thrown/error' })).text).toBe(UNKNOWN);
    });
  });

  describe('a session resolver that hangs', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, globalGuardApp({ resolveTimeoutMs: 100 }));
    });
    afterAll(() => t.close());

    it('is cut off by the configured timeout: 503, with Retry-After', async () => {
      const res = await send(t.url, { path: '/me', headers: { authorization: 'Bearer hang' } });
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('60');
      expect(res.json().meta).toMatchObject({ code: 503, message: 'Service Unavailable' });
    });
  });
});

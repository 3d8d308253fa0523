import { Controller, Get, UseFilters } from '@nestjs/common';
import { connect } from 'node:net';
import { AppError, ApiExceptionFilter, definitionForStatus, ErrorsModule } from 'nestjs-api-errors';
import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { EdgesController } from '../fixtures/edges/edges.controller.js';
import { send, sendJson } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

@Controller('slow-down')
@UseFilters(ApiExceptionFilter)
class SlowDownController {
  @Get()
  slowDown(): never {
    throw new AppError(definitionForStatus(429), 'Come back much later', { retryAfter: 1e300 });
  }
}

/** Sends raw requests on one connection and collects everything the server writes. */
function exchange(url: string, requests: string[]): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(requests[0]);
      // The second request once the first has been answered, on the same connection.
      socket.once('data', () => setTimeout(() => socket.write(requests[1]), 20));
    });
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    setTimeout(() => socket.destroy(), 1000);
  });
}

describe.each(ADAPTERS)("the filter's own robustness (%s)", (adapter) => {
  it("answers with a new id when the app's requestId lookup throws", async () => {
    const t = await createTestApp(adapter, {
      imports: [
        ErrorsModule.forRoot({
          format: 'flat',
          requestId: (request: { headers: Record<string, string | undefined> }) =>
            request.headers['x-trace']!.toUpperCase(),
        }),
      ],
      controllers: [EdgesController],
    });
    const res = await send(t.url, { path: '/edges/bad-request' });
    await t.close();
    expect(res.status).toBe(400);
    expect(res.json().code).toBe('BAD_REQUEST');
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it.each(['Request Id', 'x-id\r\nx-evil: 1', ''])(
    'refuses a requestIdHeader %j that is no header name at start-up',
    async (header) => {
      await expect(
        createTestApp(adapter, CoreFixtureModule.with({ requestIdHeader: header })),
      ).rejects.toThrow(/requestIdHeader must be an HTTP header name/);
    },
  );

  it.each(['Content-Type', 'content-length', 'Retry-After', 'Set-Cookie', 'Transfer-Encoding'])(
    'refuses a requestIdHeader %j that an error answer sets or depends on, at start-up',
    async (header) => {
      await expect(
        createTestApp(adapter, CoreFixtureModule.with({ requestIdHeader: header })),
      ).rejects.toThrow(`requestIdHeader must not be ${header}`);
    },
  );

  describe('with a filter registered twice (globally, and on a controller)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, {
        imports: [ErrorsModule.forRoot()],
        controllers: [EdgesController, SlowDownController],
      });
    });
    afterAll(() => t.close());

    it('answers refused requests with one listener', () => {
      const server = t.app.getHttpServer() as import('node:http').Server;
      expect(server.listenerCount('clientError')).toBe(1);
    });

    it('answers a malformed request on a kept-alive connection that answered before', async () => {
      const raw = await exchange(t.url, [
        'GET /edges/bad-request HTTP/1.1\r\nHost: x\r\n\r\n',
        'GET /edges/bad-request HTTP/1.1\r\nHost: x\r\nX-Bad: a\0b\r\n\r\n',
      ]);
      const answers = raw.split('HTTP/1.1 ').slice(1);
      expect(answers).toHaveLength(2);
      expect(answers[1]).toMatch(/^400 /);
      expect(answers[1]).toContain('"description":"Request is not valid HTTP"');
    });

    it('asks for at most a day in Retry-After, whatever the error says', async () => {
      const res = await send(t.url, { path: '/slow-down' });
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('86400');
    });

    it("answers chunk extensions over Node's limit 413, as Node does", async () => {
      const raw = await exchange(t.url, [
        'GET /edges/bad-request HTTP/1.1\r\nHost: x\r\n\r\n',
        `POST /edges/body HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1;${'a'.repeat(20_000)}\r\nx\r\n0\r\n\r\n`,
      ]);
      const answers = raw.split('HTTP/1.1 ').slice(1);
      expect(answers[1]).toMatch(/^413 /);
      expect(answers[1]).toContain('chunk extensions larger than the server accepts');
    });
  });

  it('points the problem format at the parent of a property whose name it does not show', async () => {
    const t = await createTestApp(
      adapter,
      CoreFixtureModule.with({
        format: 'problem',
        validation: { whitelist: true, forbidNonWhitelisted: true },
      }),
    );
    const res = await sendJson(t.url, 'POST', '/cart/items', {
      product_id: 1,
      quantity: 1,
      'is admin?': true,
    });
    await t.close();
    expect(res.status).toBe(400);
    expect(res.json().errors).toStrictEqual([
      { detail: 'an unexpected property should not exist', pointer: '#/' },
    ]);
  });
});

import { ErrorsModule } from 'nestjs-api-errors';
import { EdgesController } from '../fixtures/edges/edges.controller.js';
import { send } from '../helpers/http-client.js';
import { sendRaw } from '../helpers/raw-http.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(ADAPTERS)('NotSupportedError(method, url) (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, {
      imports: [ErrorsModule.forRoot()],
      controllers: [EdgesController],
    });
  });
  afterAll(() => t.close());

  it('never echoes the query string, which may hold tokens', async () => {
    const res = await send(t.url, { path: '/edges/not-supported?token=SECRET&x=1' });
    expect(res.status).toBe(404);
    expect(res.json().meta.description).toBe('method: GET, url: /edges/not-supported');
    expect(res.text).not.toContain('SECRET');
  });

  it('cuts a long URL to 200 characters', async () => {
    const res = await send(t.url, { path: `/edges/not-supported?q=1#${'a'.repeat(10)}` });
    expect(res.text).not.toContain('q=1');
    const long = await send(t.url, {
      path: `/edges/not-supported/../not-supported?${'b'.repeat(5000)}`,
    });
    expect(long.text.length).toBeLessThan(400);
  });
});

describe.each(ADAPTERS)("the app's own clientError listeners (%s)", (adapter) => {
  let t: TestApp;
  const seen: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      { imports: [ErrorsModule.forRoot()], controllers: [EdgesController] },
      {
        configure: (app) => {
          // A metrics listener, added before the filter attaches at listen().
          (app.getHttpServer() as import('node:http').Server).on('clientError', (error) => {
            seen.push((error as Error & { code?: string }).code ?? 'unknown');
          });
        },
      },
    );
  });
  afterAll(() => t.close());

  it('stay, and run, while the envelope still answers', async () => {
    const res = await sendRaw(t.url, 'GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\0b\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toStrictEqual({
      meta: { code: 88, message: 'Invalid Parameter', description: 'Request is not valid HTTP' },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^HPE_/);
  });
});

describe('a listener that answers first', () => {
  it.each(ADAPTERS)('is left its answer, not given a second one (%s)', async (adapter) => {
    const t = await createTestApp(
      adapter,
      { imports: [ErrorsModule.forRoot()], controllers: [EdgesController] },
      {
        configure: (app) => {
          (app.getHttpServer() as import('node:http').Server).on(
            'clientError',
            (_error, socket) => {
              socket.end(
                'HTTP/1.1 400 Bad Request\r\nContent-Length: 4\r\nConnection: close\r\n\r\nmine',
              );
            },
          );
        },
      },
    );
    const res = await sendRaw(t.url, 'GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\0b\r\n\r\n');
    await t.close();
    expect(res.status).toBe(400);
    expect(res.body).toBe('mine');
  });
});

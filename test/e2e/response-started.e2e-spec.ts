import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { INTERNAL_SECRET } from '../fixtures/core/thrown-values.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(ADAPTERS)('errors after the response has started (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with({ production: false }));
  });
  afterAll(() => t.close());
  beforeEach(() => t.logger.clear());

  const startedButNotSent = () =>
    t.logger
      .fromFilter('error')
      .filter((line) => line.includes('not sent: the response had already started'));

  it('a handler writing through @Res(): nothing more is written, the error is logged', async () => {
    const res = await send(t.url, { path: '/streams/raw' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('partial;');
    const logged = startedButNotSent();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('GET /streams/raw');
    expect(logged[0]).toContain(INTERNAL_SECRET);
  });

  it('an SSE stream failing after its first event: the event stays, no envelope follows', async () => {
    // Once an event is out, Nest itself ends the stream with an `error` event
    // and logs the error; the filter is not asked and must not write.
    const res = await send(t.url, { path: '/streams/events' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    expect(res.text).toContain('data: first');
    expect(res.text).not.toContain('"meta"');
    expect(res.text).not.toContain(INTERNAL_SECRET);
    const logged = t.logger.entries.filter(
      (entry) => entry.level === 'error' && (entry.message as Error).message === INTERNAL_SECRET,
    );
    expect(logged).toHaveLength(1);
  });

  it('an SSE stream failing before anything was sent still gets the envelope', async () => {
    const res = await send(t.url, { path: '/streams/events-failing-early' });
    expect(res.status).toBe(500);
    expect(res.text).toBe('{"meta":{"code":500,"message":"Unknown Error"}}');
  });

  it('the server keeps serving', async () => {
    const res = await send(t.url, { path: '/ok' });
    expect(res.status).toBe(200);
  });
});

import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(ADAPTERS)('no shared mutable state (%s)', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, CoreFixtureModule.with());
  });
  afterAll(() => t.close());

  it('concurrent requests throwing different descriptions each get their own', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `r${i}`);
    // Staggered delays interleave the throws and the writes of different requests.
    const responses = await Promise.all(
      ids.map((id, i) => send(t.url, { path: `/echo/${id}?delay=${(i * 7) % 23}` })),
    );
    responses.forEach((res, i) => {
      expect(res.status).toBe(400);
      expect(res.json()).toStrictEqual({
        meta: { code: 88, message: 'Invalid Parameter', description: `request ${ids[i]}` },
      });
    });
  });

  it('a description-less error right after a described one stays description-less', async () => {
    const [described, bare] = await Promise.all([
      send(t.url, { path: '/app-errors/user-not-exists' }),
      send(t.url, { path: '/app-errors/password-not-match' }),
    ]);
    expect(described.json().meta.description).toBe('No account found with this email');
    expect(bare.text).toBe('{"meta":{"code":22,"message":"Password Not Match"}}');
  });
});

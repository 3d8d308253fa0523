import { CoreFixtureModule } from '../fixtures/core/core-fixture.module.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

const SEED_EXAMPLE = {
  meta: {
    code: 77,
    message: 'Database Rollback Error',
    description: { details: 'Connection timeout', params: '{"user_id":12345}' },
  },
};

describe.each(ADAPTERS)('DatabaseError (%s)', (adapter) => {
  describe('outside production', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, CoreFixtureModule.with({ production: false }));
    });
    afterAll(() => t.close());

    it('-> 500 / 77 with details and params', async () => {
      const res = await send(t.url, { path: '/app-errors/database' });
      expect(res.status).toBe(500);
      expect(res.json()).toStrictEqual(SEED_EXAMPLE);
    });

    it('masks secrets in params', async () => {
      const res = await send(t.url, { path: '/app-errors/database-secret' });
      expect(res.json().meta.description.params).toBe('{"email":"a@b.c","password":"[REDACTED]"}');
      expect(res.text).not.toContain('hunter2');
    });

    it('logs the error with its stack', async () => {
      t.logger.clear();
      await send(t.url, { path: '/app-errors/database' });
      const [entry] = t.logger.fromFilter('error');
      expect(entry).toContain('GET /app-errors/database -> 500 (code 77)');
      expect(entry).toContain('DatabaseError');
    });
  });

  describe('in production (option)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, CoreFixtureModule.with({ production: true }));
    });
    afterAll(() => t.close());

    it.each([
      ['/app-errors/database', '{"meta":{"code":77,"message":"Database Rollback Error"}}'],
      ['/nest-errors/service-unavailable', '{"meta":{"code":503,"message":"Service Unavailable"}}'],
      ['/nest-errors/internal-server-error', '{"meta":{"code":500,"message":"Unknown Error"}}'],
    ])('%s sends no 5xx description', async (path, body) => {
      const res = await send(t.url, { path });
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(res.text).toBe(body);
    });

    it('still logs the details it does not send', async () => {
      t.logger.clear();
      await send(t.url, { path: '/app-errors/database-secret' });
      const [line] = t.logger.fromFilter('error');
      expect(line).toContain('duplicate key value violates unique constraint');
      expect(line).toContain('[REDACTED]');
      expect(line).not.toContain('hunter2');
    });

    it('still describes client errors', async () => {
      const res = await send(t.url, { path: '/app-errors/invalid-parameter' });
      expect(res.json().meta.description).toBe('quantity must be a positive integer');
    });
  });

  describe('in production (NODE_ENV=production)', () => {
    let t: TestApp;
    const previous = process.env.NODE_ENV;
    beforeAll(async () => {
      process.env.NODE_ENV = 'production';
      t = await createTestApp(adapter, CoreFixtureModule.with());
    });
    afterAll(async () => {
      process.env.NODE_ENV = previous;
      await t.close();
    });

    it('sends no 5xx description', async () => {
      const res = await send(t.url, { path: '/app-errors/database' });
      expect(res.text).toBe('{"meta":{"code":77,"message":"Database Rollback Error"}}');
    });
  });

  describe('in production with exposeServerErrorDetails', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(
        adapter,
        CoreFixtureModule.with({ production: true, exposeServerErrorDetails: true }),
      );
    });
    afterAll(() => t.close());

    it('sends the details deliberately', async () => {
      const res = await send(t.url, { path: '/app-errors/database' });
      expect(res.json()).toStrictEqual(SEED_EXAMPLE);
    });

    it('still sends nothing about unknown errors', async () => {
      const res = await send(t.url, { path: '/thrown/error' });
      expect(res.text).toBe('{"meta":{"code":500,"message":"Unknown Error"}}');
    });
  });
});

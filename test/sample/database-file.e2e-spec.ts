import { copyFileSync, renameSync, unlinkSync } from 'node:fs';
import { AppModule } from '../../sample/src/app.module.js';
import { readConfig } from '../../sample/src/config.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp } from '../helpers/test-app.js';
import { login, type SampleServer, startSample } from './sample-server.js';

const LOST = 'the database file was deleted or replaced while the shop was running';

describe.each(ADAPTERS)('the database file removed while the shop runs (%s)', (adapter) => {
  let server: SampleServer;
  beforeEach(async () => {
    server = await startSample(adapter);
  });
  afterEach(() => server.stop());

  it('is noticed: requests answer 500 / 77 and the log says why, instead of writing into the void', async () => {
    expect((await login(server.t, 'alice@example.com')).status).toBe(200);
    unlinkSync(server.databaseFile);
    server.t.logger.clear();

    const health = await send(server.t.url, { path: '/health' });
    expect(health.status).toBe(500);
    expect(health.json().meta).toMatchObject({ code: 77, description: { details: LOST } });
    expect((await login(server.t, 'alice@example.com')).json().meta.code).toBe(77);
    const errors = server.t.logger.entries.filter((entry) => entry.level === 'error');
    expect(errors.map((entry) => String(entry.message)).join('\n')).toContain(
      `The database file ${server.databaseFile} was deleted or replaced`,
    );
  });

  it('is noticed when another file is moved in its place', async () => {
    copyFileSync(server.databaseFile, `${server.databaseFile}.copy`);
    renameSync(`${server.databaseFile}.copy`, server.databaseFile);
    expect((await send(server.t.url, { path: '/health' })).status).toBe(500);
  });

  it('says so when the next start makes a new database', async () => {
    unlinkSync(server.databaseFile);
    const config = readConfig({ SAMPLE_DB: server.databaseFile, ADAPTER: adapter });
    const restarted = await createTestApp(adapter, AppModule.with(config));
    try {
      const warnings = restarted.logger.entries.filter((entry) => entry.level === 'warn');
      expect(warnings.map((entry) => String(entry.message))).toContain(
        `Created a new database at ${server.databaseFile} with the demo accounts and products`,
      );
      expect((await send(restarted.url, { path: '/health' })).status).toBe(200);
    } finally {
      await restarted.close();
    }
  });
});

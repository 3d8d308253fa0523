import { readConfig } from '../../sample/src/config.js';
import { ADAPTERS } from '../helpers/test-app.js';
import { EXPIRED, login, me, type SampleServer, startSample } from './sample-server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(ADAPTERS)('expired sessions (%s)', (adapter) => {
  let server: SampleServer;
  afterEach(() => server.stop());

  const sessionCount = () => server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM sessions')?.n;

  it('are deleted on the sweep, with no request needed', async () => {
    server = await startSample(adapter, { SESSION_TTL_SECONDS: '1', SESSION_SWEEP_SECONDS: '1' });
    await login(server.t, 'alice@example.com');
    await login(server.t, 'bob@example.com');
    expect(sessionCount()).toBe(2);
    await sleep(2500);
    expect(sessionCount()).toBe(0);
  });

  it('are deleted when presented, and answered as expired', async () => {
    server = await startSample(adapter, { SESSION_TTL_SECONDS: '1' });
    const { token } = (await login(server.t, 'alice@example.com')).json();
    await sleep(1100);
    expect(sessionCount()).toBe(1);
    expect((await me(server.t, token)).json().meta.description).toBe(EXPIRED);
    expect(sessionCount()).toBe(0);
  });
});

describe('the sweep interval in the configuration', () => {
  it('defaults to 10 minutes', () => {
    expect(readConfig({}).sessionSweepSeconds).toBe(600);
  });

  it('refuses a value that is no whole number of seconds', () => {
    expect(() => readConfig({ SESSION_SWEEP_SECONDS: 'often' })).toThrow(
      'SESSION_SWEEP_SECONDS must be a whole number from 1 to',
    );
  });
});

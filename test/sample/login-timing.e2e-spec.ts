import { send } from '../helpers/http-client.js';
import { ADAPTERS } from '../helpers/test-app.js';
import { login, type SampleServer, startSample, UNTHROTTLED } from './sample-server.js';

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

describe.each(ADAPTERS)('logging in (%s)', (adapter) => {
  let server: SampleServer;
  beforeAll(async () => {
    server = await startSample(adapter, UNTHROTTLED);
  });
  afterAll(() => server.stop());

  it('takes as long for an unknown email as for a wrong password', async () => {
    const unknown: number[] = [];
    const wrong: number[] = [];
    const statuses = new Set<string>();
    for (let round = 1; round <= 12; round++) {
      const a = await timed(() => login(server.t, 'nobody@example.com'));
      unknown.push(a.ms);
      const b = await timed(() => login(server.t, 'alice@example.com', 'wrong'));
      wrong.push(b.ms);
      statuses.add(`unknown ${a.result.status}, wrong ${b.result.status}`);
      // Four wrong passwords in a row at most: a right one resets the count before the lockout.
      if (round % 4 === 0) await login(server.t, 'alice@example.com');
    }
    expect([...statuses]).toStrictEqual(['unknown 404, wrong 400']);
    // Medians, and a generous ratio: a shared machine is noisy, but hashing or not is tenfold.
    const ratio = median(unknown) / median(wrong);
    expect({
      unknown: median(unknown),
      wrong: median(wrong),
      comparable: ratio > 0.5 && ratio < 2,
    }).toMatchObject({ comparable: true });
  });

  it('keeps the server answering other requests while 10 clients log in', async () => {
    const rounds: { health: number; logins: number }[] = [];
    for (let round = 1; round <= 5; round++) {
      const logins = timed(() =>
        Promise.all(Array.from({ length: 10 }, () => login(server.t, 'alice@example.com'))),
      );
      // Asked once the logins are on their way, so it meets them at the server.
      await new Promise((resolve) => setTimeout(resolve, 10));
      const health = await timed(() => send(server.t.url, { path: '/health' }));
      expect(health.result.status).toBe(200);
      const all = await logins;
      expect(all.result.map((res) => res.status)).toStrictEqual(Array(10).fill(200));
      rounds.push({ health: health.ms, logins: all.ms });
    }
    // Hashing on the event loop makes /health wait for the logins ahead of it, about 90% of
    // the batch; off it, for none of them. On a busy machine the hashing threads still take
    // CPU from the event loop, so the bound is generous: half the batch.
    const ratio = median(rounds.map((round) => round.health / round.logins));
    expect({ rounds, responsive: ratio < 0.5 }).toMatchObject({ responsive: true });
  });
});

import { DeadlineRace } from './deadline.js';

const TIMEOUT = new Error('too late');

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('DeadlineRace', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands an answer in time to `then`, and its result back', async () => {
    const race = new DeadlineRace(1000, () => TIMEOUT);
    const lookup = deferred<number>();
    const result = race.race(lookup.promise, (value) => value * 2);
    lookup.resolve(21);
    await expect(result).resolves.toBe(42);
  });

  it('passes on what the lookup or `then` throws', async () => {
    const race = new DeadlineRace(1000, () => TIMEOUT);
    await expect(race.race(Promise.reject(new Error('store down')), () => 1)).rejects.toThrow(
      'store down',
    );
    await expect(
      race.race(Promise.resolve(1), () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
  });

  it('fails a lookup still waiting after the timeout, within one window, and ignores its late answer', async () => {
    const race = new DeadlineRace(1000, () => TIMEOUT);
    const lookup = deferred<number>();
    const then = vi.fn((value: number) => value);
    const result = race.race(lookup.promise, then);
    const outcome = result.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(999);
    await vi.advanceTimersByTimeAsync(51);
    await expect(outcome).resolves.toBe(TIMEOUT);
    lookup.resolve(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(then).not.toHaveBeenCalled();
  });

  it('shares its timers among lookups started within a window', async () => {
    const race = new DeadlineRace(1000, () => TIMEOUT);
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const lookups = Array.from({ length: 100 }, () => deferred<number>());
    const results = lookups.map((lookup) => race.race(lookup.promise, (v) => v));
    // One ends the window, one fails its late lookups.
    expect(spy).toHaveBeenCalledTimes(2);
    for (const [i, lookup] of lookups.entries()) lookup.resolve(i);
    expect(await Promise.all(results)).toHaveLength(100);
    await vi.advanceTimersByTimeAsync(100);
    race.race(Promise.resolve(1), (v) => v).catch(() => undefined);
    expect(spy).toHaveBeenCalledTimes(4);
    spy.mockRestore();
  });
});

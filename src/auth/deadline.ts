/** One lookup waiting for its answer or its deadline. */
interface Waiting {
  readonly settle: (outcome: 'value' | 'error', result: unknown) => void;
}

/**
 * Races lookups against a deadline without a timer per lookup: lookups that
 * start within one short window share one timer, which fails those still
 * waiting when it fires. A lookup that answers in time costs a `Set` add and
 * delete; a timer is made only once per window, and none while nothing waits.
 * The sets hold only the settle callbacks of lookups in flight.
 *
 * A lookup times out between `timeoutMs` and `timeoutMs` plus one window
 * (a twentieth of the timeout, at most 100 ms).
 */
export class DeadlineRace {
  private readonly windowMs: number;
  private current: Set<Waiting> | undefined;
  private currentStart = 0;

  constructor(
    private readonly timeoutMs: number,
    private readonly timeoutError: () => unknown,
  ) {
    this.windowMs = Math.max(1, Math.min(100, Math.floor(timeoutMs / 20)));
  }

  /** The lookup's value handed to `then`, or the timeout error if it is late. */
  race<T, R>(lookup: PromiseLike<T>, then: (value: T) => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      // What the lookup or `then` threw is passed on as it is, Error or not.
      const fail: (reason: unknown) => void = reject;
      const group = this.groupFor(Date.now());
      const waiting: Waiting = {
        settle: (outcome, result) => {
          if (!group.delete(waiting)) return;
          if (outcome === 'error') return fail(result);
          try {
            resolve(then(result as T));
          } catch (error) {
            fail(error);
          }
        },
      };
      group.add(waiting);
      lookup.then(
        (value) => waiting.settle('value', value),
        (error: unknown) => waiting.settle('error', error),
      );
    });
  }

  private groupFor(now: number): Set<Waiting> {
    if (this.current !== undefined && now - this.currentStart < this.windowMs) return this.current;
    const group = new Set<Waiting>();
    this.current = group;
    this.currentStart = now;
    const timer = setTimeout(() => {
      if (this.current === group) this.current = undefined;
      for (const waiting of group) waiting.settle('error', this.timeoutError());
    }, this.timeoutMs + this.windowMs);
    // A pending deadline must not keep a process alive that is otherwise done.
    timer.unref();
    return group;
  }
}

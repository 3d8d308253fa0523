type Reject = (reason: unknown) => void;

/**
 * Races lookups against a deadline without a timer per lookup: lookups that
 * start within one short window share one timer, which fails those still
 * waiting when it fires. A lookup that answers in time costs a `Set` add and
 * delete; two timers are made per window (one ends the window, one fails its
 * late lookups), and none while nothing waits. The sets hold only the reject
 * functions of lookups in flight.
 *
 * A lookup times out between `timeoutMs` and `timeoutMs` plus one window
 * (a twentieth of the timeout, at most 100 ms).
 */
export class DeadlineRace {
  private readonly windowMs: number;
  private current: Set<Reject> | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly timeoutError: () => unknown,
  ) {
    this.windowMs = Math.max(1, Math.min(100, Math.floor(timeoutMs / 20)));
  }

  /** The lookup's value handed to `then`, or the timeout error if it is late. */
  race<T, R>(lookup: PromiseLike<T>, then: (value: T) => R): Promise<R> {
    return new Promise<R>((resolve, rejectWith) => {
      // What the lookup or `then` threw is passed on as it is, Error or not.
      const reject: Reject = rejectWith;
      const group = this.current ?? this.openWindow();
      group.add(reject);
      lookup.then(
        (value) => {
          if (!group.delete(reject)) return;
          try {
            resolve(then(value));
          } catch (error) {
            reject(error);
          }
        },
        (error: unknown) => {
          if (group.delete(reject)) reject(error);
        },
      );
    });
  }

  private openWindow(): Set<Reject> {
    const group = new Set<Reject>();
    this.current = group;
    // Neither timer may keep a process alive that is otherwise done.
    setTimeout(() => {
      if (this.current === group) this.current = undefined;
    }, this.windowMs).unref();
    setTimeout(() => {
      for (const reject of group) reject(this.timeoutError());
      group.clear();
    }, this.timeoutMs + this.windowMs).unref();
    return group;
  }
}

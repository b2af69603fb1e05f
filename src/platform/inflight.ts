/**
 * Work in flight (a slash command's answer, a button's post) that a graceful shutdown lets finish.
 * `track` wraps a promise; `drain` waits for every tracked one to settle, or for `timeoutMs`.
 */
export interface InFlight {
  track<T>(work: Promise<T>): Promise<T>;
  readonly size: number;
  /** Resolves true when nothing is left in flight, false when `timeoutMs` ran out first. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(onChange?: (size: number) => void): InFlight {
  const pending = new Set<Promise<unknown>>();
  let idle: (() => void)[] = [];
  const settle = (p: Promise<unknown>) => {
    pending.delete(p);
    onChange?.(pending.size);
    if (pending.size === 0) for (const wake of idle.splice(0)) wake();
  };
  return {
    track(work) {
      const p: Promise<void> = work.then(
        () => settle(p),
        () => settle(p),
      );
      pending.add(p);
      onChange?.(pending.size);
      return work;
    },
    get size() {
      return pending.size;
    },
    drain(timeoutMs) {
      if (pending.size === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          idle = idle.filter((w) => w !== done);
          resolve(false);
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        idle.push(done);
      });
    },
  };
}

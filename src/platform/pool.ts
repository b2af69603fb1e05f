/** Bounded concurrency: a pool over a list, a limiter, and a gate that lets foreground work go first. */

/** Runs `fn` over `items` with at most `limit` in flight; results keep the order of `items`. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Runs a task once fewer than its limit are in flight; tasks wait in the order they came. */
export type Limiter = <R>(fn: () => Promise<R>) => Promise<R>;

/** A limiter of `limit` tasks in flight at once (at least one). */
export function createLimiter(limit: number): Limiter {
  const gate = createPriorityGate(limit);
  return (fn) => gate.run('background', fn);
}

export type Priority = 'foreground' | 'background';

/**
 * Shares `limit` slots (a connection pool's connections) between foreground work, which never
 * waits here, and background work, which starts only while fewer than `limit` tasks of either kind
 * are in flight. A foreground task that finds every slot busy therefore waits for one task to end
 * (in the connection pool's queue, which it reaches before any background task that could take
 * that slot: none starts while it waits), never for the background queue.
 */
export interface PriorityGate {
  run<R>(priority: Priority, fn: () => Promise<R>): Promise<R>;
  /** Tasks in flight, foreground ones included (it may exceed `limit`). */
  readonly inFlight: number;
  /** Background tasks waiting for a slot. */
  readonly waiting: number;
}

export function createPriorityGate(limit: number): PriorityGate {
  const slots = Math.max(1, Math.floor(limit));
  let inFlight = 0;
  const queue: Array<() => void> = [];

  const release = () => {
    inFlight--;
    while (inFlight < slots && queue.length > 0) {
      inFlight++;
      queue.shift()!();
    }
  };
  const start = async <R>(fn: () => Promise<R>): Promise<R> => {
    try {
      return await fn();
    } finally {
      release();
    }
  };

  return {
    run(priority, fn) {
      if (priority === 'foreground' || (inFlight < slots && queue.length === 0)) {
        inFlight++;
        return start(fn);
      }
      // `release` counts the task in before it wakes it, so no other can take its slot meanwhile.
      return new Promise<void>((resolve) => queue.push(resolve)).then(() => start(fn));
    },
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return queue.length;
    },
  };
}

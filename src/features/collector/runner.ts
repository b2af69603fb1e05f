/**
 * Runs collector ticks every `intervalMs`, aligned to the interval (10:00, 10:05, …). Each tick is
 * claimed in the store first, so with several bot processes exactly one collects it. Retention
 * runs once an hour the same way. Timers are real; "now" comes from the injected clock.
 */
import { collectOnce, type CollectorDeps, type TickReport } from './collect.js';

export interface CollectorOptions extends CollectorDeps {
  intervalMs: number;
  retentionDays: number;
  /** Called after each tick this process ran (alert evaluation hangs here). */
  onTick?: (report: TickReport) => Promise<void>;
}

export interface Collector {
  /** Runs the tick of the slot containing `now` if no process has claimed it; undefined when skipped. */
  tick(now?: Date): Promise<TickReport | undefined>;
  /** Ticks now, then on every interval boundary. */
  start(): void;
  stop(): Promise<void>;
}

const HOUR = 3_600_000;
const THIN_AFTER_MS = 2 * 24 * HOUR;

export function createCollector(opts: CollectorOptions): Collector {
  const { store, clock, log } = opts;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();

  async function prune(now: Date) {
    const slot = Math.floor(now.getTime() / HOUR) * HOUR;
    if (!(await store.jobs.claim('prune', slot, store.instanceId, now.getTime()))) return;
    const result = await store.snapshots.prune({ now: now.getTime(), retentionDays: opts.retentionDays, thinAfterMs: THIN_AFTER_MS });
    await store.jobs.finish('prune', slot, 'done', JSON.stringify(result), clock().getTime());
  }

  async function tick(now = clock()): Promise<TickReport | undefined> {
    const slot = Math.floor(now.getTime() / opts.intervalMs) * opts.intervalMs;
    if (!(await store.jobs.claim('collect', slot, store.instanceId, now.getTime()))) return undefined;
    try {
      const report = await collectOnce(opts);
      await store.jobs.finish('collect', slot, report.failures.length ? 'failed' : 'done', report.failures.length ? `${report.failures.length} sources failed` : undefined, clock().getTime());
      await prune(now).catch((error: unknown) => log.warn('retention failed', { error }));
      await opts.onTick?.(report);
      return report;
    } catch (error) {
      await store.jobs.finish('collect', slot, 'failed', error instanceof Error ? error.message : String(error), clock().getTime()).catch(() => undefined);
      log.error('collector tick failed', { error });
      return undefined;
    }
  }

  function schedule() {
    if (stopped) return;
    const now = clock().getTime();
    const wait = opts.intervalMs - (now % opts.intervalMs) + 50;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, wait);
    timer.unref?.();
  }

  return {
    tick,
    start() {
      running = tick().finally(schedule);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}

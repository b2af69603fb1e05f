/**
 * Runs collector ticks every `intervalMs`, aligned to the interval (10:00, 10:05, …). Each tick is
 * claimed in the store first, so with several bot processes exactly one collects it. Retention
 * runs once an hour the same way. Timers are real; "now" comes from the injected clock.
 */
import { failureOf, type Health } from '../../platform/health.js';
import { HEARTBEAT_TTL_MS, isAlive } from '../../platform/liveness.js';
import { pruneSeenRequests } from '../../store/index.js';
import { collectOnce, type CollectorDeps, type TickReport } from './collect.js';

export interface CollectorOptions extends CollectorDeps {
  intervalMs: number;
  retentionDays: number;
  /** Background-job health: each tick and each retention run records its outcome here. */
  jobs?: Health;
  /**
   * Started after each tick this process ran, in the background: the tick does not wait for it, so
   * work that waits on Slack (alert evaluation) cannot hold up collecting. One run at a time; ticks
   * that end meanwhile leave one more run, with the newest report, to follow it.
   */
  afterTick?: (report: TickReport) => Promise<void>;
}

export interface Collector {
  /** How often it ticks; ticks are aligned to multiples of it. */
  readonly intervalMs: number;
  /** Runs the tick of the slot containing `now` if no process has claimed it; undefined when skipped. */
  tick(now?: Date): Promise<TickReport | undefined>;
  /** Resolves once the after-tick work started so far has finished. */
  settled(): Promise<void>;
  /** Ticks now, then on every interval boundary. */
  start(): void;
  /** Stops the timer and waits for the tick and the after-tick work in progress. */
  stop(): Promise<void>;
}

const HOUR = 3_600_000;
const THIN_AFTER_MS = 2 * 24 * HOUR;

export function createCollector(opts: CollectorOptions): Collector {
  const { store, clock, log } = opts;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  /** The after-tick run in progress, and the newest report still waiting for one. */
  let afterRun: Promise<void> | undefined;
  let waiting: TickReport | undefined;

  function startAfterTick(report: TickReport): void {
    const hook = opts.afterTick;
    if (!hook || stopped) return;
    waiting = report;
    // Started a microtask later, so `afterRun` is set before `drain` can clear it; `drain` clears
    // it in the same step that finds nothing waiting, so no report is left behind.
    const drain = async () => {
      while (waiting && !stopped) {
        const next = waiting;
        waiting = undefined;
        try {
          await hook(next);
        } catch (error) {
          log.error('after-tick work failed', { error });
        }
      }
      afterRun = undefined;
    };
    afterRun ??= Promise.resolve().then(drain);
  }

  async function settled(): Promise<void> {
    while (afterRun) await afterRun;
  }

  async function prune(now: Date) {
    const slot = Math.floor(now.getTime() / HOUR) * HOUR;
    if (!(await store.jobs.claim('prune', slot, store.instanceId, now.getTime()))) return;
    const result = await store.snapshots.prune({ now: now.getTime(), retentionDays: opts.retentionDays, thinAfterMs: THIN_AFTER_MS });
    // Seen request signatures live in Slack's wall-clock time (see slack/http-front.ts).
    await pruneSeenRequests(store.leases, Date.now());
    await store.sharedAnswers.prune(now.getTime());
    await store.jobs.finish('prune', slot, 'done', JSON.stringify(result), clock().getTime());
  }

  const record = (job: string, error?: unknown) => opts.jobs?.record(job, 'timer', error === undefined ? { ok: true } : { ok: false, error: failureOf(error) });

  /**
   * Claims the slot's tick, or takes it over when the process that claimed it died (its heartbeat
   * lapsed) before finishing, as digest claims are taken over.
   */
  async function claim(slot: number, now: Date): Promise<boolean> {
    if (await store.jobs.claim('collect', slot, store.instanceId, now.getTime())) return true;
    const run = await store.jobs.get('collect', slot);
    // A process renews its heartbeat at least every HEARTBEAT_TTL_MS, so a younger claim is never a dead one.
    if (!run || run.status !== 'running' || run.holder === store.instanceId || now.getTime() - run.claimedAt < HEARTBEAT_TTL_MS) return false;
    if (await isAlive(store, run.holder, now)) return false;
    // Only the claim that was read: of several processes taking it over, one wins.
    const taken = await store.jobs.reclaim('collect', slot, store.instanceId, now.getTime(), run.claimedAt + 1);
    if (taken) log.warn('took over a collector tick whose process died', { slot: new Date(slot).toISOString(), holder: run.holder });
    return taken;
  }

  /** Never rejects: a failure (the database full or gone, say) is logged, recorded and tried again next interval. */
  async function tick(now = clock()): Promise<TickReport | undefined> {
    const slot = Math.floor(now.getTime() / opts.intervalMs) * opts.intervalMs;
    try {
      if (!(await claim(slot, now))) return undefined;
    } catch (error) {
      log.error('collector could not claim its tick', { error });
      record('collector', error);
      return undefined;
    }
    try {
      const report = await collectOnce(opts);
      await store.jobs.finish('collect', slot, report.failures.length ? 'failed' : 'done', report.failures.length ? `${report.failures.length} sources failed` : undefined, clock().getTime());
      record('collector');
      await prune(now).then(
        () => record('retention'),
        (error: unknown) => {
          log.warn('retention failed', { error });
          record('retention', error);
        },
      );
      startAfterTick(report);
      return report;
    } catch (error) {
      await store.jobs.finish('collect', slot, 'failed', error instanceof Error ? error.message : String(error), clock().getTime()).catch(() => undefined);
      log.error('collector tick failed', { error });
      record('collector', error);
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
    intervalMs: opts.intervalMs,
    tick,
    settled,
    start() {
      running = tick().finally(schedule);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => undefined);
      await settled();
    },
  };
}

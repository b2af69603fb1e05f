/**
 * The collector stores a campaign list only when it changed; a row that later ticks found
 * unchanged stands for all of them (store/snapshots.ts). Readers that replay history tick by tick
 * (the alert backtest) need those ticks back.
 */
import type { Snapshot } from '../../store/index.js';

const HOUR = 3_600_000;

export interface PerTickOptions {
  /** The collector's interval: a confirmed row saw a tick this often. */
  intervalMs: number;
  /**
   * Before this instant retention keeps one row an hour (the last of each hour), so a confirmed
   * row stands there for the last of its ticks in each hour only.
   */
  hourlyBefore?: number;
}

/**
 * The rows of one series as the ticks saw them, oldest first: a confirmed row becomes one row per
 * tick from `firstTakenAt` to `takenAt`, on the interval (the last at `takenAt` itself, which
 * absorbs the ticks' jitter), each with the same id and payload. Other rows are kept as they are.
 */
export function perTick(rows: readonly Snapshot[], opts: PerTickOptions): Snapshot[] {
  const step = Math.max(1, opts.intervalMs);
  const hourlyBefore = opts.hourlyBefore ?? Number.NEGATIVE_INFINITY;
  const out: Snapshot[] = [];
  for (const r of rows) {
    if (r.firstTakenAt === undefined || r.firstTakenAt >= r.takenAt) {
      out.push(r);
      continue;
    }
    const times: number[] = [];
    for (let t = r.firstTakenAt; t < r.takenAt - step / 2; t += step) times.push(t);
    times.push(r.takenAt);
    // Where the history is hourly, a tick stands only when the next one falls in another hour.
    const kept = times.filter((t, i) => t >= hourlyBefore || i === times.length - 1 || Math.floor(times[i + 1]! / HOUR) !== Math.floor(t / HOUR));
    for (const t of kept) out.push({ ...r, takenAt: t });
  }
  return out;
}

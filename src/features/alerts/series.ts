/**
 * Reads what the collector stored, for one evaluation: each series (source, VDN, subject) is read
 * once for the last hour, failed rows included, and says whether it is fresh enough to judge by
 * and whether it has been failing or missing for three ticks (the "no data" notice's condition).
 * The same read keeps the successful rows of the last three hours, which an alert message charts.
 * Payloads are decoded once per snapshot, however many rules read them.
 */
import type { BotStatRow, Campaign, CampaignStats, TaskRealtime } from '../../aicc/domain.js';
import { decodeCampaigns, decodeCms, decodeStats } from '../collector/index.js';
import type { Snapshot, SnapshotRepo, SnapshotSource } from '../../store/index.js';

/** What one series looks like now. */
export interface SeriesInfo {
  /** The window's rows, oldest first, failed ones included. */
  rows: Snapshot[];
  /** The successful rows of the last {@link HISTORY_MS}, oldest first: what an alert message charts. */
  history: Snapshot[];
  /** The newest successful row, when there is one in the window. */
  latestOk?: Snapshot;
  /** The newest successful row is recent enough to judge by (within 1.5 collector intervals). */
  fresh: boolean;
  /** Failed, or without new data, for three ticks. */
  down: boolean;
  /** When the data stopped (first failed tick, or the tick after the last good one). */
  downSince?: number;
  lastError?: string;
}

export interface SnapshotReader {
  readonly now: number;
  series(source: SnapshotSource, vdn: number, subject: string): Promise<SeriesInfo>;
  /** The campaigns of a snapshot by id. */
  campaigns(snapshot: Snapshot): Map<string, Campaign>;
  stats(snapshot: Snapshot): Map<string, CampaignStats>;
  cms(snapshot: Snapshot): Map<string, TaskRealtime>;
  /** An OIFDE snapshot's rows (counts only; `recordTime` stays as stored). */
  botRows(snapshot: Snapshot): BotStatRow[];
}

export interface ReaderOptions {
  intervalMs: number;
  /** How far back rows are read (default an hour, at least four ticks). */
  windowMs?: number;
}

/** Three ticks without data make a service "down". */
export const DOWN_TICKS = 3;
/** How far back an alert message's chart looks. */
export const HISTORY_MS = 3 * 3_600_000;

/** Where a reader reads: the store, or (for a backtest) the stored history as it stood at `now`. */
export interface SnapshotSourceRows {
  snapshots: Pick<SnapshotRepo, 'range' | 'latest'>;
}

/** Builds a reader for one evaluation at `now`. */
export function createSnapshotReader(store: SnapshotSourceRows, now: number, opts: ReaderOptions): SnapshotReader {
  const { intervalMs } = opts;
  const windowMs = opts.windowMs ?? Math.max(3_600_000, (DOWN_TICKS + 1) * intervalMs);
  const seriesMemo = new Map<string, Promise<SeriesInfo>>();
  const decoded = new Map<number, unknown>();
  const memo = <T>(s: Snapshot, decode: (payload: unknown) => T): T => {
    if (!decoded.has(s.id)) decoded.set(s.id, decode(s.payload));
    return decoded.get(s.id) as T;
  };

  async function load(source: SnapshotSource, vdn: number, subject: string): Promise<SeriesInfo> {
    // One read serves the evaluation (the window) and an alert message's chart (the longer history).
    const all = await store.snapshots.range(source, vdn, subject, now - Math.max(windowMs, HISTORY_MS), now);
    const rows = all.filter((r) => r.takenAt >= now - windowMs);
    const history = all.filter((r) => r.ok);
    const latestOk = rows.findLast((r) => r.ok);
    const failedTicks = new Set<number>();
    let firstFailure: number | undefined;
    for (let i = rows.length - 1; i >= 0 && !rows[i]!.ok; i--) {
      failedTicks.add(rows[i]!.takenAt);
      firstFailure = rows[i]!.takenAt;
    }
    const lastError = rows.findLast((r) => !r.ok)?.error;
    let lastOkAt = latestOk?.takenAt;
    if (!latestOk) lastOkAt = (await store.snapshots.latest(source, vdn, subject, { okOnly: true }))?.takenAt;
    const stale = lastOkAt !== undefined && now - lastOkAt >= DOWN_TICKS * intervalMs;
    const down = failedTicks.size >= DOWN_TICKS || stale;
    const downSince = down ? (firstFailure ?? (lastOkAt !== undefined ? lastOkAt + intervalMs : now)) : undefined;
    return {
      rows,
      history,
      ...(latestOk ? { latestOk } : {}),
      fresh: latestOk !== undefined && now - latestOk.takenAt <= 1.5 * intervalMs,
      down,
      ...(downSince !== undefined ? { downSince } : {}),
      ...(lastError !== undefined ? { lastError } : {}),
    };
  }

  return {
    now,
    series(source, vdn, subject) {
      const key = `${source}|${vdn}|${subject}`;
      let p = seriesMemo.get(key);
      if (!p) {
        p = load(source, vdn, subject);
        seriesMemo.set(key, p);
      }
      return p;
    },
    campaigns: (s) => memo(s, (p) => new Map(decodeCampaigns(p).map((c) => [c.id, c]))),
    stats: (s) => memo(s, (p) => new Map(decodeStats(p).map((r) => [r.campaignId, r]))),
    cms: (s) => memo(s, (p) => new Map(decodeCms(p).map((t) => [t.taskId, t]))),
    botRows: (s) => memo(s, (p) => (Array.isArray(p) ? (p as BotStatRow[]) : [])),
  };
}

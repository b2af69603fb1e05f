/**
 * One collector tick: for each VDN, every campaign (all pages), statistics v2 (one call per VDN,
 * through the shared guard), CMS real-time for the running campaigns, and OIFDE for the bots that
 * subscriptions and rules name. Each result is stored as a timestamped snapshot; a failure is
 * stored too, so health and "no data" come from the same place. An unchanged campaign list is
 * confirmed rather than stored again.
 *
 * The phases overlap: every VDN and the bots start at once, and each page of a campaign list sends
 * its running campaigns to CMS as it arrives, so the tick lasts about as long as its busiest
 * service needs. Calls to AICC are background calls (aicc/transport.ts): they use every
 * connection a command does not need, and a command never waits behind more than one of them.
 */
import type { Campaign, TaskRealtime } from '../../aicc/domain.js';
import { isAiccError } from '../../aicc/errors.js';
import type { Aicc } from '../../aicc/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/log.js';
import { createLimiter } from '../../platform/pool.js';
import type { NewSnapshot, Store } from '../../store/index.js';
import { encodeCampaigns, encodeCms, encodeStats } from './payloads.js';

/** Bots are not per VDN; their snapshots use VDN 0. */
export const BOT_VDN = 0;

const RUNNING = 2;
/** The collector's calls in flight per service when not told (AICC_MAX_CONCURRENCY's default). */
const DEFAULT_CONCURRENCY = 8;
/** Background calls: commands get a connection first (aicc/transport.ts). */
const BACKGROUND = { background: true } as const;

export interface CollectorDeps {
  aicc: Aicc;
  store: Store;
  clock: Clock;
  log: Logger;
  vdnIds: readonly number[];
  /** Access codes to collect (named by digest subscriptions and alert rules). */
  botCodes: () => Promise<string[]>;
  /**
   * Calls in flight at once per service (default 8): the service's connections. They are
   * background calls, so slash commands still go first.
   */
  concurrency?: number;
  /**
   * The collector's interval. An unchanged campaign list confirms the stored one while it was last
   * seen at most 1.5 intervals before; after a longer gap it is stored again, so the gap stays
   * visible in the history. Without it, an unchanged list is always stored.
   */
  intervalMs?: number;
}

export interface TickReport {
  at: Date;
  /** Rows added. */
  snapshots: number;
  /** Stored rows confirmed unchanged instead of added (campaign lists). */
  confirmed: number;
  /** Bytes of payload JSON added. */
  payloadBytes: number;
  failures: Array<{ source: string; vdn: number; error: string }>;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(p: Promise<T>): Promise<Outcome<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

function describe(error: unknown): string {
  return isAiccError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
}

const payloadBytes = (row: NewSnapshot) => (row.payload === undefined ? 0 : Buffer.byteLength(JSON.stringify(row.payload)));

export async function collectOnce(deps: CollectorDeps): Promise<TickReport> {
  const at = deps.clock();
  const takenAt = at.getTime();
  const limit = deps.concurrency ?? DEFAULT_CONCURRENCY;
  // Each service has connections of its own, so each gets its own bound.
  const cmsSlot = createLimiter(limit);
  const oifdeSlot = createLimiter(limit);
  const failed = (source: NewSnapshot['source'], vdn: number, error: unknown, subject = ''): NewSnapshot => ({ source, vdn, subject, takenAt, ok: false, error: describe(error) });

  async function stats(vdn: number): Promise<NewSnapshot[]> {
    const out: NewSnapshot[] = [];
    try {
      // A foreground call: the guard shares it with commands asking for the same VDN.
      const s = await deps.aicc.stats.get({ vdn });
      // The guard may serve a value another process fetched; store each fetch once, at its own time.
      const last = await deps.store.snapshots.latest('stats', vdn, '', { okOnly: true });
      if (!last || last.takenAt < s.fetchedAt.getTime()) out.push({ source: 'stats', vdn, takenAt: s.fetchedAt.getTime(), ok: true, payload: encodeStats(s.campaigns) });
      if (s.stale && s.staleReason && s.staleReason.code !== 'rate_limited') out.push(failed('stats', vdn, s.staleReason));
    } catch (error) {
      // Our own guard saying "not yet" is not a failure of the service.
      if (!(isAiccError(error) && error.code === 'rate_limited' && !error.httpStatus)) out.push(failed('stats', vdn, error));
    }
    return out;
  }

  /** The list, and CMS for each running campaign as soon as its page is read. */
  async function campaignsAndTasks(vdn: number): Promise<{ list: NewSnapshot; cms?: NewSnapshot }> {
    let listFailed = false;
    const tasks: Array<Promise<Outcome<TaskRealtime> | undefined>> = [];
    const onPage = (page: readonly Campaign[]) => {
      for (const c of page) {
        if (c.status !== RUNNING) continue;
        // Calls still queued when the list fails are not made: without the list there is no CMS row.
        tasks.push(cmsSlot(async () => (listFailed ? undefined : settle(deps.aicc.cms.taskRealtimeStatistics(vdn, c.id, BACKGROUND)))));
      }
    };
    const listed = await settle(deps.aicc.isales.listAllCampaigns(vdn, {}, { ...BACKGROUND, onPage }));
    if (!listed.ok) {
      listFailed = true;
      await Promise.all(tasks);
      return { list: failed('campaigns', vdn, listed.error) };
    }
    const list: NewSnapshot = { source: 'campaigns', vdn, takenAt, ok: true, payload: encodeCampaigns(listed.value) };
    const results = (await Promise.all(tasks)).filter((r) => r !== undefined);
    if (results.length === 0) return { list };
    const done = results.flatMap((r) => (r.ok ? [r.value] : []));
    const errors = results.flatMap((r) => (r.ok ? [] : [r.error]));
    if (done.length === 0) return { list, cms: failed('cms', vdn, errors[0]) };
    const partly = errors.length ? `${errors.length} of ${results.length} tasks failed: ${describe(errors[0])}` : null;
    return { list, cms: { source: 'cms', vdn, takenAt, ok: true, payload: encodeCms(done), error: partly } };
  }

  async function bots(): Promise<NewSnapshot[]> {
    const codes = await deps.botCodes();
    const results = await Promise.all(codes.map((code) => oifdeSlot(() => settle(deps.aicc.oifde.callStatistics({ accessCode: code, type: 'hour', day: at }, BACKGROUND)))));
    return results.map((r, i) => {
      const code = codes[i]!;
      return r.ok ? { source: 'oifde', vdn: BOT_VDN, subject: code, takenAt, ok: true, payload: r.value } : failed('oifde', BOT_VDN, r.error, code);
    });
  }

  const [perVdn, botRows] = await Promise.all([Promise.all(deps.vdnIds.map((vdn) => Promise.all([campaignsAndTasks(vdn), stats(vdn)]))), bots()]);

  // An unchanged list confirms the stored one; `maxGapMs` 0 (no interval known) always stores.
  const maxGapMs = deps.intervalMs === undefined ? 0 : 1.5 * deps.intervalMs;
  const rows: NewSnapshot[] = [];
  let added = 0;
  let confirmed = 0;
  let bytes = 0;
  for (const [{ list, cms }, statRows] of perVdn) {
    if (list.ok) {
      const kept = await deps.store.snapshots.insertOrConfirm(list, { maxGapMs });
      if (kept.inserted) {
        added++;
        bytes += payloadBytes(list);
      } else confirmed++;
    } else rows.push(list);
    rows.push(...statRows, ...(cms ? [cms] : []));
  }
  rows.push(...botRows);
  added += await deps.store.snapshots.insertMany(rows);
  bytes += rows.reduce((sum, r) => sum + payloadBytes(r), 0);
  const failures = rows.filter((r) => !r.ok).map((r) => ({ source: r.source, vdn: r.vdn, error: r.error ?? '' }));
  if (failures.length) deps.log.warn('collector tick had failures', { failures: failures.length, first: failures[0]?.error });
  return { at, snapshots: added, confirmed, payloadBytes: bytes, failures };
}

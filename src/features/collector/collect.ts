/**
 * One collector tick: for each VDN, every campaign (all pages), statistics v2 (one call per VDN,
 * through the shared guard), CMS real-time for the running campaigns (bounded concurrency), and
 * OIFDE for the bots that subscriptions and rules name. Each result is stored as a timestamped
 * snapshot; a failure is stored too, so health and "no data" come from the same place.
 */
import type { Campaign } from '../../aicc/domain.js';
import { isAiccError } from '../../aicc/errors.js';
import type { Aicc } from '../../aicc/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/log.js';
import { pool } from '../../platform/pool.js';
import type { NewSnapshot, Store } from '../../store/index.js';
import { encodeCampaigns, encodeCms, encodeStats } from './payloads.js';

/** Bots are not per VDN; their snapshots use VDN 0. */
export const BOT_VDN = 0;

export interface CollectorDeps {
  aicc: Aicc;
  store: Store;
  clock: Clock;
  log: Logger;
  vdnIds: readonly number[];
  /** Access codes to collect (named by digest subscriptions and alert rules). */
  botCodes: () => Promise<string[]>;
  /** Upstream calls in flight at once for CMS and OIFDE (default 4). */
  cmsConcurrency?: number;
}

export interface TickReport {
  at: Date;
  snapshots: number;
  failures: Array<{ source: string; vdn: number; error: string }>;
}

function describe(error: unknown): string {
  return isAiccError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
}

export async function collectOnce(deps: CollectorDeps): Promise<TickReport> {
  const at = deps.clock();
  const rows: NewSnapshot[] = [];
  const failures: TickReport['failures'] = [];
  const fail = (source: NewSnapshot['source'], vdn: number, error: unknown, subject = '') => {
    const message = describe(error);
    failures.push({ source, vdn, error: message });
    rows.push({ source, vdn, subject, takenAt: at.getTime(), ok: false, error: message });
  };

  for (const vdn of deps.vdnIds) {
    let campaigns: Campaign[] = [];
    try {
      campaigns = await deps.aicc.isales.listAllCampaigns(vdn);
      rows.push({ source: 'campaigns', vdn, takenAt: at.getTime(), ok: true, payload: encodeCampaigns(campaigns) });
    } catch (error) {
      fail('campaigns', vdn, error);
    }

    try {
      const stats = await deps.aicc.stats.get({ vdn });
      // The guard may serve a value another process fetched; store each fetch once, at its own time.
      const last = await deps.store.snapshots.latest('stats', vdn, '', { okOnly: true });
      if (!last || last.takenAt < stats.fetchedAt.getTime()) {
        rows.push({ source: 'stats', vdn, takenAt: stats.fetchedAt.getTime(), ok: true, payload: encodeStats(stats.campaigns) });
      }
      if (stats.stale && stats.staleReason && stats.staleReason.code !== 'rate_limited') fail('stats', vdn, stats.staleReason);
    } catch (error) {
      // Our own guard saying "not yet" is not a failure of the service.
      if (!(isAiccError(error) && error.code === 'rate_limited' && !error.httpStatus)) fail('stats', vdn, error);
    }

    const running = campaigns.filter((c) => c.status === 2);
    if (running.length > 0) {
      const results = await pool(running, deps.cmsConcurrency ?? 4, (c) =>
        deps.aicc.cms.taskRealtimeStatistics(vdn, c.id).then(
          (task) => ({ ok: true as const, task }),
          (error: unknown) => ({ ok: false as const, error }),
        ),
      );
      const tasks = results.flatMap((r) => (r.ok ? [r.task] : []));
      const errors = results.flatMap((r) => (r.ok ? [] : [r.error]));
      if (tasks.length > 0) rows.push({ source: 'cms', vdn, takenAt: at.getTime(), ok: true, payload: encodeCms(tasks), error: errors.length ? `${errors.length} of ${results.length} tasks failed: ${describe(errors[0])}` : null });
      else fail('cms', vdn, errors[0]);
    }
  }

  const codes = await deps.botCodes();
  const botResults = await pool(codes, deps.cmsConcurrency ?? 4, (code) =>
    deps.aicc.oifde.callStatistics({ accessCode: code, type: 'hour', day: at }).then(
      (botRows) => ({ code, ok: true as const, botRows }),
      (error: unknown) => ({ code, ok: false as const, error }),
    ),
  );
  for (const r of botResults) {
    if (r.ok) rows.push({ source: 'oifde', vdn: BOT_VDN, subject: r.code, takenAt: at.getTime(), ok: true, payload: r.botRows });
    else fail('oifde', BOT_VDN, r.error, r.code);
  }

  await deps.store.snapshots.insertMany(rows);
  if (failures.length) deps.log.warn('collector tick had failures', { failures: failures.length, first: failures[0]?.error });
  return { at, snapshots: rows.length, failures };
}

/**
 * Gathers what a digest shows, preferring stored snapshots (the collector's) and falling back to
 * a live call when there is no recent one. Sources that fail are named, never silently left out.
 */
import type { BotStatRow, Campaign, CampaignStats } from '../../aicc/domain.js';
import { SERVICE_LABELS, isAiccError } from '../../aicc/errors.js';
import type { Aicc } from '../../aicc/index.js';
import { BOT_VDN, DEFAULT_TOLERANCE_MS, decodeCampaigns, decodeStats } from '../collector/index.js';
import type { Store } from '../../store/index.js';
import type { DigestSubscription } from '../../store/digests.js';
import type { BotDigestInput, DigestFailure, DigestInput, VdnDigestInput } from './view.js';
import { vdnHours, type VdnHours } from './series.js';

const DAY = 86_400_000;

export interface ContentDeps {
  store: Store;
  aicc: Aicc;
  /** How old a snapshot may be and still count as current. */
  freshMs: number;
  /** The tenant's zone (AICC_TIMEZONE): the vendor's day, and so the hours charted, start at its midnight. */
  timeZone?: string;
}

function why(error: unknown): string {
  return isAiccError(error) ? error.message : error instanceof Error ? error.message : String(error);
}

function reviveBotRows(payload: unknown): BotStatRow[] {
  if (!Array.isArray(payload)) return [];
  return payload.map((r: BotStatRow & { recordTime: string | number | Date }) => ({ ...r, recordTime: new Date(r.recordTime) }));
}

async function vdnInput(sub: DigestSubscription, now: number, deps: ContentDeps, failures: DigestFailure[]): Promise<VdnDigestInput> {
  const { store, aicc, freshMs } = deps;
  const vdn = sub.vdn;
  let campaigns: Campaign[] = [];
  let campaignsAsOf: Date | undefined;
  const snap = await store.snapshots.latest('campaigns', vdn, '', { okOnly: true, maxAgeMs: freshMs, now });
  if (snap) {
    campaigns = decodeCampaigns(snap.payload);
    campaignsAsOf = new Date(snap.takenAt);
  } else {
    try {
      campaigns = await aicc.isales.listAllCampaigns(vdn);
      campaignsAsOf = new Date(now);
    } catch (error) {
      failures.push({ source: { kind: 'campaigns', service: SERVICE_LABELS.isales, vdn }, message: why(error), error });
    }
  }

  let stats: CampaignStats[] = [];
  let statsAsOf: Date | undefined;
  const statsSnap = await store.snapshots.latest('stats', vdn, '', { okOnly: true, maxAgeMs: freshMs, now });
  if (statsSnap) {
    stats = decodeStats(statsSnap.payload);
    statsAsOf = new Date(statsSnap.takenAt);
  } else {
    try {
      const live = await aicc.stats.get({ vdn });
      stats = live.campaigns;
      statsAsOf = live.fetchedAt;
      if (live.stale && live.staleReason) failures.push({ source: { kind: 'statistics', service: SERVICE_LABELS.isales, vdn }, message: live.staleReason.message, error: live.staleReason, stale: true });
    } catch (error) {
      const last = await store.snapshots.latest('stats', vdn, '', { okOnly: true });
      failures.push({ source: { kind: 'statistics', service: SERVICE_LABELS.isales, vdn }, message: why(error), error, since: last ? new Date(last.takenAt) : undefined });
    }
  }

  // "Same time yesterday": the newest snapshot at or before now − 24 h, within the hour before it.
  const y = await store.snapshots.latestBefore('stats', vdn, '', now - DAY, { notBefore: now - DAY - 3_600_000 });
  const hours = await hoursOrNone(sub, now, deps);
  return {
    vdn,
    campaigns,
    campaignsAsOf,
    stats,
    statsAsOf,
    yesterdayStats: y ? decodeStats(y.payload) : undefined,
    yesterdayAsOf: y ? new Date(y.takenAt) : undefined,
    ...(hours ? { hours } : {}),
  };
}

/** The hourly chart is an illustration: without it the digest still says everything. */
async function hoursOrNone(sub: DigestSubscription, now: number, deps: ContentDeps): Promise<VdnHours | undefined> {
  try {
    return await vdnHours(deps.store, sub, now, deps.timeZone ?? sub.timeZone, Math.max(DEFAULT_TOLERANCE_MS, deps.freshMs));
  } catch {
    return undefined;
  }
}

async function botInput(code: string, now: number, deps: ContentDeps, failures: DigestFailure[]): Promise<BotDigestInput> {
  const snap = await deps.store.snapshots.latest('oifde', BOT_VDN, code, { okOnly: true, maxAgeMs: deps.freshMs, now });
  if (snap) return { accessCode: code, rows: reviveBotRows(snap.payload), asOf: new Date(snap.takenAt) };
  try {
    return { accessCode: code, rows: await deps.aicc.oifde.callStatistics({ accessCode: code, type: 'hour', day: new Date(now) }), asOf: new Date(now) };
  } catch (error) {
    failures.push({ source: { kind: 'bot', service: SERVICE_LABELS.oifde, code }, message: why(error), error });
    return { accessCode: code, rows: [] };
  }
}

/** Everything `buildDigestView` needs for one subscription at `now`. */
export async function gatherDigestInput(sub: DigestSubscription, now: Date, deps: ContentDeps, late?: Date): Promise<DigestInput> {
  const failures: DigestFailure[] = [];
  const vdnData = [await vdnInput(sub, now.getTime(), deps, failures)];
  const bots = await Promise.all(sub.bots.map((code) => botInput(code, now.getTime(), deps, failures)));
  // A collector that keeps failing is worth saying even when an older snapshot filled the gap.
  const cms = await deps.store.snapshots.health('cms');
  if (cms.consecutiveFailures >= 3 && cms.lastError) failures.push({ source: { kind: 'cms', service: SERVICE_LABELS.cms }, message: cms.lastError, since: cms.lastOkAt ? new Date(cms.lastOkAt) : undefined });
  return {
    now,
    timeZone: sub.timeZone,
    ...(deps.timeZone ? { tenantTimeZone: deps.timeZone } : {}),
    subscriptionId: sub.id,
    late: late ? { scheduledFor: late } : undefined,
    vdnData,
    bots,
    failures,
    filter: { campaigns: sub.campaigns, bots: sub.bots },
  };
}

/**
 * Compact snapshot payloads. A 1000-campaign VDN is collected every five minutes, so the stored
 * form is a row of numbers per campaign rather than the vendor's verbose objects; `null` keeps an
 * unknown count unknown.
 */
import type { Campaign, CampaignStats, Inconsistent, OutboundCountField, TaskRealtime } from '../../aicc/domain.js';
import { toCampaign } from '../../aicc/isales-schemas.js';

type N = number | null;
/**
 * [campaignId, dailyCalled, dailyConnected, dailyFinished, remaining, totalCalled, totalConnected,
 * totalFinished, total, inconsistent?]: the last, when present, keeps the figures the vendor sent
 * that cannot be true, as it wrote them (snapshots stored before it have nine elements).
 */
export type StatsRowPayload = [string, N, N, N, N, N, N, N, N, Inconsistent<OutboundCountField>?];
/** [taskId, total, connected, failed, completed, waiting, inProgress] */
export type CmsRowPayload = [string, N, N, N, N, N, N];

const n = (v: number | undefined | null): N => (v === undefined || v === null ? null : v);
const u = (v: N | undefined): number | undefined => (v === null || v === undefined ? undefined : v);

export function encodeStats(stats: readonly CampaignStats[]): StatsRowPayload[] {
  return stats.map((s) => {
    const row: StatsRowPayload = [s.campaignId, n(s.dailyCalled), n(s.dailyConnected), n(s.dailyFinished), n(s.remaining), n(s.totalCalled), n(s.totalConnected), n(s.totalFinished), n(s.total)];
    if (s.inconsistent && Object.keys(s.inconsistent).length > 0) row.push(s.inconsistent);
    return row;
  });
}

/** Back to domain stats (without batches, which snapshots do not keep). */
export function decodeStats(payload: unknown): CampaignStats[] {
  if (!Array.isArray(payload)) return [];
  return payload
    .filter((r): r is StatsRowPayload => Array.isArray(r) && typeof r[0] === 'string')
    .map((r) => ({
      campaignId: r[0],
      dailyCalled: u(r[1]),
      dailyConnected: u(r[2]),
      dailyFinished: u(r[3]),
      remaining: u(r[4]),
      totalCalled: u(r[5]),
      totalConnected: u(r[6]),
      totalFinished: u(r[7]),
      total: u(r[8]),
      ...(inconsistentOf(r[9]) ? { inconsistent: inconsistentOf(r[9]) } : {}),
      batches: [],
    }));
}

/** The stored `inconsistent` element, when it is one: field names to the vendor's text. */
function inconsistentOf(v: unknown): Inconsistent<OutboundCountField> | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const entries = Object.entries(v).filter(([, t]) => typeof t === 'string');
  return entries.length > 0 ? (Object.fromEntries(entries) as Inconsistent<OutboundCountField>) : undefined;
}

export function encodeCms(tasks: readonly TaskRealtime[]): CmsRowPayload[] {
  return tasks.map((t) => [t.taskId, n(t.total), n(t.connected), n(t.failed), n(t.completed), n(t.waiting), n(t.inProgress)]);
}

export function decodeCms(payload: unknown): TaskRealtime[] {
  if (!Array.isArray(payload)) return [];
  return payload
    .filter((r): r is CmsRowPayload => Array.isArray(r) && typeof r[0] === 'string')
    .map((r) => ({ taskId: r[0], total: u(r[1]), connected: u(r[2]), failed: u(r[3]), completed: u(r[4]), waiting: u(r[5]), inProgress: u(r[6]) }));
}

/** [id, name, status, deviceType, beginMs, endMs, callerNo] */
export type CampaignRowPayload = [string, string, number, number, N, N, string | null];

export function encodeCampaigns(campaigns: readonly Campaign[]): CampaignRowPayload[] {
  return campaigns.map((c) => [c.id, c.name, c.status, c.deviceType, c.beginTime?.getTime() ?? null, c.endTime?.getTime() ?? null, c.callerNo ?? null]);
}

export function decodeCampaigns(payload: unknown): Campaign[] {
  if (!Array.isArray(payload)) return [];
  const date = (v: N | undefined) => (typeof v === 'number' ? new Date(v) : undefined);
  return payload
    .filter((r): r is CampaignRowPayload => Array.isArray(r) && typeof r[0] === 'string')
    .map((r) => toCampaign({ id: r[0], name: String(r[1] ?? ''), status: r[2], deviceType: r[3], beginTime: date(r[4]), endTime: date(r[5]), callerNo: r[6] ?? undefined }));
}

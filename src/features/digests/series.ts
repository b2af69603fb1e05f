/**
 * What a digest charts, hour by hour: a VDN's dialled and connected calls today and yesterday (from
 * the statistics snapshots, see ../collector/hourly.ts), and each voice bot's calls and autonomy
 * (from its hourly report rows). Unknown stays `null`: a gap in the chart and "–" in its text.
 */
import type { BotStatRow } from '../../aicc/domain.js';
import { ratio } from '../../slack/format.js';
import { campaignHours, DEFAULT_TOLERANCE_MS, localDay, type LocalDay } from '../collector/index.js';
import type { Store } from '../../store/index.js';
import type { DigestSubscription } from '../../store/digests.js';

const DAY_MS = 86_400_000;

/** A VDN's hours today, and the same hours yesterday. */
export interface VdnHours {
  /** Local hours of the tenant's day (`09:00`), up to the one in progress. */
  labels: string[];
  /** The zone the hours are in (the tenant's: the vendor's day starts at its midnight). */
  timeZone: string;
  dialled: (number | null)[];
  connected: (number | null)[];
  yesterdayDialled: (number | null)[];
  yesterdayConnected: (number | null)[];
  /** Campaigns left out because no snapshot knew their counts. */
  unknown: number;
}

/**
 * Hourly figures of the subscription's campaigns; undefined when no snapshot of today has any (the
 * collector is off, or the day has just begun).
 */
export async function vdnHours(store: Store, sub: Pick<DigestSubscription, 'vdn' | 'campaigns'>, now: number, timeZone: string, toleranceMs = DEFAULT_TOLERANCE_MS): Promise<VdnHours | undefined> {
  const today = localDay(now, timeZone);
  const yesterday = localDay(now, timeZone, -1);
  const q = { vdn: sub.vdn, campaigns: sub.campaigns, toleranceMs };
  // Yesterday up to the same time of day: the same hours, comparable with today's so far.
  const [t, y] = await Promise.all([campaignHours(store, { ...q, day: today, now }), campaignHours(store, { ...q, day: yesterday, now: now - DAY_MS })]);
  const shown = today.hours.filter((h) => h.start < now);
  if (!t.dialled.slice(0, shown.length).some((v) => v !== null)) return undefined;
  // Yesterday's hours by label, so a DST change between the days still lines them up.
  const yIndex = new Map(yesterday.hours.map((h, i) => [h.label, i]));
  const yAt = (series: (number | null)[]) => shown.map((h) => (yIndex.has(h.label) ? (series[yIndex.get(h.label)!] ?? null) : null));
  return {
    labels: shown.map((h) => h.label),
    timeZone,
    dialled: t.dialled.slice(0, shown.length),
    connected: t.connected.slice(0, shown.length),
    yesterdayDialled: yAt(y.dialled),
    yesterdayConnected: yAt(y.connected),
    unknown: t.unknown.length,
  };
}

/** One bot's hours: calls, and autonomy (self-service ÷ (self-service + transfers)) as a fraction. */
export interface BotHours {
  calls: (number | null)[];
  selfService: (number | null)[];
  handled: (number | null)[];
}

/**
 * A bot's hourly report rows placed in the hours of `day` (up to `now`); an hour without a row is
 * `null`: the report did not say, and a missing row is not read as a quiet hour.
 */
export function botHours(rows: readonly BotStatRow[], day: LocalDay, now: number): BotHours {
  const hours = day.hours.filter((h) => h.start < now);
  const inHour = (h: { start: number; end: number }) => rows.filter((r) => r.recordTime.getTime() >= h.start && r.recordTime.getTime() < h.end);
  const sum = (pick: (r: BotStatRow) => number | undefined) =>
    hours.map((h) => {
      const values = inHour(h).map(pick);
      return values.length === 0 || values.some((v) => v === undefined) ? null : (values as number[]).reduce((a, b) => a + b, 0);
    });
  const self = sum((r) => r.exitConsulting);
  const before = sum((r) => r.staffNoConsult);
  const after = sum((r) => r.staffConsult);
  return {
    calls: sum((r) => r.calls),
    selfService: self,
    handled: self.map((s, i) => (s === null || before[i] === null || after[i] === null ? null : s + before[i]! + after[i]!)),
  };
}

/** One bot's hours in {@link DigestBotHours}. */
export interface BotHoursRow {
  accessCode: string;
  name?: string;
  calls: (number | null)[];
  /** Self-service ÷ handled, as a fraction; `null` where unknown or nothing was handled. */
  autonomy: (number | null)[];
}

/** The voice bots by hour of the tenant's day, up to the hour in progress. */
export interface DigestBotHours {
  labels: string[];
  timeZone: string;
  bots: BotHoursRow[];
}

/** Each bot's calls and autonomy by hour, from its report rows; undefined when none has rows. */
export function botHoursOf(
  inputs: ReadonlyArray<{ accessCode: string; name?: string; rows: readonly BotStatRow[] }>,
  codes: readonly string[],
  now: number,
  timeZone: string,
): DigestBotHours | undefined {
  const day = localDay(now, timeZone);
  const labels = day.hours.filter((h) => h.start < now).map((h) => h.label);
  const byCode = new Map(inputs.map((b) => [b.accessCode, b]));
  const bots = codes.flatMap((code): BotHoursRow[] => {
    const b = byCode.get(code);
    if (!b || b.rows.length === 0) return [];
    const h = botHours(b.rows, day, now);
    const autonomy = h.selfService.map((s, i) => ratio(s ?? undefined, h.handled[i] ?? undefined) ?? null);
    return [{ accessCode: code, ...(b.name !== undefined ? { name: b.name } : {}), calls: h.calls, autonomy }];
  });
  return bots.length > 0 && labels.length > 0 ? { labels, timeZone, bots } : undefined;
}

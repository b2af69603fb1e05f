/**
 * Hour-by-hour figures from the stored snapshots. The collector stores the vendor's counters as they
 * stand at each tick ("dialled today so far"); an hour's figure is how much a counter grew between
 * the readings at the hour's start and end.
 *
 * - **Day boundary**: daily counters start again at 0 at local midnight, so the first hour starts
 *   from 0 and never from yesterday's last reading; each day is computed on its own.
 * - **Restarts**: a reading lower than the one before means the counter started again (a vendor
 *   restart); the growth since then is the new reading, as Prometheus' `increase()` counts it.
 * - **Gaps**: an hour whose start or end was not observed (no successful snapshot within the
 *   tolerance of the boundary, or none inside the hour) is `null`, never 0. An unknown count is
 *   skipped, never read as 0.
 *
 * Only the snapshots nearest the hour boundaries are read (one indexed look-up per boundary), so a
 * day costs ~25 reads however often the collector runs; retention's hourly thinning keeps exactly
 * those rows (the last of each hour).
 */
import { wallClock } from '../../i18n/index.js';
import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { CampaignStats } from '../../aicc/domain.js';
import type { Snapshot, Store } from '../../store/index.js';
import { decodeStats } from './payloads.js';

/** One local hour: `[start, end)` in epoch ms, labelled `09:00`. */
export interface HourSlot {
  start: number;
  end: number;
  label: string;
}

/** A local day in the tenant's zone, as its hours (23 or 25 on a DST change). */
export interface LocalDay {
  /** `YYYY-MM-DD`. */
  date: string;
  start: number;
  end: number;
  hours: HourSlot[];
}

/** Local days already worked out, by zone, date and offset (emptied when full, which bounds it). */
const knownDays = new Map<string, LocalDay>();
const KNOWN_DAYS_LIMIT = 64;

/**
 * The local day that contains `at`, or the one `offsetDays` before or after it. Working a day out
 * builds 26 zoned dates and formats 25 (about a fifth of a `stats CAMPAIGN` answer's CPU), and
 * every answer of a day asks for the same few days: each is worked out once and kept. Callers do
 * not change what they get.
 */
export function localDay(at: number, timeZone: string, offsetDays = 0): LocalDay {
  const w = wallClock(new Date(at), timeZone);
  const key = `${timeZone}|${w.year}-${w.month}-${w.day}|${offsetDays}`;
  let day = knownDays.get(key);
  if (!day) {
    day = workOutDay(at, timeZone, offsetDays);
    if (knownDays.size >= KNOWN_DAYS_LIMIT) knownDays.clear();
    knownDays.set(key, day);
  }
  return day;
}

function workOutDay(at: number, timeZone: string, offsetDays: number): LocalDay {
  const local = new TZDate(at, timeZone);
  const y = local.getFullYear();
  const m = local.getMonth();
  const d = local.getDate() + offsetDays;
  const start = new TZDate(y, m, d, 0, 0, 0, timeZone).getTime();
  const end = new TZDate(y, m, d + 1, 0, 0, 0, timeZone).getTime();
  const starts = [...new Set(Array.from({ length: 24 }, (_, h) => new TZDate(y, m, d, h, 0, 0, timeZone).getTime()))].filter((t) => t >= start && t < end).sort((a, b) => a - b);
  const hours = starts.map((s, i) => ({ start: s, end: starts[i + 1] ?? end, label: format(s, 'HH:mm', { in: tz(timeZone) }) }));
  return { date: format(start, 'yyyy-MM-dd', { in: tz(timeZone) }), start, end, hours };
}

/** A counter as one snapshot read it; `value` undefined when the vendor did not say. */
export interface CounterReading {
  at: number;
  value: number | undefined;
}

export interface IncreaseOptions {
  /** Hours that start at or after `now` are `null`; the hour in progress counts up to `now`. */
  now: number;
  /** How far before a boundary a reading may be and still stand for it. */
  toleranceMs: number;
  /** The counter is a "today" counter that starts at 0 at the day's start (default true). */
  resetsDaily?: boolean;
}

/** How much a counter grew in each hour of `day`; `null` where that cannot be known. */
export function hourlyIncreases(readings: readonly CounterReading[], day: LocalDay, opts: IncreaseOptions): (number | null)[] {
  const resets = opts.resetsDaily ?? true;
  const known = readings
    .filter((r): r is { at: number; value: number } => r.value !== undefined && Number.isFinite(r.value) && (!resets || r.at >= day.start))
    .sort((a, b) => a.at - b.at);
  // A daily counter is 0 when the day starts, observed or not.
  if (resets) known.unshift({ at: day.start, value: 0 });
  const lastIn = (from: number, to: number) => known.findLast((r) => r.at > from && r.at <= to);
  return day.hours.map((h, i) => {
    if (h.start >= opts.now) return null;
    const first = resets && i === 0 ? known[0] : lastIn(h.start - opts.toleranceMs, h.start);
    const end = Math.min(h.end, opts.now);
    // The end reading must lie inside the hour: an hour nobody observed has no figure.
    const last = lastIn(Math.max(h.start, end - opts.toleranceMs), end);
    if (!first || !last) return null;
    let grown = 0;
    let prev = first.value;
    for (const r of known) {
      if (r.at <= first.at || r.at > last.at) continue;
      grown += r.value >= prev ? r.value - prev : r.value;
      prev = r.value;
    }
    return grown;
  });
}

/** Sums hourly series; an hour is `null` when any series is (an unknown never counts as 0). */
export function sumHourly(series: ReadonlyArray<ReadonlyArray<number | null>>, length: number): (number | null)[] {
  return Array.from({ length }, (_, i) => {
    let total = 0;
    for (const s of series) {
      const v = s[i];
      if (v === null || v === undefined) return null;
      total += v;
    }
    return total;
  });
}

/** A boundary look-up is this lenient at least (five-minute collectors tick a few minutes early). */
export const DEFAULT_TOLERANCE_MS = 15 * 60_000;

/**
 * The newest successful snapshot at or before each time, within `toleranceMs` of it (undefined
 * where there is none); one indexed look-up per time.
 */
export async function snapshotsAt(store: Store, source: Snapshot['source'], vdn: number, subject: string, times: readonly number[], toleranceMs: number): Promise<Array<Snapshot | undefined>> {
  return Promise.all(times.map((t) => store.snapshots.latestBefore(source, vdn, subject, t, { notBefore: t - toleranceMs })));
}

/**
 * A stats snapshot's rows by campaign, worked out once per parsed payload: the store hands every
 * reader of a row the same parsed payload (see latestBefore), and a VDN-wide answer reads some
 * twenty snapshots of every campaign. Read-only, like the payload.
 */
const rowsByPayload = new WeakMap<object, ReadonlyMap<string, CampaignStats>>();

function rowsOf(payload: unknown): ReadonlyMap<string, CampaignStats> {
  if (typeof payload !== 'object' || payload === null) return new Map();
  let rows = rowsByPayload.get(payload);
  if (!rows) {
    rows = new Map(decodeStats(payload).map((r) => [r.campaignId, r]));
    rowsByPayload.set(payload, rows);
  }
  return rows;
}

/** Dialled and connected by hour over a set of campaigns of one VDN. */
export interface CampaignHours {
  day: LocalDay;
  dialled: (number | null)[];
  connected: (number | null)[];
  /** Campaigns left out because no snapshot of the day knew their counts. */
  unknown: string[];
}

export interface CampaignHoursQuery {
  vdn: number;
  /** `all`: every campaign the day's snapshots list. */
  campaigns: 'all' | readonly string[];
  day: LocalDay;
  now: number;
  toleranceMs?: number;
}

/**
 * Today's (or another day's) dialled and connected calls by hour from the statistics snapshots.
 * Each campaign's counters are followed on their own (restarts, gaps), then added up per hour.
 */
export async function campaignHours(store: Store, q: CampaignHoursQuery): Promise<CampaignHours> {
  const tolerance = q.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  const times = q.day.hours.map((h) => Math.min(h.end, q.now)).filter((t, i) => q.day.hours[i]!.start < q.now);
  const snaps = (await snapshotsAt(store, 'stats', q.vdn, '', times, tolerance)).filter((s): s is Snapshot => s !== undefined);
  const unique = [...new Map(snaps.map((s) => [s.id, s])).values()];
  const decoded = unique.map((s) => ({ at: s.takenAt, rows: rowsOf(s.payload) }));
  const ids = q.campaigns === 'all' ? [...new Set(decoded.flatMap((d) => [...d.rows.keys()]))].sort() : [...new Set(q.campaigns)];
  const opts = { now: q.now, toleranceMs: tolerance };
  const dialled: Array<(number | null)[]> = [];
  const connected: Array<(number | null)[]> = [];
  const unknown: string[] = [];
  for (const id of ids) {
    // A snapshot without a row for the campaign: it had dialled nothing (yet) that day.
    const read = (pick: 'dailyCalled' | 'dailyConnected') => decoded.map((d) => ({ at: d.at, value: d.rows.has(id) ? d.rows.get(id)![pick] : 0 }));
    const listed = decoded.some((d) => d.rows.has(id));
    if (listed && decoded.every((d) => d.rows.get(id)?.dailyCalled === undefined)) {
      unknown.push(id);
      continue;
    }
    dialled.push(hourlyIncreases(read('dailyCalled'), q.day, opts));
    connected.push(hourlyIncreases(read('dailyConnected'), q.day, opts));
  }
  // Zero growth wherever the snapshots observed the hour, null where they did not: added to the
  // sums, it keeps an hour without snapshots a gap even when no campaign is in scope.
  const observed = hourlyIncreases(decoded.map((d) => ({ at: d.at, value: 0 })), q.day, opts);
  const n = q.day.hours.length;
  return { day: q.day, dialled: sumHourly([observed, ...dialled], n), connected: sumHourly([observed, ...connected], n), unknown };
}

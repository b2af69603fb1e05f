/**
 * Tenant-calendar arithmetic for the simulator: local days, hour slots and vendor wall-time strings.
 *
 * A local day is numbered like epoch days (0 = 1970-01-01 in the tenant zone). Hour slots are the
 * real hours between two local midnights (23 or 25 on daylight-saving days), so slot `h` starts at
 * `dayStart(day) + h` hours.
 */
import { tzOffset } from '@date-fns/tz';

const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export interface TenantCalendar {
  readonly timeZone: string;
  /** The local day containing an instant. */
  dayOf(ms: number): number;
  /** The instant of local midnight starting a day. */
  dayStart(day: number): number;
  /** Number of hour slots in a day (24, or 23/25 on daylight-saving days). */
  slotCount(day: number): number;
  /** `yyyy-MM-dd HH:mm:ss` in the tenant zone. */
  formatDateTime(ms: number): string;
  /** `yyyy-MM-dd` of a local day. */
  formatDay(day: number): string;
}

/** Throws when the zone is unknown to the runtime. */
export function tenantCalendar(timeZone: string): TenantCalendar {
  const offsetMs = (ms: number): number => {
    const minutes = tzOffset(timeZone, new Date(ms));
    if (Number.isNaN(minutes)) throw new Error(`unknown time zone: ${timeZone}`);
    return minutes * 60_000;
  };
  offsetMs(0);
  const starts = new Map<number, number>();

  const dayOf = (ms: number): number => Math.floor((ms + offsetMs(ms)) / DAY_MS);
  const dayStart = (day: number): number => {
    const cached = starts.get(day);
    if (cached !== undefined) return cached;
    const base = day * DAY_MS;
    let start = base - offsetMs(base - offsetMs(base));
    // A zone whose clocks jump at midnight has no 00:00: the day starts at the first instant after.
    if (dayOf(start) !== day) start = base - offsetMs(base);
    if (starts.size > 10_000) starts.clear();
    starts.set(day, start);
    return start;
  };

  return {
    timeZone,
    dayOf,
    dayStart,
    slotCount: (day) => Math.round((dayStart(day + 1) - dayStart(day)) / HOUR_MS),
    formatDateTime: (ms) => new Date(ms + offsetMs(ms)).toISOString().slice(0, 19).replace('T', ' '),
    formatDay: (day) => new Date(day * DAY_MS).toISOString().slice(0, 10),
  };
}

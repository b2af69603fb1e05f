/** Durations as people type them (`15m`, `4h`, `1h30m`, `2d`) and "tomorrow" in the tenant's zone. */
import { TZDate } from '@date-fns/tz';

const UNIT_S: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds of `90s`, `15m`, `4h`, `1h30m`, `2d`, or a bare number of minutes; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d{1,6}$/.test(t)) return Number(t) * 60;
  if (!/^(?:\d{1,6}[smhd])+$/.test(t)) return undefined;
  let total = 0;
  for (const m of t.matchAll(/(\d+)([smhd])/g)) total += Number(m[1]) * UNIT_S[m[2]!]!;
  return total;
}

/** `10m`, `4h`, `1h 30m`, `2d`, `0s`: the shortest exact words for a number of seconds. */
export function durationWords(seconds: number): string {
  if (seconds <= 0) return '0s';
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join(' ');
}

/** The next midnight after `now` in `timeZone` ("until tomorrow"). */
export function nextMidnight(now: number, timeZone: string): number {
  const local = new TZDate(now, timeZone);
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 0, timeZone).getTime();
}

/**
 * An instant's wall-clock fields in a time zone. One `Intl.DateTimeFormat` per zone is kept:
 * building one costs far more than using it, and answers format a handful of zones thousands of
 * times. The last instants split are kept too (an answer formats the same few instants several
 * times); the map is emptied when full, which bounds it. A zone the runtime does not know throws a
 * RangeError.
 */
export interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const recent = new Map<string, WallClock>();
const RECENT_LIMIT = 512;

export function wallClock(date: Date, timeZone: string): WallClock {
  const key = `${date.getTime()}|${timeZone}`;
  const hit = recent.get(key);
  if (hit) return hit;
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, f);
  }
  const w: WallClock = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const p of f.formatToParts(date)) if (p.type in w) w[p.type as keyof WallClock] = p.value;
  // `yyyy` pads a year to four digits; Intl's numeric year does not.
  w.year = w.year.padStart(4, '0');
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(key, w);
  return w;
}

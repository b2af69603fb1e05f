/**
 * When a digest is due: parsing `at`, `days` and `tz`, and the scheduled
 * instants themselves, computed in the subscription's time zone with @date-fns/tz. Pure: every
 * function takes the instants it reasons about; nothing here reads a clock or starts a timer.
 *
 * Daylight saving (the two cases a wall-clock schedule must decide):
 * - spring forward: a time that does not exist that day (02:30 in America/New_York on the second
 *   Sunday of March) runs once, shifted forward by the gap (03:30 EDT). Skipping would silently
 *   drop a whole day's digest; shifting is also what `TZDate` does with a non-existent time.
 * - fall back: a time that happens twice (01:30 on the first Sunday of November) runs once, at
 *   the first occurrence (01:30 EDT); the repeated hour does not produce a second slot.
 *
 * The slots ({@link nextRuns}, {@link scheduledSlotsBetween}) are the truth about what is due; the
 * digest service only wakes on a timer and, on each wake-up (and at start), claims the slots between
 * its last check and now, one claim per subscription and slot, which gets both DST cases and the
 * exactly-once rule right whatever the timer does.
 */
import { TZDate } from '@date-fns/tz';
import { type Translator } from '../../i18n/index.js';
import { inEnglish, msg, type Message } from '../../slack/commands/message.js';

/** Day of the week as `Date#getDay` and cron number them: 0 Sunday … 6 Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A parsed value, or what was expected instead (completes "`at` must be …", worded in the reader's language). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: Message };

/** Local wall-clock time of day. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** A schedule as a subscription stores it: `at` 'HH:MM', `days` as typed (or canonical), IANA zone. */
export interface DigestSchedule {
  at: string;
  days: string;
  timeZone: string;
}

/** What to do about a slot that passed while the bot was not running. */
export type CatchUpDecision = 'post-late' | 'miss';

/** How long after its time a missed digest is still posted (minutes), unless configured otherwise. */
export const DEFAULT_GRACE_MIN = 120;

/** Thrown when a stored schedule does not parse; commands validate first, so this is a bug or bad data. */
export class ScheduleError extends RangeError {
  override readonly name = 'ScheduleError';
}

const MON_FIRST: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];
const SHORT = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_WORDS: Readonly<Record<string, Weekday>> = {
  sun: 0, sunday: 0,
  mon: 1, monday: 1,
  tue: 2, tues: 2, tuesday: 2,
  wed: 3, weds: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5,
  sat: 6, saturday: 6,
};
const KEYWORDS: Readonly<Record<string, readonly Weekday[]>> = {
  daily: [0, 1, 2, 3, 4, 5, 6],
  everyday: [0, 1, 2, 3, 4, 5, 6],
  weekdays: [1, 2, 3, 4, 5],
  weekday: [1, 2, 3, 4, 5],
  weekends: [0, 6],
  weekend: [0, 6],
};
const DAYS_EXPECTED = msg('help.expected.days');

/** Parses a 24-hour 'HH:MM' (or 'H:MM') time of day. */
export function parseAt(text: string): Parsed<TimeOfDay> {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) return { ok: false, expected: msg('help.expected.timeOfDay') };
  return { ok: true, value: { hour, minute } };
}

/** 'HH:MM' with leading zeros. */
export function formatAt(t: TimeOfDay): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/**
 * Parses the days a digest runs on: `daily`, `weekdays` (= `mon-fri`), `weekends`, or a comma list
 * of day names and ranges (`mon,wed-fri`). A range may wrap past Sunday (`fri-mon`). Returns the
 * distinct days, Sunday first.
 */
export function parseDays(text: string): Parsed<readonly Weekday[]> {
  const items = text.trim().toLowerCase().split(/\s*,\s*/);
  const set = new Set<Weekday>();
  for (const item of items) {
    const keyword = KEYWORDS[item];
    if (keyword) {
      keyword.forEach((d) => set.add(d));
      continue;
    }
    const range = /^([a-z]+)\s*[-–]\s*([a-z]+)$/.exec(item);
    const from = DAY_WORDS[range ? range[1]! : item];
    const to = range ? DAY_WORDS[range[2]!] : from;
    if (from === undefined || to === undefined) return { ok: false, expected: DAYS_EXPECTED };
    for (let d = from; ; d = ((d + 1) % 7) as Weekday) {
      set.add(d);
      if (d === to) break;
    }
  }
  return { ok: true, value: [...set].sort((a, b) => a - b) };
}

/** Runs of consecutive days, Monday first, e.g. [[1..5]] for mon-fri, [[6],[0]] for sat,sun. */
function runs(days: readonly Weekday[]): Weekday[][] {
  const out: Weekday[][] = [];
  let cur: Weekday[] = [];
  for (const d of MON_FIRST) {
    if (days.includes(d)) {
      cur.push(d);
    } else if (cur.length > 0) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

function joinRuns(days: readonly Weekday[], name: (d: Weekday) => string, dash: string, comma: string): string {
  return runs(days)
    .flatMap((r) => (r.length >= 3 ? [`${name(r[0]!)}${dash}${name(r.at(-1)!)}`] : r.map(name)))
    .join(comma);
}

/** The canonical text of a set of days, as stored: `daily`, `mon-fri`, `sat,sun`, `mon,wed-fri`. */
export function formatDays(days: readonly Weekday[]): string {
  if (days.length === 7) return 'daily';
  return joinRuns(days, (d) => SHORT[d], '-', ',');
}

/** A weekday's short name in the reader's language: `Mon`, `周一`, `lun`. */
export function weekdayName(tr: Translator, day: Weekday): string {
  return tr.t('digests.weekday', { day: SHORT[day] });
}

/** Days in words for people: `daily`, `Mon–Fri`, `Sat, Sun`, `Mon, Wed–Fri` (English unless `tr` says otherwise). */
export function describeDays(days: readonly Weekday[], tr: Translator): string {
  if (days.length === 7) return tr.t('digests.schedule.daily');
  return joinRuns(days, (d) => weekdayName(tr, d), '–', tr.t('digests.schedule.separator'));
}

/**
 * Validates an IANA time zone name (case-insensitive, links such as `US/Eastern` accepted) and
 * returns the runtime's canonical spelling. Offsets like `+08:00` are refused: they ignore DST.
 */
export function parseTimeZone(text: string): Parsed<string> {
  const expected = msg('help.expected.timeZone');
  const name = text.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return { ok: false, expected };
  try {
    return { ok: true, value: new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone };
  } catch {
    return { ok: false, expected };
  }
}

interface Resolved extends TimeOfDay {
  days: readonly Weekday[];
  timeZone: string;
}

function resolve(spec: Partial<DigestSchedule>): Resolved {
  const at = parseAt(spec.at ?? '');
  const days = parseDays(spec.days ?? '');
  const zone = spec.timeZone === undefined ? { ok: true as const, value: 'UTC' } : parseTimeZone(spec.timeZone);
  // For logs and operators: English.
  if (!at.ok) throw new ScheduleError(`bad digest time ${JSON.stringify(spec.at)}: expected ${inEnglish(at.expected)}`);
  if (!days.ok) throw new ScheduleError(`bad digest days ${JSON.stringify(spec.days)}: expected ${inEnglish(days.expected)}`);
  if (!zone.ok) throw new ScheduleError(`bad digest time zone ${JSON.stringify(spec.timeZone)}: expected ${inEnglish(zone.expected)}`);
  return { ...at.value, days: days.value, timeZone: zone.value };
}

/**
 * A schedule in words: `09:00 Mon–Fri (Asia/Shanghai)`, in English unless `tr` says otherwise.
 * Throws {@link ScheduleError} if invalid.
 */
export function describeSchedule(spec: DigestSchedule, tr: Translator): string {
  const s = resolve(spec);
  return tr.t('digests.schedule', { time: formatAt(s), days: describeDays(s.days, tr), zone: s.timeZone });
}

/** Scheduled instants strictly after `after`, in order, one per scheduled local date. */
function* slotsAfter(s: Resolved, after: Date): Generator<Date> {
  const local = new TZDate(after.getTime(), s.timeZone);
  const [y, m, d] = [local.getFullYear(), local.getMonth(), local.getDate()];
  let last = after.getTime();
  // Start the day before: a slot of yesterday's date can only be later than `after` in odd zones,
  // but looking costs nothing. The bound only stops a runaway loop on impossible input.
  for (let i = -1; i < 366 * 50; i++) {
    const date = new Date(Date.UTC(y, m, d + i));
    if (!s.days.includes(date.getUTCDay() as Weekday)) continue;
    const slot = new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), s.hour, s.minute, s.timeZone);
    // A zone that skipped this whole date (Pacific/Apia, 2011-12-30) has no slot on it.
    if (slot.getDate() !== date.getUTCDate()) continue;
    const t = slot.getTime();
    if (t > last) {
      last = t;
      yield new Date(t);
    }
  }
}

/**
 * The next `count` scheduled instants strictly after `after`. Throws {@link ScheduleError} when
 * the schedule is invalid.
 */
export function nextRuns(spec: DigestSchedule, after: Date, count: number): Date[] {
  const out: Date[] = [];
  if (count <= 0) return out;
  for (const slot of slotsAfter(resolve(spec), after)) {
    out.push(slot);
    if (out.length >= count) break;
  }
  return out;
}

/**
 * The scheduled instants in `(from, to]`: what fell due while the bot was down (from = the last
 * check before it stopped, to = now). Oldest first; empty when `to` is not after `from`.
 */
export function scheduledSlotsBetween(spec: DigestSchedule, from: Date, to: Date): Date[] {
  const out: Date[] = [];
  if (to.getTime() <= from.getTime()) return out;
  for (const slot of slotsAfter(resolve(spec), from)) {
    if (slot.getTime() > to.getTime()) break;
    out.push(slot);
  }
  return out;
}

/**
 * Whether a slot that passed unposted is still posted (marked late) or recorded as a miss: posted
 * when `now` is at most `graceMin` minutes after it. `slot` must not be after `now`.
 */
export function catchUpDecision(slot: Date, now: Date, graceMin: number): CatchUpDecision {
  const lateMs = now.getTime() - slot.getTime();
  if (lateMs < 0) throw new RangeError(`slot ${slot.toISOString()} is not due before ${now.toISOString()}`);
  return lateMs <= graceMin * 60_000 ? 'post-late' : 'miss';
}

/**
 * The plan for every slot in `(from, now]`: at most one post (the newest slot, when within the
 * grace), every other slot a miss, so a long outage never floods a channel with old digests.
 */
export function planCatchUp(spec: DigestSchedule, from: Date, now: Date, graceMin: number): Array<{ slot: Date; decision: CatchUpDecision }> {
  const slots = scheduledSlotsBetween(spec, from, now);
  return slots.map((slot, i) => ({ slot, decision: i === slots.length - 1 ? catchUpDecision(slot, now, graceMin) : 'miss' }));
}

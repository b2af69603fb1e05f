/**
 * Zod building blocks (each `.optional()` so that a missing key is simply unknown) that turn the vendor's loose values into clean ones, once, at the boundary.
 * Documented quirks: numbers sent as strings, rates as "50%" or "0.5000", "-1.0000" for "no data",
 * dates with or without a time part in the tenant's time zone, fields that are simply missing.
 */
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

/** A count: number or numeric string → number; missing, null, "" or garbage → undefined (unknown, never 0). */
export const count = z.unknown().transform((v): number | undefined => {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}).optional();

/**
 * A rate: "50%" → 0.5, "0.5000" → 0.5, 0.5 → 0.5. Negative values ("-1.0000") and "N/A" mean
 * "no data" → null. Missing → undefined.
 */
export const rate = z.unknown().transform((v) => readRate(v)).optional();

/** A plain decimal that may say "-1" for no data (e.g. averageInteractPerCall). */
export const decimal = rate;

/** An id the vendor sends as int in one place and string in another; null, blank or 1001.5 fails its row. */
export const idString = z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform((v) => String(v));

/** Optional text; empty string → undefined. */
export const optionalText = z
  .unknown()
  .transform((v) => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined))
  .optional();

/** An integer code that may arrive as "6" or 6; unknown → undefined. */
export const intCode = z.unknown().transform((v): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
}).optional();

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Wall times already read, per zone: a zone conversion costs ~0.1 ms, and a campaign list repeats
 * the same start and end times many times (a page of 10,000 rows took seconds). Bounded.
 */
const wallTimes = new Map<string, number>();
const WALL_TIME_MEMO = 10_000;

/** Parses `yyyy-MM-dd[ HH:mm[:ss]]` as wall time in `timeZone`; anything else → undefined. */
export function parseWallTime(value: unknown, timeZone: string): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const key = `${timeZone}|${value}`;
  const known = wallTimes.get(key);
  if (known !== undefined) return Number.isNaN(known) ? undefined : new Date(known);
  const m = WALL_TIME.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  // `new Date` rolls 2024-02-30 over to March 1st and month 13 into next year: invalid is unknown.
  const ms = validWallTime(y!, mo!, d!, h!, mi!, s!) ? new TZDate(y!, mo! - 1, d!, h!, mi!, s!, timeZone).getTime() : Number.NaN;
  if (wallTimes.size >= WALL_TIME_MEMO) wallTimes.clear();
  wallTimes.set(key, ms);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

function validWallTime(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h <= 23 && mi <= 59 && s <= 59;
}

/** Vendor wall time in the tenant's zone → instant; missing or unreadable → undefined. */
export function wallTime(timeZone: string) {
  return z.unknown().transform((v) => parseWallTime(v, timeZone)).optional();
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
/** Below this an epoch number is seconds: 1e11 ms is March 1973, 1e11 s the year 5138. */
const SECONDS_BELOW = 1e11;

/**
 * An instant as the vendor plausibly sends it: epoch milliseconds or seconds (number or digits),
 * an ISO 8601 timestamp with its offset, or wall time in `timeZone`. Anything else, or a calendar
 * date that does not exist, is undefined.
 */
export function parseInstant(value: unknown, timeZone: string): Date | undefined {
  if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value))) {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) return undefined;
    return new Date(n < SECONDS_BELOW ? n * 1000 : n);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (ISO_INSTANT.test(text)) {
    const wall = parseWallTime(text.slice(0, 19).replace('T', ' '), 'UTC');
    const ms = Date.parse(text);
    return wall && Number.isFinite(ms) ? new Date(ms) : undefined;
  }
  return parseWallTime(text, timeZone);
}

/** {@link parseInstant} as a schema; a value it cannot read fails the row that holds it. */
export function instant(timeZone: string) {
  return z.unknown().transform((v, ctx) => {
    const d = parseInstant(v, timeZone);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: 'not a time the bot can read' });
      return z.NEVER;
    }
    return d;
  });
}

/** A number as sent, sign kept (number or numeric string); anything else → undefined. */
export function readNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/**
 * A rate as sent: "50%" → 0.5, "0.5000" → 0.5; "-1.0000", "N/A", null → null (no data); missing →
 * undefined.
 */
export function readRate(v: unknown): number | null | undefined {
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const s = v.trim();
    const pct = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(s);
    n = pct ? Number(pct[1]) / 100 : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
  } else return null;
  if (!Number.isFinite(n) || n < 0) return null;
  return n;
}

/** The vendor's figure as text, for showing it marked inconsistent. */
export const asSent = (v: unknown): string => (typeof v === 'string' ? v.trim() : JSON.stringify(v) ?? String(v));

/**
 * Vets counts that cannot be true: a negative count, or a part above its whole (`[part, whole]`
 * pairs). Each such count becomes unknown in `clean` and keeps the vendor's figure in
 * `inconsistent`, so no total, ranking or alert uses it and an answer can still show it.
 */
export function vetCounts<K extends string>(
  sent: Readonly<Partial<Record<K, unknown>>>,
  notAbove: ReadonlyArray<readonly [NoInfer<K>, NoInfer<K>]> = [],
): { clean: Partial<Record<K, number>>; inconsistent: Partial<Record<K, string>> } {
  const clean: Partial<Record<K, number>> = {};
  const inconsistent: Partial<Record<K, string>> = {};
  for (const key of Object.keys(sent) as K[]) {
    const n = readNumber(sent[key]);
    if (n === undefined) continue;
    if (n < 0) inconsistent[key] = asSent(sent[key]);
    else clean[key] = n;
  }
  for (const [part, whole] of notAbove) {
    const p = clean[part];
    const w = clean[whole];
    if (p !== undefined && w !== undefined && p > w) {
      inconsistent[part] = asSent(sent[part]);
      delete clean[part];
    }
  }
  return { clean, inconsistent };
}

/** A rate above 100% (or a bare "50", which a fraction cannot be) is inconsistent; else as {@link readRate}. */
export function vetRate(sent: unknown): { rate: number | null | undefined; inconsistent?: string } {
  const r = readRate(sent);
  return r !== null && r !== undefined && r > 1 ? { rate: undefined, inconsistent: asSent(sent) } : { rate: r };
}

/**
 * An array whose rows are read one by one: a row the schema refuses is skipped and counted
 * (`unreadable`), so one bad row cannot fail the whole answer. Missing or null → no rows.
 */
export function rowsOf<S extends z.ZodType>(row: S) {
  // `.optional()` before the transform: a missing key is no rows, and the output is never undefined.
  return z.unknown().optional().transform((v, ctx): { rows: z.output<S>[]; unreadable: number } => {
    if (v === undefined || v === null) return { rows: [], unreadable: 0 };
    if (!Array.isArray(v)) {
      ctx.addIssue({ code: 'custom', message: 'expected a list' });
      return z.NEVER;
    }
    const rows: z.output<S>[] = [];
    let unreadable = 0;
    for (const item of v) {
      const parsed = row.safeParse(item);
      if (parsed.success) rows.push(parsed.data);
      else unreadable++;
    }
    return { rows, unreadable };
  });
}

/**
 * Rows with how many the bot could not read, as a plain array (so existing callers see a list);
 * `unreadable` is non-enumerable and absent when every row was read.
 */
export type ReadRows<T> = T[] & { readonly unreadable?: number };

export function withUnreadable<T>(rows: T[], unreadable: number): ReadRows<T> {
  if (unreadable > 0) Object.defineProperty(rows, 'unreadable', { value: unreadable, enumerable: false });
  return rows;
}

/** Epoch milliseconds (number or numeric string) → Date. */
export const epochMs = z.union([z.number(), z.string().regex(/^\d+$/)]).transform((v) => new Date(Number(v)));

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
export const rate = z.unknown().transform((v): number | null | undefined => {
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
}).optional();

/** A plain decimal that may say "-1" for no data (e.g. averageInteractPerCall). */
export const decimal = rate;

/** An id the vendor sends as int in one place and string in another. */
export const idString = z.union([z.string().min(1), z.number().int()]).transform((v) => String(v));

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

/** Parses `yyyy-MM-dd[ HH:mm[:ss]]` as wall time in `timeZone`; anything else → undefined. */
export function parseWallTime(value: unknown, timeZone: string): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = WALL_TIME.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  const date = new TZDate(y!, mo! - 1, d!, h!, mi!, s!, timeZone);
  return Number.isNaN(date.getTime()) ? undefined : new Date(date.getTime());
}

/** Vendor wall time in the tenant's zone → instant; missing or unreadable → undefined. */
export function wallTime(timeZone: string) {
  return z.unknown().transform((v) => parseWallTime(v, timeZone)).optional();
}

/** Epoch milliseconds (number or numeric string) → Date. */
export const epochMs = z.union([z.number(), z.string().regex(/^\d+$/)]).transform((v) => new Date(Number(v)));

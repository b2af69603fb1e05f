/** Small conversions shared by the repositories; kept dialect-neutral on purpose. */

/** Booleans live as 0/1 in both databases (SQLite has no boolean type). */
export const toInt = (b: boolean): number => (b ? 1 : 0);
export const toBool = (n: number | bigint | null | undefined): boolean => Number(n ?? 0) !== 0;

/** Kysely reports counts as bigint; callers only ever compare them with small numbers. */
export const count = (n: bigint | number | undefined): number => Number(n ?? 0);

/** NULL in the database becomes an absent property, so rows read like the domain types. */
export function opt<T>(v: T | null | undefined): T | undefined {
  return v === null ? undefined : v;
}

/** An absent or null input becomes NULL. */
export function nul<T>(v: T | null | undefined): T | null {
  return v === undefined ? null : v;
}

/** JSON text for a payload column; undefined stays NULL. */
export function toJson(v: unknown): string | null {
  return v === undefined ? null : JSON.stringify(v);
}

/** The parsed payload; NULL reads as undefined. */
export function fromJson(text: string | null): unknown {
  return text === null ? undefined : (JSON.parse(text) as unknown);
}

/** Splits rows into groups that stay well below both engines' bind-parameter limits. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Comma-separated ids as stored; empty text is an empty list. */
export function splitCsv(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Clamps a caller's row limit so a typo cannot read a whole table into memory. */
export function clampLimit(limit: number | undefined, fallback = 50, max = 1000): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}

/** Small conversions shared by the repositories; kept dialect-neutral on purpose. */
import { sql, type CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema.js';

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

const MARK = '\u0000arg:';

/**
 * A query built and compiled once, then run with new values: Kysely builds, checks and compiles
 * every query again, which cost a tenth of a command's CPU on the hot paths (the replay record, the
 * statistics cache, the snapshot look-ups). `build` is called once, with a stand-in for each
 * argument; each value must go into the query as it is, never computed on or branched on (a query
 * whose shape depends on a value is one reused query per shape). The first run refuses a value
 * computed from a stand-in (text or a number that is not one) and an argument the query does not
 * use; every run refuses arguments other than the first run's.
 */
export function reusedQuery<A extends Record<string, unknown>, R>(db: Kysely<Database>, build: (args: A) => Compilable<R>): (args: A) => Promise<QueryResult<R>> {
  let compiled: { query: CompiledQuery<R>; names: string[]; slots: Array<keyof A | undefined> } | undefined;
  return async (args) => {
    if (!compiled) {
      const names = Object.keys(args);
      const query = build(Object.fromEntries(names.map((k) => [k, MARK + k])) as A).compile();
      const slots = query.parameters.map((p) => {
        if (typeof p === 'number' && !Number.isFinite(p)) throw new Error(`reusedQuery: a value was computed from an argument (${p}) in: ${query.sql}`);
        if (typeof p !== 'string' || !p.includes(MARK)) return undefined;
        const name = p.slice(MARK.length);
        if (!p.startsWith(MARK) || !names.includes(name)) throw new Error(`reusedQuery: a value was computed from an argument (${JSON.stringify(p)}) in: ${query.sql}`);
        return name;
      });
      const unused = names.filter((n) => !slots.includes(n));
      if (unused.length > 0) throw new Error(`reusedQuery: ${unused.join(', ')} not used in: ${query.sql}`);
      compiled = { query, names, slots };
    }
    const { query, names, slots } = compiled;
    const given = Object.keys(args);
    if (given.length !== names.length || given.some((k) => !names.includes(k))) {
      throw new Error(`reusedQuery: called with ${given.join(', ')} where it was compiled with ${names.join(', ')}: ${query.sql}`);
    }
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i];
      return slot === undefined ? p : args[slot];
    });
    return db.executeQuery<R>({ ...query, parameters });
  };
}

/**
 * A constant LIMIT written into the SQL (`limit 1`) rather than bound (`limit ?`, Kysely's way):
 * SQLite, as better-sqlite3 builds it, ran an ordered, indexed look-up six times slower with a
 * bound LIMIT (18 µs against 3 µs, measured on an empty table); PostgreSQL does not mind either way.
 */
export const literalLimit = (n: number) => sql.lit(n);

/**
 * Metric snapshots: what the collector saw from each source at each tick, kept for "now vs same
 * time yesterday", trends and source health. The collector writes ~1000 rows per tick, so batch
 * inserts go in chunks inside one transaction, and reads lean on the indexes of 0001_initial.
 *
 * A row may stand for several ticks: a campaign list found unchanged confirms the stored row
 * (`insertOrConfirm`) instead of adding one. Such a row was observed from `firstTakenAt` to its
 * confirmation, and reads report it at the last time it was observed within their bounds, so a
 * reader judging freshness by `takenAt` sees it as fresh as the tick that confirmed it. A series'
 * rows never overlap in time (a row is confirmed only while it is the series' newest), so the
 * newest row by first time is also the newest by last observation.
 */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database, MetricSnapshotsTable } from './schema.js';
import { StoreError } from './errors.js';
import { pruneSnapshots, type PruneOptions, type PruneResult } from './snapshot-prune.js';
import { chunks, count, fromJson, literalLimit, opt, reusedQuery, toBool, toInt, toJson } from './util.js';

export type SnapshotSource = 'campaigns' | 'stats' | 'cms' | 'oifde';
export const SNAPSHOT_SOURCES: readonly SnapshotSource[] = ['campaigns', 'stats', 'cms', 'oifde'];

export interface Snapshot {
  id: number;
  vdn: number;
  source: SnapshotSource;
  /** '' for VDN-wide rows, else a campaign id or bot access code. */
  subject: string;
  /**
   * When the payload was last observed (within the read's bounds): the tick that stored the row, or
   * a later one that found it unchanged.
   */
  takenAt: number;
  /** When the row was stored, for a row later ticks confirmed; absent otherwise (it is `takenAt`). */
  firstTakenAt?: number;
  ok: boolean;
  /** The parsed JSON payload; absent when none was stored. */
  payload?: unknown;
  error?: string;
}

export interface NewSnapshot {
  vdn: number;
  source: SnapshotSource;
  subject?: string;
  takenAt: number;
  ok: boolean;
  /** Stored as JSON text. */
  payload?: unknown;
  error?: string | null;
}

export interface SourceHealth {
  source: SnapshotSource;
  lastOkAt?: number;
  lastErrorAt?: number;
  lastError?: string;
  /** Ticks (distinct `takenAt`) with a failed row since the last ok row. */
  consecutiveFailures: number;
}

export interface LatestOptions {
  /** Ignore rows older than this; needs `now`. */
  maxAgeMs?: number;
  now?: number;
  /** Only successful rows (default false: the newest row, failed or not). */
  okOnly?: boolean;
}

export interface SnapshotRepo {
  /** Returns the new row's id. */
  insert(row: NewSnapshot): Promise<number>;
  /** Inserts all rows in one transaction; returns how many were written. */
  insertMany(rows: readonly NewSnapshot[]): Promise<number>;
  /**
   * Adds `row`, unless the series' newest row is a successful one with the same payload and error,
   * last observed no more than `maxGapMs` before `row.takenAt`: that row is then confirmed up to
   * `row.takenAt` and nothing is added (a longer gap stores the row again, so the gap stays
   * visible). One transaction.
   */
  insertOrConfirm(row: NewSnapshot, opts: { maxGapMs: number }): Promise<{ id: number; inserted: boolean }>;
  latest(source: SnapshotSource, vdn: number, subject: string, opts?: LatestOptions): Promise<Snapshot | undefined>;
  /**
   * The newest row taken at or before `atOrBefore` ("same time yesterday"). Successful rows
   * only unless `okOnly: false`; `notBefore` rejects a match that is too old to compare with.
   * The payload is shared with other callers (it is parsed once per row): read it, never change it.
   */
  latestBefore(
    source: SnapshotSource,
    vdn: number,
    subject: string,
    atOrBefore: number,
    opts?: { okOnly?: boolean; notBefore?: number },
  ): Promise<Snapshot | undefined>;
  /** Rows observed within `[from, to]`, oldest first: a confirmed row taken before `from` too. */
  range(source: SnapshotSource, vdn: number, subject: string, from: number, to: number, opts?: { okOnly?: boolean }): Promise<Snapshot[]>;
  /**
   * The newest successful row of every subject (including '' for VDN-wide), ordered by subject.
   * Pass `since` (e.g. a few ticks back) so only recent rows are read.
   */
  latestPerSubject(source: SnapshotSource, vdn: number, opts?: { since?: number }): Promise<Snapshot[]>;
  /**
   * Last success and failure of a source over all VDNs (a source fails for every tenant alike:
   * its credentials or its network). Reads only the newest rows through the health index.
   */
  health(source: SnapshotSource): Promise<SourceHealth>;
  /** Retention: deletes old rows and thins older ones to one per hour. */
  prune(opts: PruneOptions): Promise<PruneResult>;
}

/** 8 bound values per row; 500 rows stay far below SQLite's 32766 and PostgreSQL's 65535. */
const CHUNK = 500;

/**
 * Parsed payloads kept for latestBefore, by the length of their stored text (parsed, about twice
 * that in heap): a day of hourly boundaries at 1,000 campaigns (about 80 kB a payload) fits with
 * room for the newest rows; the oldest go first. Larger VDNs parse more often, as before the cache.
 */
const PARSED_PAYLOADS_CHARS = 4_000_000;

/** The row as read by a query bounded at `bound`: observed last at its confirmation, or at `bound`. */
function toSnapshot(r: Selectable<MetricSnapshotsTable>, bound = Number.POSITIVE_INFINITY): Snapshot {
  const confirmed = r.confirmed_at === null ? undefined : Math.min(r.confirmed_at, bound);
  return {
    id: r.id,
    vdn: r.vdn,
    source: r.source as SnapshotSource,
    subject: r.subject,
    takenAt: confirmed !== undefined && confirmed > r.taken_at ? confirmed : r.taken_at,
    ...(confirmed !== undefined ? { firstTakenAt: r.taken_at } : {}),
    ok: toBool(r.ok),
    payload: fromJson(r.payload),
    error: opt(r.error),
  };
}

function toRow(s: NewSnapshot) {
  if (!Number.isFinite(s.takenAt)) throw new StoreError('bad_value', `snapshot takenAt is not a time: ${String(s.takenAt)}`);
  return {
    vdn: s.vdn,
    source: s.source,
    subject: s.subject ?? '',
    taken_at: s.takenAt,
    ok: toInt(s.ok),
    payload: toJson(s.payload),
    error: s.error ?? null,
  };
}

/** Metric snapshots over the database. */
export function createSnapshotRepo(db: Kysely<Database>): SnapshotRepo {
  /** The rows of one series, columns still to choose. */
  const inSeries = (source: SnapshotSource, vdn: number, subject: string) =>
    db.selectFrom('metric_snapshots').where('source', '=', source).where('vdn', '=', vdn).where('subject', '=', subject);
  const series = (source: SnapshotSource, vdn: number, subject: string) => inSeries(source, vdn, subject).selectAll();

  /** Rows of the series observed at or after `t`: taken then, or confirmed then. */
  const seenSince = (t: number) => (eb: ExpressionBuilder<Database, 'metric_snapshots'>) => eb.or([eb('taken_at', '>=', t), eb('confirmed_at', '>=', t)]);

  /*
   * latestBefore is the look-up of the hour-by-hour figures, some twenty-five per answer: its four
   * shapes are compiled once, it reads the row without its payload, and a payload already parsed
   * is taken from memory (a row's payload never changes, and ids are never reused).
   */
  type Boundary = { source: SnapshotSource; vdn: number; subject: string; atOrBefore: number; notBefore?: number };
  const boundary = (okOnly: boolean, bounded: boolean) =>
    reusedQuery(db, (a: Boundary) => {
      let q = inSeries(a.source, a.vdn, a.subject)
        .select(['id', 'vdn', 'source', 'subject', 'taken_at', 'confirmed_at', 'ok', 'error'])
        .where('taken_at', '<=', a.atOrBefore);
      if (okOnly) q = q.where('ok', '=', 1);
      if (bounded) q = q.where(seenSince(a.notBefore!));
      return q.orderBy('taken_at', 'desc').orderBy('id', 'desc').limit(literalLimit(1));
    });
  const boundaryQueries = [
    [boundary(false, false), boundary(false, true)],
    [boundary(true, false), boundary(true, true)],
  ] as const;
  const payloadOf = reusedQuery(db, (a: { id: number }) => db.selectFrom('metric_snapshots').select('payload').where('id', '=', a.id));
  const parsedPayloads = new Map<number, { value: unknown; chars: number }>();
  let parsedChars = 0;
  const keepParsed = (id: number, entry: { value: unknown; chars: number }) => {
    // Concurrent look-ups of one row may each have parsed it: the first one kept stays.
    const kept = parsedPayloads.get(id);
    if (kept) return kept;
    parsedPayloads.set(id, entry);
    parsedChars += entry.chars;
    for (const [oldId, old] of parsedPayloads) {
      if (parsedChars <= PARSED_PAYLOADS_CHARS || oldId === id) break;
      parsedPayloads.delete(oldId);
      parsedChars -= old.chars;
    }
    return entry;
  };

  return {
    async insert(row) {
      const r = await db.insertInto('metric_snapshots').values(toRow(row)).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },
    async insertMany(rows) {
      if (rows.length === 0) return 0;
      const values = rows.map(toRow);
      return db.transaction().execute(async (trx) => {
        let n = 0;
        for (const part of chunks(values, CHUNK)) {
          const r = await trx.insertInto('metric_snapshots').values(part).executeTakeFirst();
          n += count(r.numInsertedOrUpdatedRows);
        }
        return n;
      });
    },
    async insertOrConfirm(row, opts) {
      const value = toRow(row);
      return db.transaction().execute(async (trx) => {
        const newest = await trx
          .selectFrom('metric_snapshots')
          .select(['id', 'ok', 'payload', 'error', 'taken_at', 'confirmed_at'])
          .where('source', '=', value.source)
          .where('vdn', '=', value.vdn)
          .where('subject', '=', value.subject)
          .orderBy('taken_at', 'desc')
          .orderBy('id', 'desc')
          .limit(literalLimit(1))
          .executeTakeFirst();
        const seen = newest ? (newest.confirmed_at ?? newest.taken_at) : undefined;
        const same = newest !== undefined && value.ok === 1 && toBool(newest.ok) && newest.payload === value.payload && newest.error === value.error;
        if (same && seen !== undefined && value.taken_at >= newest.taken_at && value.taken_at - seen <= opts.maxGapMs) {
          if (value.taken_at > seen) await trx.updateTable('metric_snapshots').set({ confirmed_at: value.taken_at }).where('id', '=', newest.id).execute();
          return { id: newest.id, inserted: false };
        }
        const r = await trx.insertInto('metric_snapshots').values(value).returning('id').executeTakeFirstOrThrow();
        return { id: r.id, inserted: true };
      });
    },
    async latest(source, vdn, subject, opts = {}) {
      let q = series(source, vdn, subject);
      if (opts.okOnly) q = q.where('ok', '=', 1);
      if (opts.maxAgeMs !== undefined) {
        if (opts.now === undefined) throw new StoreError('bad_value', 'latest: maxAgeMs needs now (the store has no clock)');
        q = q.where(seenSince(opts.now - opts.maxAgeMs));
      }
      const row = await q.orderBy('taken_at', 'desc').orderBy('id', 'desc').limit(literalLimit(1)).executeTakeFirst();
      return row && toSnapshot(row);
    },
    async latestBefore(source, vdn, subject, atOrBefore, opts = {}) {
      const okOnly = opts.okOnly ?? true;
      const find = boundaryQueries[okOnly ? 1 : 0][opts.notBefore === undefined ? 0 : 1];
      const head = (await find({ source, vdn, subject, atOrBefore, ...(opts.notBefore === undefined ? {} : { notBefore: opts.notBefore }) })).rows[0];
      if (!head) return undefined;
      let payload = parsedPayloads.get(head.id);
      if (payload === undefined) {
        const stored = (await payloadOf({ id: head.id })).rows[0];
        // Pruned between the two reads: as if it had not been found.
        if (!stored) return undefined;
        payload = keepParsed(head.id, { value: fromJson(stored.payload), chars: stored.payload?.length ?? 0 });
      }
      return { ...toSnapshot({ ...head, payload: null }, atOrBefore), payload: payload.value };
    },
    async range(source, vdn, subject, from, to, opts = {}) {
      let q = series(source, vdn, subject).where('taken_at', '>=', from).where('taken_at', '<=', to);
      if (opts.okOnly) q = q.where('ok', '=', 1);
      // Only the newest row taken before `from` can have been observed in the range (rows never overlap).
      const before = await inSeries(source, vdn, subject)
        .select(['id', 'confirmed_at'])
        .where('taken_at', '<', from)
        .orderBy('taken_at', 'desc')
        .orderBy('id', 'desc')
        .limit(literalLimit(1))
        .executeTakeFirst();
      const spans = before !== undefined && before.confirmed_at !== null && before.confirmed_at >= from && from <= to;
      const [first, rows] = await Promise.all([
        spans ? db.selectFrom('metric_snapshots').selectAll().where('id', '=', before.id).executeTakeFirst() : undefined,
        q.orderBy('taken_at').orderBy('id').execute(),
      ]);
      return (first && (!opts.okOnly || toBool(first.ok)) ? [first, ...rows] : rows).map((r) => toSnapshot(r, to));
    },
    async latestPerSubject(source, vdn, opts = {}) {
      // A window function rather than a join on max(taken_at): the join makes PostgreSQL pick a
      // nested loop over a freshly filled, not yet analysed table (seconds for 2000 subjects).
      let ranked = db
        .selectFrom('metric_snapshots')
        .selectAll()
        .select((eb) =>
          eb.fn
            .agg<number>('row_number')
            .over((ob) => ob.partitionBy('subject').orderBy('taken_at', 'desc').orderBy('id', 'desc'))
            .as('rn'),
        )
        .where('source', '=', source)
        .where('vdn', '=', vdn)
        .where('ok', '=', 1);
      if (opts.since !== undefined) ranked = ranked.where(seenSince(opts.since));
      const rows = await db.selectFrom(ranked.as('r')).selectAll().where('r.rn', '=', 1).orderBy('r.subject').execute();
      return rows.map((r) => toSnapshot(r));
    },
    async health(source) {
      const newest = (ok: 0 | 1) =>
        db
          .selectFrom('metric_snapshots')
          .select(['taken_at', 'error'])
          .where('source', '=', source)
          .where('ok', '=', ok)
          .orderBy('taken_at', 'desc')
          .orderBy('id', 'desc')
          .limit(literalLimit(1))
          .executeTakeFirst();
      // The newest confirmation may belong to an older row (of another VDN) than the newest ok row.
      const confirmed = db
        .selectFrom('metric_snapshots')
        .select('confirmed_at')
        .where('source', '=', source)
        .where('ok', '=', 1)
        .where('confirmed_at', 'is not', null)
        .orderBy('confirmed_at', 'desc')
        .limit(literalLimit(1))
        .executeTakeFirst();
      const [okRow, errRow, confirmedRow] = await Promise.all([newest(1), newest(0), confirmed]);
      const okTimes = [okRow?.taken_at, confirmedRow?.confirmed_at].filter((t): t is number => typeof t === 'number');
      const lastOkAt = okTimes.length > 0 ? Math.max(...okTimes) : undefined;
      let failures = 0;
      if (errRow && (lastOkAt === undefined || errRow.taken_at > lastOkAt)) {
        let q = db
          .selectFrom('metric_snapshots')
          .select((eb) => eb.fn.count<number>('taken_at').distinct().as('n'))
          .where('source', '=', source)
          .where('ok', '=', 0);
        if (lastOkAt !== undefined) q = q.where('taken_at', '>', lastOkAt);
        failures = Number((await q.executeTakeFirst())?.n ?? 0);
      }
      return {
        source,
        lastOkAt,
        lastErrorAt: errRow?.taken_at,
        lastError: opt(errRow?.error),
        consecutiveFailures: failures,
      };
    },
    prune: (opts) => pruneSnapshots(db, opts),
  };
}

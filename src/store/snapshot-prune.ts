/**
 * Snapshot retention. At 1000 subjects × 288 ticks a day the table grows by ~290k rows daily;
 * rows older than the retention go, and rows older than `thinAfterMs` are thinned to one per
 * (source, vdn, subject, hour). Work is done one hour (or one 5000-row batch) per statement so
 * neither engine holds its write lock for long, and a watermark in `store_meta` remembers which
 * hours are already thinned so each run only touches new ones. A row is as old as its last
 * confirmation (snapshots.ts), and thinning, which keeps the last row of each hour by the time it
 * was taken, keeps a confirmed row whenever it is the last taken in its hour.
 */
import { sql, type Kysely } from 'kysely';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';
import { count, literalLimit } from './util.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const DELETE_BATCH = 5000;
const WATERMARK = 'snapshots.thinned_until';

export interface PruneOptions {
  now: number;
  /** Rows taken before `now - retentionDays` are deleted. */
  retentionDays: number;
  /** Whole UTC hours that ended at least this long before `now` are thinned; default 2 days. */
  thinAfterMs?: number;
}

export interface PruneResult {
  /** Rows past retention. */
  deleted: number;
  /** Rows removed by thinning. */
  thinned: number;
}

/** Applies retention and thinning; returns how many rows each removed. */
export async function pruneSnapshots(db: Kysely<Database>, opts: PruneOptions): Promise<PruneResult> {
  const { now, retentionDays } = opts;
  const thinAfterMs = opts.thinAfterMs ?? 2 * DAY;
  if (![now, retentionDays, thinAfterMs].every(Number.isFinite) || retentionDays <= 0 || thinAfterMs < 0) {
    throw new StoreError('bad_value', 'prune needs a finite now, retentionDays > 0 and thinAfterMs >= 0');
  }
  const deleted = await deleteBefore(db, now - retentionDays * DAY);
  const thinned = await thin(db, Math.floor((now - thinAfterMs) / HOUR) * HOUR);
  return { deleted, thinned };
}

async function deleteBefore(db: Kysely<Database>, cutoff: number): Promise<number> {
  let total = 0;
  for (;;) {
    // A row confirmed since the cutoff (an unchanged campaign list) is still current: it stays.
    const batch = db
      .selectFrom('metric_snapshots')
      .select('id')
      .where('taken_at', '<', cutoff)
      .where((eb) => eb.or([eb('confirmed_at', 'is', null), eb('confirmed_at', '<', cutoff)]))
      .limit(literalLimit(DELETE_BATCH));
    const r = await db.deleteFrom('metric_snapshots').where('id', 'in', batch).executeTakeFirst();
    const n = count(r.numDeletedRows);
    total += n;
    if (n < DELETE_BATCH) return total;
  }
}

/** Thins every whole hour before `end` (hour-aligned) that the watermark has not passed. */
async function thin(db: Kysely<Database>, end: number): Promise<number> {
  const mark = await readWatermark(db);
  if (mark !== undefined && mark >= end) return 0;
  // Start at the oldest unthinned row rather than the watermark, so gaps cost nothing.
  const oldest = await db
    .selectFrom('metric_snapshots')
    .select('taken_at')
    .where('taken_at', '>=', mark ?? Number.MIN_SAFE_INTEGER)
    .where('taken_at', '<', end)
    .orderBy('taken_at')
    .limit(literalLimit(1))
    .executeTakeFirst();
  let total = 0;
  if (oldest) {
    for (let h = Math.floor(oldest.taken_at / HOUR) * HOUR; h < end; h += HOUR) total += await thinHour(db, h);
  }
  await writeWatermark(db, end);
  return total;
}

/**
 * Deletes every row of the hour [h, h+1h) for which a better row of the same series and hour
 * exists. Better means: ok over failed (a failure must not hide that hour's value), then later
 * `taken_at`, then higher id. So each series keeps exactly one row per hour: its last ok row,
 * or its last row when none succeeded. Rows deleted by a concurrent prune are simply skipped.
 */
async function thinHour(db: Kysely<Database>, h: number): Promise<number> {
  const r = await db
    .deleteFrom('metric_snapshots')
    .where('taken_at', '>=', h)
    .where('taken_at', '<', h + HOUR)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('metric_snapshots as n')
          .select('n.id')
          .whereRef('n.source', '=', 'metric_snapshots.source')
          .whereRef('n.vdn', '=', 'metric_snapshots.vdn')
          .whereRef('n.subject', '=', 'metric_snapshots.subject')
          .where('n.taken_at', '>=', h)
          .where('n.taken_at', '<', h + HOUR)
          .where((b) =>
            b.or([
              b('n.ok', '>', b.ref('metric_snapshots.ok')),
              b.and([
                b('n.ok', '=', b.ref('metric_snapshots.ok')),
                b.or([
                  b('n.taken_at', '>', b.ref('metric_snapshots.taken_at')),
                  b.and([b('n.taken_at', '=', b.ref('metric_snapshots.taken_at')), b('n.id', '>', b.ref('metric_snapshots.id'))]),
                ]),
              ]),
            ]),
          ),
      ),
    )
    .executeTakeFirst();
  return count(r.numDeletedRows);
}

async function readWatermark(db: Kysely<Database>): Promise<number | undefined> {
  const row = await db.selectFrom('store_meta').select('value').where('key', '=', WATERMARK).executeTakeFirst();
  const n = row ? Number(row.value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Only moves forward: a later run with a longer `thinAfterMs` must not re-thin or un-thin. */
async function writeWatermark(db: Kysely<Database>, end: number): Promise<void> {
  const value = String(end);
  await db
    .insertInto('store_meta')
    .values({ key: WATERMARK, value })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ value })
        .where(sql<number>`cast(store_meta.value as bigint)`, '<', end),
    )
    .execute();
}

/**
 * Time-limited leases shared by every process on the database, and the statistics lease built
 * on them. Acquiring is one INSERT … ON CONFLICT DO UPDATE … WHERE (expired or ours): the row
 * lock serialises concurrent callers, and only a caller whose statement changed a row holds it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StatsLease } from '../aicc/stats-guard.js';
import type { Database } from './schema.js';
import { count } from './util.js';

export interface Lease {
  key: string;
  holder: string;
  acquiredAt: number;
  expiresAt: number;
}

export interface LeaseRepo {
  /**
   * Takes `key` for `ttlMs` from `now` when it is free, expired, or (unless `reentrant: false`)
   * already ours, in which case it is renewed. True when the caller now holds it.
   */
  tryAcquire(key: string, holder: string, now: number, ttlMs: number, opts?: { reentrant?: boolean }): Promise<boolean>;
  /** Gives the lease back if `holder` has it; true when it did. */
  release(key: string, holder: string): Promise<boolean>;
  /** When the lease ends (epoch ms), even if that is already past; undefined when never taken. */
  heldUntil(key: string): Promise<number | undefined>;
  get(key: string): Promise<Lease | undefined>;
}

/** Leases over the database, atomic across processes. */
export function createLeaseRepo(db: Kysely<Database>): LeaseRepo {
  return {
    async tryAcquire(key, holder, now, ttlMs, opts = {}) {
      const reentrant = opts.reentrant ?? true;
      const cols = { holder, acquired_at: now, expires_at: now + ttlMs };
      const r = await db
        .insertInto('leases')
        .values({ key, ...cols })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet(cols)
            .where((eb) =>
              eb.or([eb('leases.expires_at', '<=', now), ...(reentrant ? [eb('leases.holder', '=', holder)] : [])]),
            ),
        )
        .executeTakeFirst();
      return count(r.numInsertedOrUpdatedRows) === 1;
    },
    async release(key, holder) {
      const r = await db.deleteFrom('leases').where('key', '=', key).where('holder', '=', holder).executeTakeFirst();
      return count(r.numDeletedRows) > 0;
    },
    async heldUntil(key) {
      const row = await db.selectFrom('leases').select('expires_at').where('key', '=', key).executeTakeFirst();
      return row?.expires_at;
    },
    async get(key) {
      const row = await db.selectFrom('leases').selectAll().where('key', '=', key).executeTakeFirst();
      return row && { key: row.key, holder: row.holder, acquiredAt: row.acquired_at, expiresAt: row.expires_at };
    },
  };
}

/** Keeps the statistics keys apart from other leases in the same table. */
const STATS_PREFIX = 'stats:';

/**
 * The statistics guard's lease over the database, so all bot processes share the vendor's one
 * call per five minutes. Not re-entrant: like the in-memory lease, a second claim within the
 * interval fails even from the same process.
 */
export function createStatsLease(leases: LeaseRepo, holder: string = randomUUID()): StatsLease {
  return {
    tryAcquire: (key, now, intervalMs) => leases.tryAcquire(STATS_PREFIX + key, holder, now.getTime(), intervalMs, { reentrant: false }),
    async release(key) {
      await leases.release(STATS_PREFIX + key, holder);
    },
    async heldUntil(key) {
      const until = await leases.heldUntil(STATS_PREFIX + key);
      return until === undefined ? undefined : new Date(until);
    },
  };
}

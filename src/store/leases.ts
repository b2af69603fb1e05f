/**
 * Time-limited leases shared by every process on the database, and the statistics lease built
 * on them. Acquiring is one INSERT … ON CONFLICT DO UPDATE … WHERE (expired or ours): the row
 * lock serialises concurrent callers, and only a caller whose statement changed a row holds it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StatsLease } from '../aicc/stats-guard.js';
import type { Database } from './schema.js';
import { count, reusedQuery } from './util.js';

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
  /** Deletes the leases under `prefix` that ended before `now`; returns how many. */
  pruneExpired(prefix: string, now: number): Promise<number>;
}

/** Leases over the database, atomic across processes. */
export function createLeaseRepo(db: Kysely<Database>): LeaseRepo {
  // The two shapes of the claim (re-entrant or not), and the look-up the statistics guard makes
  // per command, compiled once (see reusedQuery).
  type Claim = { key: string; holder: string; acquiredAt: number; expiresAt: number; now: number };
  const claim = (reentrant: boolean) =>
    reusedQuery(db, (a: Claim) => {
      const cols = { holder: a.holder, acquired_at: a.acquiredAt, expires_at: a.expiresAt };
      return db
        .insertInto('leases')
        .values({ key: a.key, ...cols })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet(cols)
            .where((eb) => eb.or([eb('leases.expires_at', '<=', a.now), ...(reentrant ? [eb('leases.holder', '=', a.holder)] : [])])),
        );
    });
  const claims = { reentrant: claim(true), exclusive: claim(false) };
  const until = reusedQuery(db, (a: { key: string }) => db.selectFrom('leases').select('expires_at').where('key', '=', a.key));
  return {
    async tryAcquire(key, holder, now, ttlMs, opts = {}) {
      const r = await claims[opts.reentrant ?? true ? 'reentrant' : 'exclusive']({ key, holder, acquiredAt: now, expiresAt: now + ttlMs, now });
      return count(r.numAffectedRows) === 1;
    },
    async release(key, holder) {
      const r = await db.deleteFrom('leases').where('key', '=', key).where('holder', '=', holder).executeTakeFirst();
      return count(r.numDeletedRows) > 0;
    },
    async heldUntil(key) {
      return (await until({ key })).rows[0]?.expires_at;
    },
    async get(key) {
      const row = await db.selectFrom('leases').selectAll().where('key', '=', key).executeTakeFirst();
      return row && { key: row.key, holder: row.holder, acquiredAt: row.acquired_at, expiresAt: row.expires_at };
    },
    async pruneExpired(prefix, now) {
      const r = await db.deleteFrom('leases').where('key', 'like', `${prefix}%`).where('expires_at', '<', now).executeTakeFirst();
      return count(r.numDeletedRows);
    },
  };
}

/** Keeps the seen-request keys apart from other leases in the same table. */
const SEEN_PREFIX = 'seen:';
/** Longer than Slack's five-minute signature window plus a minute ahead, so a replay is always caught. */
const SEEN_TTL_MS = 7 * 60_000;

/**
 * "Is this request signature new?", across every process sharing the store: true exactly once per
 * signature. Entries outlive the signature window and are pruned with {@link pruneSeenRequests}.
 */
export function createSeenRequests(leases: LeaseRepo, now: () => number): (signature: string) => Promise<boolean> {
  return (signature) => leases.tryAcquire(SEEN_PREFIX + signature, 'seen', now(), SEEN_TTL_MS, { reentrant: false });
}

export function pruneSeenRequests(leases: LeaseRepo, now: number): Promise<number> {
  return leases.pruneExpired(SEEN_PREFIX, now);
}

/** Keeps the statistics keys apart from other leases in the same table. */
const STATS_PREFIX = 'stats:';

/**
 * The statistics guard's lease over the database, so all bot processes share the vendor's one
 * call per five minutes (one key per VDN). Not re-entrant: like the in-memory lease, a second
 * claim within the interval fails even from the same process; `renew` restarts our own claim.
 */
export function createStatsLease(leases: LeaseRepo, holder: string = randomUUID()): StatsLease {
  return {
    tryAcquire: (key, now, ttlMs) => leases.tryAcquire(STATS_PREFIX + key, holder, now.getTime(), ttlMs, { reentrant: false }),
    async renew(key, now, ttlMs) {
      await leases.tryAcquire(STATS_PREFIX + key, holder, now.getTime(), ttlMs, { reentrant: true });
    },
    async release(key) {
      await leases.release(STATS_PREFIX + key, holder);
    },
    async heldUntil(key) {
      const until = await leases.heldUntil(STATS_PREFIX + key);
      return until === undefined ? undefined : new Date(until);
    },
  };
}

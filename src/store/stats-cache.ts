/** The statistics guard's last good value per key, shared by all processes on the database. */
import type { Kysely } from 'kysely';
import type { CampaignStats } from '../aicc/domain.js';
import type { StatsCache, StatsValue } from '../aicc/stats-guard.js';
import type { Database } from './schema.js';
import { reusedQuery } from './util.js';

/** `fetchedAt` as epoch ms: JSON has no dates, and a number cannot be mistaken for text. */
interface StoredValue {
  campaigns: CampaignStats[];
  fetchedAt: number;
  unreadable?: number;
}

function decode(text: string): StatsValue {
  const stored = JSON.parse(text) as StoredValue;
  return { campaigns: stored.campaigns, fetchedAt: new Date(stored.fetchedAt), ...(stored.unreadable ? { unreadable: stored.unreadable } : {}) };
}

/**
 * The statistics cache over the database; `fetchedAt` comes back as a `Date`.
 *
 * The stored value is the whole VDN's statistics (hundreds of kB at 1,000 campaigns) and changes at
 * most once per statistics interval, so the parsed value is kept in memory with the `fetched_at` it
 * was read at: a `get` reads only `fetched_at` and parses again only when another process (or this
 * one) stored a newer value. The value returned is shared between callers: read it, never change it.
 */
export function createStatsCache(db: Kysely<Database>): StatsCache {
  const parsed = new Map<string, { fetchedAt: number; value: StatsValue }>();
  const fetchedAt = reusedQuery(db, (a: { key: string }) => db.selectFrom('stats_cache').select('fetched_at').where('key', '=', a.key));
  return {
    async get(key) {
      const head = (await fetchedAt({ key })).rows[0];
      if (!head) {
        parsed.delete(key);
        return undefined;
      }
      const memo = parsed.get(key);
      if (memo && memo.fetchedAt === Number(head.fetched_at)) return memo.value;
      const row = await db.selectFrom('stats_cache').select(['value', 'fetched_at']).where('key', '=', key).executeTakeFirst();
      if (!row) return undefined;
      const value = decode(row.value);
      parsed.set(key, { fetchedAt: Number(row.fetched_at), value });
      return value;
    },
    async set(key, value: StatsValue) {
      const fetchedAt = value.fetchedAt.getTime();
      const text = JSON.stringify({ campaigns: value.campaigns, fetchedAt, ...(value.unreadable ? { unreadable: value.unreadable } : {}) } satisfies StoredValue);
      await db
        .insertInto('stats_cache')
        .values({ key, value: text, fetched_at: fetchedAt })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: text, fetched_at: fetchedAt }))
        .execute();
      // Kept as it will be read back (through JSON), so a hit and a miss return the same shape.
      parsed.set(key, { fetchedAt, value: decode(text) });
    },
  };
}

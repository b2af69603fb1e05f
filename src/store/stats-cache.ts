/** The statistics guard's last good value per key, shared by all processes on the database. */
import type { Kysely } from 'kysely';
import type { CampaignStats } from '../aicc/domain.js';
import type { StatsCache, StatsValue } from '../aicc/stats-guard.js';
import type { Database } from './schema.js';

/** `fetchedAt` as epoch ms: JSON has no dates, and a number cannot be mistaken for text. */
interface StoredValue {
  campaigns: CampaignStats[];
  fetchedAt: number;
}

/** The statistics cache over the database; `fetchedAt` comes back as a `Date`. */
export function createStatsCache(db: Kysely<Database>): StatsCache {
  return {
    async get(key) {
      const row = await db.selectFrom('stats_cache').select('value').where('key', '=', key).executeTakeFirst();
      if (!row) return undefined;
      const stored = JSON.parse(row.value) as StoredValue;
      return { campaigns: stored.campaigns, fetchedAt: new Date(stored.fetchedAt) };
    },
    async set(key, value: StatsValue) {
      const fetchedAt = value.fetchedAt.getTime();
      const text = JSON.stringify({ campaigns: value.campaigns, fetchedAt } satisfies StoredValue);
      await db
        .insertInto('stats_cache')
        .values({ key, value: text, fetched_at: fetchedAt })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: text, fetched_at: fetchedAt }))
        .execute();
    },
  };
}

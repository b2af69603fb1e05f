/** Home tab viewers: when each user last opened it and what they were last shown (see migration 0003). */
import type { Kysely, Selectable } from 'kysely';
import type { Database, HomeTabsTable } from './schema.js';
import { opt } from './util.js';

export interface HomeTab {
  userId: string;
  openedAt: number;
  publishedAt?: number;
  /** A hash of the last view published to the user. */
  viewHash?: string;
}

export interface HomeTabRepo {
  /** Records that the user opened the Home tab. */
  opened(userId: string, at: number): Promise<void>;
  get(userId: string): Promise<HomeTab | undefined>;
  /** Users who opened it at or after `since`, most recent first, at most `limit`. */
  recent(since: number, limit: number): Promise<HomeTab[]>;
  /** Records what was published to the user. */
  published(userId: string, at: number, viewHash: string): Promise<void>;
}

const toTab = (r: Selectable<HomeTabsTable>): HomeTab => ({ userId: r.user_id, openedAt: r.opened_at, publishedAt: opt(r.published_at), viewHash: opt(r.view_hash) });

export function createHomeTabRepo(db: Kysely<Database>): HomeTabRepo {
  return {
    async opened(userId, at) {
      await db
        .insertInto('home_tabs')
        .values({ user_id: userId, opened_at: at, published_at: null, view_hash: null })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ opened_at: at }))
        .execute();
    },
    async get(userId) {
      const r = await db.selectFrom('home_tabs').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return r && toTab(r);
    },
    async recent(since, limit) {
      const rows = await db.selectFrom('home_tabs').selectAll().where('opened_at', '>=', since).orderBy('opened_at', 'desc').limit(limit).execute();
      return rows.map(toTab);
    },
    async published(userId, at, viewHash) {
      await db.updateTable('home_tabs').set({ published_at: at, view_hash: viewHash }).where('user_id', '=', userId).execute();
    },
  };
}

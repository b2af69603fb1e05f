/**
 * Who has the bot's Home tab open: when each user last opened it, and what was last published to
 * them (a hash), so a refresh after a change publishes only to recent viewers and only when their
 * view changed, across processes.
 */
import type { Kysely } from 'kysely';
import { TIME, type StoreMigration } from './helpers.js';

async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('home_tabs')
    .ifNotExists()
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('opened_at', TIME, (c) => c.notNull())
    .addColumn('published_at', TIME)
    .addColumn('view_hash', 'text')
    .execute();
  await db.schema.createIndex('home_tabs_opened').ifNotExists().on('home_tabs').column('opened_at').execute();
}

export const homeTabs: StoreMigration = { up };

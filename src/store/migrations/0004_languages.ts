/**
 * Languages: a channel's or a user's chosen language (`/aicc lang`), and a digest subscription's
 * or an alert rule's own (`lang:`). Null or absent means "follow the next rule" (slack/locales.ts).
 */
import type { Kysely } from 'kysely';
import { TIME, type StoreMigration } from './helpers.js';

async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('language_settings')
    .ifNotExists()
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('language_settings_pk', ['scope', 'subject_id'])
    .execute();
  await db.schema.alterTable('digest_subscriptions').addColumn('lang', 'text').execute();
  await db.schema.alterTable('alert_rules').addColumn('lang', 'text').execute();
}

export const languages: StoreMigration = { up };

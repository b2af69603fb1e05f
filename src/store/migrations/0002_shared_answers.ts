/**
 * Answers a user may share: the public version of an ephemeral answer, kept for a day, so **Share
 * in channel** posts exactly what the user saw instead of running the command again.
 */
import type { Kysely } from 'kysely';
import { TIME, type StoreMigration } from './helpers.js';

async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shared_answers')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('command', 'text', (c) => c.notNull())
    .addColumn('messages', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shared_answers_expires').ifNotExists().on('shared_answers').column('expires_at').execute();
}

export const sharedAnswers: StoreMigration = { up };

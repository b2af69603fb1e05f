/**
 * A campaign list the collector finds unchanged is confirmed, not stored again: `confirmed_at` is
 * the last time a tick saw the row's payload (NULL: only when it was taken). The partial index lets
 * health find the newest confirmation without reading the rows that were never confirmed.
 */
import { sql, type Kysely } from 'kysely';
import { TIME, type StoreMigration } from './helpers.js';

async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('metric_snapshots').addColumn('confirmed_at', TIME).execute();
  await db.schema
    .createIndex('metric_snapshots_confirmed')
    .ifNotExists()
    .on('metric_snapshots')
    .columns(['source', 'ok', 'confirmed_at'])
    .where(sql.ref('confirmed_at'), 'is not', null)
    .execute();
}

export const snapshotConfirmed: StoreMigration = { up };

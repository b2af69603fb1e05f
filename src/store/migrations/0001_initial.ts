/**
 * The first schema. Every statement is `if not exists` because SQLite migrations do not run in
 * a transaction (Kysely's SQLite adapter has no transactional DDL), so a run cut short can simply
 * be run again.
 */
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../schema.js';
import { idColumn, REAL, TIME, type StoreMigration } from './helpers.js';

async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await idColumn(db.schema.createTable('digest_subscriptions').ifNotExists(), dialect)
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('vdn', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('days', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('campaigns', 'text', (c) => c.notNull().defaultTo('all'))
    .addColumn('bots', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('when_mode', 'text', (c) => c.notNull().defaultTo('always'))
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('last_digest_hash', 'text')
    .execute();
  await db.schema.createIndex('digest_subscriptions_channel').ifNotExists().on('digest_subscriptions').column('channel_id').execute();

  await idColumn(db.schema.createTable('alert_rules').ifNotExists(), dialect)
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('threshold', REAL, (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text')
    .addColumn('vdn', 'integer', (c) => c.notNull())
    .addColumn('min_volume', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('for_s', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('clear_value', REAL, (c) => c.notNull())
    .addColumn('repeat_s', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('mention', 'text')
    .addColumn('muted_until', TIME)
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();

  // A state row means nothing without its rule, so removing a rule takes its states along.
  await db.schema
    .createTable('alert_states')
    .ifNotExists()
    .addColumn('rule_id', 'integer', (c) => c.notNull().references('alert_rules.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('since', TIME, (c) => c.notNull())
    .addColumn('last_value', REAL)
    .addColumn('last_volume', 'bigint')
    .addColumn('message_channel', 'text')
    .addColumn('message_ts', 'text')
    .addColumn('thread_ts', 'text')
    .addColumn('last_notified_at', TIME)
    .addColumn('acked_by', 'text')
    .addColumn('acked_at', TIME)
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_states_pk', ['rule_id', 'subject'])
    .execute();
  await db.schema.createIndex('alert_states_state').ifNotExists().on('alert_states').column('state').execute();

  await db.schema
    .createTable('service_notices')
    .ifNotExists()
    .addColumn('service', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('since', TIME, (c) => c.notNull())
    .addColumn('message_channel', 'text')
    .addColumn('message_ts', 'text')
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute();

  await idColumn(db.schema.createTable('metric_snapshots').ifNotExists(), dialect, { big: true })
    .addColumn('vdn', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('taken_at', TIME, (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text')
    .addColumn('error', 'text')
    .execute();
  // latest / latestBefore / range, and the "later row in the same hour" probe of thinning.
  await db.schema
    .createIndex('metric_snapshots_series')
    .ifNotExists()
    .on('metric_snapshots')
    .columns(['source', 'vdn', 'subject', 'taken_at'])
    .execute();
  // latestPerSubject with a `since` bound reads only recent rows of one VDN.
  await db.schema.createIndex('metric_snapshots_vdn_time').ifNotExists().on('metric_snapshots').columns(['source', 'vdn', 'taken_at']).execute();
  // health: newest ok / newest failed row of a source without scanning its history.
  await db.schema.createIndex('metric_snapshots_health').ifNotExists().on('metric_snapshots').columns(['source', 'ok', 'taken_at']).execute();
  // prune walks the table by time only.
  await db.schema.createIndex('metric_snapshots_time').ifNotExists().on('metric_snapshots').column('taken_at').execute();

  await db.schema
    .createTable('job_runs')
    .ifNotExists()
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('scheduled_for', TIME, (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('claimed_at', TIME, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('finished_at', TIME)
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('job_runs_pk', ['job', 'scheduled_for'])
    .execute();
  await db.schema.createIndex('job_runs_scheduled').ifNotExists().on('job_runs').column('scheduled_for').execute();

  await db.schema
    .createTable('leases')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('acquired_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stats_cache')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('fetched_at', TIME, (c) => c.notNull())
    .execute();

  await idColumn(db.schema.createTable('audit_log').ifNotExists(), dialect, { big: true })
    .addColumn('at', TIME, (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').ifNotExists().on('audit_log').column('at').execute();

  // No foreign key on `ref`: the history of a removed subscription or rule is kept.
  await idColumn(db.schema.createTable('deliveries').ifNotExists(), dialect, { big: true })
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'integer', (c) => c.notNull())
    .addColumn('job_key', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', TIME, (c) => c.notNull())
    .addColumn('ts', 'text')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('deliveries_ref').ifNotExists().on('deliveries').columns(['kind', 'ref', 'at']).execute();
  await db.schema.createIndex('deliveries_at').ifNotExists().on('deliveries').column('at').execute();

  await db.schema
    .createTable('store_meta')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export const initial: StoreMigration = { up };

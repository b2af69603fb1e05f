/**
 * Brings the schema up to date at start through Kysely's Migrator with an in-code provider, so
 * the migrations ship inside the bundle and need no directory scan.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Logger } from '../platform/log.js';
import { StoreError } from './errors.js';
import { MIGRATIONS } from './migrations/index.js';
import type { StoreMigration } from './migrations/helpers.js';
import type { Database, StoreDialect } from './schema.js';

/** Hands each migration the dialect so the few DDL differences stay inside the migration. */
function provider(dialect: StoreDialect, migrations: Readonly<Record<string, StoreMigration>>): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(migrations)) out[name] = { up: (db) => m.up(db, dialect) };
      return out;
    },
  };
}

export interface MigrateOptions {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /**
   * PostgreSQL schema holding the tables. Kysely's migrator looks for its bookkeeping table in
   * every schema; naming ours keeps another schema's `kysely_migration` from fooling it.
   */
  schema?: string;
  log: Logger;
  /** Tests only: a different migration list. */
  migrations?: Readonly<Record<string, StoreMigration>>;
}

/**
 * Applies the pending migrations and returns their names. Two processes starting together may
 * race on SQLite (which has no migration lock); the loser fails on the bookkeeping row, so one
 * retry sees the work done.
 */
export async function migrateToLatest(opts: MigrateOptions): Promise<string[]> {
  const migrator = new Migrator({
    db: opts.db,
    provider: provider(opts.dialect, opts.migrations ?? MIGRATIONS),
    ...(opts.schema === undefined ? {} : { migrationTableSchema: opts.schema }),
  });
  let lastError: unknown;
  const all: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    all.push(...applied);
    if (applied.length > 0) opts.log.info('store migrations applied', { applied, dialect: opts.dialect });
    if (!error) return all;
    lastError = error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    opts.log.warn('store migration failed', { attempt, failed, error: error instanceof Error ? error.message : String(error) });
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
  // The cause goes into the message: it is what the operator sees when the bot stops at start.
  const why = lastError instanceof Error ? `: ${lastError.message}` : '';
  throw new StoreError('migration_failed', `database migration failed${why}`, lastError);
}

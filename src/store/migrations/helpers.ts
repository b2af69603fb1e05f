/**
 * The few places where SQLite and PostgreSQL DDL differ, kept here so each migration reads as
 * one portable script.
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { StoreDialect } from '../schema.js';

/** A migration that may ask which engine it runs on; it never drops data. */
export interface StoreMigration {
  up(db: Kysely<any>, dialect: StoreDialect): Promise<void>;
}

/**
 * An auto-numbered primary key. SQLite needs exactly `integer primary key` to get a rowid
 * alias, and AUTOINCREMENT so a removed id (users type `/aicc digest remove 3`) is never handed
 * out again; PostgreSQL uses an identity column, which also never reuses values.
 */
export function idColumn<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
  dialect: StoreDialect,
  opts: { big?: boolean } = {},
): CreateTableBuilder<T, C | 'id'> {
  if (dialect === 'sqlite') {
    return table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
  }
  return table.addColumn('id', opts.big ? 'bigint' : 'integer', (c: ColumnDefinitionBuilder) =>
    c.primaryKey().generatedByDefaultAsIdentity(),
  );
}

/** Epoch milliseconds: `bigint` is INTEGER affinity in SQLite and int8 in PostgreSQL. */
export const TIME = 'bigint';
/** `real` would be float4 in PostgreSQL; `double precision` is REAL affinity in SQLite. */
export const REAL = 'double precision';

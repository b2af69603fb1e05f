/**
 * The only dialect-aware code besides two DDL helpers: it turns a URL into a Kysely instance on
 * SQLite (better-sqlite3) or PostgreSQL (`pg` Pool) and knows how each reports its size.
 */
import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { DatabaseUrlError, parseDatabaseUrl, type DatabaseTarget } from '../platform/database-url.js';
import type { Logger } from '../platform/log.js';
import { StoreError } from './errors.js';
import type { Database as Schema, StoreDialect } from './schema.js';

/** Where the bot keeps its SQLite file when no URL is configured. */
export const DEFAULT_SQLITE_PATH = './data/aicc-bot.sqlite';

export interface Connection {
  db: Kysely<Schema>;
  dialect: StoreDialect;
  /** PostgreSQL schema the tables live in; undefined on SQLite. */
  schema?: string;
  sizeBytes(): Promise<number>;
}

export interface ConnectOptions {
  url?: string;
  /** PostgreSQL only: put the tables in this schema (created if missing) via `search_path`. */
  schema?: string;
  log: Logger;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/i;

/** Reads a store URL (see platform/database-url.ts); an unusable one is a `bad_config` StoreError. */
function target(url: string | undefined): DatabaseTarget {
  if (url === undefined || url === '') return { kind: 'sqlite', path: url === '' ? ':memory:' : DEFAULT_SQLITE_PATH };
  try {
    return parseDatabaseUrl(url);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new StoreError('bad_config', `DATABASE_URL: ${error.message}`, error);
    throw error;
  }
}

/** Opens the database; migrations are the caller's next step. */
export async function connect(opts: ConnectOptions): Promise<Connection> {
  const t = target(opts.url);
  return t.kind === 'postgres' ? connectPostgres(t.url, opts) : connectSqlite(t.path, opts);
}

/** What SQLite's (or the file system's) error code means for whoever starts the bot. */
const SQLITE_CAUSES: Readonly<Record<string, string>> = {
  SQLITE_NOTADB: 'the file is not a SQLite database (corrupted, or another kind of file)',
  SQLITE_CORRUPT: 'the database file is corrupted',
  SQLITE_READONLY: 'the database is read-only (check the permissions of the file and its folder)',
  SQLITE_CANTOPEN: 'the file cannot be opened (a folder, a missing folder, or no permission)',
  SQLITE_PERM: 'no permission to open the database',
  SQLITE_IOERR: 'the disk refused a read or a write',
  SQLITE_FULL: 'the disk is full',
  SQLITE_BUSY: 'another process holds the database locked',
  EACCES: 'no permission to create the folder or the file',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/** `the file is not a SQLite database (…) [SQLITE_NOTADB: file is not a database]`. */
export function describeSqliteError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  // Extended codes (SQLITE_CANTOPEN_ISDIR, SQLITE_IOERR_WRITE) share their primary code's meaning.
  const key = typeof code === 'string' ? Object.keys(SQLITE_CAUSES).find((k) => code === k || code.startsWith(`${k}_`)) : undefined;
  return key ? `${SQLITE_CAUSES[key]} [${String(code)}: ${message}]` : message;
}

/** Prepared statements kept per SQL text; emptied when full, which bounds it. */
const STATEMENT_LIMIT = 256;

/**
 * The database as Kysely sees it, with `prepare` reusing the statement prepared for the same SQL:
 * Kysely prepares every query again, which cost a tenth of the CPU under load. Safe because Kysely
 * runs one query at a time on its one SQLite connection and better-sqlite3 runs it synchronously, so
 * no statement is ever in use twice; SQLite re-prepares a statement itself after a schema change.
 */
function reusingStatements(sqlite: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare(text: string) {
      let stmt = statements.get(text);
      if (!stmt) {
        stmt = sqlite.prepare(text);
        if (statements.size >= STATEMENT_LIMIT) statements.clear();
        statements.set(text, stmt);
      }
      return stmt;
    },
    close: () => sqlite.close(),
  };
}

function connectSqlite(file: string, opts: ConnectOptions): Connection {
  if (opts.schema !== undefined) throw new StoreError('bad_config', 'a schema can only be chosen on PostgreSQL');
  const memory = file === ':memory:';
  let sqlite: Database.Database | undefined;
  try {
    if (!memory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    sqlite = new Database(file);
    // WAL lets readers run beside the one writer; busy_timeout makes a second process wait for
    // the write lock instead of failing at once; foreign keys are off by default in SQLite.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    // Fail now, with the reason, rather than at the first query: reading the schema catches a file
    // that is not a database or whose first pages are damaged, and a write rolled back at once
    // (the header's user_version, set to what it is) catches a read-only file or folder, which
    // SQLite otherwise opens read-only without a word.
    sqlite.prepare('select count(*) from sqlite_master').get();
    const version = Number(sqlite.pragma('user_version', { simple: true }));
    sqlite.exec(`begin immediate; pragma user_version = ${version}; rollback`);
  } catch (error) {
    sqlite?.close();
    throw new StoreError('connect_failed', `cannot open SQLite database ${file}: ${describeSqliteError(error)}`, error);
  }
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    async sizeBytes() {
      if (memory) {
        const pages = sqlite.pragma('page_count', { simple: true }) as number;
        const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
        return pages * pageSize;
      }
      const sizes = await Promise.all([file, `${file}-wal`].map((f) => stat(f).then((s) => s.size, () => 0)));
      return sizes.reduce((a, b) => a + b, 0);
    },
  };
}

async function connectPostgres(url: string, opts: ConnectOptions): Promise<Connection> {
  const { schema, log } = opts;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new StoreError('bad_config', `not a plain PostgreSQL schema name: ${schema}`);
  }
  // int8 (bigint, count(*)) arrives as a string by default. Our values are epoch milliseconds
  // and counts, far below 2^53, so numbers are safe. The parser is set on this pool only: the
  // global `pg.types` belongs to whoever else uses pg in the process.
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
  const pool = new pg.Pool({
    connectionString: url,
    types,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its connection emits 'error' on the pool; unhandled it would crash.
  pool.on('error', (error) => log.warn('postgres pool error', { error: error.message }));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema !== undefined) await ensureSchema(db, schema);
    const current = await sql<{ name: string }>`select current_schema() as name`.execute(db);
    const name = current.rows[0]?.name;
    if (!name) throw new Error('no current schema: is the search_path empty?');
    return {
      db,
      dialect: 'postgres',
      schema: name,
      async sizeBytes() {
        const r = await sql<{ size: number }>`select pg_database_size(current_database()) as size`.execute(db);
        return Number(r.rows[0]?.size ?? 0);
      },
    };
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new StoreError('connect_failed', `cannot open PostgreSQL database ${redactUrl(url)}`, error);
  }
}

/** `create schema if not exists` can still fail when two processes race; then it exists. */
async function ensureSchema(db: Kysely<Schema>, schema: string): Promise<void> {
  try {
    await db.schema.createSchema(schema).ifNotExists().execute();
  } catch (error) {
    const found = await sql<{ n: number }>`select count(*) as n from information_schema.schemata where schema_name = ${schema}`.execute(db);
    if (Number(found.rows[0]?.n ?? 0) === 0) throw error;
  }
}

/** The password never goes into an error message. */
function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

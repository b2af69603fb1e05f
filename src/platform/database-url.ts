/**
 * What DATABASE_URL may say, read once for configuration and the store alike: a SQLite file as a
 * plain path, `sqlite:PATH`, `sqlite://PATH` or `file:PATH` (`file:///abs/path` too), or a
 * PostgreSQL URL. Any other scheme is refused, so `sqlite:/tmp/x.db` can no longer create a folder
 * named `sqlite:` and a `mysql://…` is not mistaken for a file name.
 */

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };

/** Why a DATABASE_URL cannot be used; the message never repeats the value (it may hold a password). */
export class DatabaseUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUrlError';
  }
}

const POSTGRES = /^postgres(?:ql)?:\/\//i;
const SQLITE_PREFIX = /^(?:sqlite|file):(?:\/\/)?/i;
/** A URL scheme; one letter is a Windows drive (`C:\data\bot.sqlite`), not a scheme. */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

export const DATABASE_URL_EXPECTED = 'expected a SQLite file (./data/aicc-bot.sqlite, sqlite:PATH, file:PATH) or postgres://user@host:5432/db';

export function parseDatabaseUrl(raw: string): DatabaseTarget {
  const value = raw.trim();
  if (value === '') throw new DatabaseUrlError(`empty: ${DATABASE_URL_EXPECTED}`);
  if (POSTGRES.test(value)) return { kind: 'postgres', url: value };
  const prefix = SQLITE_PREFIX.exec(value);
  if (prefix) {
    const path = value.slice(prefix[0].length);
    if (path === '') throw new DatabaseUrlError(`${prefix[0]} names no file: ${DATABASE_URL_EXPECTED}`);
    if (path.includes('?')) throw new DatabaseUrlError(`${prefix[0]} takes a file path without query parameters`);
    return { kind: 'sqlite', path };
  }
  const scheme = SCHEME.exec(value);
  if (scheme) {
    throw new DatabaseUrlError(`the scheme "${scheme[1]}:" is not supported: ${DATABASE_URL_EXPECTED}`);
  }
  return { kind: 'sqlite', path: value };
}

/**
 * Opening the SQLite store: `sqlite:`/`file:` URLs name the file (no folder called `sqlite:`), an
 * unknown scheme is refused, and a file that is not a usable database stops start-up with a message
 * naming the cause.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, StoreError, type Store } from '../../../src/store/index.js';

const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const dir = () => mkdtempSync(join(tmpdir(), 'store-open-'));

async function failure(url: string): Promise<StoreError> {
  const error = await openStore({ url }).then(
    (s) => {
      opened.push(s);
      return undefined;
    },
    (e: unknown) => e,
  );
  if (error instanceof StoreError) return error;
  throw new Error(`expected a StoreError, got ${String(error)}`);
}

describe('store URLs', () => {
  it.each(['sqlite:', 'sqlite://', 'file:', 'file://'])('%sPATH opens the file at PATH', async (prefix) => {
    const d = dir();
    const file = join(d, 'bot.sqlite');
    const store = await openStore({ url: `${prefix}${file}` });
    opened.push(store);
    await store.digests.list();
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(process.cwd(), 'sqlite:'))).toBe(false);
    expect(existsSync(join(process.cwd(), 'file:'))).toBe(false);
  });

  it('refuses another scheme as bad configuration naming DATABASE_URL', async () => {
    const err = await failure('mysql://root:hunter2@localhost/aicc');
    expect(err.code).toBe('bad_config');
    expect(err.message).toMatch(/^DATABASE_URL: the scheme "mysql:" is not supported/);
    expect(err.message).not.toContain('hunter2');
  });
});

describe('a database that cannot be used stops start-up with its cause', () => {
  it('a file of garbage bytes', async () => {
    const file = join(dir(), 'garbage.sqlite');
    writeFileSync(file, randomBytes(64 * 1024));
    const err = await failure(file);
    expect(err.code).toBe('connect_failed');
    expect(err.message).toContain(`cannot open SQLite database ${file}: the file is not a SQLite database`);
    expect(err.message).toContain('SQLITE_NOTADB');
  });

  it('a text file where the database should be', async () => {
    const file = join(dir(), 'notes.sqlite');
    writeFileSync(file, 'these are not the tables you are looking for\n'.repeat(200));
    expect((await failure(file)).message).toMatch(/the file is not a SQLite database/);
  });

  it('a folder where the database file should be', async () => {
    const path = join(dir(), 'bot.sqlite');
    mkdirSync(path);
    const err = await failure(path);
    expect(err.code).toBe('connect_failed');
    expect(err.message).toMatch(/the file cannot be opened/);
  });

  it('a database whose pages are damaged', async () => {
    const file = join(dir(), 'damaged.sqlite');
    const store = await openStore({ url: file });
    await store.close();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(file);
    // Keep the 100-byte header, ruin the schema page behind it.
    bytes.fill(0xa5, 100, Math.min(bytes.length, 4096));
    writeFileSync(file, bytes);
    const err = await failure(file);
    expect(err.message).toMatch(/corrupted|not a SQLite database/);
  });
});

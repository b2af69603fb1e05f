import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createLogger } from '../../../src/platform/log.js';
import { connect } from '../../../src/store/connect.js';
import { openStore, StoreError } from '../../../src/store/index.js';
import { migrateToLatest } from '../../../src/store/migrate.js';
import { MIGRATIONS } from '../../../src/store/migrations/index.js';
import { describeEachBackend } from '../../support/backends.js';

const T0 = Date.parse('2026-11-21T09:00:00Z');

function capture() {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: 'debug', sink: (l) => lines.push(l), clock: () => new Date(T0) }) };
}

describeEachBackend('store migrations', (backend) => {
  it('migrates once; a second open applies nothing and the data survives the restart', async () => {
    const db = await backend.fresh();
    const first = capture();
    const a = await db.open({ log: first.log });
    expect(a.dialect).toBe(backend.name);
    expect(first.lines.join('\n')).toMatch(/store migrations applied .*0001_initial/);
    const sub = await a.digests.create({
      channelId: 'C1',
      vdn: 8,
      at: '09:00',
      days: 'mon-fri',
      timeZone: 'Asia/Dubai',
      createdBy: 'U1',
      createdAt: T0,
    });
    await a.close();
    await a.close(); // closing twice is harmless

    const second = capture();
    const b = await db.open({ log: second.log });
    expect(second.lines.join('\n')).not.toMatch(/migrations applied/);
    expect(await b.digests.list()).toEqual([sub]);
    expect(await b.sizeBytes()).toBeGreaterThan(0);
  });
});

it('creates the folder of the SQLite file', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aicc-store-dir-'));
  try {
    const file = path.join(dir, 'nested', 'deeper', 'bot.sqlite');
    const store = await openStore({ url: file });
    await store.digests.list();
    expect(store.dialect).toBe('sqlite');
    expect(statSync(file).isFile()).toBe(true);
    const size = await store.sizeBytes();
    expect(size).toBeGreaterThanOrEqual(statSync(file).size);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('works in memory and reports a size', async () => {
  const store = await openStore({ url: ':memory:' });
  expect(await store.sizeBytes()).toBeGreaterThan(0);
  await store.close();
});

it('rejects a schema option on SQLite and a schema name that is not an identifier', async () => {
  await expect(openStore({ url: ':memory:', schema: 'x' })).rejects.toMatchObject({ code: 'bad_config' });
  await expect(openStore({ url: 'postgres://nobody@127.0.0.1:1/x', schema: 'a;drop' })).rejects.toBeInstanceOf(StoreError);
});

it('reports a failing migration as a StoreError and keeps what was applied before it', async () => {
  const { lines, log } = capture();
  const conn = await connect({ url: ':memory:', log });
  try {
    const broken = { ...MIGRATIONS, '9999_broken': { up: async () => Promise.reject(new Error('boom')) } };
    const failure = await migrateToLatest({ db: conn.db, dialect: conn.dialect, log, migrations: broken }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure).toMatchObject({ code: 'migration_failed' });
    expect(((failure as StoreError).cause as Error).message).toBe('boom');
    expect(lines.some((l) => l.includes('store migration failed') && l.includes('9999_broken'))).toBe(true);
    // 0001 stayed applied: the next start with the good list has nothing to do
    expect(await migrateToLatest({ db: conn.db, dialect: conn.dialect, log })).toEqual([]);
  } finally {
    await conn.db.destroy();
  }
});

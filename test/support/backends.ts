/**
 * Runs a store suite once per backend: SQLite always (temp files), PostgreSQL when
 * TEST_DATABASE_URL is set (a unique schema per database, dropped afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import type { Logger } from '../../src/platform/log.js';
import { openStore, type Store } from '../../src/store/index.js';

const PG_URL = process.env.TEST_DATABASE_URL;
export type BackendName = 'sqlite' | 'postgres';

if (!PG_URL) {
  console.log('TEST_DATABASE_URL is not set: the PostgreSQL variant of the store tests is skipped');
}

/** One isolated database; every `open` is another Store (another "process") on it. */
export interface TestDb {
  readonly name: BackendName;
  open(opts?: { log?: Logger }): Promise<Store>;
}

export interface BackendHandle {
  readonly name: BackendName;
  /** A new empty database: a temp SQLite file or a new PostgreSQL schema. */
  fresh(): Promise<TestDb>;
}

let counter = 0;

function createHandle(name: BackendName): BackendHandle & { cleanup(): Promise<void> } {
  const stores: Store[] = [];
  const schemas: string[] = [];
  let tmp: string | undefined;
  const track = async (p: Promise<Store>) => {
    const s = await p;
    stores.push(s);
    return s;
  };
  return {
    name,
    async fresh() {
      if (name === 'sqlite') {
        tmp ??= mkdtempSync(path.join(os.tmpdir(), 'aicc-store-'));
        const url = path.join(tmp, `db-${++counter}.sqlite`);
        return { name, open: (o = {}) => track(openStore({ url, log: o.log })) };
      }
      const schema = `store_test_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
      schemas.push(schema);
      return { name, open: (o = {}) => track(openStore({ url: PG_URL, schema, log: o.log })) };
    },
    async cleanup() {
      await Promise.all(stores.map((s) => s.close()));
      if (schemas.length > 0) {
        const admin = new pg.Pool({ connectionString: PG_URL, max: 1 });
        try {
          for (const s of schemas) await admin.query(`drop schema if exists ${s} cascade`);
        } finally {
          await admin.end();
        }
      }
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** `describe` once per backend; the PostgreSQL one is skipped without TEST_DATABASE_URL. */
export function describeEachBackend(title: string, body: (backend: BackendHandle) => void): void {
  for (const name of ['sqlite', 'postgres'] as const) {
    describe.skipIf(name === 'postgres' && !PG_URL)(`${title} [${name}]`, () => {
      const handle = createHandle(name);
      afterAll(() => handle.cleanup());
      body(handle);
    });
  }
}

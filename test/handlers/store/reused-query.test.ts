/** A query compiled once and run with new values (store/util.ts: reusedQuery), and the mistakes it refuses. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../../src/platform/log.js';
import { connect, type Connection } from '../../../src/store/connect.js';
import { migrateToLatest } from '../../../src/store/migrate.js';
import { reusedQuery } from '../../../src/store/util.js';

let conn: Connection;
beforeAll(async () => {
  conn = await connect({ url: ':memory:', log: silentLogger });
  await migrateToLatest({ db: conn.db, dialect: conn.dialect, log: silentLogger });
  for (const [key, until] of [['a', 100], ['b', 200], ['c', 300]] as const) {
    await conn.db.insertInto('leases').values({ key, holder: 'h', acquired_at: 0, expires_at: until }).execute();
  }
});
afterAll(() => conn.db.destroy());

it('runs the query compiled at its first run with each call’s values, the same value used twice included', async () => {
  const { db } = conn;
  const find = reusedQuery(db, (a: { key: string; after: number }) => db.selectFrom('leases').select(['key', 'expires_at']).where('key', '=', a.key).where('expires_at', '>', a.after).where('holder', '=', 'h'));
  expect((await find({ key: 'a', after: 0 })).rows).toEqual([{ key: 'a', expires_at: 100 }]);
  expect((await find({ key: 'b', after: 150 })).rows).toEqual([{ key: 'b', expires_at: 200 }]);
  expect((await find({ key: 'c', after: 300 })).rows).toEqual([]);
  const twice = reusedQuery(db, (a: { t: number }) => db.selectFrom('leases').select('key').where('expires_at', '>=', a.t).where('acquired_at', '<', a.t).orderBy('key'));
  expect((await twice({ t: 200 })).rows.map((r) => r.key)).toEqual(['b', 'c']);
  expect((await twice({ t: 301 })).rows).toEqual([]);
});

it('refuses a value computed from an argument, and an argument the query does not use, at the first run', async () => {
  const { db } = conn;
  const computed = reusedQuery(db, (a: { now: number; ttl: number }) => db.selectFrom('leases').select('key').where('expires_at', '<', a.now + a.ttl));
  await expect(computed({ now: 1, ttl: 2 })).rejects.toThrow(/computed from an argument/);
  const unused = reusedQuery(db, (a: { key: string; spare: string }) => db.selectFrom('leases').select('key').where('key', '=', a.key));
  await expect(unused({ key: 'a', spare: 'x' })).rejects.toThrow(/spare not used/);
  // Arithmetic on a stand-in gives NaN, which would otherwise be kept as a constant.
  const subtracted = reusedQuery(db, (a: { now: number }) => db.selectFrom('leases').select('key').where('expires_at', '<', a.now - 1).where('acquired_at', '<', a.now));
  await expect(subtracted({ now: 5 })).rejects.toThrow(/computed from an argument \(NaN\)/);
});

it('refuses a later call whose arguments are not the first call\u2019s', async () => {
  const { db } = conn;
  type Row = { key: string; holder?: string };
  const find = reusedQuery(db, (a: Row) => db.selectFrom('leases').select('key').where('key', '=', a.key));
  expect((await find({ key: 'a' })).rows).toEqual([{ key: 'a' }]);
  await expect(find({ key: 'a', holder: 'h' })).rejects.toThrow(/called with key, holder where it was compiled with key/);
});

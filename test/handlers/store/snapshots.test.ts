import { beforeAll, expect, it } from 'vitest';
import type { NewSnapshot, Store } from '../../../src/store/index.js';
import { describeEachBackend } from '../../support/backends.js';

const T0 = Date.parse('2026-11-21T09:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

describeEachBackend('metric snapshots', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await (await backend.fresh()).open();
  });

  it('reads the latest row, optionally only ok ones and only recent ones', async () => {
    const s = store.snapshots;
    const id = await s.insert({ vdn: 1, source: 'stats', subject: '101', takenAt: T0, ok: true, payload: { dailyCalled: 5, rate: 0.25 } });
    expect(Number.isInteger(id)).toBe(true);
    await s.insert({ vdn: 1, source: 'stats', subject: '101', takenAt: T0 + 5 * MIN, ok: false, error: 'timeout' });
    const latest = await s.latest('stats', 1, '101');
    expect(latest).toMatchObject({ vdn: 1, source: 'stats', subject: '101', takenAt: T0 + 5 * MIN, ok: false, error: 'timeout' });
    expect(latest?.payload).toBeUndefined();
    const ok = await s.latest('stats', 1, '101', { okOnly: true });
    expect(ok).toEqual({ id, vdn: 1, source: 'stats', subject: '101', takenAt: T0, ok: true, payload: { dailyCalled: 5, rate: 0.25 }, error: undefined });
    expect(await s.latest('stats', 1, '101', { okOnly: true, maxAgeMs: 4 * MIN, now: T0 + 5 * MIN })).toBeUndefined();
    expect(await s.latest('stats', 1, '101', { okOnly: true, maxAgeMs: 5 * MIN, now: T0 + 5 * MIN })).toMatchObject({ id });
    await expect(s.latest('stats', 1, '101', { maxAgeMs: 1 })).rejects.toMatchObject({ code: 'bad_value' });
    expect(await s.latest('stats', 1, 'other')).toBeUndefined();
    expect(await s.latest('cms', 1, '101')).toBeUndefined();
  });

  it('finds the value at or before a time (same time yesterday)', async () => {
    const s = store.snapshots;
    const rows: NewSnapshot[] = [0, 5, 10, 15].map((m) => ({ vdn: 2, source: 'stats', subject: '7', takenAt: T0 - DAY + m * MIN, ok: true, payload: { m } }));
    rows.push({ vdn: 2, source: 'stats', subject: '7', takenAt: T0 - DAY + 12 * MIN, ok: false, error: 'http 500' });
    await s.insertMany(rows);
    expect((await s.latestBefore('stats', 2, '7', T0 - DAY + 12 * MIN))?.payload).toEqual({ m: 10 });
    expect((await s.latestBefore('stats', 2, '7', T0 - DAY + 12 * MIN, { okOnly: false }))?.error).toBe('http 500');
    expect((await s.latestBefore('stats', 2, '7', T0 - DAY + 15 * MIN))?.payload).toEqual({ m: 15 });
    expect(await s.latestBefore('stats', 2, '7', T0 - DAY - 1)).toBeUndefined();
    expect(await s.latestBefore('stats', 2, '7', T0, { notBefore: T0 - 10 * MIN })).toBeUndefined();
    const range = await s.range('stats', 2, '7', T0 - DAY + 5 * MIN, T0 - DAY + 12 * MIN);
    expect(range.map((r) => r.takenAt - (T0 - DAY))).toEqual([5 * MIN, 10 * MIN, 12 * MIN]);
    expect((await s.range('stats', 2, '7', T0 - DAY, T0, { okOnly: true })).length).toBe(4);
  });

  it('gives the newest ok row per subject', async () => {
    const s = store.snapshots;
    await s.insertMany([
      { vdn: 3, source: 'cms', subject: '', takenAt: T0, ok: true, payload: 'vdn-wide' },
      { vdn: 3, source: 'cms', subject: 'a', takenAt: T0, ok: true, payload: 1 },
      { vdn: 3, source: 'cms', subject: 'a', takenAt: T0 + 5 * MIN, ok: true, payload: 2 },
      { vdn: 3, source: 'cms', subject: 'a', takenAt: T0 + 10 * MIN, ok: false, error: 'x' },
      { vdn: 3, source: 'cms', subject: 'b', takenAt: T0, ok: true, payload: 3 },
      { vdn: 3, source: 'cms', subject: 'b', takenAt: T0, ok: true, payload: 4 }, // a retried tick: same time
      { vdn: 3, source: 'cms', subject: 'c', takenAt: T0 + 5 * MIN, ok: false, error: 'never ok' },
      { vdn: 4, source: 'cms', subject: 'a', takenAt: T0 + 20 * MIN, ok: true, payload: 'other vdn' },
      { vdn: 3, source: 'stats', subject: 'a', takenAt: T0 + 20 * MIN, ok: true, payload: 'other source' },
    ]);
    const per = await s.latestPerSubject('cms', 3);
    expect(per.map((r) => [r.subject, r.payload])).toEqual([
      ['', 'vdn-wide'],
      ['a', 2],
      ['b', 4],
    ]);
    const recent = await s.latestPerSubject('cms', 3, { since: T0 + MIN });
    expect(recent.map((r) => [r.subject, r.payload])).toEqual([['a', 2]]);
  });

  it('reports health per source', async () => {
    const s = store.snapshots;
    const never = await s.health('oifde');
    expect(never).toEqual({ source: 'oifde', lastOkAt: undefined, lastErrorAt: undefined, lastError: undefined, consecutiveFailures: 0 });
    await s.insertMany([
      { vdn: 5, source: 'oifde', takenAt: T0, ok: false, error: 'first' },
      { vdn: 5, source: 'oifde', takenAt: T0 + 5 * MIN, ok: true, payload: {} },
      { vdn: 5, source: 'oifde', subject: 'x', takenAt: T0 + 10 * MIN, ok: false, error: 'e1' },
      { vdn: 5, source: 'oifde', subject: 'y', takenAt: T0 + 10 * MIN, ok: false, error: 'e1' },
      { vdn: 5, source: 'oifde', takenAt: T0 + 15 * MIN, ok: false, error: 'e2' },
      { vdn: 5, source: 'oifde', takenAt: T0 + 20 * MIN, ok: false, error: 'auth failed' },
    ]);
    expect(await s.health('oifde')).toEqual({
      source: 'oifde',
      lastOkAt: T0 + 5 * MIN,
      lastErrorAt: T0 + 20 * MIN,
      lastError: 'auth failed',
      consecutiveFailures: 3,
    });
    await s.insert({ vdn: 5, source: 'oifde', takenAt: T0 + 25 * MIN, ok: true });
    expect(await s.health('oifde')).toMatchObject({ lastOkAt: T0 + 25 * MIN, lastErrorAt: T0 + 20 * MIN, consecutiveFailures: 0 });
  });

  it('batch-inserts 2000 rows in one call', async () => {
    const rows: NewSnapshot[] = Array.from({ length: 2000 }, (_, i) => ({
      vdn: 6,
      source: 'campaigns',
      subject: String(i),
      takenAt: T0,
      ok: true,
      payload: { campaignId: String(i), name: `Campaign ${i}`, status: 2 },
    }));
    expect(await store.snapshots.insertMany(rows)).toBe(2000);
    expect(await store.snapshots.insertMany([])).toBe(0);
    const per = await store.snapshots.latestPerSubject('campaigns', 6, { since: T0 });
    expect(per).toHaveLength(2000);
    expect((await store.snapshots.latest('campaigns', 6, '1999'))?.payload).toEqual({ campaignId: '1999', name: 'Campaign 1999', status: 2 });
  });

  it('rejects a time that is not a number', async () => {
    await expect(store.snapshots.insert({ vdn: 1, source: 'stats', takenAt: Number.NaN, ok: true })).rejects.toMatchObject({ code: 'bad_value' });
  });
});

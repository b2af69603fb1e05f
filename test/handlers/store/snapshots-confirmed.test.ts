/**
 * A campaign list found unchanged confirms the stored row instead of adding one; every read sees
 * the row as observed at its last confirmation (within the read's bounds), and retention keeps it
 * while it is current.
 */
import { beforeEach, expect, it } from 'vitest';
import type { NewSnapshot, Store } from '../../../src/store/index.js';
import { describeEachBackend } from '../../support/backends.js';

const T0 = Date.parse('2026-11-21T09:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const TICK = 5 * MIN;
const GAP = 1.5 * TICK;

const list = (takenAt: number, payload: unknown = [['1', 'Spring', 2]], vdn = 8): NewSnapshot => ({ vdn, source: 'campaigns', takenAt, ok: true, payload });

describeEachBackend('metric snapshots: confirmed rows', (backend) => {
  let store: Store;
  beforeEach(async () => {
    store = await (await backend.fresh()).open();
  });

  const all = () => store.snapshots.range('campaigns', 8, '', 0, Number.MAX_SAFE_INTEGER);

  it('an unchanged list adds no row, but its confirmed time moves; a changed one adds a row', async () => {
    const s = store.snapshots;
    const first = await s.insertOrConfirm(list(T0), { maxGapMs: GAP });
    expect(first.inserted).toBe(true);
    for (let i = 1; i <= 3; i++) expect(await s.insertOrConfirm(list(T0 + i * TICK), { maxGapMs: GAP })).toEqual({ id: first.id, inserted: false });
    expect(await all()).toEqual([expect.objectContaining({ id: first.id, takenAt: T0 + 3 * TICK, firstTakenAt: T0 })]);
    expect(await s.latest('campaigns', 8, '', { okOnly: true })).toMatchObject({ id: first.id, takenAt: T0 + 3 * TICK, firstTakenAt: T0, payload: [['1', 'Spring', 2]] });

    const changed = await s.insertOrConfirm(list(T0 + 4 * TICK, [['1', 'Spring', 3]]), { maxGapMs: GAP });
    expect(changed.inserted).toBe(true);
    const rows = await all();
    expect(rows.map((r) => [r.id, r.takenAt, r.firstTakenAt])).toEqual([
      [first.id, T0 + 3 * TICK, T0],
      [changed.id, T0 + 4 * TICK, undefined],
    ]);
  });

  it('stores the list again after a gap in collecting, a failure, or with another error text', async () => {
    const s = store.snapshots;
    await s.insertOrConfirm(list(T0), { maxGapMs: GAP });
    // Two ticks missed: the gap stays visible in the history.
    expect((await s.insertOrConfirm(list(T0 + 3 * TICK), { maxGapMs: GAP })).inserted).toBe(true);
    await s.insert({ vdn: 8, source: 'campaigns', takenAt: T0 + 4 * TICK, ok: false, error: 'timeout' });
    // The newest row is the failure: the same list after it is a row of its own.
    expect((await s.insertOrConfirm(list(T0 + 5 * TICK), { maxGapMs: GAP })).inserted).toBe(true);
    expect((await s.insertOrConfirm({ ...list(T0 + 6 * TICK), error: 'partly' }, { maxGapMs: GAP })).inserted).toBe(true);
    // Without a gap allowance only a repeat of the same instant confirms.
    expect((await s.insertOrConfirm({ ...list(T0 + 6 * TICK), error: 'partly' }, { maxGapMs: 0 })).inserted).toBe(false);
    expect((await s.insertOrConfirm({ ...list(T0 + 7 * TICK), error: 'partly' }, { maxGapMs: 0 })).inserted).toBe(true);
    expect((await all()).map((r) => r.takenAt)).toEqual([0, 3, 4, 5, 6, 7].map((i) => T0 + i * TICK));
  });

  it('readers of freshness see the last confirmation: latest with maxAge, latestPerSubject, health', async () => {
    const s = store.snapshots;
    const { id } = await s.insertOrConfirm(list(T0), { maxGapMs: GAP });
    for (let i = 1; i <= 12; i++) await s.insertOrConfirm(list(T0 + i * TICK), { maxGapMs: GAP });
    const now = T0 + 12 * TICK + 30_000;
    // What the campaign directory, digests and the Home tab ask: a list at most a minute old.
    expect(await s.latest('campaigns', 8, '', { okOnly: true, maxAgeMs: 60_000, now })).toMatchObject({ id, takenAt: T0 + 12 * TICK });
    expect(await s.latest('campaigns', 8, '', { okOnly: true, maxAgeMs: 60_000, now: now + 5 * MIN })).toBeUndefined();
    expect(await s.latestPerSubject('campaigns', 8, { since: T0 + 11 * TICK })).toEqual([expect.objectContaining({ id, takenAt: T0 + 12 * TICK })]);
    // /aicc status and the Home tab: the source's last success is the last confirmation.
    expect(await s.health('campaigns')).toMatchObject({ lastOkAt: T0 + 12 * TICK, consecutiveFailures: 0 });
    await s.insert({ vdn: 8, source: 'campaigns', takenAt: T0 + 13 * TICK, ok: false, error: 'down' });
    await s.insert({ vdn: 8, source: 'campaigns', takenAt: T0 + 14 * TICK, ok: false, error: 'down' });
    expect(await s.health('campaigns')).toMatchObject({ lastOkAt: T0 + 12 * TICK, lastErrorAt: T0 + 14 * TICK, consecutiveFailures: 2 });
    // Another VDN's newer, never confirmed row does not hide this one's later confirmation.
    await s.insert(list(T0 + 2 * TICK, [], 9));
    expect((await s.health('campaigns')).lastOkAt).toBe(T0 + 12 * TICK);
  });

  it('reads bounded in time see the row as observed within their bounds', async () => {
    const s = store.snapshots;
    const { id } = await s.insertOrConfirm(list(T0), { maxGapMs: GAP });
    for (let i = 1; i <= 24; i++) await s.insertOrConfirm(list(T0 + i * TICK), { maxGapMs: GAP });
    // An hour in the middle of the row's life: the row, observed up to the hour's end.
    const hour = await s.range('campaigns', 8, '', T0 + 30 * MIN, T0 + 90 * MIN);
    expect(hour).toEqual([expect.objectContaining({ id, firstTakenAt: T0, takenAt: T0 + 90 * MIN })]);
    expect(await s.range('campaigns', 8, '', T0 + 30 * MIN, T0 + 90 * MIN, { okOnly: true })).toHaveLength(1);
    expect(await s.range('campaigns', 8, '', T0 + 121 * MIN, T0 + 200 * MIN)).toEqual([]);
    expect(await s.latestBefore('campaigns', 8, '', T0 + 60 * MIN)).toMatchObject({ id, takenAt: T0 + 60 * MIN });
    expect(await s.latestBefore('campaigns', 8, '', T0 + 200 * MIN, { notBefore: T0 + 110 * MIN })).toMatchObject({ id, takenAt: T0 + 120 * MIN });
    expect(await s.latestBefore('campaigns', 8, '', T0 + 200 * MIN, { notBefore: T0 + 125 * MIN })).toBeUndefined();
    // Rows never confirmed read as before.
    await s.insertMany([0, 5, 10].map((m) => ({ vdn: 8, source: 'stats' as const, takenAt: T0 + m * MIN, ok: true, payload: { m } })));
    expect((await s.range('stats', 8, '', T0 + 5 * MIN, T0 + 10 * MIN)).map((r) => [r.takenAt, r.firstTakenAt])).toEqual([
      [T0 + 5 * MIN, undefined],
      [T0 + 10 * MIN, undefined],
    ]);
  });

  it('retention keeps a list confirmed since its cutoff, and deletes it once that confirmation is old', async () => {
    const s = store.snapshots;
    const old = T0 - 40 * DAY;
    const { id } = await s.insertOrConfirm(list(old), { maxGapMs: 41 * DAY });
    await s.insert({ vdn: 8, source: 'stats', takenAt: old, ok: true, payload: 1 });
    await s.insertOrConfirm(list(T0), { maxGapMs: 41 * DAY });
    await s.prune({ now: T0 + MIN, retentionDays: 30 });
    expect(await all()).toEqual([expect.objectContaining({ id, firstTakenAt: old, takenAt: T0 })]);
    expect(await s.range('stats', 8, '', 0, T0)).toEqual([]);
    await s.prune({ now: T0 + 31 * DAY, retentionDays: 30 });
    expect(await all()).toEqual([]);
  });
});

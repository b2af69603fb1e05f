import { expect, it } from 'vitest';
import type { NewSnapshot, SnapshotSource, Store } from '../../../src/store/index.js';
import { describeEachBackend } from '../../support/backends.js';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const DAY0 = Date.parse('2026-11-01T00:00:00Z');

/** A day of 5-minute points (288) per subject, starting at `start`. */
function day(start: number, subjects: string[], source: SnapshotSource = 'stats', vdn = 1): NewSnapshot[] {
  const rows: NewSnapshot[] = [];
  for (let i = 0; i < 288; i++) {
    for (const subject of subjects) rows.push({ vdn, source, subject, takenAt: start + i * 5 * MIN, ok: true, payload: { i } });
  }
  return rows;
}

async function countRows(store: Store, source: SnapshotSource, vdn: number, subject: string, from = 0, to = Number.MAX_SAFE_INTEGER) {
  return (await store.snapshots.range(source, vdn, subject, from, to)).length;
}

describeEachBackend('snapshot retention', (backend) => {
  it('deletes rows past retention and thins older ones to the last of each hour', async () => {
    const store = await (await backend.fresh()).open();
    const subjects = ['', 'a', 'b'];
    const old = DAY0 - 40 * DAY;
    const thinDay = DAY0;
    const recentDay = DAY0 + 2 * DAY;
    await store.snapshots.insertMany([...day(old, subjects), ...day(thinDay, subjects), ...day(recentDay, subjects)]);
    const now = DAY0 + 3 * DAY; // recentDay is 1 day old, thinDay 3 days, old 43 days

    const result = await store.snapshots.prune({ now, retentionDays: 30, thinAfterMs: 2 * DAY });
    expect(result).toEqual({ deleted: 288 * 3, thinned: (288 - 24) * 3 });
    for (const subject of subjects) {
      expect(await countRows(store, 'stats', 1, subject, old, old + DAY)).toBe(0);
      const thinned = await store.snapshots.range('stats', 1, subject, thinDay, thinDay + DAY - 1);
      expect(thinned).toHaveLength(24);
      // the last point of each hour (:55) is the one kept
      expect(thinned.every((r) => (r.takenAt - thinDay) % HOUR === 55 * MIN)).toBe(true);
      expect(thinned.map((r) => r.payload)).toEqual(Array.from({ length: 24 }, (_, h) => ({ i: h * 12 + 11 })));
      expect(await countRows(store, 'stats', 1, subject, recentDay, recentDay + DAY)).toBe(288);
    }

    // A second run finds nothing new to do.
    expect(await store.snapshots.prune({ now, retentionDays: 30, thinAfterMs: 2 * DAY })).toEqual({ deleted: 0, thinned: 0 });
  });

  it('thins whole hours only, per series, preferring an ok row over a later failure', async () => {
    const store = await (await backend.fresh()).open();
    const rows = [...day(DAY0, ['x']), ...day(DAY0, ['x'], 'cms'), ...day(DAY0, ['x'], 'stats', 2)];
    // In hour 0 of series (stats, 1, x) the last point failed: the :50 ok point must stay.
    rows.push({ vdn: 1, source: 'stats', subject: 'x', takenAt: DAY0 + 57 * MIN, ok: false, error: 'late failure' });
    // A failed-only hour keeps its last failure.
    for (const m of [0, 30]) rows.push({ vdn: 1, source: 'stats', subject: 'fail', takenAt: DAY0 + m * MIN, ok: false, error: `e${m}` });
    await store.snapshots.insertMany(rows);

    // The thinning boundary falls at 10:30 on DAY0: hours 00..09 are thinned, 10:00-10:55 is not.
    const now = DAY0 + 10 * HOUR + 30 * MIN + 2 * DAY;
    const r = await store.snapshots.prune({ now, retentionDays: 30 });
    expect(r.deleted).toBe(0);
    for (const [source, vdn] of [['stats', 1], ['cms', 1], ['stats', 2]] as const) {
      expect(await countRows(store, source, vdn, 'x', DAY0, DAY0 + 10 * HOUR - 1)).toBe(10);
      expect(await countRows(store, source, vdn, 'x', DAY0 + 10 * HOUR, DAY0 + DAY)).toBe(288 - 120);
    }
    const hour0 = await store.snapshots.range('stats', 1, 'x', DAY0, DAY0 + HOUR - 1);
    expect(hour0.map((s) => [s.takenAt - DAY0, s.ok])).toEqual([[55 * MIN, true]]);
    const failOnly = await store.snapshots.range('stats', 1, 'fail', DAY0, DAY0 + HOUR);
    expect(failOnly.map((s) => s.error)).toEqual(['e30']);

    // Later, the boundary moves on by two hours: only those hours are thinned.
    const later = await store.snapshots.prune({ now: now + 2 * HOUR, retentionDays: 30 });
    expect(later.thinned).toBe(3 * 2 * 11);
    expect(await countRows(store, 'stats', 1, 'x', DAY0, DAY0 + 12 * HOUR - 1)).toBe(12);
  });

  it('rejects nonsense options', async () => {
    const store = await (await backend.fresh()).open();
    await expect(store.snapshots.prune({ now: Number.NaN, retentionDays: 30 })).rejects.toMatchObject({ code: 'bad_value' });
    await expect(store.snapshots.prune({ now: DAY0, retentionDays: 0 })).rejects.toMatchObject({ code: 'bad_value' });
  });
});

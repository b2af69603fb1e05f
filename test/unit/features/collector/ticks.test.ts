import { describe, expect, it } from 'vitest';
import { perTick } from '../../../../src/features/collector/ticks.js';
import type { Snapshot } from '../../../../src/store/index.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.parse('2026-11-20T10:00:00.040Z');

const snap = (takenAt: number, extra: Partial<Snapshot> = {}): Snapshot => ({ id: 1, vdn: 8, source: 'campaigns', subject: '', takenAt, ok: true, payload: [], ...extra });

describe('perTick', () => {
  it('turns a confirmed row into one row per tick it stood for, the last at its confirmation', () => {
    const rows = perTick([snap(T0 + 20 * MIN + 90, { firstTakenAt: T0 })], { intervalMs: 5 * MIN });
    expect(rows.map((r) => r.takenAt - T0)).toEqual([0, 5 * MIN, 10 * MIN, 15 * MIN, 20 * MIN + 90]);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set([1]));
  });

  it('keeps other rows as they are, in order', () => {
    const failed = snap(T0 + 15 * MIN, { id: 2, ok: false, payload: undefined });
    const rows = perTick([snap(T0 + 10 * MIN, { firstTakenAt: T0 }), failed, snap(T0 + 20 * MIN, { id: 3 })], { intervalMs: 5 * MIN });
    expect(rows.map((r) => [r.id, r.takenAt - T0])).toEqual([
      [1, 0],
      [1, 5 * MIN],
      [1, 10 * MIN],
      [2, 15 * MIN],
      [3, 20 * MIN],
    ]);
  });

  it('where the history is hourly, stands once an hour: for the last of its ticks in it', () => {
    const rows = perTick([snap(T0 + 3 * HOUR, { firstTakenAt: T0 })], { intervalMs: 5 * MIN, hourlyBefore: T0 - 40 + 2 * HOUR });
    expect(rows.map((r) => (r.takenAt - T0) / MIN)).toEqual([55, 115, ...Array.from({ length: 13 }, (_, i) => 120 + 5 * i)]);
  });
});

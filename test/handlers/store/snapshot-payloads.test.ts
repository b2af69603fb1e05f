/** latestBefore's parsed payloads (kept in memory by the length of their text): every read is the row's own payload, before and after older ones are let go. */
import { beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../src/store/index.js';
import { describeEachBackend } from '../../support/backends.js';

const T0 = Date.parse('2026-11-21T00:00:00Z');
const HOUR = 3_600_000;
/** About 0.5 MB of text each: twelve of them are more than the 4 MB kept. */
const payloadOf = (hour: number) => [hour, 'x'.repeat(500_000)];

describeEachBackend('snapshot payloads read at hour boundaries', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await (await backend.fresh()).open();
    for (let h = 0; h < 12; h++) await store.snapshots.insert({ vdn: 1, source: 'stats', subject: '', takenAt: T0 + h * HOUR, ok: true, payload: payloadOf(h) });
  });

  it('reads each boundary’s own payload, twice over, whatever has been let go', async () => {
    for (let round = 0; round < 2; round++) {
      for (let h = 0; h < 12; h++) {
        const s = await store.snapshots.latestBefore('stats', 1, '', T0 + h * HOUR + 10 * 60_000, { notBefore: T0 + h * HOUR - 60_000 });
        expect(s?.takenAt).toBe(T0 + h * HOUR);
        expect((s?.payload as unknown[])[0]).toBe(h);
      }
    }
    // A boundary with no row near enough is not found.
    expect(await store.snapshots.latestBefore('stats', 1, '', T0 - HOUR)).toBeUndefined();
  });

  it('parses a row once for readers at the same time and after them (concurrent misses are not counted twice)', async () => {
    for (let h = 0; h < 3; h++) await store.snapshots.insert({ vdn: 2, source: 'stats', subject: '', takenAt: T0 + h * HOUR, ok: true, payload: payloadOf(h) });
    const read = (h: number) => store.snapshots.latestBefore('stats', 2, '', T0 + h * HOUR);
    const seen = new Map<number, unknown>();
    for (let round = 0; round < 5; round++) {
      const all = await Promise.all(Array.from({ length: 30 }, (_, i) => read(i % 3)));
      for (const [i, s] of all.entries()) {
        expect((s?.payload as unknown[])[0]).toBe(i % 3);
        if (!seen.has(i % 3)) seen.set(i % 3, s?.payload);
        expect(s?.payload).toBe(seen.get(i % 3));
      }
    }
  });
});

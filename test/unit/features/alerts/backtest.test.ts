/**
 * The backtest over hand-made snapshot histories: it replays each tick through the engine's
 * reader, samples and `step`, so `for`, `clear`, inactive campaigns, failed ticks, gaps in
 * collecting and thinned (hourly) history come out as the live engine would have seen them.
 */
import { describe, expect, it } from 'vitest';
import { backtest, type BacktestRule } from '../../../../src/features/alerts/backtest.js';
import type { Snapshot, SnapshotSource } from '../../../../src/store/index.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.parse('2026-11-20T02:00:00Z');

interface Tick {
  at: number;
  /** Connected ÷ dialled, percent; undefined: the tick failed. */
  rate?: number;
  status?: number;
}

/** Campaign list and statistics rows for each tick, as the collector stores them (compact payloads). */
function history(ticks: readonly Tick[]): { snapshots: { range(source: SnapshotSource, vdn: number, subject: string, from: number, to: number): Promise<Snapshot[]> } } {
  let id = 0;
  const rows: Snapshot[] = [];
  for (const t of ticks) {
    const ok = t.rate !== undefined;
    const dialled = 200;
    rows.push({ id: ++id, vdn: 8, source: 'campaigns', subject: '', takenAt: t.at, ok, ...(ok ? { payload: [['C1', 'Spring follow-up', t.status ?? 2, 1, null, null, null]] } : { error: 'CC-iSales down' }) });
    rows.push({ id: ++id, vdn: 8, source: 'stats', subject: '', takenAt: t.at, ok, ...(ok ? { payload: [['C1', dialled, Math.round((dialled * t.rate!) / 100), null, null, null, null, null, null]] } : { error: 'CC-iSales down' }) });
  }
  return {
    snapshots: {
      range: async (source, vdn, subject, from, to) => rows.filter((r) => r.source === source && r.vdn === vdn && r.subject === subject && r.takenAt >= from && r.takenAt <= to),
    },
  };
}

const RULE: BacktestRule = { metric: 'connection_rate', op: '<', threshold: 40, clearValue: 45, minVolume: 50, forS: 600, repeatS: 3600, scope: 'campaign', scopeId: 'C1', vdn: 8 };
const every5 = (from: number, n: number, tick: (i: number) => Omit<Tick, 'at'>): Tick[] => Array.from({ length: n }, (_, i) => ({ at: from + i * 5 * MIN, ...tick(i) }));
const run = (ticks: Tick[], rule: BacktestRule = RULE, to = ticks.at(-1)!.at) => backtest(history(ticks), rule, { from: to - 7 * 24 * HOUR, to, intervalMs: 5 * MIN, botsInRules: [] });

describe('backtest', () => {
  it('fires after `for`, resolves at `clear`, and counts what it would have posted', async () => {
    // 10:00–10:25 healthy, 10:30–11:35 at 20%, then 42% (between threshold and clear), then 60%.
    const ticks = every5(T0, 30, (i) => ({ rate: i < 6 ? 60 : i < 20 ? 20 : i < 24 ? 42 : 60 }));
    const r = (await run(ticks))!;
    expect(r.evaluations).toBe(30);
    expect(r.incidents).toEqual([{ subject: 'C1', campaign: expect.objectContaining({ name: 'Spring follow-up' }), firedAt: T0 + 40 * MIN, resolvedAt: T0 + 120 * MIN, firstValue: 20, worstValue: 20 }]);
    // One alert, one reminder an hour after it fired, one resolution.
    expect(r.posts).toEqual({ alerts: 1, reminders: 1, resolutions: 1 });
    expect(r.missingMs).toBe(0);
  });

  it('a `for` longer than the breach never fires', async () => {
    const ticks = every5(T0, 20, (i) => ({ rate: i >= 5 && i < 9 ? 20 : 60 }));
    expect((await run(ticks, { ...RULE, forS: 1800 }))!.incidents).toEqual([]);
    expect((await run(ticks, { ...RULE, forS: 0 }))!.incidents).toHaveLength(1);
  });

  it('a campaign that stops running resolves its alert with the reason', async () => {
    const ticks = every5(T0, 10, (i) => ({ rate: 20, status: i < 6 ? 2 : 3 }));
    const [incident] = (await run(ticks, { ...RULE, forS: 0 }))!.incidents;
    expect(incident).toMatchObject({ firedAt: T0, resolvedAt: T0 + 30 * MIN, resolvedReason: 'campaign paused' });
  });

  it('counts the time it could not judge: failed ticks past freshness, and gaps in collecting', async () => {
    const ticks = [
      ...every5(T0, 6, () => ({ rate: 60 })),
      // Two failed ticks: the first is still judged on the list of five minutes before.
      { at: T0 + 30 * MIN },
      { at: T0 + 35 * MIN },
      ...every5(T0 + 40 * MIN, 3, () => ({ rate: 60 })),
      // Nothing collected for half an hour (the bot was down).
      ...every5(T0 + 80 * MIN, 3, () => ({ rate: 60 })),
    ];
    const r = (await run(ticks))!;
    expect(r.missingMs).toBe(5 * MIN + (30 - 5) * MIN);
    expect(r.incidents).toEqual([]);
  });

  it('replays thinned history hour by hour without calling it missing, and says times there are hourly', async () => {
    const now = T0 + 5 * 24 * HOUR;
    // As retention leaves it: one tick an hour before the last two days, every tick after.
    const hourly = Array.from({ length: 3 * 24 }, (_, i) => ({ at: T0 + i * HOUR, rate: i >= 10 && i < 14 ? 20 : 60 }));
    const recent = every5(now - 48 * HOUR, 48 * 12 + 1, () => ({ rate: 60 }));
    const r = (await run([...hourly, ...recent], RULE, now))!;
    expect(r.missingMs).toBe(0);
    expect(r.hourlyBefore).toBeDefined();
    expect(r.incidents).toEqual([expect.objectContaining({ firedAt: T0 + 11 * HOUR, resolvedAt: T0 + 14 * HOUR })]);
    // Twenty-four hourly ticks not collected: the day from the last one's hour on is missing.
    const gap = (await run([...hourly.filter((t) => t.at < T0 + 20 * HOUR || t.at >= T0 + 44 * HOUR), ...recent], RULE, now))!;
    expect(gap.missingMs).toBe(24 * HOUR);
  });

  it('says nothing was collected when there is no history', async () => {
    const r = (await backtest(history([]), RULE, { from: T0, to: T0 + HOUR, intervalMs: 5 * MIN, botsInRules: [] }))!;
    expect(r).toMatchObject({ evaluations: 0, incidents: [], missingMs: HOUR });
  });
});

/** The welcome message's forecast: the rule's lifecycle replayed on collector ticks. */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { forecastAlert, type Reading } from '../../../../local/demo/predict.js';
import { DEMO_RULE } from '../../../../local/demo/seed.js';
import { createWorld } from '../../../../local/sim/world.js';

const MIN = 60_000;
const T0 = new Date('2026-11-20T03:00:00Z');
const rule = { op: '<' as const, threshold: 40, clearValue: 45, minVolume: 20, forS: 60 };

/** A reading per minute offset from T0 (ticks every 30 s). */
const series = (values: Record<number, Reading>) => (at: Date) => values[(at.getTime() - T0.getTime()) / MIN] ?? { value: 50, volume: 100 };

describe('forecastAlert', () => {
  const opts = { from: T0, until: new Date(T0.getTime() + 10 * MIN), intervalMs: 30_000 };
  it('fires after `for` of breached ticks and resolves at the clear level, not at the threshold', () => {
    const read = series({ 1: { value: 30, volume: 50 }, 1.5: { value: 30, volume: 50 }, 2: { value: 30, volume: 50 }, 2.5: { value: 42, volume: 60 }, 3: { value: 46, volume: 60 } });
    expect(forecastAlert(rule, read, opts)).toEqual({ firesAt: new Date(T0.getTime() + 2 * MIN), resolvesAt: new Date(T0.getTime() + 3 * MIN) });
  });
  it('a healthy or low-volume tick starts the wait over; nothing fires without a long enough breach', () => {
    const read = series({ 1: { value: 30, volume: 50 }, 1.5: { value: 30, volume: 5 }, 2: { value: 30, volume: 50 }, 2.5: { value: 41, volume: 50 }, 3: { value: 30, volume: 50 } });
    expect(forecastAlert(rule, read, opts)).toEqual({});
  });
  it('a firing alert that never clears has no resolution', () => {
    const read = (at: Date) => ({ value: at.getTime() >= T0.getTime() + MIN ? 10 : 60, volume: 100 });
    expect(forecastAlert(rule, read, opts)).toEqual({ firesAt: new Date(T0.getTime() + 2 * MIN) });
  });
});

describe('the demo rule on the demo campaign', () => {
  // Started at various seconds, and just before an hour turns (the hour slot changes mid-demo).
  it.each(['2026-11-20T03:00:07Z', '2026-11-20T03:17:41Z', '2026-11-20T03:58:29Z', '2026-11-20T08:30:00Z'])('fires in minute 4–5 and resolves in minute 11–13 (start %s)', (start) => {
    const startAt = new Date(start);
    const world = createWorld({ timeZone: 'Asia/Shanghai', clock: manualClock(startAt), demo: { startAt } });
    const c = world.demoCampaign(1)!;
    const read = (at: Date) => {
      const t = world.counts(c, at).total;
      return { value: t.dailyCalled > 0 ? (100 * t.dailyConnected) / t.dailyCalled : undefined, volume: t.dailyCalled };
    };
    const f = forecastAlert(DEMO_RULE, read, { from: startAt, until: new Date(startAt.getTime() + 30 * MIN), intervalMs: 30_000 });
    const minutes = (d?: Date) => (d!.getTime() - startAt.getTime()) / MIN;
    expect(minutes(f.firesAt)).toBeGreaterThanOrEqual(4);
    expect(minutes(f.firesAt)).toBeLessThanOrEqual(5.5);
    expect(minutes(f.resolvesAt)).toBeGreaterThanOrEqual(11);
    expect(minutes(f.resolvesAt)).toBeLessThanOrEqual(13);
  });
});

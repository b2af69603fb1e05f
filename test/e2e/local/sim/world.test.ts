import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { startSimulator } from '../../../../local/sim/server.js';
import { createWorld, type World } from '../../../../local/sim/world.js';
import { CMS, STATS, signedJson } from '../../../support/sim-requests.js';

const VDN = 8;
const running = (w: World) => w.campaigns(VDN).filter((c) => c.status === 2);
const daily = (w: World) => running(w).map((c) => w.counts(c).total);

describe('the simulated world', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const clock = manualClock('2026-11-20T06:30:00Z');
    const a = createWorld({ seed: 7, timeZone: 'Asia/Shanghai', clock });
    const b = createWorld({ seed: 7, timeZone: 'Asia/Shanghai', clock });
    const c = createWorld({ seed: 8, timeZone: 'Asia/Shanghai', clock });
    const view = (w: World) => JSON.stringify(w.campaigns(VDN).map((x) => [x.id, x.name, x.status, x.strBeginTime, w.counts(x).total]));
    expect(view(a)).toBe(view(b));
    expect(view(a)).not.toBe(view(c));
    expect(a.sampleCallIds(VDN, String(running(a)[0]!.id), 5)).toEqual(b.sampleCallIds(VDN, String(running(b)[0]!.id), 5));
    expect(a.bots.map((x) => x.accessCode)).toEqual(b.bots.map((x) => x.accessCode));
    expect(a.campaigns(VDN)).not.toEqual(a.campaigns(VDN + 1));
  });

  it('gives every running campaign a connect rate between ~35% and ~85%', () => {
    const w = createWorld({ clock: manualClock('2026-11-20T14:00:00Z'), campaignsPerVdn: 60 });
    for (const c of running(w)) {
      const t = w.counts(c).total;
      expect(t.totalConnected / t.totalCalled).toBeGreaterThan(0.3);
      expect(t.totalConnected / t.totalCalled).toBeLessThan(0.9);
    }
  });

  it('grows counts hour by hour in the tenant time zone (Asia/Shanghai)', () => {
    const clock = manualClock('2026-11-19T23:30:00Z'); // 07:30 on the 20th in Shanghai
    const w = createWorld({ timeZone: 'Asia/Shanghai', clock });
    const early = daily(w);
    expect(early.every((t) => t.dailyCalled === 0)).toBe(true); // dialling starts at 08:00 or 09:00
    expect(early.every((t) => t.totalCalled > 0)).toBe(true); // earlier days

    clock.set('2026-11-20T01:30:00Z'); // 09:30
    const morning = daily(w);
    clock.set('2026-11-20T06:30:00Z'); // 14:30
    const afternoon = daily(w);
    clock.set('2026-11-20T13:30:00Z'); // 21:30: dialling is over
    const evening = daily(w);
    clock.set('2026-11-20T15:00:00Z'); // 23:00
    const night = daily(w);
    morning.forEach((m, i) => {
      expect(m.dailyCalled).toBeGreaterThan(0);
      expect(afternoon[i]!.dailyCalled).toBeGreaterThan(m.dailyCalled);
      expect(evening[i]!.dailyCalled).toBeGreaterThan(afternoon[i]!.dailyCalled);
      expect(night[i]!.dailyCalled).toBe(evening[i]!.dailyCalled);
      expect(afternoon[i]!.totalCalled - m.totalCalled).toBe(afternoon[i]!.dailyCalled - m.dailyCalled);
      expect(night[i]!.inProgress).toBe(0);
      expect(night[i]!.waiting).toBe(0);
    });

    clock.set('2026-11-20T16:30:00Z'); // 00:30 on the 21st: a new day in Shanghai (still the 20th in UTC)
    const nextDay = daily(w);
    nextDay.forEach((t, i) => {
      expect(t.dailyCalled).toBe(0);
      expect(t.totalCalled).toBe(night[i]!.totalCalled);
    });
    // Going back in time answers as before (memoised days are not reused wrongly).
    clock.set('2026-11-20T06:30:00Z');
    expect(daily(w)).toEqual(afternoon);
  });

  it('agrees call by call with the counts (every call of the day decodes, outcomes add up)', () => {
    const clock = manualClock('2026-11-20T15:00:00Z'); // 23:00 in Shanghai, dialling over
    const w = createWorld({ timeZone: 'Asia/Shanghai', clock });
    const c = running(w).reduce((a, b) => (w.counts(a).total.dailyCalled < w.counts(b).total.dailyCalled ? a : b));
    const t = w.counts(c).total;
    const dayStart = Date.parse('2026-11-19T16:00:00Z') / 1000;
    const ids = w.sampleCallIds(VDN, String(c.id), t.dailyCalled + 500).filter((id) => Number(id.split('-')[0]) >= dayStart);
    expect(ids).toHaveLength(t.dailyCalled);
    expect(new Set(ids).size).toBe(ids.length);
    const details = ids.map((id) => w.callDetail(VDN, id)!);
    expect(details.filter((d) => d.connected)).toHaveLength(t.dailyConnected);
    expect(details.every((d) => d.campaignId === String(c.id))).toBe(true);
  });

  it('keeps paused campaigns still after their pause and completed ones silent today', () => {
    const clock = manualClock('2026-11-20T06:30:00Z');
    const w = createWorld({ timeZone: 'Asia/Shanghai', clock });
    const paused = w.campaigns(VDN).filter((c) => c.status === 3);
    const completed = w.campaigns(VDN).filter((c) => c.status === 4);
    expect(paused.length).toBeGreaterThan(0);
    const before = paused.map((c) => w.counts(c).total);
    expect(before.some((t) => t.dailyCalled > 0)).toBe(true); // dialled this morning until the pause
    clock.advance(3 * 3600_000);
    paused.forEach((c, i) => expect(w.counts(c).total).toEqual(before[i]));
    for (const c of completed) expect(w.counts(c).total).toMatchObject({ dailyCalled: 0, unCallCount: 0 });
  });

  it('collapse: a campaign connects at the given rate from the given instant on', () => {
    const clock = manualClock('2026-11-20T02:00:00Z'); // 10:00 Shanghai
    const w = createWorld({ timeZone: 'Asia/Shanghai', clock });
    const c = running(w)[0]!;
    const at10 = w.counts(c).total;
    w.collapse({ vdn: VDN, campaignId: String(c.id), at: new Date('2026-11-20T02:00:00Z'), connectRate: 0.05 });
    expect(w.counts(c).total).toEqual(at10); // the past is untouched
    clock.set('2026-11-20T03:00:00Z');
    const at11 = w.counts(c).total;
    const rate = (at11.dailyConnected - at10.dailyConnected) / (at11.dailyCalled - at10.dailyCalled);
    expect(rate).toBeLessThan(0.1);
    expect(at11.dailyConnected / at11.dailyCalled).toBeLessThan(at10.dailyConnected / at10.dailyCalled);
    // Calls after the instant fail in detail too.
    const after = w.sampleCallIds(VDN, String(c.id), 40).map((id) => w.callDetail(VDN, id)!);
    expect(after.filter((d) => d.connected).length).toBeLessThanOrEqual(5);
    w.clearScenario();
    expect(w.counts(c).total.dailyConnected).toBeGreaterThan(at11.dailyConnected);
  });
});

describe('the simulator at benchmark scale', () => {
  it('answers statistics for 1000 campaigns (500 running) and serves 20 bots', async () => {
    const clock = manualClock('2026-11-20T06:30:00Z');
    const sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai', campaignsPerVdn: 1000, runningShare: 0.5, bots: 20 });
    try {
      const body = await signedJson(sim, STATS(1));
      expect(body.countDetail).toHaveLength(1000);
      expect(sim.world.campaigns(1).filter((c) => c.status === 2)).toHaveLength(500);
      expect(sim.world.bots).toHaveLength(20);
      const last = sim.world.campaigns(1)[999]!;
      const [callId] = sim.world.sampleCallIds(1, String(last.id), 1);
      if (callId) expect(sim.world.callDetail(1, callId)?.campaignId).toBe(String(last.id));
    } finally {
      await sim.close();
    }
  });

  it('collapse over HTTP lowers the CMS success rate of that task within minutes', async () => {
    const clock = manualClock('2026-11-20T02:00:00Z');
    const sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai' });
    try {
      const c = sim.world.campaigns(VDN).filter((x) => x.status === 2)[0]!;
      const rate = async () => {
        const r = (await signedJson(sim, CMS, { body: { vdn: VDN, taskId: String(c.id) } })).resultDesc;
        return Number(r.succCount) / Number(r.totalCount);
      };
      const before = await rate();
      const res = await fetch(new URL('/__sim/scenario/collapse', sim.url), {
        method: 'POST',
        body: JSON.stringify({ vdn: VDN, campaignId: String(c.id), connectRate: 0 }),
      });
      expect(res.status).toBe(200);
      clock.advance(45 * 60_000);
      expect(await rate()).toBeLessThan(before - 0.05);
    } finally {
      await sim.close();
    }
  });
});

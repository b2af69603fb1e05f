/**
 * The demo campaign: present only when asked for, steady dialling from its start, the scripted
 * collapse and recovery in today's success rate, and the same story in statistics v2, CMS
 * real-time and call detail.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { DEMO_SCRIPT } from '../../../../local/sim/demo.js';
import { startSimulator } from '../../../../local/sim/server.js';
import { createWorld, type World } from '../../../../local/sim/world.js';
import { CMS, DETAIL, LIST, STATS, signedJson } from '../../../support/sim-requests.js';

const MIN = 60_000;
const VDN = 8;
/** 11:00:07 in Shanghai: other campaigns have dialled for two or three hours. */
const START = new Date('2026-11-20T03:00:07Z');
const at = (minutes: number) => new Date(START.getTime() + minutes * MIN);

function demoWorld(start = START): { world: World; clock: ReturnType<typeof manualClock> } {
  const clock = manualClock(start);
  return { world: createWorld({ timeZone: 'Asia/Shanghai', clock, demo: { startAt: start } }), clock };
}

/** Today's success rate in percent and the calls dialled today. */
function rate(world: World, when: Date): { pct: number; dialled: number } {
  const t = world.counts(world.demoCampaign(VDN)!, when).total;
  return { pct: (100 * t.dailyConnected) / t.dailyCalled, dialled: t.dailyCalled };
}

describe('the demo campaign', () => {
  it('is absent unless asked for: the default world is unchanged', () => {
    const clock = manualClock(START);
    const plain = createWorld({ timeZone: 'Asia/Shanghai', clock });
    const { world } = demoWorld();
    expect(plain.demo).toBeUndefined();
    expect(plain.demoCampaign(VDN)).toBeUndefined();
    expect(plain.campaigns(VDN)).toHaveLength(12);
    expect(world.campaigns(VDN)).toHaveLength(13);
    // The generated campaigns and their counts are the same with or without the demo.
    const view = (w: World) => w.campaigns(VDN).slice(0, 12).map((c) => [c.id, c.name, c.status, w.counts(c, at(5)).total]);
    expect(view(world)).toEqual(view(plain));
  });

  it('runs in every VDN, last in the list, with a stable id of its own', () => {
    const { world } = demoWorld();
    for (const vdn of [1, 8, 12]) {
      const c = world.demoCampaign(vdn)!;
      expect(world.campaigns(vdn).at(-1)).toBe(c);
      expect(c).toMatchObject({ vdn, status: 2, name: DEMO_SCRIPT.name, index: 12 });
      expect(world.campaigns(vdn).filter((x) => x.id === c.id)).toHaveLength(1);
      expect(world.campaign(vdn, String(c.id))).toBe(c);
    }
    // A restart (a new world, a later start) keeps the id, so a stored rule still names it.
    expect(demoWorld(at(90)).world.demoCampaign(VDN)!.id).toBe(world.demoCampaign(VDN)!.id);
    expect(world.demo).toEqual({ startAt: START, collapseAt: at(2), recoverAt: at(8) });
  });

  it('dials nothing before its start, then a steady ~30 calls a minute', () => {
    const { world } = demoWorld();
    expect(world.counts(world.demoCampaign(VDN)!, at(-1)).total.dailyCalled).toBe(0);
    const dialled = [1, 2, 5, 10, 15].map((m) => rate(world, at(m)).dialled);
    dialled.forEach((n, i) => expect(n).toBeGreaterThanOrEqual([1, 2, 5, 10, 15][i]! * 30 - 2));
    dialled.forEach((n, i) => expect(n).toBeLessThanOrEqual([1, 2, 5, 10, 15][i]! * 30 + 2));
  });

  it('collapses and recovers on its script, in today’s success rate', () => {
    const { world } = demoWorld();
    // Healthy (about 70%) until the collapse at minute 2.
    for (const m of [0.5, 1, 1.5, 2]) expect(rate(world, at(m)).pct).toBeGreaterThan(60);
    // Below 40% a couple of minutes after the collapse, with enough calls for `min:20`.
    for (const m of [4, 4.5, 6, 8]) {
      expect(rate(world, at(m)).pct).toBeLessThan(40);
      expect(rate(world, at(m)).dialled).toBeGreaterThanOrEqual(20);
    }
    expect(rate(world, at(8)).pct).toBeLessThan(25);
    // Back above the clear level (45%) a few minutes after the recovery at minute 8.
    for (const m of [12.5, 15, 30]) expect(rate(world, at(m)).pct).toBeGreaterThan(45);
    // What a 30-second collector sees: breached from about minute 3.7, cleared from about 11.8.
    const ticks = Array.from({ length: 40 }, (_, i) => (i + 1) / 2);
    const firstBelow = ticks.find((m) => rate(world, at(m)).pct < 40)!;
    const clearAgain = ticks.find((m) => m > 8 && rate(world, at(m)).pct >= 45)!;
    expect(firstBelow).toBeGreaterThanOrEqual(3.5);
    expect(firstBelow).toBeLessThanOrEqual(4);
    expect(clearAgain).toBeGreaterThanOrEqual(11.5);
    expect(clearAgain).toBeLessThanOrEqual(12.5);
  });

  it('a collapse scenario still overrides the script from its instant on', () => {
    const { world } = demoWorld();
    const c = world.demoCampaign(VDN)!;
    world.collapse({ vdn: VDN, campaignId: String(c.id), at: at(10), connectRate: 0 });
    const [ten, twenty] = [at(10), at(20)].map((d) => world.counts(c, d).total);
    expect(twenty!.dailyConnected - ten!.dailyConnected).toBe(0);
    world.clearScenario();
    expect(world.counts(c, at(20)).total.dailyConnected - world.counts(c, at(10)).total.dailyConnected).toBeGreaterThan(250);
  });

  it('agrees call by call with the counts, across the collapse and the recovery', () => {
    const { world } = demoWorld();
    const c = world.demoCampaign(VDN)!;
    const now = at(16);
    const t = world.counts(c, now).total;
    const ids = world.sampleCallIds(VDN, String(c.id), t.dailyCalled + 100, now);
    // A call has its detail once it ended: the last few minutes' calls may still be talking.
    expect(ids.length).toBeLessThanOrEqual(t.dailyCalled);
    const details = ids.map((id) => world.callDetail(VDN, id, now)!);
    expect(details.every((d) => d.campaignId === String(c.id) && d.ackBeginSec * 1000 >= START.getTime())).toBe(true);
    const connected = (from: number, to: number) => details.filter((d) => d.ackBeginSec * 1000 >= at(from).getTime() && d.ackBeginSec * 1000 < at(to).getTime());
    const share = (from: number, to: number) => connected(from, to).filter((d) => d.connected).length / connected(from, to).length;
    expect(share(0, 2)).toBeGreaterThan(0.6);
    expect(share(2, 8)).toBeLessThan(0.1);
    expect(share(8, 10)).toBeGreaterThan(0.9);
    // Calls started more than ~5 minutes ago have all ended: they add up exactly to the counts then.
    const earlier = at(10.5);
    const before = world.counts(c, earlier).total;
    const started = details.filter((d) => d.ackBeginSec * 1000 <= earlier.getTime());
    expect(started).toHaveLength(before.dailyCalled);
    expect(started.filter((d) => d.connected)).toHaveLength(before.dailyConnected);
  });

  it('tells the same story in statistics v2, CMS real-time, the list and call detail', async () => {
    const clock = manualClock(START);
    const sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai', statsIntervalS: 30, demo: { startAt: START } });
    try {
      const c = sim.world.demoCampaign(VDN)!;
      const id = String(c.id);
      clock.set(at(6));
      const counts = sim.world.counts(c).total;
      const stats = (await signedJson(sim, STATS(VDN, `?campaignId=${id}`))).countDetail[0];
      expect(stats).toMatchObject({ campaignId: id, dailyCalledCount: counts.dailyCalled, dailyCallSucc: counts.dailyConnected });
      const cms = (await signedJson(sim, CMS, { body: { vdn: VDN, taskId: id } })).resultDesc;
      expect(cms).toMatchObject({ totalCount: String(counts.dailyCalled), succCount: String(counts.dailyConnected) });
      expect(Number(cms.succCount) / Number(cms.totalCount)).toBeLessThan(0.4);
      const list = await signedJson(sim, LIST(VDN, '?status=2&rowsPerPage=100'));
      expect(list.data.find((x: { id: number }) => x.id === c.id)).toMatchObject({ name: DEMO_SCRIPT.name, status: 2 });
      const [callId] = sim.world.sampleCallIds(VDN, id, 1);
      const detail = (await signedJson(sim, DETAIL(VDN, callId!))).data;
      expect(detail).toMatchObject({ callId, vdnId: VDN, callStatus: '5' });
      const admin = await (await fetch(new URL('/__sim/state', sim.url))).json();
      expect(JSON.stringify(admin)).toContain(at(2).toISOString());
    } finally {
      await sim.close();
    }
  });
});

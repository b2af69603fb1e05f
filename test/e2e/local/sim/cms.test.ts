import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { startSimulator, type Simulator } from '../../../../local/sim/server.js';
import { CMS, STATS, signedJson } from '../../../support/sim-requests.js';

const clock = manualClock('2026-11-20T06:30:00Z');
let sim: Simulator;
const VDN = 92;

beforeAll(async () => {
  sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai' });
});
afterAll(() => sim.close());

const pct = (s: string) => Number(s.replace('%', '')) / 100;

describe('CMS real-time task statistics', () => {
  it('answers counts as strings and rates with %, consistent with statistics v2', async () => {
    const running = sim.world.campaigns(VDN).filter((c) => c.status === 2);
    for (const c of running.slice(0, 3)) {
      const cms = await signedJson(sim, CMS, { body: { ccId: '89', vdn: VDN, taskId: String(c.id) } });
      expect(cms.resultCode).toBe('0100000');
      const r = cms.resultDesc as Record<string, string>;
      expect(Object.keys(r)).toEqual(['compCount', 'failCount', 'compRate', 'execCount', 'succCount', 'succRate', 'totalCount', 'waitCount']);
      for (const k of ['compCount', 'failCount', 'execCount', 'succCount', 'totalCount', 'waitCount']) expect(r[k]).toMatch(/^\d+$/);
      expect(r.succRate).toMatch(/^\d+(\.\d{1,2})?%$/);
      expect(r.compRate).toMatch(/^\d+(\.\d{1,2})?%$/);

      sim.resetLimits();
      const stats = (await signedJson(sim, STATS(VDN, `?campaignId=${c.id}`))).countDetail[0];
      expect(Number(r.totalCount)).toBe(stats.dailyCalledCount);
      expect(Number(r.succCount)).toBe(stats.dailyCallSucc);
      expect(Number(r.failCount)).toBe(stats.dailyCalledCount - stats.dailyCallSucc);
      expect(Number(r.compCount)).toBe(stats.dailyFinishCount);
      expect(Number(r.compCount) + Number(r.execCount)).toBe(Number(r.totalCount));
      expect(pct(r.succRate!)).toBeCloseTo(stats.dailyCallSucc / stats.dailyCalledCount, 4);
      expect(Number(r.totalCount)).toBeGreaterThan(0);
    }
  });

  it('reports zeros for a completed task and "0%" rates', async () => {
    const done = sim.world.campaigns(VDN).find((c) => c.status === 4)!;
    const cms = await signedJson(sim, CMS, { body: { vdn: VDN, taskId: done.id } });
    expect(cms.resultDesc).toEqual({ compCount: '0', failCount: '0', compRate: '0%', execCount: '0', succCount: '0', succRate: '0%', totalCount: '0', waitCount: '0' });
  });

  it('refuses invalid parameters and unknown tasks with 0100002', async () => {
    const id = String(sim.world.campaigns(VDN)[0]!.id);
    for (const body of [{ vdn: 0, taskId: id }, { vdn: 5001, taskId: id }, { vdn: VDN }, { vdn: VDN, taskId: 'x'.repeat(31) }, { vdn: VDN, taskId: id, ccId: 70000 }]) {
      const r = await signedJson(sim, CMS, { body });
      expect(r.resultCode, JSON.stringify(body)).toBe('0100002');
      expect(r.resultDesc).toMatch(/invalid parameter/);
    }
    const unknown = await signedJson(sim, CMS, { body: { vdn: VDN, taskId: '1122104910' } });
    expect(unknown).toEqual({ resultCode: '0100002', resultDesc: 'the task 1122104910 does not exist' });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { startSimulator, type Simulator } from '../../../../local/sim/server.js';
import { DETAIL, json, LIST, signed, signedJson, STATS } from '../../../support/sim-requests.js';

const clock = manualClock('2026-11-20T06:30:00Z'); // 14:30 in Shanghai
let sim: Simulator;
const VDN = 8;

beforeAll(async () => {
  sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai' });
});
afterAll(() => sim.close());
beforeEach(() => sim.resetLimits());

describe('campaign list', () => {
  it('pages with the vendor shape, default 10 rows', async () => {
    const p1 = await signedJson(sim, LIST(VDN, '?status=0&deviceType=0&curPage=1'));
    expect(p1).toMatchObject({ resultCode: '0200000', resultDesc: '', returnCode: '0200000', returnDesc: '', curPage: 1, rowsPerPage: 10, totalSize: 12 });
    expect(p1.data).toHaveLength(10);
    expect(p1.curSkillQueueCount + p1.curIvrCount).toBe(12);
    const row = p1.data[0];
    expect(Object.keys(row)).toEqual(['id', 'name', 'status', 'strBeginTime', 'strEndTime', 'deviceType', 'callerNo']);
    expect(typeof row.id).toBe('number');
    expect(String(row.id)).toMatch(/^\d{10}$/);
    const p2 = await signedJson(sim, LIST(VDN, '?status=0&curPage=2&rowsPerPage=10'));
    expect(p2.data).toHaveLength(2);
    const ids = new Set([...p1.data, ...p2.data].map((c: { id: number }) => c.id));
    expect(ids.size).toBe(12);
    const beyond = await signedJson(sim, LIST(VDN, '?curPage=5'));
    expect(beyond.data).toEqual([]);
  });

  it('covers every status and device type, Chinese and English names, date-only times', async () => {
    const all = (await signedJson(sim, LIST(VDN, '?rowsPerPage=100'))).data as Array<Record<string, any>>;
    expect(new Set(all.map((c) => c.status))).toEqual(new Set([1, 2, 3, 4]));
    expect(all.filter((c) => c.status === 2).length).toBeGreaterThan(all.length / 2);
    expect(new Set(all.map((c) => c.deviceType))).toEqual(new Set([1, 2, 3, 5, 6]));
    expect(all.some((c) => /[\u4e00-\u9fff]/.test(c.name) && /[A-Za-z]/.test(c.name))).toBe(true);
    expect(all.some((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.strBeginTime))).toBe(true);
    expect(all.some((c) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(c.strBeginTime))).toBe(true);
    expect(all.every((c) => /^\d+$/.test(c.callerNo))).toBe(true);
  });

  it('filters by status, device type, name substring and time range', async () => {
    const running = (await signedJson(sim, LIST(VDN, '?status=2&rowsPerPage=100'))).data as Array<Record<string, any>>;
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((c) => c.status === 2)).toBe(true);
    const predictive = await signedJson(sim, LIST(VDN, '?deviceType=2&rowsPerPage=100'));
    expect(predictive.data.every((c: { deviceType: number }) => c.deviceType === 2)).toBe(true);
    expect(predictive.curIvrCount).toBe(0);

    const sample = sim.world.campaigns(VDN)[3]!;
    const fragment = sample.name.slice(0, 3);
    const byName = await signedJson(sim, LIST(VDN, `?name=${encodeURIComponent(fragment)}&rowsPerPage=100`));
    expect(byName.data.map((c: { id: number }) => c.id)).toContain(sample.id);
    expect(byName.data.every((c: { name: string }) => c.name.includes(fragment))).toBe(true);

    const later = await signedJson(sim, LIST(VDN, `?beginTime=${encodeURIComponent('2026-11-20 00:00:00')}&rowsPerPage=100`));
    expect(later.data.length).toBeGreaterThan(0);
    expect(later.data.every((c: { status: number }) => c.status === 1)).toBe(true); // only drafts start in the future
  });

  it('caps rowsPerPage at 100, corrects curPage < 1, refuses bad values and VDNs', async () => {
    const cap = await signedJson(sim, LIST(VDN, '?rowsPerPage=101'));
    expect(cap.resultCode).toBe('02000007');
    expect(cap.returnCode).toBe('02000007');
    expect(cap.data).toBeUndefined();
    expect((await signedJson(sim, LIST(VDN, '?rowsPerPage=100'))).resultCode).toBe('0200000');
    const corrected = await signedJson(sim, LIST(VDN, '?curPage=0&rowsPerPage=5'));
    expect(corrected.curPage).toBe(1);
    expect((await signedJson(sim, LIST(VDN, '?status=9'))).resultCode).toBe('02000007');
    expect((await signedJson(sim, LIST(VDN, '?status=abc'))).resultCode).toBe('02000006');
    for (const vdn of ['0', '10000', 'abc']) {
      const bad = await signedJson(sim, `/rest/isales/v1/openapi/campaigns/${vdn}`);
      expect(bad.resultCode).toBe('0200001');
      expect(bad.resultDesc).toMatch(/vdnId/);
    }
    expect((await signedJson(sim, LIST(9999))).totalSize).toBe(12);
  });
});

describe('statistics v2', () => {
  it('returns countDetail for every campaign with the sample shape and the draft quirk', async () => {
    const body = await signedJson(sim, STATS(VDN));
    expect(Object.keys(body)).toEqual(['countDetail']);
    expect(body.countDetail).toHaveLength(12);
    const draftId = String(sim.world.campaigns(VDN).find((c) => c.status === 1)!.id);
    for (const entry of body.countDetail as Array<Record<string, any>>) {
      expect(typeof entry.campaignId).toBe('string');
      expect(Array.isArray(entry.batchDetail)).toBe(true);
      if (entry.campaignId === draftId) {
        expect(Object.keys(entry).sort()).toEqual(['batchDetail', 'calledCount', 'campaignId', 'finishCount', 'unCallCount']);
        expect(entry.unCallCount).toBeGreaterThan(0);
        expect(entry.batchDetail.length).toBeGreaterThan(0);
        expect(entry.batchDetail[0]).toHaveProperty('totalCount');
        continue;
      }
      for (const k of ['unCallCount', 'calledCount', 'finishCount', 'totalCount', 'totalCallSucc', 'totalCalledCount', 'totalFinishCount', 'dailyCalledCount', 'dailyCallSucc', 'dailyFinishCount', 'dailyCount']) {
        expect(Number.isInteger(entry[k]), k).toBe(true);
      }
      expect(entry.totalCallSucc).toBeLessThanOrEqual(entry.totalCalledCount);
      expect(entry.dailyCallSucc).toBeLessThanOrEqual(entry.dailyCalledCount);
      expect(entry.totalCount).toBe(entry.totalCalledCount + entry.unCallCount);
      for (const b of entry.batchDetail) expect(typeof b.batchId).toBe('string');
      if (entry.batchDetail.length > 0) {
        const sum = entry.batchDetail.reduce((a: number, b: { dailyCalledCount: number }) => a + b.dailyCalledCount, 0);
        expect(sum).toBe(entry.dailyCalledCount);
      }
    }
    const running = body.countDetail.filter((e: { campaignId: string }) => sim.world.campaign(VDN, e.campaignId)!.status === 2);
    expect(running.every((e: { dailyCalledCount: number }) => e.dailyCalledCount > 0)).toBe(true);
    const completed = body.countDetail.filter((e: { campaignId: string }) => sim.world.campaign(VDN, e.campaignId)!.status === 4);
    expect(completed.every((e: { dailyCalledCount: number; unCallCount: number }) => e.dailyCalledCount === 0 && e.unCallCount === 0)).toBe(true);
  });

  it('limits each VDN to one call per interval, whatever the query, with the vendor 429', async () => {
    sim.resetRequestCounts();
    const id = String(sim.world.campaigns(VDN).find((c) => c.status === 2)!.id);
    expect((await signed(sim, STATS(VDN, `?campaignId=${id}`))).status).toBe(200);
    const second = await signed(sim, STATS(VDN, `?campaignId=${id}`));
    expect(second.status).toBe(429);
    expect(await json(second)).toEqual({ resultCode: '0200429', resultDesc: '请勿频繁操作,请稍后再试。' });
    // Another query of the same VDN is limited too; another VDN is not.
    expect((await signed(sim, STATS(VDN))).status).toBe(429);
    expect((await signed(sim, STATS(VDN + 1))).status).toBe(200);
    clock.advance(299_000);
    expect((await signed(sim, STATS(VDN, `?campaignId=${id}`))).status).toBe(429);
    clock.advance(1_000);
    expect((await signed(sim, STATS(VDN, `?campaignId=${id}`))).status).toBe(200);
    clock.advance(-300_000);
    expect(sim.requestCounts()['isales.statistics']).toMatchObject({ '200': 3, '429': 3 });
    expect(sim.statisticsCalls().map((c) => `${c.vdn}:${c.status}`)).toEqual(['8:200', '8:429', '8:429', '9:200', '8:429', '8:200']);
  });

  it('answers one campaign, and one batch of it', async () => {
    const c = sim.world.campaigns(VDN).find((x) => x.status === 2 && x.batches.length > 1)!;
    const one = await signedJson(sim, STATS(VDN, `?campaignId=${c.id}`));
    expect(one.countDetail).toHaveLength(1);
    expect(one.countDetail[0].batchDetail).toHaveLength(c.batches.length);
    const batch = c.batches[1]!.batchId;
    sim.resetLimits(); // one call per VDN per interval
    const onlyBatch = await signedJson(sim, STATS(VDN, `?campaignId=${c.id}&batchId=${batch}`));
    expect(onlyBatch.countDetail[0].batchDetail.map((b: { batchId: string }) => b.batchId)).toEqual([batch]);
    expect(onlyBatch.countDetail[0].dailyCalledCount).toBe(one.countDetail[0].dailyCalledCount);
    sim.resetLimits();
    expect((await signedJson(sim, STATS(VDN, '?campaignId=1234'))).countDetail).toEqual([]);
  });

  it('refuses batchId without campaignId (02000009) and a VDN out of range (0200001)', async () => {
    const combo = await signedJson(sim, STATS(VDN, '?batchId=123456'));
    expect(combo.resultCode).toBe('02000009');
    expect((await signedJson(sim, STATS(10_000))).resultCode).toBe('0200001');
  });
});

describe('call result detail', () => {
  it('round-trips sample call ids with the vendor shape', async () => {
    const c = sim.world.campaigns(VDN).find((x) => x.status === 2)!;
    const ids = sim.world.sampleCallIds(VDN, String(c.id), 30);
    expect(ids.length).toBe(30);
    const statuses = new Set<string>();
    for (const id of ids.slice(0, 30)) {
      expect(id).toMatch(/^\d{10}-\d+$/);
      const body = await signedJson(sim, DETAIL(VDN, id));
      expect(body).toMatchObject({ returnCode: '0200000', resultCode: '0200000', resultDesc: 'Query Success!', returnDesc: 'Query Success!' });
      const d = body.data;
      expect(d.callId).toBe(id);
      expect(d.vdnId).toBe(VDN);
      expect(typeof d.callStatus).toBe('string');
      statuses.add(d.callStatus);
      expect(d.ackBeginTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(d.callEndTime >= d.ackBeginTime).toBe(true);
      expect(d.called).toMatch(/^\d{8,11}$/);
      if (d.callStatus === '6') {
        expect(d).toMatchObject({ failCode: '00000', resultCode: 'OB99999' });
        expect(d.callBeginTime >= d.ackBeginTime).toBe(true);
        expect(d.recordPath).toMatch(/^https:\/\/.*\?AccessKeyId=[A-Z0-9]+&Expires=\d+&Signature=\S+$/);
      } else {
        expect(d.callStatus).toBe('5');
        expect(d.failCode).not.toBe('00000');
        expect(d.resultCode).toMatch(/^OB\d+$/);
        expect(d.recordPath).toBe('');
      }
      // Shanghai wall time of the epoch seconds in the id.
      const epoch = Number(id.split('-')[0]);
      expect(d.ackBeginTime).toBe(new Date((epoch + 8 * 3600) * 1000).toISOString().slice(0, 19).replace('T', ' '));
    }
    expect(statuses).toEqual(new Set(['5', '6']));
  });

  it('answers 0200007 for an unknown, tampered or future call id', async () => {
    const c = sim.world.campaigns(VDN).find((x) => x.status === 2)!;
    const [id] = sim.world.sampleCallIds(VDN, String(c.id), 1);
    const [sec, seq] = id!.split('-');
    for (const bad of ['1000000000-1', `${Number(sec) + 1}-${seq}`, `${sec}-${Number(seq) + 9_000_000}`, 'not-a-call', `${Number(sec) + 86_400}-${seq}`]) {
      const body = await signedJson(sim, DETAIL(VDN, bad));
      expect(body).toEqual({ returnCode: '0200007', resultCode: '0200007', resultDesc: '通话记录ID不存在', returnDesc: '通话记录ID不存在' });
    }
    // The same id in another VDN names nothing there (different campaigns).
    expect((await signedJson(sim, DETAIL(9, id!))).resultCode).toBe('0200007');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { startSimulator, type Simulator } from '../../../../local/sim/server.js';
import { CMS, json, LIST, postJson, signed, signedJson, STATS } from '../../../support/sim-requests.js';

const clock = manualClock('2026-11-20T06:30:00Z');
let sim: Simulator;
const VDN = 8;

beforeAll(async () => {
  sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai' });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.clearFaults();
  sim.resetLimits();
  sim.resetRequestCounts();
});

const admin = (path: string, init: RequestInit = {}) => fetch(new URL(path, sim.url), init);
const gettoken = () => postJson(sim, '/oifde/rest/api/gettoken', { appKey: sim.credentials.oifdeTenantId, appSecret: sim.credentials.oifdeAppSecret });

describe('faults', () => {
  it('latency delays answers of that service only', async () => {
    sim.setFaults('isales', { latencyMs: 200 });
    let t = performance.now();
    expect((await signed(sim, LIST(VDN))).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(190);
    t = performance.now();
    expect((await gettoken()).status).toBe(200);
    expect(performance.now() - t).toBeLessThan(150);
  });

  it('errorRate answers that share with HTTP 500, reproducibly', async () => {
    sim.setFaults('cms', { errorRate: 1 });
    const id = String(sim.world.campaigns(VDN)[0]!.id);
    const res = await signed(sim, CMS, { body: { vdn: VDN, taskId: id } });
    expect(res.status).toBe(500);
    expect(await json(res)).toHaveProperty('resultCode', '500');
    sim.setFaults('cms', { errorRate: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await signed(sim, CMS, { body: { vdn: VDN, taskId: id } })).status);
    const errors = statuses.filter((s) => s === 500).length;
    expect(errors).toBeGreaterThan(8);
    expect(errors).toBeLessThan(32);
    expect(statuses.filter((s) => s !== 500).every((s) => s === 200)).toBe(true);
  });

  it('status forces an HTTP status (e.g. 401) even on a good signature', async () => {
    sim.setFaults('isales', { status: 401 });
    const res = await signed(sim, LIST(VDN));
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({ resultCode: '401' });
    sim.setFaults('isales', { status: 503 });
    expect((await signed(sim, LIST(VDN))).status).toBe(503);
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    sim.setFaults('oifde', { malformed: true });
    const res = await gettoken();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('down destroys the connection without an answer', async () => {
    sim.setFaults('isales', { down: true });
    await expect(signed(sim, STATS(VDN))).rejects.toThrow();
    expect(sim.requestCounts()['isales.statistics']).toEqual({ down: 1 });
    // Other services still answer.
    expect((await gettoken()).status).toBe(200);
  });

  it('"all" applies to every service; a service setting wins field by field; options set faults at start', async () => {
    sim.setFaults('all', { status: 503 });
    expect((await gettoken()).status).toBe(503);
    expect((await postJson(sim, '/apigovernance/api/oauth/tokenByAkSk', {})).status).toBe(503);
    sim.setFaults('oifde', { status: 500 });
    expect((await gettoken()).status).toBe(500);
    expect((await postJson(sim, '/apigovernance/api/oauth/tokenByAkSk', {})).status).toBe(503);
    sim.clearFaults();
    expect((await gettoken()).status).toBe(200);

    const other = await startSimulator({ clock, faults: { token: { status: 500 } } });
    try {
      expect((await postJson(other, '/apigovernance/api/oauth/tokenByAkSk', {})).status).toBe(500);
    } finally {
      await other.close();
    }
  });
});

describe('/__sim/ admin endpoints', () => {
  it('GET /__sim/state shows config, faults and scenario, never the secrets', async () => {
    sim.setFaults('cms', { latencyMs: 5 });
    const state = await json(await admin('/__sim/state'));
    expect(state.config).toMatchObject({ seed: 42, timeZone: 'Asia/Shanghai', campaignsPerVdn: 12, statsIntervalS: 300, url: sim.url });
    expect(state.faults).toEqual({ cms: { latencyMs: 5 } });
    expect(state.scenario).toEqual({ collapse: [] });
    expect(state.now).toBe(clock().toISOString());
    expect(JSON.stringify(state)).not.toContain(sim.credentials.secretKey);
    expect(JSON.stringify(state)).not.toContain(sim.credentials.oifdeAppSecret);
  });

  it('PUT /__sim/faults/{service} replaces, DELETE /__sim/faults clears, bad input is refused', async () => {
    const put = (service: string, body: unknown) => admin(`/__sim/faults/${service}`, { method: 'PUT', body: JSON.stringify(body) });
    expect((await put('isales', { status: 503, latencyMs: 1 })).status).toBe(200);
    expect((await signed(sim, LIST(VDN))).status).toBe(503);
    const replaced = await json(await put('isales', { latencyMs: 2 }));
    expect(replaced.faults).toEqual({ isales: { latencyMs: 2 } });
    expect((await signed(sim, LIST(VDN))).status).toBe(200);
    expect((await put('nosuch', { down: true })).status).toBe(404);
    expect((await put('cms', { errorRate: 2 })).status).toBe(400);
    expect((await put('cms', { bogus: 1 })).status).toBe(400);
    expect((await admin('/__sim/faults', { method: 'DELETE' })).status).toBe(200);
    expect((await json(await admin('/__sim/state'))).faults).toEqual({});
  });

  it('POST /__sim/scenario/collapse and DELETE /__sim/scenario', async () => {
    const c = sim.world.campaigns(VDN).find((x) => x.status === 2)!;
    const post = (body: unknown) => admin('/__sim/scenario/collapse', { method: 'POST', body: JSON.stringify(body) });
    const ok = await post({ vdn: VDN, campaignId: String(c.id), at: '2026-11-20T06:00:00Z', connectRate: 0.1 });
    expect(ok.status).toBe(200);
    expect((await json(ok)).scenario.collapse).toEqual([{ vdn: VDN, campaignId: String(c.id), at: '2026-11-20T06:00:00.000Z', connectRate: 0.1 }]);
    expect((await post({ vdn: VDN, campaignId: '42' })).status).toBe(404);
    expect((await post({ vdn: VDN })).status).toBe(400);
    expect((await post({ vdn: VDN, campaignId: String(c.id), connectRate: 3 })).status).toBe(400);
    expect((await admin('/__sim/scenario', { method: 'DELETE' })).status).toBe(200);
    expect(sim.world.scenario()).toEqual([]);
  });

  it('GET /__sim/calls lists call ids that callresultdetail knows', async () => {
    const c = sim.world.campaigns(VDN).find((x) => x.status === 2)!;
    const body = await json(await admin(`/__sim/calls?vdn=${VDN}&campaignId=${c.id}&limit=3`));
    expect(body.callIds).toHaveLength(3);
    expect(body.callIds).toEqual(sim.world.sampleCallIds(VDN, String(c.id), 3));
    const detail = await signedJson(sim, `/rest/isales/v1/openapi/campaigns/${VDN}/callresultdetail/${body.callIds[0]}`);
    expect(detail.resultCode).toBe('0200000');
    expect((await admin(`/__sim/calls?vdn=${VDN}&campaignId=1`)).status).toBe(404);
  });

  it('GET/DELETE /__sim/requests count per endpoint and status; POST /__sim/reset-limits', async () => {
    await signed(sim, STATS(VDN));
    await signed(sim, STATS(VDN));
    await fetch(new URL(LIST(VDN), sim.url));
    await fetch(new URL('/rest/nothing/here', sim.url));
    const counts = await json(await admin('/__sim/requests'));
    expect(counts).toEqual({ 'isales.statistics': { '200': 1, '429': 1 }, 'isales.campaigns': { '401': 1 }, unknown: { '404': 1 } });
    expect((await admin('/__sim/reset-limits', { method: 'POST' })).status).toBe(200);
    expect((await signed(sim, STATS(VDN))).status).toBe(200);
    expect((await admin('/__sim/requests', { method: 'DELETE' })).status).toBe(200);
    expect(sim.requestCounts()).toEqual({});
  });

  it('answers 404 for unknown admin paths and 405 for a wrong method on a service path', async () => {
    expect((await admin('/__sim/nope')).status).toBe(404);
    expect((await fetch(new URL(CMS, sim.url))).status).toBe(405);
  });
});

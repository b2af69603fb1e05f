/** Every client call over real HTTP against the simulator. */
import { afterEach, describe, expect, it } from 'vitest';
import { createAicc, type Aicc } from '../../../src/aicc/index.js';
import { manualClock, type ManualClock } from '../../../src/platform/clock.js';
import { loadConfig } from '../../../src/platform/config.js';
import { silentLogger } from '../../../src/platform/log.js';
import { startSimulator, type SimOptions, type Simulator } from '../../../local/sim/server.js';
import { botEnvFor } from '../../../local/sim/bot-env.js';

let sim: Simulator | undefined;
let aicc: Aicc | undefined;
afterEach(async () => {
  await aicc?.close();
  await sim?.close();
  aicc = sim = undefined;
});

async function setup(simOpts: SimOptions = {}, env: Record<string, string> = {}, clock: ManualClock = manualClock('2026-11-20T06:00:00Z')) {
  sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai', ...simOpts });
  const config = loadConfig({
    ...botEnvFor(sim),
    AICC_TIMEZONE: 'Asia/Shanghai',
    AICC_TIMEOUT_MS: '1000',
    ...env,
  });
  aicc = createAicc(config.aicc, { clock, log: silentLogger, sleep: async () => undefined });
  return { sim, aicc, clock };
}

const calls = (sim: Simulator, key: string) => Object.values(sim.requestCounts()[key] ?? {}).reduce((a, b) => a + b, 0);

describe('clients against the simulator', () => {
  it('every client call returns the simulator numbers', async () => {
    const { sim, aicc } = await setup();
    const page = await aicc.isales.listCampaigns(8, { status: 2, rowsPerPage: 5 });
    expect(page.campaigns.length).toBeGreaterThan(0);
    expect(page.campaigns.every((c) => c.status === 2)).toBe(true);
    const c = sim.world.campaigns(8).find((x) => x.status === 2)!;
    const stats = (await aicc.stats.get({ vdn: 8 })).campaigns.find((s) => s.campaignId === String(c.id))!;
    const expected = sim.world.counts(c).total;
    expect(stats.dailyCalled).toBe(expected.dailyCalled);
    expect(stats.dailyConnected).toBe(expected.dailyConnected);
    const task = await aicc.cms.taskRealtimeStatistics(8, String(c.id));
    expect(task.total).toBe(expected.dailyCalled);
    expect(task.connected).toBe(expected.dailyConnected);
    const [callId] = sim.world.sampleCallIds(8, c.id, 1);
    const call = await aicc.isales.callResultDetail(8, callId!);
    expect(call.callId).toBe(callId);
    expect(['success', 'failed']).toContain(call.outcome);
    const rows = await aicc.oifde.callStatistics({ accessCode: sim.world.bots[0]!.accessCode, type: 'hour', day: new Date('2026-11-20T06:00:00Z') });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.type === 'hour')).toBe(true);
  });

  it('pages through 250 campaigns at 100 rows', async () => {
    const { sim, aicc } = await setup({ campaignsPerVdn: 250 });
    const all = await aicc.isales.listAllCampaigns(8);
    expect(all).toHaveLength(250);
    expect(calls(sim, 'isales.campaigns')).toBe(3);
  });

  it('50 concurrent statistics requests make exactly 1 upstream call', async () => {
    const { sim, aicc } = await setup();
    const results = await Promise.all(Array.from({ length: 50 }, () => aicc.stats.get({ vdn: 8 })));
    expect(new Set(results.map((r) => r.fetchedAt.getTime())).size).toBe(1);
    expect(calls(sim, 'isales.statistics')).toBe(1);
  });

  it('a second process sharing no lease meets the vendor 429, and the guard explains when to retry', async () => {
    const { aicc, sim } = await setup();
    await aicc.stats.get({ vdn: 8 });
    const other = createAicc(loadConfig({ AICC_ISALES_URL: sim.url, AICC_AK: sim.credentials.accessKey, AICC_SK: sim.credentials.secretKey }).aicc, { clock: manualClock('2026-11-20T06:00:00Z'), log: silentLogger });
    try {
      // A whole interval plus the guard's 2-second safety margin from the 429.
      await expect(other.stats.get({ vdn: 8 })).rejects.toMatchObject({ code: 'rate_limited', retryAt: new Date('2026-11-20T06:05:02Z') });
    } finally {
      await other.close();
    }
  });

  it('OIFDE token: expiry leads to one transparent re-fetch', async () => {
    const clock = manualClock('2026-11-20T06:00:00Z');
    const { sim, aicc } = await setup({ oifdeTokenTtlS: 120 }, {}, clock);
    const q = { accessCode: sim.world.bots[0]!.accessCode, type: 'day' as const, day: clock() };
    await aicc.oifde.callStatistics(q);
    clock.advance(30_000);
    await aicc.oifde.callStatistics(q);
    expect(calls(sim, 'oifde.gettoken')).toBe(1);
    clock.advance(100_000); // past the refresh margin of a 120 s token
    await aicc.oifde.callStatistics(q);
    expect(calls(sim, 'oifde.gettoken')).toBe(2);
  });

  it('a wrong secret surfaces as an auth error naming the service', async () => {
    const { aicc } = await setup({}, { AICC_SK: 'not-the-secret' });
    await expect(aicc.isales.listCampaigns(8)).rejects.toMatchObject({ code: 'auth', service: 'isales', httpStatus: 401, message: expect.stringContaining('CC-iSales') });
    await expect(aicc.cms.taskRealtimeStatistics(8, '1')).rejects.toMatchObject({ code: 'auth', service: 'cms' });
  });

  it('a wrong OIFDE password surfaces as an auth error with a hint', async () => {
    const { aicc, sim } = await setup({}, { AICC_OIFDE_APP_SECRET: 'wrong' });
    await expect(aicc.oifde.callStatistics({ accessCode: sim.world.bots[0]!.accessCode, type: 'day', day: new Date() })).rejects.toMatchObject({ code: 'auth', service: 'oifde', hint: expect.stringContaining('AICC_OIFDE_APP_SECRET') });
  });

  it('times out past AICC_TIMEOUT_MS, retries a 5xx, never retries a 4xx', async () => {
    const { sim, aicc } = await setup();
    sim.setFaults('isales', { latencyMs: 3000 });
    const started = Date.now();
    await expect(aicc.isales.listCampaigns(8)).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
    sim.clearFaults();
    sim.resetRequestCounts();
    sim.setFaults('isales', { status: 500 });
    await expect(aicc.isales.listCampaigns(8)).rejects.toMatchObject({ code: 'http', httpStatus: 500 });
    expect(calls(sim, 'isales.campaigns')).toBe(3);
    sim.resetRequestCounts();
    sim.setFaults('isales', { status: 403 });
    await expect(aicc.isales.listCampaigns(8)).rejects.toMatchObject({ code: 'auth', httpStatus: 403 });
    expect(calls(sim, 'isales.campaigns')).toBe(1);
  });

  it('a documented parameter error comes back as a vendor error with its code', async () => {
    const { aicc } = await setup();
    await expect(aicc.isales.campaignStatistics(8, { batchId: '1' })).rejects.toMatchObject({ code: 'vendor', resultCode: '02000009' });
    await expect(aicc.isales.listCampaigns(10000)).rejects.toMatchObject({ code: 'vendor', resultCode: '0200001' });
  });

  it('works over HTTPS with the simulator certificate as AICC_CA_FILE-style CA', async () => {
    sim = await startSimulator({ https: true });
    const config = loadConfig({ AICC_ISALES_URL: sim.url, AICC_AK: sim.credentials.accessKey, AICC_SK: sim.credentials.secretKey });
    aicc = createAicc({ ...config.aicc, ca: Buffer.from(sim.caCert!) }, { clock: () => new Date(), log: silentLogger });
    expect(sim.url).toMatch(/^https:/);
    expect((await aicc.isales.listCampaigns(1)).campaigns.length).toBeGreaterThan(0);
  });
});

/** The vendor's own sample payloads, served over real HTTP, through the real clients. */
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureJson } from '../../support/fixtures.js';
import { createAicc, type Aicc } from '../../../src/aicc/index.js';
import { manualClock } from '../../../src/platform/clock.js';
import { loadConfig } from '../../../src/platform/config.js';
import { silentLogger } from '../../../src/platform/log.js';
import { json, startScriptedServer, type Script, type ScriptedServer } from '../../support/scripted-server.js';

const sample = (name: string): unknown => fixtureJson(`samples/${name}.json`);

let server: ScriptedServer | undefined;
let aicc: Aicc | undefined;
afterEach(async () => {
  await aicc?.close();
  await server?.close();
  aicc = server = undefined;
});

async function setup(script: Script, env: Record<string, string> = {}) {
  server = await startScriptedServer(script);
  const config = loadConfig({
    AICC_ISALES_URL: server.url,
    AICC_CMS_URL: server.url,
    AICC_OIFDE_URL: server.url,
    AICC_AK: 'ak',
    AICC_SK: 'sk',
    AICC_OIFDE_TENANT_ID: '202104237142',
    AICC_OIFDE_APP_SECRET: 'pw',
    AICC_TIMEZONE: 'Asia/Shanghai',
    ...env,
  });
  const clock = manualClock('2021-08-13T04:00:00Z');
  aicc = createAicc(config.aicc, { clock, log: silentLogger, sleep: async () => undefined });
  return { aicc, clock, server };
}

describe('clients on the vendor sample payloads', () => {
  it('parses each documented sample', async () => {
    let tokens = 0;
    const { aicc } = await setup((r, res) => {
      if (r.url.includes('/statistics')) return json(res, 200, sample('statistics'));
      if (r.url.includes('/callresultdetail/')) return json(res, 200, sample('call-detail'));
      if (r.url.startsWith('/rest/isales/v1/openapi/campaigns/8')) return json(res, 200, sample('campaign-list'));
      if (r.url.includes('realstatistic')) return json(res, 200, sample('cms-realtime'));
      if (r.url.endsWith('/gettoken')) return json(res, 200, { errorCode: '0', errorMsg: 'ok', authToken: `t${++tokens}`, expireTime: 3600 });
      if (r.url.endsWith('/queryCallStatisticsReport')) return json(res, 200, sample('oifde-report'));
      json(res, 404, {});
    });
    const page = await aicc.isales.listCampaigns(8, { status: 0 });
    expect(page.campaigns.map((c) => c.statusLabel)).toEqual(['draft', 'draft', 'paused']);
    const stats = await aicc.stats.get({ vdn: 8 });
    expect(stats.campaigns[1]?.dailyCalled).toBeUndefined();
    const call = await aicc.isales.callResultDetail(8, '1644464743-1388');
    expect(call.outcome).toBe('success');
    const task = await aicc.cms.taskRealtimeStatistics(92, '1122104910');
    expect(task).toMatchObject({ total: 4, connected: 2, failed: 2, completed: 4, waiting: 0, inProgress: 0, vendorSuccessRate: 0.5, vendorCompletionRate: 0.5 });
    const rows = await aicc.oifde.callStatistics({ accessCode: '943370855474270208', type: 'hour', day: new Date('2021-08-13T04:00:00Z') });
    expect(rows[0]).toMatchObject({ calls: 1, exitConsulting: 1, autonomyRate: 1, interfaceRequests: 0, interfaceSuccessRate: null, type: 'hour' });
    expect(rows[0]?.recordTime.getTime()).toBe(1628820000000);
  });

  it('sends the OIFDE query with the token in the body and the tenant-local midnight', async () => {
    const { aicc, server } = await setup((r, res) => {
      if (r.url.endsWith('/gettoken')) return json(res, 200, { errorCode: 0, authToken: 'tok', expireTime: 3600 });
      json(res, 200, []);
    });
    await aicc.oifde.callStatistics({ accessCode: '943370855474270208', type: 'hour', day: new Date('2021-08-13T04:00:00Z') });
    const sent = JSON.parse(server.received[1]!.body);
    // 2021-08-13 00:00 in Asia/Shanghai, the sample's own timestamp.
    expect(sent).toEqual({ type: 'hour', tenantId: '202104237142', accessCode: '943370855474270208', timestamp: 1628784000000, authToken: 'tok' });
    expect(JSON.parse(server.received[0]!.body)).toEqual({ appKey: '202104237142', appSecret: 'pw' });
  });

  it('shares one OIFDE token fetch among concurrent callers and re-fetches once on 900001', async () => {
    let tokens = 0;
    const { aicc, server } = await setup(async (r, res) => {
      if (r.url.endsWith('/gettoken')) {
        await new Promise((ok) => setTimeout(ok, 30));
        return json(res, 200, { errorCode: '0', authToken: `t${++tokens}`, expireTime: 3600 });
      }
      const body = JSON.parse(r.body) as { authToken: string };
      if (body.authToken === 't1') return json(res, 200, { errorCode: '900001', errorMsg: 'token expired' });
      json(res, 200, []);
    });
    await Promise.all(Array.from({ length: 10 }, () => aicc.oifde.callStatistics({ accessCode: '1', type: 'day', day: new Date() })));
    const tokenCalls = server.received.filter((r) => r.url.endsWith('/gettoken')).length;
    expect(tokenCalls).toBe(2);
  });

  it('fetches a new OIFDE token shortly before expireTime', async () => {
    let tokens = 0;
    const { aicc, clock, server } = await setup((r, res) => {
      if (r.url.endsWith('/gettoken')) return json(res, 200, { errorCode: '0', authToken: `t${++tokens}`, expireTime: 600 });
      json(res, 200, []);
    });
    const q = { accessCode: '1', type: 'day' as const, day: new Date() };
    await aicc.oifde.callStatistics(q);
    clock.advance(500_000);
    await aicc.oifde.callStatistics(q);
    clock.advance(50_000); // 550 s: within the last minute of a 600 s token
    await aicc.oifde.callStatistics(q);
    expect(server.received.filter((r) => r.url.endsWith('/gettoken'))).toHaveLength(2);
  });

  it('names a vendor failure code that came with HTTP 200', async () => {
    const { aicc } = await setup((r, res) =>
      r.url.includes('callresultdetail')
        ? json(res, 200, { resultCode: '0200007', resultDesc: '通话记录ID不存在', returnCode: '0200007' })
        : json(res, 200, { resultCode: '0100003', resultDesc: 'only V3R8' }),
    );
    await expect(aicc.isales.callResultDetail(8, '123')).rejects.toMatchObject({ code: 'not_found', resultCode: '0200007', service: 'isales' });
    await expect(aicc.cms.taskRealtimeStatistics(8, '1')).rejects.toMatchObject({ code: 'vendor', resultCode: '0100003', message: expect.stringContaining('only supported on CTI V3R8') });
  });

  it('reports a body that drifted beyond repair as a bad payload naming the field', async () => {
    const { aicc } = await setup((_r, res) => json(res, 200, { countDetail: 'nope' }));
    await expect(aicc.isales.campaignStatistics(8)).rejects.toMatchObject({ code: 'bad_payload', message: expect.stringContaining('countDetail') });
  });

  it('walks every page of a long campaign list at 100 rows', async () => {
    const all = Array.from({ length: 250 }, (_, i) => ({ id: 1000 + i, name: `c${i}`, status: 2, deviceType: 1, strBeginTime: '2026-11-01 08:00:00', strEndTime: '2026-12-01', callerNo: '10080' }));
    const { aicc, server } = await setup((r, res) => {
      const u = new URL(r.url, 'http://x');
      const page = Number(u.searchParams.get('curPage'));
      const rows = Number(u.searchParams.get('rowsPerPage'));
      json(res, 200, { resultCode: '0200000', curPage: page, rowsPerPage: rows, totalSize: all.length, data: all.slice((page - 1) * rows, page * rows) });
    });
    const campaigns = await aicc.isales.listAllCampaigns(8);
    expect(campaigns).toHaveLength(250);
    expect(new Set(campaigns.map((c) => c.id)).size).toBe(250);
    expect(server.received.map((r) => new URL(r.url, 'http://x').searchParams.get('rowsPerPage'))).toEqual(['100', '100', '100']);
  });

  it('uses a cached C1 bearer token, fetched once for concurrent calls', async () => {
    let issued = 0;
    server = await startScriptedServer((r, res) => {
      if (r.url === '/token') return json(res, 200, { AccessToken: `bt${++issued}`, ExpiresIn: 3600 });
      if (r.headers.authorization !== 'Bearer bt1') return json(res, 401, {});
      json(res, 200, { countDetail: [] });
    });
    const config = loadConfig({ AICC_ISALES_URL: server.url, AICC_AK: 'ak', AICC_SK: 'sk', AICC_AUTH_MODE: 'bearer', AICC_TOKEN_URL: `${server.url}/token` });
    aicc = createAicc(config.aicc, { clock: manualClock('2026-01-01T00:00:00Z'), log: silentLogger });
    const client = aicc;
    await Promise.all(Array.from({ length: 5 }, (_, i) => client.isales.campaignStatistics(8, { campaignId: String(i) })));
    expect(issued).toBe(1);
    const tokenReq = server.received.find((r) => r.url === '/token')!;
    expect(JSON.parse(tokenReq.body)).toEqual({ app_key: 'ak', app_secret: 'sk' });
    expect(tokenReq.headers['x-token-expire']).toBe('3600');
  });

  it('after a 401 in bearer mode fetches a fresh token and tries once more', async () => {
    let issued = 0;
    server = await startScriptedServer((r, res) => {
      if (r.url === '/token') return json(res, 200, { AccessToken: `bt${++issued}`, ExpiresIn: 3600 });
      if (r.headers.authorization !== 'Bearer bt2') return json(res, 401, {});
      json(res, 200, { countDetail: [] });
    });
    const config = loadConfig({ AICC_ISALES_URL: server.url, AICC_AK: 'ak', AICC_SK: 'sk', AICC_AUTH_MODE: 'bearer', AICC_TOKEN_URL: `${server.url}/token` });
    aicc = createAicc(config.aicc, { clock: manualClock('2026-01-01T00:00:00Z'), log: silentLogger });
    await expect(aicc.isales.campaignStatistics(8)).resolves.toEqual([]);
    expect(issued).toBe(2);
  });

  it('says a service is not configured instead of failing obscurely', async () => {
    const config = loadConfig({ AICC_ISALES_URL: 'http://127.0.0.1:1', AICC_AK: 'a', AICC_SK: 'b' });
    aicc = createAicc(config.aicc, { clock: manualClock(0), log: silentLogger });
    await expect(aicc.oifde.callStatistics({ accessCode: '1', type: 'day', day: new Date() })).rejects.toMatchObject({ code: 'not_configured', hint: 'set AICC_OIFDE_URL to use it' });
  });
});

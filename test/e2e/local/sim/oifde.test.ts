import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { startSimulator, type Simulator } from '../../../../local/sim/server.js';
import { json, postJson } from '../../../support/sim-requests.js';

const clock = manualClock('2026-11-20T06:30:00Z'); // 14:30 in Shanghai
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai', oifdeTokenTtlS: 600 });
});
afterAll(() => sim.close());

async function token(): Promise<string> {
  const res = await postJson(sim, '/oifde/rest/api/gettoken', { appKey: sim.credentials.oifdeTenantId, appSecret: sim.credentials.oifdeAppSecret });
  const body = await json(res);
  expect(body).toMatchObject({ errorCode: '0', errorMsg: 'success', expireTime: 600 });
  return body.authToken;
}

async function report(body: Record<string, unknown>): Promise<any> {
  const res = await postJson(sim, '/oifde/rest/api/queryCallStatisticsReport', body);
  expect(res.status).toBe(200);
  return json(res);
}

const SHANGHAI_MIDNIGHT = Date.parse('2026-11-19T16:00:00Z'); // 2026-11-20 00:00 +08:00

describe('OIFDE', () => {
  it('refuses wrong credentials with errorCode 900002 (HTTP 200)', async () => {
    const res = await postJson(sim, '/oifde/rest/api/gettoken', { appKey: sim.credentials.oifdeTenantId, appSecret: 'nope' });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ errorCode: '900002', errorMsg: 'appKey or appSecret is incorrect' });
  });

  it('hour report: the rows of today by hour up to now, shaped like the sample', async () => {
    const authToken = await token();
    const bot = sim.world.bots[0]!;
    expect(sim.world.bots).toHaveLength(3);
    expect(bot.accessCode).toMatch(/^\d{18}$/);
    const rows = await report({ type: 'hour', tenantId: sim.credentials.oifdeTenantId, accessCode: bot.accessCode, timestamp: SHANGHAI_MIDNIGHT + 5 * 3600_000, authToken });
    expect(Array.isArray(rows)).toBe(true);
    expect(rows).toHaveLength(15); // 00:00 .. 14:00 (in progress)
    expect(rows[0].recordTime).toBe(SHANGHAI_MIDNIGHT);
    expect(rows[14].recordTime).toBe(SHANGHAI_MIDNIGHT + 14 * 3600_000);
    expect(Object.keys(rows[0])).toEqual([
      'recordTime', 'tenantId', 'accessCode', 'callCount', 'exitNoConsultCount', 'callStaffNoConsultCount', 'callStaffConsultCount',
      'exitConsultingCount', 'interactCount', 'autonomyRate', 'averageInteractPerCall', 'dbRecordTime', 'type',
      'interfaceRequestCount', 'interfaceSuccessCount', 'interfaceSuccessRate',
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ tenantId: '202104237142', accessCode: bot.accessCode, type: 'hour', dbRecordTime: r.recordTime });
      expect(r.autonomyRate).toMatch(/^(-1|0|1)\.\d{4}$/);
      expect(r.interfaceSuccessRate).toMatch(/^(-1|0|1)\.\d{4}$/);
      expect(r.averageInteractPerCall).toMatch(/^\d+\.\d{2}$/);
      expect(r.exitNoConsultCount + r.callStaffNoConsultCount + r.callStaffConsultCount + r.exitConsultingCount).toBe(r.callCount);
      const denominator = r.callStaffNoConsultCount + r.callStaffConsultCount + r.exitConsultingCount;
      expect(r.autonomyRate).toBe(denominator === 0 ? '-1.0000' : (r.exitConsultingCount / denominator).toFixed(4));
      expect(r.interfaceSuccessRate).toBe(r.interfaceRequestCount === 0 ? '-1.0000' : (r.interfaceSuccessCount / r.interfaceRequestCount).toFixed(4));
    }
    expect(rows.some((r: { interfaceSuccessRate: string }) => r.interfaceSuccessRate === '-1.0000')).toBe(true);
    expect(rows.some((r: { interfaceSuccessRate: string }) => r.interfaceSuccessRate !== '-1.0000')).toBe(true);
    expect(rows.some((r: { callCount: number; autonomyRate: string }) => r.callCount === 0 && r.autonomyRate === '-1.0000')).toBe(true);
  });

  it('hour report of a past day has every hour; day report has the 30 days before, summing the hours', async () => {
    const authToken = await token();
    const accessCode = sim.world.bots[1]!.accessCode;
    const base = { tenantId: sim.credentials.oifdeTenantId, accessCode, authToken };
    const yesterday = await report({ ...base, type: 'hour', timestamp: SHANGHAI_MIDNIGHT - 3600_000 });
    expect(yesterday).toHaveLength(24);
    const days = await report({ ...base, type: 'day', timestamp: SHANGHAI_MIDNIGHT });
    expect(days).toHaveLength(30);
    expect(days[29].recordTime).toBe(SHANGHAI_MIDNIGHT - 86_400_000);
    expect(days[0].recordTime).toBe(SHANGHAI_MIDNIGHT - 30 * 86_400_000);
    expect(days.every((d: { type: string }) => d.type === 'day')).toBe(true);
    const sum = (k: string) => yesterday.reduce((a: number, r: Record<string, number>) => a + r[k]!, 0);
    expect(days[29].callCount).toBe(sum('callCount'));
    expect(days[29].interfaceRequestCount).toBe(sum('interfaceRequestCount'));
    const tomorrow = await report({ ...base, type: 'hour', timestamp: SHANGHAI_MIDNIGHT + 86_400_000 });
    expect(tomorrow).toEqual([]);
    expect(await report({ ...base, accessCode: '123456789012345678', type: 'hour', timestamp: SHANGHAI_MIDNIGHT })).toEqual([]);
  });

  it('answers 900001 for a missing, unknown or expired token and 900003 for bad parameters', async () => {
    const base = { type: 'hour', tenantId: sim.credentials.oifdeTenantId, accessCode: sim.world.bots[0]!.accessCode, timestamp: SHANGHAI_MIDNIGHT };
    const invalid = { errorCode: '900001', errorMsg: 'token is invalid or expired' };
    expect(await report(base)).toEqual(invalid);
    expect(await report({ ...base, authToken: 'made-up' })).toEqual(invalid);
    const authToken = await token();
    expect((await report({ ...base, type: 'week', authToken })).errorCode).toBe('900003');
    expect((await report({ ...base, tenantId: '999', authToken })).errorCode).toBe('900003');
    clock.advance(600_000);
    try {
      expect(await report({ ...base, authToken })).toEqual(invalid);
    } finally {
      clock.advance(-600_000);
    }
  });
});

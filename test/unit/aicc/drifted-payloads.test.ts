import { describe, expect, it } from 'vitest';
import { parseInstant, parseWallTime, type ReadRows } from '../../../src/aicc/convert.js';
import { readRealtime } from '../../../src/aicc/cms.js';
import type { CampaignStats } from '../../../src/aicc/domain.js';
import { campaignPageSchema, statisticsSchema } from '../../../src/aicc/isales-schemas.js';

const TZ = 'Asia/Shanghai';
const row = (campaignId: unknown, daily: Record<string, unknown> = {}) => ({ campaignId, unCallCount: 5, ...daily });

describe('drifted vendor payloads', () => {
  it('one bad campaign row (id null, id 1001.5) is skipped and counted, the rest are read', () => {
    const page = campaignPageSchema(TZ).parse({
      curPage: 1,
      totalSize: 3,
      rowsPerPage: 10,
      data: [{ id: null, name: 'a' }, { id: 1001.5, name: 'b' }, { id: 1001, name: 'c', status: 2, deviceType: 1 }],
    });
    expect(page.campaigns.map((c) => c.id)).toEqual(['1001']);
    expect(page.unreadable).toBe(2);
  });

  it('one statistics entry with campaignId null no longer fails all statistics', () => {
    const stats: ReadRows<CampaignStats> = statisticsSchema.parse({ countDetail: [row(null), row('7', { dailyCalledCount: 10, dailyCallSucc: 4 })] });
    expect(stats.map((s) => s.campaignId)).toEqual(['7']);
    expect(stats.unreadable).toBe(1);
    expect(stats[0]).toMatchObject({ dailyCalled: 10, dailyConnected: 4 });
  });

  it('connected above dialled and negative counts are unknown, with the vendor figure kept as inconsistent', () => {
    const [s] = statisticsSchema.parse({ countDetail: [row('7', { dailyCalledCount: 100, dailyCallSucc: 150, dailyFinishCount: '-3', totalCount: 10, totalFinishCount: 12 })] });
    expect(s?.dailyCalled).toBe(100);
    expect(s?.dailyConnected).toBeUndefined();
    expect(s?.dailyFinished).toBeUndefined();
    expect(s?.totalFinished).toBeUndefined();
    expect(s?.inconsistent).toEqual({ dailyConnected: '150', dailyFinished: '-3', totalFinished: '12' });
  });

  it('CMS: compCount above totalCount and a bare "50" rate are inconsistent, "50%" is read', () => {
    const t = readRealtime('1', { totalCount: '10', succCount: '5', compCount: '90', compRate: '50', succRate: '50%', waitCount: '-1' });
    expect(t).toMatchObject({ total: 10, connected: 5, vendorSuccessRate: 0.5 });
    expect(t.completed).toBeUndefined();
    expect(t.vendorCompletionRate).toBeUndefined();
    expect(t.waiting).toBeUndefined();
    expect(t.inconsistent).toEqual({ completed: '90', vendorCompletionRate: '50', waiting: '-1' });
  });

  it('invalid dates are unknown, never rolled over', () => {
    expect(parseWallTime('2024-02-30', TZ)).toBeUndefined();
    expect(parseWallTime('2024-13-45 99:99:99', TZ)).toBeUndefined();
    expect(parseWallTime('2024-02-29 23:59:59', TZ)?.toISOString()).toBe('2024-02-29T15:59:59.000Z');
    const [c] = campaignPageSchema(TZ).parse({ data: [{ id: 1, name: 'x', strBeginTime: '2024-02-30', strEndTime: '2024-13-45 99:99:99' }] }).campaigns;
    expect(c?.beginTime).toBeUndefined();
    expect(c?.endTime).toBeUndefined();
  });

  it('OIFDE times: seconds, milliseconds and ISO timestamps are read as the vendor plausibly sends them', () => {
    const at = '2021-08-13T04:00:00.000Z';
    expect(parseInstant(1628827200, TZ)?.toISOString()).toBe(at);
    expect(parseInstant('1628827200000', TZ)?.toISOString()).toBe(at);
    expect(parseInstant('2021-08-13T12:00:00+08:00', TZ)?.toISOString()).toBe(at);
    expect(parseInstant('2021-08-13T04:00:00Z', TZ)?.toISOString()).toBe(at);
    expect(parseInstant('2021-08-13 12:00:00', TZ)?.toISOString()).toBe(at);
    expect(parseInstant('2021-02-30T04:00:00Z', TZ)).toBeUndefined();
    expect(parseInstant('yesterday', TZ)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { fixtureJson } from '../../support/fixtures.js';
import { count, parseWallTime, rate } from '../../../src/aicc/convert.js';
import { callDetailSchema, campaignPageSchema, statisticsSchema } from '../../../src/aicc/isales-schemas.js';

const sample = (name: string): unknown => fixtureJson(`samples/${name}.json`);

describe('value conversions', () => {
  it('reads counts sent as numbers or strings, and keeps unknown as undefined', () => {
    expect(count.parse(4)).toBe(4);
    expect(count.parse('4')).toBe(4);
    expect(count.parse(undefined)).toBeUndefined();
    expect(count.parse(null)).toBeUndefined();
    expect(count.parse('')).toBeUndefined();
    expect(count.parse('abc')).toBeUndefined();
    expect(count.parse(-3)).toBeUndefined();
  });

  it('reads rates as fractions and "-1.0000" as no data', () => {
    expect(rate.parse('50%')).toBe(0.5);
    expect(rate.parse('66.7 %')).toBeCloseTo(0.667);
    expect(rate.parse('0.5000')).toBe(0.5);
    expect(rate.parse('1.0000')).toBe(1);
    expect(rate.parse(0.25)).toBe(0.25);
    expect(rate.parse('-1.0000')).toBeNull();
    expect(rate.parse('-1')).toBeNull();
    expect(rate.parse('N/A')).toBeNull();
    expect(rate.parse(undefined)).toBeUndefined();
  });

  it('reads wall times with or without a time part in the tenant zone', () => {
    expect(parseWallTime('2018-11-30', 'Asia/Shanghai')?.toISOString()).toBe('2018-11-29T16:00:00.000Z');
    expect(parseWallTime('2022-02-10 11:45:51', 'Asia/Shanghai')?.toISOString()).toBe('2022-02-10T03:45:51.000Z');
    expect(parseWallTime('2022-02-10 11:45:51', 'UTC')?.toISOString()).toBe('2022-02-10T11:45:51.000Z');
    expect(parseWallTime('yesterday', 'UTC')).toBeUndefined();
    expect(parseWallTime(20221010, 'UTC')).toBeUndefined();
  });
});

describe('iSales schemas on the vendor samples', () => {
  it('campaign list: keeps the undocumented status 1 as draft and reads date-only times', () => {
    const page = campaignPageSchema('Asia/Shanghai').parse(sample('campaign-list'));
    expect(page.totalSize).toBe(3);
    expect(page.campaigns).toHaveLength(3);
    const [first, , third] = page.campaigns;
    expect(first).toMatchObject({ id: '3', name: '666', status: 1, statusLabel: 'draft', deviceType: 2, kind: 'agent', callerNo: '10080' });
    expect(first?.beginTime?.toISOString()).toBe('2018-11-29T16:00:00.000Z');
    expect(third).toMatchObject({ status: 3, statusLabel: 'paused' });
  });

  it('campaign list: an unknown status is labelled, not rejected', () => {
    const page = campaignPageSchema('UTC').parse({ curPage: 1, totalSize: 1, data: [{ id: 9, name: 'x', status: 7, deviceType: 9 }] });
    expect(page.campaigns[0]).toMatchObject({ status: 7, statusLabel: 'unknown (7)', deviceTypeLabel: 'unknown (9)', kind: 'agent' });
  });

  it('statistics: the second entry has no daily or total fields, which stay unknown', () => {
    const stats = statisticsSchema.parse(sample('statistics'));
    expect(stats).toHaveLength(2);
    expect(stats[0]).toMatchObject({ campaignId: '1798316116', dailyCalled: 3, dailyConnected: 2, totalCalled: 3, remaining: 0 });
    expect(stats[1]).toMatchObject({ campaignId: '1549589640', remaining: 3 });
    expect(stats[1]?.dailyCalled).toBeUndefined();
    expect(stats[1]?.totalCalled).toBeUndefined();
    expect(stats[1]?.batches.map((b) => b.batchId)).toEqual(['123456', '66666']);
    expect(stats[1]?.batches[0]).toMatchObject({ dailyCalled: 3, dailyConnected: 2, remaining: 1 });
  });

  it('call detail: string callStatus, times in the tenant zone, recording URL kept for the caller to guard', () => {
    const call = callDetailSchema('Asia/Shanghai').parse(sample('call-detail'));
    expect(call).toMatchObject({ callId: '1644464743-1388', called: '88881955', callStatus: 6, outcome: 'success', failCode: '00000', resultCode: 'OB99999', vdnId: 8 });
    expect(call.ringTime?.toISOString()).toBe('2022-02-10T03:45:43.000Z');
    expect(call.answerTime?.toISOString()).toBe('2022-02-10T03:45:47.000Z');
    expect(call.endTime?.toISOString()).toBe('2022-02-10T03:45:51.000Z');
    expect(call.recordUrl).toContain('Signature=');
  });
});

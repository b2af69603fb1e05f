import { describe, expect, it } from 'vitest';
import { buildDigestView, deltaPoints } from '../../../../src/features/digests/view.js';
import { NOW, TZ, botRow, input, stats, vdnInput } from '../../../support/digest-fixtures.js';

describe('buildDigestView: totals and per-campaign figures', () => {
  const view = buildDigestView(input());
  const vdn = view.vdns[0]!;

  it('dates the digest in the time zone', () => {
    expect(view.title).toBeUndefined(); // the renderer titles it, in the digest's language
    expect(view).toMatchObject({ date: '2026-11-21', timeZone: TZ, generatedAt: NOW, minDialledForRanking: 50 });
    // 00:30 in Shanghai is still the previous day in UTC.
    expect(buildDigestView(input({ now: new Date('2026-11-20T16:30:00Z') })).date).toBe('2026-11-21');
  });
  it('totals the VDN over every campaign', () => {
    expect(vdn.totals).toMatchObject({ campaigns: 3, running: 3, dialled: 310, connected: 160, finished: 310, remaining: 120 });
    expect(vdn.totals.successRate).toBeCloseTo(160 / 310);
    // Yesterday's rate pools the campaigns that had figures yesterday: (144 + 30) / 300.
    expect(vdn.totals.yesterdaySuccessRate).toBeCloseTo(0.58);
    expect(vdn.totals.deltaPoints).toBe(-6.4);
  });
  it('computes success, completion and the change since yesterday per campaign', () => {
    const byId = Object.fromEntries(vdn.campaigns.map((c) => [c.id, c]));
    expect(byId['101']).toMatchObject({ name: 'Spring follow-up', status: 2, statusLabel: 'running', dialled: 200, connected: 120, successRate: 0.6, yesterdaySuccessRate: 0.72, deltaPoints: -12 });
    expect(byId['101']!.completionRate).toBeCloseTo(0.29); // totalFinished 290 of total 1,000
    expect(byId['102']).toMatchObject({ successRate: 0.3, deltaPoints: 0 });
    expect(byId['103']).toMatchObject({ successRate: 1, yesterdaySuccessRate: null, deltaPoints: null });
  });
  it('delta points are rounded to one decimal', () => {
    expect(deltaPoints(0.3, 0.1)).toBe(20);
    expect(deltaPoints(0.123456, 0.1)).toBe(2.3);
    expect(deltaPoints(null, 0.1)).toBeNull();
    expect(deltaPoints(0.5, null)).toBeNull();
  });
  it('completion falls back to finished / (finished + remaining) without a total', () => {
    const v = buildDigestView(input({ vdnData: [{ vdn: 1, campaigns: [], stats: [stats({ campaignId: '7', total: undefined, totalFinished: 30, remaining: 70 })] }] }));
    expect(v.vdns[0]!.campaigns[0]!.completionRate).toBeCloseTo(0.3);
  });
  it('orders running, then paused, draft and completed; busiest first', () => {
    const v = buildDigestView(
      input({
        vdnData: [
          vdnInput(1, [
            { id: 'c', status: 4, dialled: 500, connected: 1 },
            { id: 'p', status: 3, dialled: 5, connected: 1 },
            { id: 'r1', status: 2, dialled: 10, connected: 1 },
            { id: 'r2', status: 2, dialled: 90, connected: 1 },
            { id: 'd', status: 1, dialled: 0, connected: 0 },
          ]),
        ],
      }),
    );
    expect(v.vdns[0]!.campaigns.map((c) => c.id)).toEqual(['r2', 'r1', 'p', 'd', 'c']);
  });
});

describe('buildDigestView: unknown stays unknown', () => {
  it('a missing count is undefined, its rate null, and totals sum only the known counts', () => {
    const v = buildDigestView(
      input({
        vdnData: [
          vdnInput(1, [
            { id: 'a', dialled: 100, connected: 50 },
            { id: 'b', dialled: undefined, connected: undefined },
          ]),
        ],
      }),
    );
    const b = v.vdns[0]!.campaigns.find((c) => c.id === 'b')!;
    expect(b.dialled).toBeUndefined();
    expect(b.connected).toBeUndefined();
    expect(b.successRate).toBeNull();
    expect(v.vdns[0]!.totals).toMatchObject({ dialled: 100, connected: 50, successRate: 0.5 });
  });
  it('nothing dialled is no data, not 0%', () => {
    const v = buildDigestView(input({ vdnData: [vdnInput(1, [{ id: 'a', dialled: 0, connected: 0 }])] }));
    expect(v.vdns[0]!.campaigns[0]).toMatchObject({ dialled: 0, successRate: null });
    expect(v.vdns[0]!.totals.successRate).toBeNull();
  });
  it('without statistics at all, every figure is unknown and the campaigns are counted as such', () => {
    const v = buildDigestView(input({ vdnData: [vdnInput(1, [{ id: 'a' }, { id: 'b' }], { stats: [], statsAsOf: undefined, yesterdayStats: undefined })] }));
    const vdn = v.vdns[0]!;
    expect(vdn.totals.dialled).toBeUndefined();
    expect(vdn.totals.successRate).toBeNull();
    expect(vdn.withoutStats).toBe(2);
    expect(vdn.statsAsOf).toBeUndefined();
    expect(vdn.campaigns.every((c) => !c.hasStats && c.completionRate === null)).toBe(true);
  });
  it('a campaign only the statistics know is kept, without a name', () => {
    const v = buildDigestView(input({ vdnData: [{ vdn: 1, campaigns: [], stats: [stats({ campaignId: '55' })] }] }));
    expect(v.vdns[0]!.campaigns[0]).toMatchObject({ id: '55', statusLabel: 'unknown', hasStats: true });
    expect(v.vdns[0]!.campaigns[0]!.name).toBeUndefined();
  });
});

describe('buildDigestView: scope', () => {
  it('a list of campaigns keeps those and names the ones not found', () => {
    const v = buildDigestView(input({ filter: { campaigns: ['102', '999', '102'], bots: [] } }));
    expect(v.vdns[0]!.campaigns.map((c) => c.id)).toEqual(['102']);
    expect(v.vdns[0]!.notFound).toEqual(['999']);
    expect(v.vdns[0]!.totals).toMatchObject({ campaigns: 1, dialled: 100 });
  });
});

describe('buildDigestView: best and worst', () => {
  const specs = [
    { id: 'a', dialled: 100, connected: 90 },
    { id: 'b', dialled: 100, connected: 80 },
    { id: 'c', dialled: 100, connected: 70 },
    { id: 'd', dialled: 100, connected: 60 },
    { id: 'e', dialled: 100, connected: 50 },
    { id: 'f', dialled: 100, connected: 40 },
    { id: 'g', dialled: 100, connected: 30 },
    { id: 'tiny-best', dialled: 49, connected: 49 },
    { id: 'tiny-worst', dialled: 49, connected: 0 },
    { id: 'unknown', dialled: undefined, connected: undefined },
  ];
  it('ranks the three best and worst among campaigns with at least 50 dialled', () => {
    const v = buildDigestView(input({ vdnData: [vdnInput(1, specs)] }));
    expect(v.best.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(v.worst.map((r) => r.id)).toEqual(['g', 'f', 'e']);
    expect(v.rankedCount).toBe(7);
    expect(v.best[0]).toMatchObject({ vdn: 1, successRate: 0.9, dialled: 100, name: 'Campaign a' });
  });
  it('the minimum is inclusive and configurable', () => {
    const v = buildDigestView(input({ vdnData: [vdnInput(1, specs)], minDialledForRanking: 49 }));
    expect(v.best[0]!.id).toBe('tiny-best');
    expect(v.worst[0]!.id).toBe('tiny-worst');
  });
  it('never lists a campaign as both best and worst', () => {
    const v = buildDigestView(input({ vdnData: [vdnInput(1, specs.slice(0, 4))] }));
    expect(v.best.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(v.worst.map((r) => r.id)).toEqual(['d']);
  });
  it('ranks across VDNs; ties go to the busier campaign', () => {
    const v = buildDigestView(
      input({
        vdnData: [vdnInput(1, [{ id: 'x', dialled: 60, connected: 30 }]), vdnInput(2, [{ id: 'y', dialled: 200, connected: 100 }])],
      }),
    );
    expect(v.best.map((r) => [r.vdn, r.id])).toEqual([
      [2, 'y'],
      [1, 'x'],
    ]);
  });
});

describe('buildDigestView: bots and failures', () => {
  it('sums today’s rows into calls, autonomy, transfers and interface success', () => {
    const v = buildDigestView(
      input({
        bots: [{ accessCode: '943370855474270208', name: 'Renewal bot', rows: [botRow(), botRow()], asOf: NOW }],
        filter: { campaigns: 'all', bots: ['943370855474270208'] },
      }),
    );
    expect(v.bots).toHaveLength(1);
    const b = v.bots[0]!;
    expect(b).toMatchObject({ accessCode: '943370855474270208', name: 'Renewal bot', calls: 200, selfService: 160, transferToAgent: 30, asOf: NOW });
    expect(b.autonomyRate).toBeCloseTo(160 / 190);
    expect(b.transferRate).toBeCloseTo(0.15);
    expect(b.interfaceSuccessRate).toBeCloseTo(0.95);
  });
  it('a bot without rows had no calls; a bot not fetched is unknown; bots outside the filter are dropped', () => {
    const v = buildDigestView(
      input({
        bots: [
          { accessCode: 'quiet', rows: [], asOf: NOW },
          { accessCode: 'other', rows: [botRow()], asOf: NOW },
        ],
        filter: { campaigns: 'all', bots: ['quiet', 'lost'] },
      }),
    );
    expect(v.bots.map((b) => b.accessCode)).toEqual(['quiet', 'lost']);
    expect(v.bots[0]).toMatchObject({ calls: 0, transferToAgent: 0, autonomyRate: null });
    expect(v.bots[1]).toMatchObject({ calls: undefined, autonomyRate: null });
    expect(v.bots[1]!.asOf).toBeUndefined();
  });
  it('a missing count in a row keeps that figure unknown', () => {
    const v = buildDigestView(
      input({ bots: [{ accessCode: 'b', rows: [botRow({ staffConsult: undefined })], asOf: NOW }], filter: { campaigns: 'all', bots: ['b'] } }),
    );
    expect(v.bots[0]).toMatchObject({ calls: 100, transferToAgent: undefined, autonomyRate: null, transferRate: null });
  });
  it('lists failures as given', () => {
    const failures = [{ source: { kind: 'statistics' as const, service: 'CC-iSales', vdn: 12 }, message: 'timed out', since: NOW }];
    expect(buildDigestView(input({ failures })).failures).toEqual(failures);
  });
  it('carries the late mark and subscription id', () => {
    const v = buildDigestView(input({ late: { scheduledFor: NOW }, subscriptionId: 3, title: 'Morning digest' }));
    expect(v).toMatchObject({ late: { scheduledFor: NOW }, subscriptionId: 3, title: 'Morning digest' });
  });
});

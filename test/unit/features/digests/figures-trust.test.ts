import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/index.js';
import { buildDigestView } from '../../../../src/features/digests/view.js';
import { renderDigest } from '../../../../src/features/digests/render.js';
import { statisticsSchema } from '../../../../src/aicc/isales-schemas.js';
import { decodeStats, encodeStats } from '../../../../src/features/collector/payloads.js';
import { input } from '../../../support/digest-fixtures.js';
import { allText } from '../../../support/render-fixtures.js';

const stats = statisticsSchema.parse({
  countDetail: [
    { campaignId: '1', dailyCalledCount: 100, dailyCallSucc: 60 },
    { campaignId: '2', dailyCalledCount: 60, dailyCallSucc: 21 },
    { campaignId: '3' },
    { campaignId: '4', dailyCalledCount: null, dailyCallSucc: null },
    { campaignId: '5', dailyCalledCount: -4, dailyCallSucc: 2 },
    { campaignId: '6', dailyCalledCount: 100, dailyCallSucc: 150 },
  ],
});

describe('digest: unknown and impossible counts', () => {
  const view = buildDigestView(input({ vdnData: [{ vdn: 12, campaigns: [], stats }], minDialledForRanking: 50 }));
  it('totals cover the campaigns that reported and say how many did', () => {
    expect(view.vdns[0]!.totals).toMatchObject({ campaigns: 6, reported: 2, dialled: 160, connected: 81 });
    const text = allText(renderDigest(translator('en'), view).first);
    expect(text).toContain("2 of 6 campaigns reported today's dialled and connected counts; the totals cover those 2.");
  });
  it('a campaign with connected above dialled is not ranked best', () => {
    expect(view.best.map((r) => r.id)).toEqual(['1', '2']);
    expect(view.best.concat(view.worst).some((r) => r.id === '6')).toBe(false);
    expect(allText(renderDigest(translator('en'), view).first)).toContain('*Best connection rate*');
  });
  it('an impossible figure shows in the table as the vendor sent it, marked, also after a trip through a snapshot', () => {
    const stored = decodeStats(JSON.parse(JSON.stringify(encodeStats(stats))));
    expect(stored.find((s) => s.campaignId === '6')?.inconsistent).toEqual({ dailyConnected: '150' });
    const digest = renderDigest(translator('en'), buildDigestView(input({ vdnData: [{ vdn: 12, campaigns: [], stats: stored }], minDialledForRanking: 50 })));
    const text = JSON.stringify([digest.first, digest.thread]);
    expect(text).toContain('150 (inconsistent)');
    expect(text).toContain('– (inconsistent)');
  });
});

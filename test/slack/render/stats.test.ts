import { describe, expect, it } from 'vitest';
import { renderStats } from '../../../src/features/queries/render-stats.js';
import { fitBlocks } from '../../../src/slack/render/limits.js';
import type { StatsView } from '../../../src/features/queries/views.js';
import { blockProblems } from '../../../local/fakeslack/validate.js';
import { FETCHED_AT, TZ, allText, campaign, stats } from './fixtures.js';

const view = (over: Partial<StatsView> = {}): StatsView => ({
  vdn: 12,
  timeZone: TZ,
  fetchedAt: FETCHED_AT,
  rows: [{ campaign: campaign(), stats: stats() }],
  showBatches: false,
  ...over,
});

describe('renderStats: one campaign', () => {
  it('shows today and all-time figures with computed rates', () => {
    const blocks = renderStats(view());
    const text = allText(blocks);
    expect(text).toContain('*Spring follow-up*');
    expect(text).toContain('VDN 12  ·  as of 10:05 (Asia/Shanghai)');
    expect(text).toContain('*Dialled today*\n3');
    expect(text).toContain('*Connected today*\n2');
    expect(text).toContain('*Success rate*\n66.7%');
    expect(text).toContain('*Remaining*\n40');
    expect(text).toContain('*Connection rate*\n50.0%');
    expect(text).toContain('*Total in campaign*\n1,000');
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('no dials today is "no data", and unknown counts are dashes, never 0', () => {
    const text = allText(renderStats(view({ rows: [{ stats: { campaignId: '9', batches: [], dailyCalled: 0, dailyConnected: 0 } }] })));
    expect(text).toContain('*Success rate*\nno data');
    expect(text).toContain('*Remaining*\n–');
    expect(text).toContain('*Connection rate*\nno data');
    expect(text).not.toContain('0.0%');
  });

  it('does not trust the older calledCount when the daily fields are missing (the sample shows it 0 beside 3)', () => {
    const text = allText(renderStats(view({ rows: [{ stats: { campaignId: '9', batches: [], calledCount: 0, finishCount: 0, remaining: 3 } }] })));
    expect(text).toContain('*Dialled today*\n–');
    expect(text).toContain('*Success rate*\nno data');
    expect(text).not.toContain('0.0%');
  });

  it('shows batches on request', () => {
    const s = stats({ batches: [{ batchId: '123456', dailyCalled: 4, dailyConnected: 1, remaining: 7 }] });
    expect(allText(renderStats(view({ rows: [{ stats: s }] })))).not.toContain('123456');
    const text = allText(renderStats(view({ rows: [{ stats: s }], showBatches: true })));
    expect(text).toContain('↳ batch `123456`: 4 dialled · 1 connected (25.0%) · – finished · 7 left');
  });

  it('marks cached data', () => {
    expect(allText(renderStats(view({ stale: true })))).toContain('cached');
  });

  it('escapes campaign names', () => {
    const text = allText(renderStats(view({ rows: [{ campaign: campaign({ name: '<!channel> & <@U123>' }), stats: stats() }] })));
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(text).not.toMatch(/<[!@]/);
  });
});

describe('renderStats: many campaigns', () => {
  const many = (n: number, batches = 0): StatsView =>
    view({
      rows: Array.from({ length: n }, (_, i) => ({
        campaign: campaign({ id: String(1000 + i), name: `<!channel> campaign ${i} ${'x'.repeat(200)}` }),
        stats: stats({
          campaignId: String(1000 + i),
          dailyCalled: i,
          dailyConnected: Math.floor(i / 2),
          batches: Array.from({ length: batches }, (_, j) => ({ batchId: `b${j}`, dailyCalled: j })),
        }),
      })),
    });

  it('totals cover every campaign and the busiest are listed first', () => {
    const blocks = renderStats(many(4));
    const text = allText(blocks);
    expect(text).toContain('4 campaigns');
    expect(text).toContain('*Dialled today*\n6');
    expect(text).toContain('*Connected today*\n2');
    expect(text).toContain('*Success rate*\n33.3%');
    expect(text.indexOf('campaign 3')).toBeLessThan(text.indexOf('campaign 0'));
  });

  it('1000 campaigns (with batches) fit in one valid message and say how many are left out', () => {
    for (const showBatches of [false, true]) {
      const blocks = renderStats({ ...many(1000, 20), showBatches });
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(blockProblems(blocks)).toEqual([]);
      expect(JSON.stringify(blocks).length).toBeLessThan(40_000);
      expect(allText(blocks)).toMatch(/…and 9\d\d more campaigns/);
      expect(allText(blocks)).toContain('campaign 999');
      expect(allText(blocks)).not.toMatch(/<!channel>/);
      expect(fitBlocks(blocks)).toHaveLength(1);
    }
  });

  it('a single campaign with 1000 batches stays within limits', () => {
    const blocks = renderStats({ ...many(1, 1000), showBatches: true });
    expect(blockProblems(blocks)).toEqual([]);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(allText(blocks)).toContain('…and 970 more batches');
  });

  it('says so when there are no rows', () => {
    expect(allText(renderStats(view({ rows: [] })))).toContain('No campaign statistics');
  });
});

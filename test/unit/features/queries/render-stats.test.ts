import { describe, expect, it } from 'vitest';
import { renderStats } from '../../../../src/features/queries/render-stats.js';
import { fitBlocks } from '../../../../src/slack/render/limits.js';
import type { StatsView } from '../../../../src/features/queries/views.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { FETCHED_AT, TZ, allText, campaign, stats } from '../../../support/render-fixtures.js';
import { chartsOf, mrkdwnText, richLimitProblems, tableRows, tablesOf, xyOf } from '../../../support/rich-blocks.js';
import { translator } from '../../../../src/i18n/index.js';

const view = (over: Partial<StatsView> = {}): StatsView => ({
  vdn: 12,
  timeZone: TZ,
  fetchedAt: FETCHED_AT, tr: translator(),
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
    expect(text).toContain('*Connection rate*\n66.7%');
    expect(text).toContain('*Remaining*\n40');
    expect(text).toContain('*Connection rate*\n50.0%');
    expect(text).toContain('*Total in campaign*\n1,000');
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('no dials today is "no data", and unknown counts are dashes, never 0', () => {
    const text = allText(renderStats(view({ rows: [{ stats: { campaignId: '9', batches: [], dailyCalled: 0, dailyConnected: 0 } }] })));
    expect(text).toContain('*Connection rate*\nno data');
    expect(text).toContain('*Remaining*\n–');
    expect(text).toContain('*Connection rate*\nno data');
    expect(text).not.toContain('0.0%');
  });

  it('does not trust the older calledCount when the daily fields are missing (the sample shows it 0 beside 3)', () => {
    const text = allText(renderStats(view({ rows: [{ stats: { campaignId: '9', batches: [], calledCount: 0, finishCount: 0, remaining: 3 } }] })));
    expect(text).toContain('*Dialled today*\n–');
    expect(text).toContain('*Connection rate*\nno data');
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
    expect(text).toContain('*Connection rate*\n33.3%');
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
      // Names are table cells: plain text, shown as typed, never parsed as a mention.
      expect(mrkdwnText(blocks)).not.toMatch(/<!channel>/);
      expect(tablesOf(blocks)).toHaveLength(1);
      expect(richLimitProblems(blocks)).toEqual([]);
      expect(fitBlocks(blocks)).toHaveLength(1);
    }
  });

  it('a single campaign with 1000 batches stays within limits', () => {
    const blocks = renderStats({ ...many(1, 1000), showBatches: true });
    expect(blockProblems(blocks)).toEqual([]);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(allText(blocks)).toContain('…and 970 more batches');
  });

  it('lists the campaigns as a native table, busiest first, unknown counts as dashes', () => {
    const rows = tableRows(renderStats(view({ rows: [
      { campaign: campaign({ id: '1', name: '春季回访' }), stats: stats({ campaignId: '1', dailyCalled: 5, dailyConnected: 4, dailyFinished: 5, remaining: 10 }) },
      { stats: { campaignId: '2', batches: [] } },
    ] })));
    expect(rows[0]).toEqual(['Campaign', 'ID', 'Status', 'Dialled', 'Connected', 'Connection rate', 'Finished', 'Left']);
    expect(rows[1]).toEqual(['春季回访', '1', ':large_green_circle: running', '5', '4', '80.0%', '5', '10']);
    expect(rows[2]).toEqual(['(not listed)', '2', ':grey_question: unknown', '–', '–', 'no data', '–', '–']);
  });

  it('says so when there are no rows', () => {
    expect(allText(renderStats(view({ rows: [] })))).toContain('No campaign statistics');
  });
});

describe('renderStats: today by hour', () => {
  const hours = { labels: ['08:00', '09:00', '10:00'], timeZone: TZ, dialled: [0, 12, 30], connected: [0, null, 20] };

  it('charts one campaign’s day beside today’s figures, with every figure in words', () => {
    const blocks = renderStats(view({ hours }));
    const [chart] = chartsOf(blocks);
    expect(chart!.title).toBe('Today by hour: dialled and connected');
    // 08:00 had no calls; 09:00 has no connected figure: left out of the chart, never drawn as 0.
    expect(xyOf(chart).axis_config.categories).toEqual(['10:00']);
    const text = allText(blocks);
    expect(text).toContain('*Dialled*: 09:00 12 · 10:00 30');
    expect(text).toContain('*Connected*: 09:00 – · 10:00 20');
    expect(text).toContain('no data for 09:00');
    const at = (pred: (b: (typeof blocks)[number]) => boolean) => blocks.findIndex(pred);
    expect(at((b) => (b as { type: string }).type === 'data_visualization')).toBeLessThan(at((b) => b.type === 'section' && b.text?.text === '*All time*'));
    expect(blockProblems(blocks)).toEqual([]);
    expect(richLimitProblems(blocks)).toEqual([]);
  });

  it('has no chart without snapshots', () => {
    expect(chartsOf(renderStats(view()))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { renderStats } from '../../../../src/features/queries/render-stats.js';
import { renderTask } from '../../../../src/features/queries/render-task.js';
import { statisticsSchema } from '../../../../src/aicc/isales-schemas.js';
import { readRealtime } from '../../../../src/aicc/cms.js';
import { FETCHED_AT, TZ, allText } from '../../../support/render-fixtures.js';
import { translator } from '../../../../src/i18n/index.js';

/** Six campaigns, four with missing, null, negative or impossible daily counts. */
const drifted = statisticsSchema.parse({
  countDetail: [
    { campaignId: '1', dailyCalledCount: 100, dailyCallSucc: 60 },
    { campaignId: '2', dailyCalledCount: 60, dailyCallSucc: 21 },
    { campaignId: '3' },
    { campaignId: '4', dailyCalledCount: null, dailyCallSucc: null },
    { campaignId: '5', dailyCalledCount: -4, dailyCallSucc: 2 },
    { campaignId: '6', dailyCalledCount: 100, dailyCallSucc: 150 },
    { campaignId: null, dailyCalledCount: 1 },
  ],
});

describe('/aicc stats: totals cover what was reported', () => {
  const view = { vdn: 12, timeZone: TZ, fetchedAt: FETCHED_AT, tr: translator(), rows: drifted.map((stats) => ({ stats })), showBatches: false, unreadable: drifted.unreadable };
  it('sums only campaigns that reported both counts and says how many did', () => {
    const text = allText(renderStats(view));
    expect(text).toContain('*Dialled today*\n160');
    expect(text).toContain('*Connected today*\n81');
    expect(text).toContain('*Connection rate*\n50.6%');
    expect(text).toContain('2 of 6 campaigns reported today');
    expect(text).toContain('2 sent figures that cannot be true');
    expect(text).toContain('1 row the bot could not read');
  });
  it('shows an impossible figure as the vendor sent it, marked inconsistent', () => {
    const one = { ...view, rows: [{ stats: drifted[5]! }], unreadable: undefined };
    const text = allText(renderStats(one));
    expect(text).toContain('*Connected today*\n150 (inconsistent)');
    expect(text).toContain('*Connection rate*\n– (inconsistent)');
    expect(text).not.toContain('150.0%');
  });
});

describe('/aicc task: the figures are laid out so they add up or are explained', () => {
  it('connected + failed against dialled, and the queue apart', () => {
    const text = allText(renderTask({ vdn: 12, timeZone: TZ, fetchedAt: FETCHED_AT, tr: translator(), task: readRealtime('9', { totalCount: 260, succCount: 200, failCount: 50, compCount: 230, waitCount: 150, execCount: 30 }) }));
    expect(text).toContain('Connected 200 + failed 50 = 250 of 260 dialled; the other 10 have no result yet.');
    expect(text).toContain('need not add up to the total');
    expect(text).toContain('*Connection rate*\n76.9%');
  });
  it('CMS compCount above totalCount is not "900% complete"', () => {
    const text = allText(renderTask({ vdn: 12, timeZone: TZ, fetchedAt: FETCHED_AT, tr: translator(), task: readRealtime('9', { totalCount: '10', compCount: '90', compRate: '50' }) }));
    expect(text).not.toContain('900.0%');
    expect(text).not.toContain('5000.0%');
    expect(text).toContain('*Completed*\n90 (inconsistent)');
    expect(text).toContain('*Completion rate*\n50 (inconsistent)');
  });
});

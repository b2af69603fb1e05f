/** The vendor's own sample payloads, through the boundary schemas, render into valid Block Kit. */
import { describe, expect, it } from 'vitest';
import { fixtureJson } from '../../../support/fixtures.js';
import { callDetailSchema, campaignPageSchema, statisticsSchema } from '../../../../src/aicc/isales-schemas.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { renderCall } from '../../../../src/features/queries/render-call.js';
import { renderCampaigns } from '../../../../src/features/queries/render-campaigns.js';
import { renderStats } from '../../../../src/features/queries/render-stats.js';
import { translator } from '../../../../src/i18n/index.js';

const sample = (name: string): unknown => fixtureJson(`samples/${name}.json`);
const meta = { vdn: 8, timeZone: 'Asia/Shanghai', fetchedAt: new Date('2026-11-21T02:05:00Z'), tr: translator() };

describe('vendor samples render', () => {
  it('campaign list', () => {
    const page = campaignPageSchema('Asia/Shanghai').parse(sample('campaign-list'));
    const blocks = renderCampaigns({ ...meta, query: { status: 'all', page: 1 }, campaigns: page.campaigns, pageSize: 10, total: page.totalSize });
    expect(blockProblems(blocks)).toEqual([]);
    expect(JSON.stringify(blocks)).toContain('SAAS_JST');
  });

  it('statistics, with the entry that has no daily fields shown as unknown, not zero', () => {
    const stats = statisticsSchema.parse(sample('statistics'));
    const blocks = renderStats({ ...meta, rows: stats.map((s) => ({ stats: s })), showBatches: true });
    expect(blockProblems(blocks)).toEqual([]);
    const one = renderStats({ ...meta, rows: [{ stats: stats[1]! }], showBatches: true });
    const text = JSON.stringify(one);
    expect(text).toContain('123456');
    expect(text).not.toMatch(/Dialled today\*\\n0\b/);
  });

  it('call detail, masked and without the recording for a non-admin', () => {
    const call = callDetailSchema('Asia/Shanghai').parse(sample('call-detail'));
    const blocks = renderCall({ ...meta, call, maskNumbers: true, viewerIsAdmin: false });
    expect(blockProblems(blocks)).toEqual([]);
    const text = JSON.stringify(blocks);
    expect(text).toContain('****1955');
    expect(text).not.toContain('88881955');
    expect(text).not.toContain('Signature');
  });
});

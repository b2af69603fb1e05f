import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/index.js';
import { CAMPAIGNS_NEXT_ACTION, CAMPAIGNS_PREV_ACTION, decodeCampaignsQuery, encodeCampaignsQuery, renderCampaigns } from '../../../../src/features/queries/render-campaigns.js';
import type { CampaignsView } from '../../../../src/features/queries/views.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { FETCHED_AT, TZ, allText, buttons, campaign } from '../../../support/render-fixtures.js';
import { mrkdwnText, richLimitProblems, tableRows, tablesOf } from '../../../support/rich-blocks.js';

const view = (over: Partial<CampaignsView> = {}): CampaignsView => ({
  vdn: 12,
  timeZone: TZ,
  fetchedAt: FETCHED_AT, tr: translator(),
  query: { vdn: 12, status: 'running', page: 1 },
  campaigns: [campaign(), campaign({ id: '2', name: 'Agent blitz', status: 3, deviceType: 2, callerNo: undefined })],
  pageSize: 2,
  total: 5,
  ...over,
});

describe('renderCampaigns', () => {
  it('shows each campaign with status, type, id, period and caller number', () => {
    const blocks = renderCampaigns(view());
    const text = allText(blocks);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Campaigns · running' } });
    expect(text).toContain('VDN 12');
    expect(text).toContain('5 campaigns');
    expect(text).toContain('page 1 of 3');
    expect(text).toContain('as of 10:05 (Asia/Shanghai)');
    const rows = tableRows(blocks);
    expect(tablesOf(blocks)).toHaveLength(1);
    expect(rows[0]).toEqual(['Campaign', 'ID', 'Status', 'Type', 'Period', 'Caller']);
    expect(rows[1]).toEqual(['Spring follow-up', '1798316116', ':large_green_circle: running', 'intelligent IVR', '2026-11-01 → 2026-11-30 23:59', '4001234567']);
    expect(rows[2]![2]).toBe(':double_vertical_bar: paused');
    expect(rows[2]![5]).toBe('–');
    expect(richLimitProblems(blocks)).toEqual([]);
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('escapes campaign names and filters', () => {
    const blocks = renderCampaigns(
      view({ query: { status: 'all', name: '<!here>', page: 1 }, campaigns: [campaign({ name: '<!channel> & <@U123>' })] }),
    );
    const text = mrkdwnText(blocks);
    expect(text).toContain('name contains “&lt;!here&gt;”');
    expect(text).not.toMatch(/<[!@]/);
    // In a table cell the name is plain text: shown as typed, never parsed as a mention.
    expect(tableRows(blocks)[1]![0]).toBe('<!channel> & <@U123>');
  });

  it('has Next on the first page, Prev and Next in the middle, Prev on the last', () => {
    expect(buttons(renderCampaigns(view())).map((b) => b.action_id)).toEqual([CAMPAIGNS_NEXT_ACTION]);
    const middle = buttons(renderCampaigns(view({ query: { vdn: 12, status: 'running', page: 2 } })));
    expect(middle.map((b) => b.action_id)).toEqual([CAMPAIGNS_PREV_ACTION, CAMPAIGNS_NEXT_ACTION]);
    expect(buttons(renderCampaigns(view({ query: { vdn: 12, status: 'running', page: 3 } }))).map((b) => b.action_id)).toEqual([CAMPAIGNS_PREV_ACTION]);
    expect(buttons(renderCampaigns(view({ total: 2 })))).toEqual([]);
  });

  it('button values are the compact query of the target page, readable back', () => {
    const [prev, next] = buttons(renderCampaigns(view({ query: { vdn: 12, status: 'paused', name: 'spring follow', type: 'ivr', page: 2 } })));
    expect(prev!.value).toBe('{"vdn":12,"status":"paused","name":"spring follow","type":"ivr","page":1}');
    expect(decodeCampaignsQuery(next!.value)).toEqual({ vdn: 12, status: 'paused', name: 'spring follow', type: 'ivr', page: 3 });
  });

  it('refuses button values it did not write', () => {
    expect(decodeCampaignsQuery('{"status":"nope","page":1}')).toBeUndefined();
    expect(decodeCampaignsQuery('not json')).toBeUndefined();
    expect(decodeCampaignsQuery(undefined)).toBeUndefined();
    expect(decodeCampaignsQuery(encodeCampaignsQuery({ status: 'all', page: 4 }))).toEqual({ status: 'all', page: 4 });
  });

  it('says so when nothing matches', () => {
    const text = allText(renderCampaigns(view({ campaigns: [], total: 0 })));
    expect(text).toContain('No running campaigns match.');
    expect(text).toContain('/aicc campaigns all');
  });
});

describe('renderCampaigns in other languages', () => {
  it('words statuses and device types from the vendor codes, keeping an undefined code', () => {
    const campaigns = [campaign({ status: 7, deviceType: 9 }), campaign({ id: '2', status: 1, deviceType: 6 })];
    const zh = tableRows(renderCampaigns(view({ campaigns, tr: translator('zh-CN') })));
    expect(zh[1]!.slice(2, 4)).toEqual([':grey_question: 状态未知（7）', '类型未知（9）']);
    expect(zh[2]!.slice(2, 4)).toEqual([':memo: 草稿', '预占外呼']);
    const es = tableRows(renderCampaigns(view({ campaigns, tr: translator('es') })));
    expect(es[1]!.slice(2, 4)).toEqual([':grey_question: estado desconocido (7)', 'tipo desconocido (9)']);
    expect(tableRows(renderCampaigns(view({ campaigns })))[1]!.slice(2, 4)).toEqual([':grey_question: status unknown (7)', 'unknown type (9)']);
  });

  it('a page past the last one, in Portuguese, with both buttons', () => {
    const blocks = renderCampaigns(view({ query: { vdn: 12, status: 'paused', page: 2 }, requestedPage: 9, total: 5, pageSize: 2, tr: translator('pt-BR') }));
    const text = allText(blocks);
    expect(text).toContain('Campanhas · pausadas');
    expect(text).toContain(':information_source: Não existe a página 9: 5 campanhas ocupam 3 páginas, então esta é a última.');
    expect(buttons(blocks).map((b) => b.text)).toEqual(['◀ Anterior', 'Próxima ▶']);
  });
});

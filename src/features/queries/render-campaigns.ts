/**
 * `/aicc campaigns`: one page of campaigns as a native table (name, id, status, type, period, caller)
 * with Prev/Next buttons. Each button's value is the query for its page as compact JSON, so the
 * button handler re-runs the query without any state.
 */
import type { Button, KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { Campaign } from '../../aicc/domain.js';
import type { Translator } from '../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../slack/format.js';
import { actions, button, context, header, metaLine, section, statusEmoji } from '../../slack/render/blocks.js';
import { table, type CellInput, type TableColumn } from '../../slack/render/table.js';
import { campaignStatusText, deviceTypeText } from './labels.js';
import { type CampaignsQuery, type CampaignsView } from './views.js';

export const CAMPAIGNS_PREV_ACTION = 'campaigns_prev';
export const CAMPAIGNS_NEXT_ACTION = 'campaigns_next';

const querySchema = z.object({
  vdn: z.number().int().min(1).max(9999).optional(),
  status: z.enum(['running', 'paused', 'completed', 'all']),
  name: z.string().max(200).optional(),
  type: z.enum(['ivr', 'agent']).optional(),
  page: z.number().int().min(1).max(1000),
});

/** The button value for a query: compact JSON without absent fields. */
export function encodeCampaignsQuery(query: CampaignsQuery): string {
  return JSON.stringify(query);
}

/** Reads a Prev/Next button value back; `undefined` when it is not one this renderer wrote. */
export function decodeCampaignsQuery(value: string | undefined): CampaignsQuery | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = querySchema.safeParse(JSON.parse(value));
    if (!parsed.success) return undefined;
    const { vdn, status, name, type, page } = parsed.data;
    return { status, page, ...(vdn !== undefined ? { vdn } : {}), ...(name !== undefined ? { name } : {}), ...(type !== undefined ? { type } : {}) };
  } catch {
    return undefined;
  }
}

/** Renders one page of campaigns. */
export function renderCampaigns(view: CampaignsView): KnownBlock[] {
  const { tr } = view;
  const { query, campaigns, pageSize, total } = view;
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  const filters = [
    ...(query.name !== undefined ? [tr.t('queries.campaigns.filter.name', { name: escapeMrkdwn(truncate(query.name, 60)) })] : []),
    ...(query.type !== undefined ? [tr.t(query.type === 'ivr' ? 'queries.campaigns.filter.ivr' : 'queries.campaigns.filter.agent')] : []),
  ];

  const blocks: KnownBlock[] = [
    header(tr.t('queries.campaigns.title', { status: query.status })),
    metaLine(tr, view, tr.t('queries.campaignCount', { n: total }), ...(pages > 1 ? [tr.t('queries.campaigns.page', { page: query.page, pages })] : []), ...filters),
  ];

  if (view.requestedPage !== undefined) {
    blocks.push(context(tr.t('queries.campaigns.pastLastPage', { page: view.requestedPage, total, pages })));
  }
  if (view.unreadable) blocks.push(context(tr.t('queries.campaigns.unreadable', { n: view.unreadable })));

  if (campaigns.length === 0) {
    blocks.push(section(tr.t('queries.campaigns.none', { status: query.status })));
    if (query.status !== 'all') blocks.push(context(tr.t('queries.campaigns.tryAll')));
  } else {
    // A native table: Slack lays the columns out, so Chinese names line up with the rest.
    blocks.push(table(columns(tr), campaigns.map((c) => campaignRow(tr, c, view.timeZone)), 'campaigns_table'));
  }

  const nav: Button[] = [];
  if (query.page > 1) nav.push(button(tr.t('queries.campaigns.prev'), CAMPAIGNS_PREV_ACTION, encodeCampaignsQuery({ ...query, page: query.page - 1 })));
  if (query.page * pageSize < total) nav.push(button(tr.t('queries.campaigns.next'), CAMPAIGNS_NEXT_ACTION, encodeCampaignsQuery({ ...query, page: query.page + 1 })));
  if (nav.length > 0) blocks.push(actions(nav, 'campaigns_nav'));
  return blocks;
}

function columns(tr: Translator): TableColumn[] {
  return [
    { header: tr.t('queries.campaigns.column.campaign'), wrap: true },
    { header: tr.t('queries.campaigns.column.id') },
    { header: tr.t('queries.campaigns.column.status') },
    { header: tr.t('queries.campaigns.column.type') },
    { header: tr.t('queries.campaigns.column.period'), wrap: true },
    { header: tr.t('queries.campaigns.column.caller') },
  ];
}

function campaignRow(tr: Translator, c: Campaign, timeZone: string): CellInput[] {
  const when = (d: Date | undefined) => (d ? tr.dateOrDateTime(d, timeZone) : '…');
  const period = c.beginTime || c.endTime ? tr.t('queries.campaigns.period', { begin: when(c.beginTime), end: when(c.endTime) }) : tr.t('queries.campaigns.noPeriod');
  return [{ text: c.name || tr.t('queries.noName'), bold: true }, c.id, { text: campaignStatusText(tr, c.status), emoji: statusEmoji(c.status) }, deviceTypeText(tr, c.deviceType), period, c.callerNo ?? '–'];
}

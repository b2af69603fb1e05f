/**
 * `/aicc campaigns`: one page of campaigns as a native table (name, id, status, type, period, caller)
 * with Prev/Next buttons. Each button's value is the query for its page as compact JSON, so the
 * button handler re-runs the query without any state.
 */
import type { Button, KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { Campaign } from '../../aicc/domain.js';
import { escapeMrkdwn, formatDateOrDateTime, plural, truncate } from '../../slack/format.js';
import { actions, button, context, header, metaLine, section, statusEmoji } from '../../slack/render/blocks.js';
import { table, type CellInput, type TableColumn } from '../../slack/render/table.js';
import type { CampaignsQuery, CampaignsView } from './views.js';

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
  const { query, campaigns, pageSize, total } = view;
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  const title = query.status === 'all' ? 'Campaigns' : `Campaigns · ${query.status}`;
  const filters = [
    ...(query.name !== undefined ? [`name contains “${escapeMrkdwn(truncate(query.name, 60))}”`] : []),
    ...(query.type !== undefined ? [query.type === 'ivr' ? 'IVR only' : 'agent campaigns only'] : []),
  ];

  const blocks: KnownBlock[] = [
    header(title),
    metaLine(view, plural(total, 'campaign'), ...(pages > 1 ? [`page ${query.page} of ${pages}`] : []), ...filters),
  ];

  if (view.requestedPage !== undefined) {
    blocks.push(context(`:information_source: There is no page ${view.requestedPage}: ${plural(total, 'campaign')} fill ${plural(pages, 'page')}, so this is the last one.`));
  }
  if (view.unreadable) blocks.push(context(`:warning: ${plural(view.unreadable, 'campaign row')} the bot could not read ${view.unreadable === 1 ? 'is' : 'are'} left out.`));

  if (campaigns.length === 0) {
    const what = query.status === 'all' ? 'campaigns' : `${query.status} campaigns`;
    blocks.push(section(`No ${what} match.`));
    if (query.status !== 'all') blocks.push(context('Try `/aicc campaigns all` to see every status.'));
  } else {
    // A native table: Slack lays the columns out, so Chinese names line up with the rest.
    blocks.push(table(COLUMNS, campaigns.map((c) => campaignRow(c, view.timeZone)), 'campaigns_table'));
  }

  const nav: Button[] = [];
  if (query.page > 1) nav.push(button('◀ Prev', CAMPAIGNS_PREV_ACTION, encodeCampaignsQuery({ ...query, page: query.page - 1 })));
  if (query.page * pageSize < total) nav.push(button('Next ▶', CAMPAIGNS_NEXT_ACTION, encodeCampaignsQuery({ ...query, page: query.page + 1 })));
  if (nav.length > 0) blocks.push(actions(nav, 'campaigns_nav'));
  return blocks;
}

const COLUMNS: TableColumn[] = [{ header: 'Campaign', wrap: true }, { header: 'ID' }, { header: 'Status' }, { header: 'Type' }, { header: 'Period', wrap: true }, { header: 'Caller' }];

function campaignRow(c: Campaign, timeZone: string): CellInput[] {
  const period = c.beginTime || c.endTime
    ? `${c.beginTime ? formatDateOrDateTime(c.beginTime, timeZone) : '…'} → ${c.endTime ? formatDateOrDateTime(c.endTime, timeZone) : '…'}`
    : 'no period set';
  return [{ text: c.name || '(no name)', bold: true }, c.id, { text: c.statusLabel, emoji: statusEmoji(c.status) }, c.deviceTypeLabel, period, c.callerNo ?? '–'];
}

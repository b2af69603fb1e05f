/** `/aicc campaigns [running|paused|completed|all] [name:TEXT] [type:ivr|agent] [page:N]` */
import type { ReadRows } from '../../aicc/convert.js';
import type { Campaign } from '../../aicc/domain.js';
import type { campaignsCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderCampaigns } from './render-campaigns.js';
import type { CampaignsQuery, CampaignStatusFilter } from './views.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { Translator } from '../../i18n/index.js';
import type { QueriesDeps } from './deps.js';

export const CAMPAIGNS_PAGE_SIZE = 10;

const STATUS_CODE: Record<CampaignStatusFilter, number | undefined> = { running: 2, paused: 3, completed: 4, all: undefined };

function matches(c: Campaign, q: CampaignsQuery): boolean {
  const status = STATUS_CODE[q.status];
  if (status !== undefined && c.status !== status) return false;
  if (q.type && c.kind !== q.type) return false;
  return !q.name || c.name.toLowerCase().includes(q.name.toLowerCase());
}

/**
 * Filters and pages the cached directory rather than the vendor's pages: the vendor can filter by
 * one device type only (`type:ivr` spans two), and Prev/Next then cost no upstream call. The
 * directory is shared by every reader, so its list is fetched with the default AICC locale.
 */
export async function campaignsPage(query: CampaignsQuery, vdn: number, deps: QueriesDeps, tr: Translator): Promise<HandlerResult> {
  const listing = await deps.directory.list(vdn);
  const all = listing.campaigns.filter((c) => matches(c, query));
  const pages = Math.max(1, Math.ceil(all.length / CAMPAIGNS_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const unreadable = (listing.campaigns as ReadRows<Campaign>).unreadable;
  return renderCampaigns({
    query: { ...query, vdn, page },
    ...(query.page > pages ? { requestedPage: query.page } : {}),
    ...(unreadable ? { unreadable } : {}),
    campaigns: all.slice((page - 1) * CAMPAIGNS_PAGE_SIZE, page * CAMPAIGNS_PAGE_SIZE),
    pageSize: CAMPAIGNS_PAGE_SIZE,
    total: all.length,
    vdn,
    timeZone: deps.timeZone,
    fetchedAt: listing.fetchedAt,
    tr,
  });
}

export function handleCampaigns(input: ParsedCommand<typeof campaignsCommand>, inv: Invocation, deps: QueriesDeps): Promise<HandlerResult> {
  return campaignsPage(
    {
      status: input.positional.status ?? 'running',
      name: input.options.name,
      type: input.options.type,
      page: input.options.page ?? 1,
    },
    inv.vdn,
    deps,
    inv.tr,
  );
}

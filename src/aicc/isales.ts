/** CC-iSales client: campaign list, statistics v2 and one call's result. */
import { withUnreadable, type ReadRows } from './convert.js';
import type { CallDetail, Campaign, CampaignPage, CampaignStats } from './domain.js';
import { callDetailSchema, campaignPageSchema, statisticsSchema } from './isales-schemas.js';
import type { CallOptions, Transport } from './transport.js';
import { checkIsales, parseBody } from './vendor-result.js';

export interface CampaignQuery {
  /** 0 all, 2 started, 3 paused, 4 completed. */
  status?: number;
  /** 0 all, or a device type code. */
  deviceType?: number;
  name?: string;
  page?: number;
  rowsPerPage?: number;
}

export interface StatisticsQuery {
  campaignId?: string;
  batchId?: string;
}

/** How a whole listing is read: per-call options, and who hears of each page as it arrives. */
export interface ListOptions extends CallOptions {
  /** Each page's campaigns that no earlier page listed, as the page is read (before the listing ends). */
  onPage?: (campaigns: readonly Campaign[]) => void;
}

export interface IsalesClient {
  listCampaigns(vdn: number, query?: CampaignQuery, opts?: CallOptions): Promise<CampaignPage>;
  /** Every page at 100 rows (the vendor maximum), a few pages at a time. */
  /** `unreadable` counts the rows skipped because the bot could not read them. */
  listAllCampaigns(vdn: number, query?: Omit<CampaignQuery, 'page' | 'rowsPerPage'>, opts?: ListOptions): Promise<ReadRows<Campaign>>;
  /** Statistics v2. Rate limited upstream: call it through the StatsGuard. */
  campaignStatistics(vdn: number, query?: StatisticsQuery): Promise<ReadRows<CampaignStats>>;
  /** One call, for one reader: `opts.locale` picks the language of the vendor's error text. */
  callResultDetail(vdn: number, callId: string, opts?: CallOptions): Promise<CallDetail>;
}

const MAX_ROWS = 100;
/**
 * Most campaign rows one listing reads, whatever the vendor says its total is: a VDN holds
 * hundreds, and a server that ignores `rowsPerPage` or `curPage` must not walk the bot into
 * millions.
 */
const MAX_LIST_ROWS = 20_000;
const PAGE_CONCURRENCY = 4;

function sameIds(a: readonly Campaign[], b: readonly Campaign[]): boolean {
  return a.length === b.length && a.every((c, i) => c.id === b[i]?.id);
}

export interface IsalesClientOptions {
  timeZone: string;
  /** BOT_MASK_NUMBERS, for phone numbers in campaign names (default true). */
  maskNumbers?: boolean;
}

export function createIsalesClient(transport: Transport, opts: IsalesClientOptions): IsalesClient {
  const pageSchema = campaignPageSchema(opts.timeZone, opts.maskNumbers ?? true);
  const detailSchema = callDetailSchema(opts.timeZone);
  const base = (vdn: number) => `/rest/isales/v1/openapi/campaigns/${vdn}`;

  async function listCampaigns(vdn: number, q: CampaignQuery = {}, call: CallOptions = {}): Promise<CampaignPage> {
    const res = await transport.request({
      endpoint: 'campaign list',
      method: 'GET',
      path: base(vdn),
      locale: call.locale,
      background: call.background,
      query: [
        ['name', q.name],
        ['status', q.status ?? 0],
        ['deviceType', q.deviceType ?? 0],
        ['curPage', q.page ?? 1],
        ['rowsPerPage', Math.min(q.rowsPerPage ?? 10, MAX_ROWS)],
      ],
    });
    checkIsales('campaign list', res.json);
    return parseBody('isales', 'campaign list', pageSchema, res.json);
  }

  /**
   * Pages until every one of `totalSize` campaigns is in, and never past ceil(totalSize / 100)
   * pages; stops early at an empty page, at a page that repeats the one before it (a server that
   * ignores `curPage`), or at MAX_LIST_ROWS rows. Pages of a server that ignores `rowsPerPage`
   * (thousands of rows each) are read one at a time.
   */
  async function listAllCampaigns(vdn: number, q: CampaignQuery = {}, call: ListOptions = {}): Promise<ReadRows<Campaign>> {
    const pageOf = (p: number) => listCampaigns(vdn, { ...q, page: p, rowsPerPage: MAX_ROWS }, call);
    const first = await pageOf(1);
    // Rows can shift between pages while campaigns are created; keep the first sighting of each id.
    const byId = new Map<string, Campaign>();
    let rows = 0;
    let unreadable = 0;
    let previous: readonly Campaign[] = [];
    /** Takes in one page; false when paging should stop. */
    const take = (page: CampaignPage): boolean => {
      if (page.campaigns.length > 0 && sameIds(page.campaigns, previous)) return false;
      unreadable += page.unreadable ?? 0;
      if (page.campaigns.length === 0) return false;
      previous = page.campaigns;
      const fresh: Campaign[] = [];
      for (const c of page.campaigns.slice(0, MAX_LIST_ROWS - rows)) {
        if (byId.has(c.id)) continue;
        byId.set(c.id, c);
        fresh.push(c);
      }
      call.onPage?.(fresh);
      rows += page.campaigns.length;
      return byId.size < first.totalSize && rows < MAX_LIST_ROWS;
    };
    let more = take(first);
    const pages = Math.min(Math.ceil(first.totalSize / MAX_ROWS), Math.ceil(MAX_LIST_ROWS / MAX_ROWS));
    const oversized = first.campaigns.length > MAX_ROWS;
    // Page 2 alone first: if it repeats page 1, the server ignores curPage and nothing more is asked.
    for (let start = 2; more && start <= pages; ) {
      const width = oversized || start === 2 ? 1 : PAGE_CONCURRENCY;
      const batch: Promise<CampaignPage>[] = [];
      for (let p = start; p < start + width && p <= pages; p++) batch.push(pageOf(p));
      start += width;
      for (const page of await Promise.all(batch)) {
        more = take(page);
        if (!more) break;
      }
    }
    return withUnreadable([...byId.values()], unreadable);
  }

  async function campaignStatistics(vdn: number, q: StatisticsQuery = {}): Promise<ReadRows<CampaignStats>> {
    const res = await transport.request({
      endpoint: 'statistics',
      method: 'GET',
      path: `/rest/isales/v2/openapi/campaigns/${vdn}/statistics`,
      // Never retried here: a retry would be a second call within the vendor's five minutes.
      idempotent: false,
      query: [
        ['campaignId', q.campaignId],
        ['batchId', q.batchId],
      ],
    });
    checkIsales('statistics', res.json);
    return parseBody('isales', 'statistics', statisticsSchema, res.json);
  }

  async function callResultDetail(vdn: number, callId: string, opts: CallOptions = {}): Promise<CallDetail> {
    const res = await transport.request({
      endpoint: 'call result',
      method: 'GET',
      path: `${base(vdn)}/callresultdetail/${encodeURIComponent(callId)}`,
      locale: opts.locale,
    });
    checkIsales('call result', res.json);
    return parseBody('isales', 'call result', detailSchema, res.json);
  }

  return { listCampaigns, listAllCampaigns, campaignStatistics, callResultDetail };
}

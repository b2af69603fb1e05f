/** CC-iSales client: campaign list, statistics v2 and one call's result. */
import type { CallDetail, Campaign, CampaignPage, CampaignStats } from './domain.js';
import { callDetailSchema, campaignPageSchema, statisticsSchema } from './isales-schemas.js';
import type { Transport } from './transport.js';
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

export interface IsalesClient {
  listCampaigns(vdn: number, query?: CampaignQuery): Promise<CampaignPage>;
  /** Every page at 100 rows (the vendor maximum), a few pages at a time. */
  listAllCampaigns(vdn: number, query?: Omit<CampaignQuery, 'page' | 'rowsPerPage'>): Promise<Campaign[]>;
  /** Statistics v2. Rate limited upstream: call it through the StatsGuard. */
  campaignStatistics(vdn: number, query?: StatisticsQuery): Promise<CampaignStats[]>;
  callResultDetail(vdn: number, callId: string): Promise<CallDetail>;
}

const MAX_ROWS = 100;
/** Stops a server that keeps reporting more rows from walking forever. */
const MAX_PAGES = 500;
const PAGE_CONCURRENCY = 4;

export function createIsalesClient(transport: Transport, opts: { timeZone: string }): IsalesClient {
  const pageSchema = campaignPageSchema(opts.timeZone);
  const detailSchema = callDetailSchema(opts.timeZone);
  const base = (vdn: number) => `/rest/isales/v1/openapi/campaigns/${vdn}`;

  async function listCampaigns(vdn: number, q: CampaignQuery = {}): Promise<CampaignPage> {
    const res = await transport.request({
      endpoint: 'campaign list',
      method: 'GET',
      path: base(vdn),
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

  async function listAllCampaigns(vdn: number, q: CampaignQuery = {}): Promise<Campaign[]> {
    const first = await listCampaigns(vdn, { ...q, page: 1, rowsPerPage: MAX_ROWS });
    const pages = Math.min(Math.ceil(first.totalSize / MAX_ROWS), MAX_PAGES);
    const rest: Campaign[][] = [];
    for (let start = 2; start <= pages; start += PAGE_CONCURRENCY) {
      const batch = [];
      for (let p = start; p < start + PAGE_CONCURRENCY && p <= pages; p++) batch.push(listCampaigns(vdn, { ...q, page: p, rowsPerPage: MAX_ROWS }));
      for (const page of await Promise.all(batch)) rest.push(page.campaigns);
    }
    // Rows can shift between pages while campaigns are created; keep the first sighting of each id.
    const seen = new Set<string>();
    return [first.campaigns, ...rest].flat().filter((c) => !seen.has(c.id) && seen.add(c.id));
  }

  async function campaignStatistics(vdn: number, q: StatisticsQuery = {}): Promise<CampaignStats[]> {
    const res = await transport.request({
      endpoint: 'statistics',
      method: 'GET',
      path: `/rest/isales/v2/openapi/campaigns/${vdn}/statistics`,
      query: [
        ['campaignId', q.campaignId],
        ['batchId', q.batchId],
      ],
    });
    checkIsales('statistics', res.json);
    return parseBody('isales', 'statistics', statisticsSchema, res.json);
  }

  async function callResultDetail(vdn: number, callId: string): Promise<CallDetail> {
    const res = await transport.request({
      endpoint: 'call result',
      method: 'GET',
      path: `${base(vdn)}/callresultdetail/${encodeURIComponent(callId)}`,
    });
    checkIsales('call result', res.json);
    return parseBody('isales', 'call result', detailSchema, res.json);
  }

  return { listCampaigns, listAllCampaigns, campaignStatistics, callResultDetail };
}

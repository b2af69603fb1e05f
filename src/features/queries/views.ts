/**
 * What each renderer receives. Renderers are pure: everything they show, including the time zone
 * and the moment the data was fetched, is in here; they read no clock, env or client.
 */
import type { BotReportType, BotStatRow, CallDetail, Campaign, CampaignStats, TaskRealtime } from '../../aicc/domain.js';
import type { Translator } from '../../i18n/index.js';

/** Freshness and scope of a data answer, shown in its context line. */
export interface AnswerMeta {
  /** The VDN the data belongs to, when the answer is VDN-scoped. */
  vdn?: number;
  /** IANA zone to show times in, e.g. `Asia/Shanghai`. */
  timeZone: string;
  /** When the data was fetched from the vendor ("as of 10:05"). */
  fetchedAt: Date;
  /** The data came from a cache because the vendor would not serve a fresh copy. */
  stale?: boolean;
  /** The reader's language (`inv.tr`). */
  tr: Translator;
}

export type CampaignStatusFilter = 'running' | 'paused' | 'completed' | 'all';

/** The query behind a campaigns page; the Prev/Next buttons carry it so a handler can re-run it. */
export interface CampaignsQuery {
  vdn?: number;
  status: CampaignStatusFilter;
  name?: string;
  type?: 'ivr' | 'agent';
  page: number;
}

export interface CampaignsView extends AnswerMeta {
  /** Campaign rows the bot could not read and left out. */
  unreadable?: number;
  /** The page asked for when it was past the last one (the last page is shown instead). */
  requestedPage?: number;
  query: CampaignsQuery;
  /** The campaigns of this page, already filtered. */
  campaigns: Campaign[];
  pageSize: number;
  /** How many campaigns match the query in all pages; decides whether there is a Next page. */
  total: number;
}

export interface StatsRow {
  /** The campaign's list entry, for its name and status; absent when the list did not have it. */
  campaign?: Campaign;
  stats: CampaignStats;
}

export interface StatsView extends AnswerMeta {
  rows: StatsRow[];
  /** Show each campaign's batches (the handler leaves in `stats.batches` only the ones asked for). */
  showBatches: boolean;
  /** Most lines (campaigns plus batches) a many-campaign answer lists before summarising the rest. Default 30. */
  maxLines?: number;
  /** When the VDN's statistics can next be fetched; a stale answer says so. */
  nextRefreshAt?: Date;
  /** One campaign's course today by hour, from the stored snapshots (absent when there are none). */
  hours?: StatsHours;
  /** Rows of the vendor's answer the bot could not read and left out. */
  unreadable?: number;
}

/** Dialled and connected by hour of the tenant's day so far; `null` where the snapshots cannot say. */
export interface StatsHours {
  /** `09:00`, … up to the hour in progress. */
  labels: string[];
  timeZone: string;
  dialled: (number | null)[];
  connected: (number | null)[];
}

export interface TaskView extends AnswerMeta {
  task: TaskRealtime;
  /** The campaign with this id, for its name, when known. */
  campaign?: Campaign;
}

export interface CallView extends AnswerMeta {
  call: CallDetail;
  /** Mask the called number to its last four digits (the default policy). */
  maskNumbers: boolean;
  /**
   * The viewer is an admin and the answer is private: only then is the recording link shown.
   * A handler answering in public must pass false.
   */
  viewerIsAdmin: boolean;
}

export interface BotView extends AnswerMeta {
  accessCode: string;
  type: BotReportType;
  /** The queried day in the tenant's zone, as the reader writes dates (`tr.date`). */
  date: string;
  rows: BotStatRow[];
  /** Access codes the bot knows of (named by digests and alert rules), for an empty answer. */
  knownCodes?: string[];
  /** Report rows the bot could not read and left out. */
  unreadable?: number;
}


/**
 * Clean domain types the rest of the bot sees. The vendor's quirks (string numbers, "50%",
 * "-1.0000", missing fields, dates without a time part) are converted at the boundary, in the
 * schemas beside each client.
 *
 * Conventions:
 * - a count that the vendor did not send is `undefined` ("unknown"), never 0;
 * - a rate is a fraction in [0, 1], or `null` when the vendor says "no data" (e.g. "-1.0000");
 * - times are instants (`Date`), read in the tenant's time zone when the vendor sent wall time;
 * - a figure that cannot be true (a negative count, connected above dialled, a rate above 100%) is
 *   left unknown in its field and kept, as the vendor wrote it, in `inconsistent`: no total,
 *   ranking or alert verdict uses it, and an answer can show it marked as such.
 */

/** Figures the vendor sent that cannot be true, by field name, as the vendor wrote them. */
export type Inconsistent<K extends string> = Partial<Record<K, string>>;

export type ServiceName = 'isales' | 'cms' | 'oifde';

/** Campaign status codes: 2 started, 3 paused, 4 completed; 1 is undocumented ("draft"). */
export const CAMPAIGN_STATUS_LABELS: Readonly<Record<number, string>> = {
  1: 'draft',
  2: 'running',
  3: 'paused',
  4: 'completed',
};

/** Device types: 1 intelligent outbound (IVR), 2 predictive, 3 automatic (IVR), 5 preview, 6 preemptive. */
export const DEVICE_TYPE_LABELS: Readonly<Record<number, string>> = {
  1: 'intelligent IVR',
  2: 'predictive',
  3: 'automatic IVR',
  5: 'preview',
  6: 'preemptive',
};

/** IVR device types; the rest dial for a skill queue (agents). */
export const IVR_DEVICE_TYPES: readonly number[] = [1, 3];

export interface Campaign {
  id: string;
  name: string;
  /** Raw status code, kept even when unknown. */
  status: number;
  /** Human label; `unknown (N)` for codes no page defines. */
  statusLabel: string;
  deviceType: number;
  deviceTypeLabel: string;
  kind: 'ivr' | 'agent' | 'unknown';
  beginTime?: Date;
  endTime?: Date;
  callerNo?: string;
}

export interface CampaignPage {
  page: number;
  rowsPerPage: number;
  totalSize: number;
  campaigns: Campaign[];
  /** Rows of this page the bot could not read (no usable id); absent when none. */
  unreadable?: number;
}

/** Counts shared by a campaign and one of its batches (statistics v2). */
export interface OutboundCounts {
  /** Not yet dialled (`unCallCount`). */
  remaining?: number;
  /** `calledCount`: dialled today (older field). */
  calledCount?: number;
  /** `finishCount`. */
  finishCount?: number;
  totalCalled?: number;
  totalConnected?: number;
  totalFinished?: number;
  total?: number;
  dailyCalled?: number;
  dailyConnected?: number;
  dailyFinished?: number;
  dailyTotal?: number;
  inconsistent?: Inconsistent<OutboundCountField>;
}

export type OutboundCountField = 'remaining' | 'calledCount' | 'finishCount' | 'totalCalled' | 'totalConnected' | 'totalFinished' | 'total' | 'dailyCalled' | 'dailyConnected' | 'dailyFinished' | 'dailyTotal';

export interface BatchStats extends OutboundCounts {
  batchId: string;
}

export interface CampaignStats extends OutboundCounts {
  campaignId: string;
  batches: BatchStats[];
}

/** CMS real-time statistics of one task (the iSales campaign id is the task id). */
export interface TaskRealtime {
  taskId: string;
  total?: number;
  connected?: number;
  failed?: number;
  completed?: number;
  waiting?: number;
  inProgress?: number;
  /** The vendor's own rates, as fractions; `null` when it reported none. */
  vendorSuccessRate?: number | null;
  vendorCompletionRate?: number | null;
  inconsistent?: Inconsistent<Exclude<keyof TaskRealtime, 'taskId' | 'inconsistent'>>;
}

export interface CallDetail {
  callId: string;
  vdnId?: number;
  called?: string;
  /** 6 success, 5 failure; other values kept. */
  callStatus?: number;
  outcome: 'success' | 'failed' | 'unknown';
  failCode?: string;
  resultCode?: string;
  /** Ring start (`ackBeginTime`). */
  ringTime?: Date;
  /** Answer (`callBeginTime`). */
  answerTime?: Date;
  /** Hang-up (`callEndTime`). */
  endTime?: Date;
  /** Pre-signed recording URL: a secret. Never log it. */
  recordUrl?: string;
}

export type BotReportType = 'hour' | 'day';

export interface BotStatRow {
  recordTime: Date;
  type: BotReportType;
  tenantId?: string;
  accessCode: string;
  calls?: number;
  exitNoConsult?: number;
  staffNoConsult?: number;
  staffConsult?: number;
  exitConsulting?: number;
  interactCount?: number;
  averageInteractPerCall?: number | null;
  /** Fraction, or null when the vendor said "-1.0000". */
  autonomyRate?: number | null;
  interfaceRequests?: number;
  interfaceSuccesses?: number;
  interfaceSuccessRate?: number | null;
  inconsistent?: Inconsistent<string>;
}

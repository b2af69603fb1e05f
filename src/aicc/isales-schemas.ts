/** Boundary schemas for the three iSales calls; they list only the fields the bot uses. */
import { z } from 'zod';
import {
  CAMPAIGN_STATUS_LABELS,
  DEVICE_TYPE_LABELS,
  IVR_DEVICE_TYPES,
  type BatchStats,
  type CallDetail,
  type Campaign,
  type CampaignPage,
  type CampaignStats,
  type OutboundCounts,
} from './domain.js';
import { count, idString, intCode, optionalText, wallTime } from './convert.js';

function label(labels: Readonly<Record<number, string>>, code: number | undefined): string {
  if (code === undefined) return 'unknown';
  return labels[code] ?? `unknown (${code})`;
}

/** Builds a labelled campaign from its raw parts (the list schema, and stored snapshots, use it). */
export function toCampaign(c: { id: string; name: string; status?: number; deviceType?: number; beginTime?: Date; endTime?: Date; callerNo?: string }): Campaign {
  return {
    id: c.id,
    name: c.name,
    status: c.status ?? -1,
    statusLabel: label(CAMPAIGN_STATUS_LABELS, c.status),
    deviceType: c.deviceType ?? -1,
    deviceTypeLabel: label(DEVICE_TYPE_LABELS, c.deviceType),
    kind: c.deviceType === undefined ? 'unknown' : IVR_DEVICE_TYPES.includes(c.deviceType) ? 'ivr' : 'agent',
    beginTime: c.beginTime,
    endTime: c.endTime,
    callerNo: c.callerNo,
  };
}

export function campaignSchema(timeZone: string) {
  return z
    .object({
      id: idString,
      name: z.string().catch(''),
      status: intCode,
      deviceType: intCode,
      strBeginTime: wallTime(timeZone),
      strEndTime: wallTime(timeZone),
      callerNo: optionalText,
    })
    .transform((c): Campaign => toCampaign({ ...c, beginTime: c.strBeginTime, endTime: c.strEndTime }));
}

export function campaignPageSchema(timeZone: string) {
  return z
    .object({
      curPage: count,
      totalSize: count,
      rowsPerPage: count,
      data: z.array(campaignSchema(timeZone)).nullish(),
    })
    .transform((p): CampaignPage => {
      const campaigns = p.data ?? [];
      return { page: p.curPage ?? 1, rowsPerPage: p.rowsPerPage ?? campaigns.length, totalSize: p.totalSize ?? campaigns.length, campaigns };
    });
}

const countsShape = {
  unCallCount: count,
  calledCount: count,
  finishCount: count,
  totalCalledCount: count,
  totalCallSucc: count,
  totalFinishCount: count,
  totalCount: count,
  dailyCalledCount: count,
  dailyCallSucc: count,
  dailyFinishCount: count,
  dailyCount: count,
};

type WireCounts = { [K in keyof typeof countsShape]?: number };

function counts(w: WireCounts): OutboundCounts {
  return {
    remaining: w.unCallCount,
    calledCount: w.calledCount,
    finishCount: w.finishCount,
    totalCalled: w.totalCalledCount,
    totalConnected: w.totalCallSucc,
    totalFinished: w.totalFinishCount,
    total: w.totalCount,
    dailyCalled: w.dailyCalledCount,
    dailyConnected: w.dailyCallSucc,
    dailyFinished: w.dailyFinishCount,
    dailyTotal: w.dailyCount,
  };
}

const batchSchema = z
  .object({ batchId: idString, ...countsShape })
  .transform((b): BatchStats => ({ batchId: b.batchId, ...counts(b) }));

const campaignStatsSchema = z
  .object({ campaignId: idString, batchDetail: z.array(batchSchema).nullish(), ...countsShape })
  .transform((c): CampaignStats => ({ campaignId: c.campaignId, ...counts(c), batches: c.batchDetail ?? [] }));

export const statisticsSchema = z
  .object({ countDetail: z.array(campaignStatsSchema).nullish() })
  .transform((s) => s.countDetail ?? []);

export function callDetailSchema(timeZone: string) {
  return z
    .object({
      data: z.object({
        callId: idString,
        vdnId: intCode,
        called: optionalText,
        callStatus: intCode,
        failCode: optionalText,
        resultCode: optionalText,
        ackBeginTime: wallTime(timeZone),
        callBeginTime: wallTime(timeZone),
        callEndTime: wallTime(timeZone),
        recordPath: optionalText,
      }),
    })
    .transform(({ data: d }): CallDetail => ({
      callId: d.callId,
      vdnId: d.vdnId,
      called: d.called,
      callStatus: d.callStatus,
      outcome: d.callStatus === 6 ? 'success' : d.callStatus === 5 ? 'failed' : 'unknown',
      failCode: d.failCode,
      resultCode: d.resultCode,
      ringTime: d.ackBeginTime,
      answerTime: d.callBeginTime,
      endTime: d.callEndTime,
      recordUrl: d.recordPath,
    }));
}

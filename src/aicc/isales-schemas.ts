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
  type OutboundCountField,
  type OutboundCounts,
} from './domain.js';
import { redactText } from '../platform/log.js';
import { count, idString, intCode, optionalText, rowsOf, vetCounts, wallTime, withUnreadable, type ReadRows } from './convert.js';

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

/**
 * A campaign's name is the vendor's free text: it is redacted like the log (a signed URL, a token)
 * and, unless `maskNumbers` is false (BOT_MASK_NUMBERS), its phone numbers are masked, here at the
 * boundary, so no answer, digest, alert or stored snapshot shows them.
 */
export function campaignSchema(timeZone: string, maskNumbers = true) {
  return z
    .object({
      id: idString,
      name: z
        .string()
        .catch('')
        .transform((n) => redactText(n, { maskNumbers })),
      status: intCode,
      deviceType: intCode,
      strBeginTime: wallTime(timeZone),
      strEndTime: wallTime(timeZone),
      callerNo: optionalText,
    })
    .transform((c): Campaign => toCampaign({ ...c, beginTime: c.strBeginTime, endTime: c.strEndTime }));
}

export function campaignPageSchema(timeZone: string, maskNumbers = true) {
  return z
    .object({
      curPage: count,
      totalSize: count,
      rowsPerPage: count,
      data: rowsOf(campaignSchema(timeZone, maskNumbers)),
    })
    .transform((p): CampaignPage => {
      const campaigns = p.data.rows;
      return {
        page: p.curPage ?? 1,
        rowsPerPage: p.rowsPerPage ?? campaigns.length,
        totalSize: p.totalSize ?? campaigns.length,
        campaigns,
        ...(p.data.unreadable > 0 ? { unreadable: p.data.unreadable } : {}),
      };
    });
}

/** Vendor field → domain field. */
const WIRE_COUNTS = {
  unCallCount: 'remaining',
  calledCount: 'calledCount',
  finishCount: 'finishCount',
  totalCalledCount: 'totalCalled',
  totalCallSucc: 'totalConnected',
  totalFinishCount: 'totalFinished',
  totalCount: 'total',
  dailyCalledCount: 'dailyCalled',
  dailyCallSucc: 'dailyConnected',
  dailyFinishCount: 'dailyFinished',
  dailyCount: 'dailyTotal',
} as const satisfies Record<string, OutboundCountField>;

/** Connected calls are dialled calls, finished numbers are numbers of the campaign. */
const NOT_ABOVE: ReadonlyArray<readonly [OutboundCountField, OutboundCountField]> = [
  ['dailyConnected', 'dailyCalled'],
  ['totalConnected', 'totalCalled'],
  ['totalFinished', 'total'],
];

const countsShape = Object.fromEntries(Object.keys(WIRE_COUNTS).map((k) => [k, z.unknown().optional()])) as { [K in keyof typeof WIRE_COUNTS]: z.ZodOptional<z.ZodUnknown> };

function counts(w: { [K in keyof typeof WIRE_COUNTS]?: unknown }): OutboundCounts {
  const sent: Partial<Record<OutboundCountField, unknown>> = {};
  for (const [wire, field] of Object.entries(WIRE_COUNTS)) sent[field] = w[wire as keyof typeof WIRE_COUNTS];
  const { clean, inconsistent } = vetCounts(sent, NOT_ABOVE);
  return { ...clean, ...(Object.keys(inconsistent).length > 0 ? { inconsistent } : {}) };
}

const batchSchema = z
  .object({ batchId: idString, ...countsShape })
  .transform((b): BatchStats => ({ batchId: b.batchId, ...counts(b) }));

const campaignStatsSchema = z
  .object({ campaignId: idString, batchDetail: rowsOf(batchSchema), ...countsShape })
  .transform((c): CampaignStats & { unreadableBatches: number } => ({ campaignId: c.campaignId, ...counts(c), batches: c.batchDetail.rows, unreadableBatches: c.batchDetail.unreadable }));

/** Statistics v2: every campaign row it could read; a row without a usable id is counted in `unreadable`. */
export const statisticsSchema = z.object({ countDetail: rowsOf(campaignStatsSchema) }).transform((s): ReadRows<CampaignStats> => {
  let unreadable = s.countDetail.unreadable;
  const rows = s.countDetail.rows.map(({ unreadableBatches, ...c }) => {
    unreadable += unreadableBatches;
    return c;
  });
  return withUnreadable(rows, unreadable);
});

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

/**
 * CC-iSales: campaign list, statistics v2 (rate limited per VDN, with the draft quirk) and single call
 * result detail, shaped like the vendor samples.
 */
import type { SimCampaign } from '../campaigns.js';
import type { Counts } from '../counts.js';
import { CODES, TOO_FREQUENT } from '../defaults.js';
import { json, queryParam, type Route, type RouteContext, type SimResponse } from '../http.js';

/** The error shape of every iSales call: both code pairs, no data. */
export function isalesError(code: string, desc: string): SimResponse {
  return json(200, { resultCode: code, resultDesc: desc, returnCode: code, returnDesc: desc });
}

/** A VDN id in 1..max, or undefined. */
export function parseVdn(raw: string | undefined, max: number): number | undefined {
  if (!raw || !/^\d{1,5}$/.test(raw)) return undefined;
  const vdn = Number(raw);
  return vdn >= 1 && vdn <= max ? vdn : undefined;
}

/** A query parameter, with empty text read as absent. */
function param(ctx: RouteContext, name: string): string | undefined {
  const value = queryParam(ctx, name)?.trim();
  return value === '' ? undefined : value;
}

/** A parameter error: becomes the vendor's error answer. */
class ParamError extends Error {
  constructor(
    readonly code: string,
    readonly desc: string,
  ) {
    super(desc);
  }
}

/** Turns a thrown ParamError into the error answer. */
function guarded(handler: (ctx: RouteContext) => SimResponse): (ctx: RouteContext) => SimResponse {
  return (ctx) => {
    try {
      return handler(ctx);
    } catch (err) {
      if (err instanceof ParamError) return isalesError(err.code, err.desc);
      throw err;
    }
  };
}

function intParam(ctx: RouteContext, name: string, fallback: number, allowed?: readonly number[]): number {
  const raw = param(ctx, name);
  if (raw === undefined) return fallback;
  if (!/^-?\d{1,9}$/.test(raw)) throw new ParamError(CODES.isalesTypeError, `参数值类型不正确: ${name}`);
  const value = Number(raw);
  if (allowed && !allowed.includes(value)) throw new ParamError(CODES.isalesValueError, `参数值大小不正确: ${name}`);
  return value;
}

function vdnParam(ctx: RouteContext): number {
  const vdn = parseVdn(ctx.params[0], 9999);
  if (vdn === undefined) throw new ParamError(CODES.isalesParam, 'vdnId is invalid: it must be an integer from 1 to 9999');
  return vdn;
}

const WALL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** Campaign times may lack the time part (vendor sample); compare them as midnight. */
const comparable = (t: string) => (t.length === 10 ? `${t} 00:00:00` : t);

function listCampaigns(ctx: RouteContext): SimResponse {
  const vdn = vdnParam(ctx);
  const st = intParam(ctx, 'status', 0, [0, 1, 2, 3, 4]);
  const dt = intParam(ctx, 'deviceType', 0, [0, 1, 2, 3, 5, 6]);
  const cp = intParam(ctx, 'curPage', 1);
  const rpp = intParam(ctx, 'rowsPerPage', 10);
  if (rpp < 1 || rpp > 100) throw new ParamError(CODES.isalesValueError, '参数值大小不正确: rowsPerPage (1~100)');
  const name = param(ctx, 'name');
  if (name !== undefined && name.length > 30) throw new ParamError(CODES.isalesTooLong, '参数长度不能大于规定长度: name');
  const beginTime = param(ctx, 'beginTime');
  const endTime = param(ctx, 'endTime');
  for (const [key, value] of [['beginTime', beginTime], ['endTime', endTime]] as const) {
    if (value !== undefined && !WALL_TIME.test(value)) {
      throw new ParamError(CODES.isalesParam, `${key} must be formatted yyyy-MM-dd HH:mm:ss`);
    }
  }

  const matching = ctx.state.world.campaigns(vdn).filter(
    (c) =>
      (st === 0 || c.status === st) &&
      (dt === 0 || c.deviceType === dt) &&
      (name === undefined || c.name.includes(name)) &&
      (beginTime === undefined || comparable(c.strBeginTime) >= beginTime) &&
      (endTime === undefined || comparable(c.strEndTime) <= endTime),
  );
  const page = Math.max(1, cp);
  const data = matching.slice((page - 1) * rpp, page * rpp).map((c) => ({
    id: c.id,
    name: c.name,
    status: c.status,
    strBeginTime: c.strBeginTime,
    strEndTime: c.strEndTime,
    deviceType: c.deviceType,
    callerNo: c.callerNo,
  }));
  const ivr = matching.filter((c) => c.deviceType === 1 || c.deviceType === 3).length;
  return json(200, {
    resultCode: CODES.isalesOk,
    resultDesc: '',
    returnCode: CODES.isalesOk,
    returnDesc: '',
    curPage: page,
    totalSize: matching.length,
    rowsPerPage: rpp,
    data,
    curSkillQueueCount: matching.length - ivr,
    curIvrCount: ivr,
  });
}

/** The count fields in the sample's order, after the leading ones each entry puts first. */
function countFields(c: Counts) {
  return {
    totalCount: c.totalCount,
    totalCallSucc: c.totalConnected,
    totalCalledCount: c.totalCalled,
    totalFinishCount: c.totalFinished,
    dailyFinishCount: c.dailyFinished,
    dailyCalledCount: c.dailyCalled,
    dailyCallSucc: c.dailyConnected,
    dailyCount: c.dailyCount,
  };
}

function statisticsEntry(ctx: RouteContext, campaign: SimCampaign, batchId: string | undefined) {
  const { total, batches } = ctx.state.world.counts(campaign, ctx.now);
  const batchDetail = batches
    .filter((b) => batchId === undefined || b.batchId === batchId)
    .map((b) => ({
      calledCount: b.dailyCalled,
      finishCount: b.totalFinished,
      unCallCount: b.unCallCount,
      batchId: b.batchId,
      ...countFields(b),
    }));
  const head = {
    calledCount: total.dailyCalled,
    batchDetail,
    campaignId: String(campaign.id),
    finishCount: total.totalFinished,
    unCallCount: total.unCallCount,
  };
  // The vendor sample's draft-like entry carries no total*/daily* fields at all.
  return campaign.status === 1 ? head : { ...head, ...countFields(total) };
}

function statistics(ctx: RouteContext): SimResponse {
  const vdn = vdnParam(ctx);
  const campaignId = param(ctx, 'campaignId');
  const batchId = param(ctx, 'batchId');
  if (batchId !== undefined && campaignId === undefined) {
    throw new ParamError(CODES.isalesCombination, '参数组合不正确,请检查请求参数: batchId requires campaignId');
  }
  const { state } = ctx;
  // "五分钟执行一次": the strict reading, one call per VDN per window whatever the query, counted
  // from when the call arrived. The bot must never meet this 429.
  const key = String(vdn);
  const last = state.statsCalls.get(key);
  const nowMs = ctx.now.getTime();
  const log = (status: number) => state.statsLog.push({ vdn, ...(campaignId ? { campaignId } : {}), ...(batchId ? { batchId } : {}), at: nowMs, status });
  if (last !== undefined && nowMs - last < state.statsIntervalS * 1000) {
    log(429);
    return json(429, { resultCode: CODES.isalesTooFrequent, resultDesc: TOO_FREQUENT });
  }
  log(200);
  state.statsCalls.set(key, nowMs);
  const campaigns =
    campaignId === undefined
      ? state.world.campaigns(vdn)
      : [state.world.campaign(vdn, campaignId)].filter((c): c is SimCampaign => c !== undefined);
  return json(200, { countDetail: campaigns.map((c) => statisticsEntry(ctx, c, batchId)) });
}

function callResultDetail(ctx: RouteContext): SimResponse {
  const vdn = vdnParam(ctx);
  let callId = ctx.params[1] ?? '';
  try {
    callId = decodeURIComponent(callId);
  } catch {
    // keep the raw text: it will not name a call
  }
  const { world } = ctx.state;
  const record = world.callDetail(vdn, callId, ctx.now);
  if (!record) return isalesError(CODES.isalesNoCall, '通话记录ID不存在');
  const fmt = (sec: number) => world.calendar.formatDateTime(sec * 1000);
  return json(200, {
    returnCode: CODES.isalesOk,
    data: {
      callId: record.callId,
      called: record.called,
      callEndTime: fmt(record.callEndSec),
      vdnId: record.vdnId,
      callStatus: record.connected ? '6' : '5',
      failCode: record.failCode,
      resultCode: record.resultCode,
      ...(record.callBeginSec !== undefined ? { callBeginTime: fmt(record.callBeginSec) } : {}),
      recordPath: record.recordPath ?? '',
      ackBeginTime: fmt(record.ackBeginSec),
    },
    resultCode: CODES.isalesOk,
    resultDesc: 'Query Success!',
    returnDesc: 'Query Success!',
  });
}

export const isalesRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/rest\/isales\/v1\/openapi\/campaigns\/([^/]+)$/,
    service: 'isales',
    endpoint: 'isales.campaigns',
    auth: 'aksk',
    handle: guarded(listCampaigns),
  },
  {
    method: 'GET',
    pattern: /^\/rest\/isales\/v2\/openapi\/campaigns\/([^/]+)\/statistics$/,
    service: 'isales',
    endpoint: 'isales.statistics',
    auth: 'aksk',
    handle: guarded(statistics),
  },
  {
    method: 'GET',
    pattern: /^\/rest\/isales\/v1\/openapi\/campaigns\/([^/]+)\/callresultdetail\/([^/]+)$/,
    service: 'isales',
    endpoint: 'isales.callresultdetail',
    auth: 'aksk',
    handle: guarded(callResultDetail),
  },
];

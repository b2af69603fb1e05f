/**
 * OIFDE: the C3 token call and the call statistics report of a voice bot (a JSON array of rows
 * shaped like the vendor sample). Errors answer HTTP 200 with an errorCode, as OIFDE does.
 */
import { rate4 } from '../bots.js';
import { CODES } from '../defaults.js';
import { json, jsonObject, type Route, type RouteContext, type SimResponse } from '../http.js';

const oifdeError = (errorCode: string, errorMsg: string): SimResponse => json(200, { errorCode, errorMsg });

function getToken(ctx: RouteContext): SimResponse {
  const body = jsonObject(ctx.body);
  const { credentials, oifdeTokens, oifdeTokenTtlS } = ctx.state;
  if (!body || body.appKey !== credentials.oifdeTenantId || body.appSecret !== credentials.oifdeAppSecret) {
    return oifdeError(CODES.oifdeBadCredentials, 'appKey or appSecret is incorrect');
  }
  const authToken = oifdeTokens.issue(oifdeTokenTtlS, ctx.now.getTime(), ctx.state.newToken);
  return json(200, { errorCode: CODES.oifdeOk, errorMsg: 'success', authToken, expireTime: oifdeTokenTtlS });
}

function report(ctx: RouteContext): SimResponse {
  const body = jsonObject(ctx.body);
  const { state } = ctx;
  const token = typeof body?.authToken === 'string' ? body.authToken : undefined;
  if (!state.oifdeTokens.isValid(token, ctx.now.getTime())) {
    return oifdeError(CODES.oifdeBadToken, 'token is invalid or expired');
  }
  if (!body) return oifdeError(CODES.oifdeBadParam, 'invalid parameter: body');
  const { type, tenantId, accessCode } = body;
  const timestamp = typeof body.timestamp === 'string' && /^\d+$/.test(body.timestamp) ? Number(body.timestamp) : body.timestamp;
  if (type !== 'hour' && type !== 'day') return oifdeError(CODES.oifdeBadParam, 'invalid parameter: type must be hour or day');
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) {
    return oifdeError(CODES.oifdeBadParam, 'invalid parameter: timestamp must be epoch milliseconds');
  }
  if (typeof accessCode !== 'string' || accessCode === '') return oifdeError(CODES.oifdeBadParam, 'invalid parameter: accessCode');
  if (tenantId !== state.credentials.oifdeTenantId) {
    return oifdeError(CODES.oifdeBadParam, 'invalid parameter: tenantId does not match the token');
  }
  const rows = state.world.botReport(accessCode, type, timestamp, ctx.now).map((r) => ({
    recordTime: r.recordTime,
    tenantId,
    accessCode,
    callCount: r.callCount,
    exitNoConsultCount: r.exitNoConsultCount,
    callStaffNoConsultCount: r.callStaffNoConsultCount,
    callStaffConsultCount: r.callStaffConsultCount,
    exitConsultingCount: r.exitConsultingCount,
    interactCount: r.interactCount,
    autonomyRate: rate4(
      r.exitConsultingCount,
      r.callStaffNoConsultCount + r.callStaffConsultCount + r.exitConsultingCount,
    ),
    averageInteractPerCall: r.callCount === 0 ? '0.00' : (r.interactCount / r.callCount).toFixed(2),
    dbRecordTime: r.recordTime,
    type,
    interfaceRequestCount: r.interfaceRequestCount,
    interfaceSuccessCount: r.interfaceSuccessCount,
    interfaceSuccessRate: rate4(r.interfaceSuccessCount, r.interfaceRequestCount),
  }));
  return json(200, rows);
}

export const oifdeRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/oifde\/rest\/api\/gettoken$/,
    service: 'oifde',
    endpoint: 'oifde.gettoken',
    auth: 'none',
    handle: getToken,
  },
  {
    method: 'POST',
    pattern: /^\/oifde\/rest\/api\/queryCallStatisticsReport$/,
    service: 'oifde',
    endpoint: 'oifde.report',
    auth: 'none',
    handle: report,
  },
];

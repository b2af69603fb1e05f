/**
 * CC-CMS real-time statistics of one outbound task (the iSales campaign id is the task id): counts
 * as strings and rates like "50%", as the vendor sample shows, consistent with statistics v2.
 */
import { CODES } from '../defaults.js';
import { json, jsonObject, type Route, type RouteContext, type SimResponse } from '../http.js';

const invalid = (why: string): SimResponse => json(200, { resultCode: CODES.cmsInvalid, resultDesc: `invalid parameter: ${why}` });

/** An integer sent as a number or as digits (the sample mixes both); undefined otherwise. */
function intOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** "50%", "66.67%"; "0%" when nothing was dialled. */
export function percent(numerator: number, denominator: number): string {
  if (denominator === 0) return '0%';
  return `${Math.round((numerator / denominator) * 10_000) / 100}%`;
}

function realStatistic(ctx: RouteContext): SimResponse {
  const body = jsonObject(ctx.body);
  if (!body) return invalid('the body must be a JSON object');
  const vdn = intOf(body.vdn);
  if (vdn === undefined || vdn < 1 || vdn > 5000) return invalid('vdn must be an integer from 1 to 5000');
  if (body.ccId !== undefined && body.ccId !== null && body.ccId !== '') {
    const ccId = intOf(body.ccId);
    if (ccId === undefined || ccId < 1 || ccId > 65535) return invalid('ccId must be an integer from 1 to 65535');
  }
  const taskId = typeof body.taskId === 'number' || typeof body.taskId === 'string' ? String(body.taskId).trim() : '';
  if (taskId === '' || taskId.length > 30) return invalid('taskId is required (at most 30 characters)');
  const campaign = ctx.state.world.campaign(vdn, taskId);
  if (!campaign) return json(200, { resultCode: CODES.cmsInvalid, resultDesc: `the task ${taskId} does not exist` });

  const { total } = ctx.state.world.counts(campaign, ctx.now);
  const failed = total.dailyCalled - total.dailyConnected;
  return json(200, {
    resultCode: CODES.cmsOk,
    resultDesc: {
      compCount: String(total.dailyFinished),
      failCount: String(failed),
      compRate: percent(total.dailyFinished, total.dailyCalled),
      execCount: String(total.inProgress),
      succCount: String(total.dailyConnected),
      succRate: percent(total.dailyConnected, total.dailyCalled),
      totalCount: String(total.dailyCalled),
      waitCount: String(total.waiting),
    },
  });
}

export const cmsRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/rest\/cmsapp\/v1\/openapi\/fromisales\/realstatistic$/,
    service: 'cms',
    endpoint: 'cms.realstatistic',
    auth: 'aksk',
    handle: realStatistic,
  },
];

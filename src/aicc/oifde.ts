/**
 * OIFDE client: a voice bot's call statistics, authenticated with the C3 token in the body.
 * The token is fetched with `gettoken`, cached until shortly before `expireTime`, shared by
 * concurrent callers, and fetched again once, transparently, when a call answers 900001.
 */
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import type { Clock } from '../platform/clock.js';
import { decimal, instant, optionalText, rowsOf, vetCounts, vetRate, withUnreadable, type ReadRows } from './convert.js';
import type { BotReportType, BotStatRow } from './domain.js';
import { AiccError } from './errors.js';
import { OIFDE_TOKEN_EXPIRED } from './result-codes.js';
import type { CallOptions, Transport } from './transport.js';
import { createTokenCache } from './token-cache.js';
import { parseBody } from './vendor-result.js';

const tokenSchema = z.object({
  errorCode: z.union([z.string(), z.number()]).transform(String),
  errorMsg: z.string().optional(),
  authToken: z.string().optional(),
  expireTime: z.coerce.number().optional(),
});

function rowSchema(timeZone: string) {
  return z
    .object({
      recordTime: instant(timeZone),
      type: z.string().optional(),
      tenantId: optionalText,
      accessCode: z.union([z.string(), z.number()]).transform(String),
      callCount: z.unknown().optional(),
      exitNoConsultCount: z.unknown().optional(),
      callStaffNoConsultCount: z.unknown().optional(),
      callStaffConsultCount: z.unknown().optional(),
      exitConsultingCount: z.unknown().optional(),
      interactCount: z.unknown().optional(),
      averageInteractPerCall: decimal,
      autonomyRate: z.unknown().optional(),
      interfaceRequestCount: z.unknown().optional(),
      interfaceSuccessCount: z.unknown().optional(),
      interfaceSuccessRate: z.unknown().optional(),
    })
    .transform((r): BotStatRow => {
      const { clean: c, inconsistent } = vetCounts(
        {
          calls: r.callCount,
          exitNoConsult: r.exitNoConsultCount,
          staffNoConsult: r.callStaffNoConsultCount,
          staffConsult: r.callStaffConsultCount,
          exitConsulting: r.exitConsultingCount,
          interactCount: r.interactCount,
          interfaceRequests: r.interfaceRequestCount,
          interfaceSuccesses: r.interfaceSuccessCount,
        },
        [['interfaceSuccesses', 'interfaceRequests']],
      );
      const autonomy = vetRate(r.autonomyRate);
      const iface = vetRate(r.interfaceSuccessRate);
      const bad: Record<string, string> = { ...inconsistent };
      if (autonomy.inconsistent !== undefined) bad.autonomyRate = autonomy.inconsistent;
      if (iface.inconsistent !== undefined) bad.interfaceSuccessRate = iface.inconsistent;
      return {
        recordTime: r.recordTime,
        type: r.type === 'day' ? 'day' : 'hour',
        tenantId: r.tenantId,
        accessCode: r.accessCode,
        ...c,
        averageInteractPerCall: r.averageInteractPerCall,
        autonomyRate: autonomy.rate,
        interfaceSuccessRate: iface.rate,
        ...(Object.keys(bad).length > 0 ? { inconsistent: bad } : {}),
      };
    });
}

export interface OifdeQuery {
  accessCode: string;
  type: BotReportType;
  /** Any instant of the day to report; its midnight in the tenant zone is sent. */
  day: Date;
}

export interface OifdeClient {
  /** `unreadable` counts the rows skipped because the bot could not read them (no time, say). */
  /** `opts.locale` picks the language of the vendor's error text. */
  callStatistics(query: OifdeQuery, opts?: CallOptions): Promise<ReadRows<BotStatRow>>;
}

export interface OifdeOptions {
  tenantId: string;
  appSecret: string;
  timeZone: string;
  clock: Clock;
}

/** Start of the tenant-local day containing `instant`, as epoch ms. */
export function tenantDayStart(instant: Date, timeZone: string): number {
  const local = new TZDate(instant.getTime(), timeZone);
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), timeZone).getTime();
}

export function createOifdeClient(transport: Transport, opts: OifdeOptions): OifdeClient {
  const reportSchema = rowsOf(rowSchema(opts.timeZone));
  async function fetchToken(): Promise<{ value: string; lifeS: number }> {
    const res = await transport.request({
      endpoint: 'gettoken',
      method: 'POST',
      path: '/oifde/rest/api/gettoken',
      body: { appKey: opts.tenantId, appSecret: opts.appSecret },
      idempotent: true,
    });
    const t = parseBody('oifde', 'gettoken', tokenSchema, res.json);
    if (t.errorCode !== '0' || !t.authToken) {
      throw new AiccError({ service: 'oifde', endpoint: 'gettoken', code: 'auth', resultCode: t.errorCode, resultDesc: t.errorMsg, hint: 'check AICC_OIFDE_TENANT_ID and AICC_OIFDE_APP_SECRET (the API password set in the OIFDE console)' });
    }
    return { value: t.authToken, lifeS: t.expireTime && t.expireTime > 0 ? t.expireTime : 3600 };
  }

  const token = createTokenCache(fetchToken, opts.clock);

  async function query(q: OifdeQuery, authToken: string, call: CallOptions) {
    const res = await transport.request({
      endpoint: 'call statistics report',
      method: 'POST',
      path: '/oifde/rest/api/queryCallStatisticsReport',
      body: { type: q.type, tenantId: opts.tenantId, accessCode: q.accessCode, timestamp: tenantDayStart(q.day, opts.timeZone), authToken },
      idempotent: true,
      locale: call.locale,
      background: call.background,
    });
    return res.json;
  }

  function errorOf(json: unknown): { errorCode: string; errorMsg?: string } | undefined {
    if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
    const o = json as Record<string, unknown>;
    if (o.errorCode === undefined || String(o.errorCode) === '0') return undefined;
    return { errorCode: String(o.errorCode), errorMsg: typeof o.errorMsg === 'string' ? o.errorMsg : undefined };
  }

  async function callStatistics(q: OifdeQuery, call: CallOptions = {}): Promise<ReadRows<BotStatRow>> {
    // The token is shared by every caller: `gettoken` keeps the default locale.
    const used = await token.get();
    let json = await query(q, used, call);
    if (errorOf(json)?.errorCode === OIFDE_TOKEN_EXPIRED) {
      token.invalidate(used);
      json = await query(q, await token.get(), call);
    }
    const error = errorOf(json);
    if (error) {
      const expired = error.errorCode === OIFDE_TOKEN_EXPIRED;
      throw new AiccError({ service: 'oifde', endpoint: 'call statistics report', code: expired ? 'auth' : 'vendor', resultCode: error.errorCode, resultDesc: error.errorMsg, hint: expired ? 'OIFDE keeps refusing fresh tokens; check the tenant id and API password' : undefined });
    }
    // Some installations wrap the rows; accept `{data: [...]}` as well as the documented bare array.
    const rows = Array.isArray(json) ? json : (json as { data?: unknown } | null)?.data;
    // A body with no list at all is unreadable as a whole; a list is read row by row.
    const report = parseBody('oifde', 'call statistics report', reportSchema, parseBody('oifde', 'call statistics report', z.array(z.unknown()), rows));
    return withUnreadable(report.rows, report.unreadable);
  }

  return { callStatistics };
}

/**
 * Credentials for iSales and CMS calls: C2 auth-v2 signing (default) or a C1 bearer token.
 * (OIFDE's C3 token travels in the request body; see oifde-token.ts.)
 */
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { AiccError } from './errors.js';
import { signAuthV2 } from './signer.js';
import type { Authorizer, SignableRequest, Transport } from './transport.js';

/** Signs every request with the access key and secret key (C2 auth-v2). */
export function authV2Authorizer(opts: { accessKey: string; secretKey: string; clock: Clock }): Authorizer {
  return {
    hint: 'check AICC_AK and AICC_SK (and that the bot clock is right: signatures carry a timestamp)',
    async authorize(req: SignableRequest) {
      const signed = signAuthV2({ ...req, accessKey: opts.accessKey, secretKey: opts.secretKey, now: opts.clock() });
      return { authorization: signed.authorization };
    },
  };
}

const tokenAnswer = z.object({
  AccessToken: z.string().min(1),
  ExpiresIn: z.coerce.number().positive().optional(),
});

export interface BearerOptions {
  /** Transport whose base URL is the full token endpoint (`AICC_TOKEN_URL`). */
  tokenTransport: Transport;
  appKey: string;
  appSecret: string;
  clock: Clock;
  /** Lifetime to ask for (seconds, at most 3600). */
  ttlS?: number;
}

/**
 * C1: fetches a token with `tokenByAkSk`, caches it, refreshes it a minute (or a tenth of its life)
 * before it expires, and shares one fetch among concurrent callers.
 */
export function bearerAuthorizer(opts: BearerOptions): Authorizer {
  const ttlS = Math.min(opts.ttlS ?? 3600, 3600);
  let token: { value: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const res = await opts.tokenTransport.request({
      endpoint: 'tokenByAkSk',
      method: 'POST',
      path: '',
      body: { app_key: opts.appKey, app_secret: opts.appSecret },
      headers: { 'x-token-expire': String(ttlS) },
      idempotent: true,
    });
    const parsed = tokenAnswer.safeParse(res.json);
    if (!parsed.success) {
      throw new AiccError({ service: 'apigw', endpoint: 'tokenByAkSk', code: 'bad_payload', cause: parsed.error, hint: 'the token endpoint answered without AccessToken; check AICC_TOKEN_URL' });
    }
    const lifeS = parsed.data.ExpiresIn ?? ttlS;
    const margin = Math.min(60, lifeS / 10);
    token = { value: parsed.data.AccessToken, refreshAt: opts.clock().getTime() + (lifeS - margin) * 1000 };
    return token.value;
  }

  function current(): Promise<string> {
    if (token && opts.clock().getTime() < token.refreshAt) return Promise.resolve(token.value);
    inFlight ??= fetchToken().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return {
    hint: 'check AICC_AK / AICC_SK (app key and secret) and AICC_TOKEN_URL',
    async authorize() {
      return { authorization: `Bearer ${await current()}` };
    },
    async refreshAfterUnauthorized() {
      token = undefined;
      await current();
      return true;
    },
  };
}

/**
 * Credentials for iSales and CMS calls: C2 auth-v2 signing (default) or a C1 bearer token.
 * (OIFDE's C3 token travels in the request body; see oifde-token.ts.)
 */
import { z } from 'zod';
import type { Clock } from '../platform/clock.js';
import { AiccError } from './errors.js';
import { signAuthV2 } from './signer.js';
import { createTokenCache } from './token-cache.js';
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
 * C1: fetches a token with `tokenByAkSk` and keeps it in a {@link createTokenCache} (refreshed
 * before it expires, one fetch shared by concurrent callers).
 */
export function bearerAuthorizer(opts: BearerOptions): Authorizer {
  const ttlS = Math.min(opts.ttlS ?? 3600, 3600);

  async function fetchToken(): Promise<{ value: string; lifeS: number }> {
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
    return { value: parsed.data.AccessToken, lifeS: parsed.data.ExpiresIn ?? ttlS };
  }

  const token = createTokenCache(fetchToken, opts.clock);
  /** The token last handed out: a 401 refuses it (a token refreshed since stays). */
  let issued = '';

  return {
    hint: 'check AICC_AK / AICC_SK (app key and secret) and AICC_TOKEN_URL',
    async authorize() {
      issued = await token.get();
      return { authorization: `Bearer ${issued}` };
    },
    async refreshAfterUnauthorized() {
      token.invalidate(issued);
      await token.get();
      return true;
    },
  };
}

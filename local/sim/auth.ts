/**
 * Authentication of iSales and CMS calls: a C2 auth-v2 signature checked with the project's own
 * signer, or a C1 bearer token the simulator issued and that has not expired.
 */
import { parseAuthV2, verifyAuthV2 } from '../../src/aicc/signer.js';
import { SIM_DEFAULTS } from './defaults.js';
import { headerText, type RouteContext } from './http.js';

export type AuthResult = { ok: true; via: 'auth-v2' | 'bearer' } | { ok: false; reason: string };

export function authenticate(ctx: RouteContext): AuthResult {
  const header = headerText(ctx.headers, 'authorization');
  if (!header) return { ok: false, reason: 'missing Authorization header' };
  const nowMs = ctx.now.getTime();

  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) {
    return ctx.state.bearerTokens.isValid(bearer[1], nowMs)
      ? { ok: true, via: 'bearer' }
      : { ok: false, reason: 'bearer token unknown or expired' };
  }

  const parsed = parseAuthV2(header);
  if (!parsed) return { ok: false, reason: 'unsupported or malformed Authorization header' };
  const signedAt = Date.parse(parsed.timestamp);
  if (Number.isNaN(signedAt) || Math.abs(signedAt - nowMs) > SIM_DEFAULTS.authSkewMs) {
    return { ok: false, reason: 'auth-v2 timestamp is more than 15 minutes away from the server time' };
  }
  const headers: Record<string, string> = {};
  for (const name of Object.keys(ctx.headers)) {
    const value = headerText(ctx.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  const { accessKey, secretKey } = ctx.state.credentials;
  const result = verifyAuthV2(
    header,
    { method: ctx.method, path: ctx.path, query: ctx.query, headers, body: ctx.body },
    (ak) => (ak === accessKey ? secretKey : undefined),
  );
  return result.ok ? { ok: true, via: 'auth-v2' } : { ok: false, reason: result.reason };
}

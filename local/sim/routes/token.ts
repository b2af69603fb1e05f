/**
 * C1 API-gateway token: `{app_key, app_secret}` (the AK/SK) for a bearer token that iSales and CMS
 * calls accept until it expires on the simulator clock.
 */
import { headerText, json, jsonObject, type Route, type RouteContext, type SimResponse } from '../http.js';
import { SIM_DEFAULTS } from '../defaults.js';

function tokenByAkSk(ctx: RouteContext): SimResponse {
  const body = jsonObject(ctx.body);
  const { credentials, bearerTokens } = ctx.state;
  if (!body || body.app_key !== credentials.accessKey || body.app_secret !== credentials.secretKey) {
    return json(401, { error_code: 'APIGW.0301', error_msg: 'Incorrect app authentication information: app_key or app_secret' });
  }
  const requested = headerText(ctx.headers, 'x-token-expire');
  let ttl: number = SIM_DEFAULTS.bearerTokenTtlS;
  if (requested !== undefined) {
    ttl = Number(requested.trim());
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > 3600) {
      return json(400, { error_code: 'APIGW.0400', error_msg: 'X-Token-Expire must be an integer from 1 to 3600' });
    }
  }
  const token = bearerTokens.issue(ttl, ctx.now.getTime(), ctx.state.newToken);
  return json(200, { AccessToken: token, ExpiresIn: ttl });
}

export const tokenRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/apigovernance\/api\/oauth\/tokenByAkSk$/,
    service: 'token',
    endpoint: 'token.tokenByAkSk',
    auth: 'none',
    handle: tokenByAkSk,
  },
];

/** Helpers for the simulator suites: signed requests over real HTTP, JSON bodies. */
import { signAuthV2 } from '../../src/aicc/signer.js';
import type { Simulator } from '../../local/sim/server.js';

export interface SignedOptions {
  body?: unknown;
  /** Signing instant; default: the simulator world's clock. */
  now?: Date;
  accessKey?: string;
  secretKey?: string;
}

/** Sends an auth-v2 signed request (GET when there is no body, else POST). */
export async function signed(sim: Simulator, pathAndQuery: string, opts: SignedOptions = {}): Promise<Response> {
  const url = new URL(pathAndQuery, sim.url);
  const method = opts.body === undefined ? 'GET' : 'POST';
  const body = opts.body === undefined ? '' : JSON.stringify(opts.body);
  const headers: Record<string, string> = { host: url.host, 'content-type': 'application/json;charset=UTF-8' };
  if (body) headers['content-length'] = String(Buffer.byteLength(body));
  const { authorization } = signAuthV2({
    accessKey: opts.accessKey ?? sim.credentials.accessKey,
    secretKey: opts.secretKey ?? sim.credentials.secretKey,
    method,
    path: url.pathname,
    query: [...url.searchParams],
    headers,
    body,
    now: opts.now ?? sim.world.clock(),
  });
  return fetch(url, {
    method,
    headers: { 'content-type': headers['content-type']!, authorization },
    ...(body ? { body } : {}),
  });
}

/** A signed request's JSON body (asserting the HTTP status). */
export async function signedJson<T = any>(sim: Simulator, pathAndQuery: string, opts: SignedOptions & { status?: number } = {}): Promise<T> {
  const res = await signed(sim, pathAndQuery, opts);
  const text = await res.text();
  if (res.status !== (opts.status ?? 200)) throw new Error(`HTTP ${res.status} for ${pathAndQuery}: ${text}`);
  return JSON.parse(text) as T;
}

/** An unauthenticated JSON POST. */
export async function postJson(sim: Simulator, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(path, sim.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
    body: JSON.stringify(body),
  });
}

export const STATS = (vdn: number, query = '') => `/rest/isales/v2/openapi/campaigns/${vdn}/statistics${query}`;
export const LIST = (vdn: number, query = '') => `/rest/isales/v1/openapi/campaigns/${vdn}${query}`;
export const DETAIL = (vdn: number, callId: string) => `/rest/isales/v1/openapi/campaigns/${vdn}/callresultdetail/${callId}`;
export const CMS = '/rest/cmsapp/v1/openapi/fromisales/realstatistic';

/** A response's JSON body, loosely typed for assertions. */
export async function json(res: Response): Promise<any> {
  return res.json();
}

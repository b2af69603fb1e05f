/** Request/response shapes shared by the simulator's routes, and small HTTP helpers. */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Clock } from '../../src/platform/clock.js';
import type { SimCredentials } from './defaults.js';
import type { SimService } from './faults.js';
import type { World } from './world.js';

/** Tokens issued by the simulator, with their expiry on the simulator clock. */
export class TokenStore {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly prefix: string) {}

  issue(ttlS: number, nowMs: number, random: () => string): string {
    const token = `${this.prefix}${random()}`;
    this.expiries.set(token, nowMs + ttlS * 1000);
    return token;
  }

  isValid(token: string | undefined, nowMs: number): boolean {
    if (!token) return false;
    const expiry = this.expiries.get(token);
    return expiry !== undefined && nowMs < expiry;
  }
}

/** State shared by every route of one simulator. */
export interface SimState {
  world: World;
  clock: Clock;
  credentials: SimCredentials;
  statsIntervalS: number;
  oifdeTokenTtlS: number;
  /** Statistics v2 rate-limit windows: VDN → last answered instant (ms). */
  statsCalls: Map<string, number>;
  /** Statistics v2 requests that reached the route, for tests to count per VDN and interval. */
  statsLog: StatisticsCall[];
  bearerTokens: TokenStore;
  oifdeTokens: TokenStore;
  newToken(): string;
}

/** One statistics v2 request as the simulator saw it. */
export interface StatisticsCall {
  vdn: number;
  campaignId?: string;
  batchId?: string;
  /** Simulator clock, epoch ms. */
  at: number;
  status: number;
}

export interface RouteContext {
  method: string;
  /** Raw URI path, as signed. */
  path: string;
  /** Captures of the route pattern. */
  params: string[];
  /** Decoded query pairs in the order received. */
  query: Array<[string, string]>;
  headers: IncomingHttpHeaders;
  /** Raw body text. */
  body: string;
  now: Date;
  state: SimState;
}

export interface SimResponse {
  status: number;
  body: unknown;
}

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  service: SimService;
  /** Name used by the request counters, e.g. `isales.statistics`. */
  endpoint: string;
  /** `aksk`: auth-v2 signature or C1 bearer token required. */
  auth: 'aksk' | 'none';
  handle(ctx: RouteContext): SimResponse;
}

export const json = (status: number, body: unknown): SimResponse => ({ status, body });

/** The first value of a query parameter; undefined when absent. */
export function queryParam(ctx: RouteContext, name: string): string | undefined {
  return ctx.query.find(([k]) => k === name)?.[1];
}

/** Parses a JSON object body; undefined when it is not one. */
export function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BodyTooLarge('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A header value as one string (Node joins repeated ones with ", "). */
export function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

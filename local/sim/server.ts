/**
 * The AICC simulator: one HTTP(S) server answering the CC-iSales, CC-CMS, OIFDE and API-gateway
 * token paths as the vendor pages describe them, plus /__sim/ control endpoints. Used by tests,
 * the demo (in-process) and benchmarks; everything time-related follows the injected clock.
 */
import { setMaxListeners } from 'node:events';
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { isIP, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock, type Clock } from '../../src/platform/clock.js';
import { authenticate } from './auth.js';
import { RequestCounters } from './counters.js';
import { SIM_DEFAULT_CREDENTIALS, SIM_DEFAULTS, type SimCredentials } from './defaults.js';
import { FaultBox, type Faults, type FaultAction, type SimService } from './faults.js';
import { BodyTooLarge, readBody, TokenStore, type Route, type SimResponse, type SimState, type StatisticsCall } from './http.js';
import { handleAdmin, type AdminDeps } from './routes/admin.js';
import { cmsRoutes } from './routes/cms.js';
import { isalesRoutes } from './routes/isales.js';
import { oifdeRoutes } from './routes/oifde.js';
import { tokenRoutes } from './routes/token.js';
import { selfSignedCertificate } from './tls.js';
import type { DemoOptions } from './demo.js';
import { createWorld, type World } from './world.js';

export type { SimCredentials } from './defaults.js';
export type { StatisticsCall } from './http.js';
export type { Faults, SimService } from './faults.js';

export interface SimOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 42. */
  seed?: number;
  /** Default systemClock. */
  clock?: Clock;
  /** Tenant IANA zone, default 'UTC'. */
  timeZone?: string;
  /** Default 12. */
  campaignsPerVdn?: number;
  /** Share of campaigns running (default 7/12; benchmarks use 0.5). */
  runningShare?: number;
  /** Voice bots, default 3. */
  bots?: number;
  /** Statistics v2 rate-limit window, default 300. */
  statsIntervalS?: number;
  /** OIFDE token lifetime, default 3600. */
  oifdeTokenTtlS?: number;
  credentials?: Partial<SimCredentials>;
  /** Serve HTTPS with a self-signed certificate made at start (see `Simulator.caCert`). */
  https?: boolean;
  faults?: Partial<Record<SimService | 'all', Partial<Faults>>>;
  /** One line per request (method, path, status, time; never headers or bodies). Default silent. */
  log?: (line: string) => void;
  /** Add the demo campaign (it collapses and recovers on a script from `startAt`); the demo only. */
  demo?: DemoOptions;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:43121 */
  url: string;
  world: World;
  credentials: SimCredentials;
  /** PEM of the self-signed certificate when serving HTTPS: pass it to clients as their CA. */
  caCert?: string;
  setFaults(service: SimService | 'all', faults: Partial<Faults>): void;
  clearFaults(): void;
  collapse(opts: { vdn: number; campaignId: string; at?: Date; connectRate?: number }): void;
  requestCounts(): Record<string, Record<string, number>>;
  /** Every statistics v2 request that reached the route, in order (cleared with the request counts). */
  statisticsCalls(): StatisticsCall[];
  resetRequestCounts(): void;
  resetLimits(): void;
  close(): Promise<void>;
}

const ROUTES: readonly Route[] = [...isalesRoutes, ...cmsRoutes, ...oifdeRoutes, ...tokenRoutes];

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function faultResponse(action: FaultAction): SimResponse | undefined {
  if (action.kind === 'status') {
    return { status: action.status, body: { resultCode: String(action.status), resultDesc: `simulated fault: HTTP ${action.status}` } };
  }
  if (action.kind === 'error') return { status: 500, body: { resultCode: '500', resultDesc: 'simulated fault: internal server error' } };
  if (action.kind === 'vendorError') {
    const { resultCode, resultDesc } = action;
    return { status: 200, body: { resultCode, resultDesc, returnCode: resultCode, returnDesc: resultDesc } };
  }
  return undefined;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return isIP(host) === 6 ? `[${host}]` : host;
}

export async function startSimulator(opts: SimOptions = {}): Promise<Simulator> {
  const clock = opts.clock ?? systemClock;
  const seed = opts.seed ?? SIM_DEFAULTS.seed;
  const host = opts.host ?? SIM_DEFAULTS.host;
  const definedCredentials = Object.fromEntries(Object.entries(opts.credentials ?? {}).filter(([, v]) => v !== undefined && v !== ''));
  const credentials: SimCredentials = { ...SIM_DEFAULT_CREDENTIALS, ...definedCredentials };
  const world = createWorld({
    seed,
    timeZone: opts.timeZone ?? SIM_DEFAULTS.timeZone,
    campaignsPerVdn: opts.campaignsPerVdn ?? SIM_DEFAULTS.campaignsPerVdn,
    bots: opts.bots ?? SIM_DEFAULTS.bots,
    clock,
    ...(opts.runningShare !== undefined ? { runningShare: opts.runningShare } : {}),
    ...(opts.demo ? { demo: opts.demo } : {}),
  });
  const state: SimState = {
    world,
    clock,
    credentials,
    statsIntervalS: opts.statsIntervalS ?? SIM_DEFAULTS.statsIntervalS,
    oifdeTokenTtlS: opts.oifdeTokenTtlS ?? SIM_DEFAULTS.oifdeTokenTtlS,
    statsCalls: new Map(),
    statsLog: [],
    bearerTokens: new TokenStore('simgw-'),
    oifdeTokens: new TokenStore('simoifde-'),
    newToken: () => randomBytes(24).toString('base64url'),
  };
  const faults = new FaultBox(seed);
  for (const [service, f] of Object.entries(opts.faults ?? {})) if (f) faults.set(service as SimService | 'all', f);
  const counters = new RequestCounters();
  const log = opts.log ?? (() => {});
  const closing = new AbortController();
  // Every delayed request listens on this signal; hundreds may wait at once under load.
  setMaxListeners(0, closing.signal);
  const tls = opts.https ? selfSignedCertificate(host) : undefined;
  const config: Record<string, unknown> = {
    seed,
    timeZone: world.timeZone,
    campaignsPerVdn: world.campaignsPerVdn,
    runningShare: world.runningShare,
    bots: world.bots.length,
    statsIntervalS: state.statsIntervalS,
    oifdeTokenTtlS: state.oifdeTokenTtlS,
    https: Boolean(tls),
    accessKey: credentials.accessKey,
    oifdeTenantId: credentials.oifdeTenantId,
    ...(world.demo ? { demo: { startAt: world.demo.startAt.toISOString(), collapseAt: world.demo.collapseAt.toISOString(), recoverAt: world.demo.recoverAt.toISOString() } } : {}),
  };
  const admin: AdminDeps = { state, faults, counters, config };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
    const finish = (endpoint: string | undefined, r: SimResponse, text = JSON.stringify(r.body)) => {
      if (endpoint) counters.add(endpoint, r.status);
      send(res, r.status, text);
      log(`${method} ${path} ${r.status} ${Math.round(performance.now() - started)}ms`);
    };

    let body: string;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLarge) return finish(undefined, { status: 413, body: { error: err.message } });
      throw err;
    }
    if (path.startsWith('/__sim/')) {
      return finish(undefined, handleAdmin({ method, path, query: new URLSearchParams(rawQuery), body }, admin));
    }

    const candidates = ROUTES.map((route) => ({ route, m: route.pattern.exec(path) })).filter((c) => c.m);
    const match = candidates.find((c) => c.route.method === method);
    if (!match?.m) {
      const known = candidates[0]?.route.endpoint;
      return finish(known ?? 'unknown', { status: known ? 405 : 404, body: { error: known ? 'method not allowed' : 'not found' } });
    }
    const { route } = match;

    const latency = faults.effective(route.service).latencyMs ?? 0;
    if (latency > 0) await sleep(latency, undefined, { signal: closing.signal });
    const action = faults.decide(route.service);
    if (action.kind === 'down') {
      counters.add(route.endpoint, 'down');
      log(`${method} ${path} (connection destroyed)`);
      req.socket.destroy();
      return;
    }
    const forced = faultResponse(action);
    if (forced) return finish(route.endpoint, forced);

    const ctx = {
      method,
      path,
      params: match.m.slice(1),
      query: [...new URLSearchParams(rawQuery)],
      headers: req.headers,
      body,
      now: clock(),
      state,
    };
    if (route.auth === 'aksk') {
      const auth = authenticate(ctx);
      if (!auth.ok) return finish(route.endpoint, { status: 401, body: { resultCode: '401', resultDesc: `authentication failed: ${auth.reason}` } });
    }
    const response = route.handle(ctx);
    if (action.kind === 'malformed') {
      const text = JSON.stringify(response.body);
      return finish(route.endpoint, { status: 200, body: null }, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    }
    finish(route.endpoint, response);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      if (closing.signal.aborted) return;
      log(`${req.method} ${req.url?.split('?')[0]} 500 ${(err as Error)?.message ?? err}`);
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: 'simulator error' }));
      else res.destroy();
    });
  };
  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }, onRequest) : http.createServer(onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? SIM_DEFAULTS.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://${urlHost(host)}:${port}`;
  config.url = url;

  return {
    url,
    world,
    credentials,
    ...(tls ? { caCert: tls.cert } : {}),
    setFaults: (service, f) => faults.set(service, f),
    clearFaults: () => faults.clear(),
    collapse: (c) => void world.collapse(c),
    requestCounts: () => counters.snapshot(),
    statisticsCalls: () => state.statsLog.map((c) => ({ ...c })),
    resetRequestCounts: () => {
      counters.reset();
      state.statsLog.length = 0;
    },
    resetLimits: () => state.statsCalls.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

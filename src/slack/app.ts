/**
 * Builds the Bolt app in HTTP mode (Slack requests at POST /slack/events, checked by our own
 * server in front of Bolt's receiver, plus GET /healthz and GET /readyz) or Socket Mode (no
 * inbound HTTPS needed; the same server then serves only the health routes, so orchestrators can
 * still probe the process).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { LogLevel, type Logger as BoltLogger } from '@slack/logger';
import { createInFlight, type InFlight } from '../platform/inflight.js';
import type { Logger } from '../platform/log.js';
import type { Metrics } from '../platform/metrics.js';
import { slackClientOptions } from './client.js';
import { httpFront, listen, type RouteHandler } from './http-front.js';
import { isRejectedRequest } from './request-gate.js';

type BoltApp = App;

export interface SlackAppOptions {
  botToken: string;
  signingSecret: string;
  /** Set for Socket Mode. */
  appToken?: string;
  /** Web API base URL override (tests and the local console point it at a fake). */
  apiUrl?: string;
  log: Logger;
  /** Readiness: configuration loaded and AICC reachable recently. */
  ready: () => Promise<{ ready: boolean; detail: Record<string, unknown> }>;
  /** Registers the listeners (commands, actions). */
  register: (app: BoltApp) => void;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** True the first time a request signature is seen (replays run nothing). */
  firstSight: (signature: string, timestampSec: number) => Promise<boolean>;
  /** Epoch milliseconds, for the request timestamp check. */
  now: () => number;
  /** Served at GET /metrics; also told each request's ack latency. */
  metrics?: Metrics;
  /** Every listener's run (ack, answer, posts) is tracked here, so shutdown can let it finish. */
  inFlight?: InFlight;
}

export interface RunningSlackApp {
  app: BoltApp;
  /** The port HTTP requests (or, in Socket Mode, health probes) are served on. */
  port: number;
  /**
   * Stops taking requests, lets the listeners in flight finish (at most `graceMs`, default 10 s),
   * then closes every connection. Resolves false when the grace ran out with work still running.
   */
  stop(graceMs?: number): Promise<boolean>;
}

/** Bolt's logger interface over ours, so Bolt's (and the Web API client's) lines get the same redaction. */
export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    // The Web API client logs whole request bodies, headers and results at debug (message texts,
    // channel histories): keep which call happened, never what it carried.
    debug: (...m) => {
      const line = text(m);
      const payload = /^http request (body|result|headers):/.exec(line);
      log.debug(payload ? `http request ${payload[1]} (not logged)` : line, { from: 'bolt' });
    },
    info: (...m) => log.info(text(m), { from: 'bolt' }),
    warn: (...m) => log.warn(text(m), { from: 'bolt' }),
    error: (...m) => log.error(text(m), { from: 'bolt' }),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function healthRoutes(ready: SlackAppOptions['ready'], metrics?: Metrics): Record<string, RouteHandler> {
  const send = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  return {
    '/healthz': (_req, res) => send(res, 200, { ok: true }),
    '/readyz': (_req, res) => {
      ready().then(
        (r) => send(res, r.ready ? 200 : 503, { ok: r.ready, ...r.detail }),
        () => send(res, 503, { ok: false }),
      );
    },
    ...(metrics
      ? {
          '/metrics': (_req, res) => {
            metrics.text().then(
              (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
              () => res.writeHead(500).end(),
            );
          },
        }
      : {}),
  };
}

/** Closes `server` to new connections, waits for `inFlight` (at most `graceMs`), then drops every connection. */
async function drainAndClose(server: Server, inFlight: InFlight, graceMs: number): Promise<boolean> {
  const closed = new Promise((r) => server.close(r));
  server.closeIdleConnections();
  const drained = await inFlight.drain(graceMs);
  server.closeAllConnections();
  await closed;
  return drained;
}

const DEFAULT_GRACE_MS = 10_000;

/** Creates and starts the app; `port` 0 picks a free one. */
export async function startSlackApp(opts: SlackAppOptions & { port: number; host?: string }): Promise<RunningSlackApp> {
  const routes = healthRoutes(opts.ready, opts.metrics);
  const inFlight = opts.inFlight ?? createInFlight();
  // First middleware of every request: the whole run (listener, answer, posts) is tracked.
  const track = (app: BoltApp) => app.use(async ({ next }) => inFlight.track(next()));
  const logger = boltLogger(opts.log);
  // Bolt builds its Web API clients from these (adding its logger): outbound's timeout, no retries of their own.
  const clientOptions = slackClientOptions({ apiUrl: opts.apiUrl });
  if (opts.appToken) {
    // No conversation store: the bot keeps no per-conversation state, and Bolt's in-memory one costs an Error per request.
    const app = new App({ token: opts.botToken, appToken: opts.appToken, socketMode: true, logger, clientOptions, convoStore: false });
    track(app);
    opts.register(app);
    await app.start();
    const server = await listen((req, res) => {
      const route = req.method === 'GET' ? routes[(req.url ?? '').split('?')[0] ?? ''] : undefined;
      if (route) return route(req, res);
      res.writeHead(404).end();
    }, opts.port, opts.host);
    return {
      app,
      port: (server.address() as AddressInfo).port,
      stop: async (graceMs = DEFAULT_GRACE_MS) => {
        // The socket goes first: no new events arrive while the ones in flight finish.
        await app.stop();
        return drainAndClose(server, inFlight, graceMs);
      },
    };
  }
  // The receiver is built here rather than by App, because App does not pass `bodyLimit` through.
  const receiver = new HTTPReceiver({
    signingSecret: opts.signingSecret,
    logger,
    // Our front server has read, verified and checked the body already (see http-front.ts).
    signatureVerification: false,
    // Requests the gate turned away get a 400 at once; anything else unexpected a 500.
    processEventErrorHandler: async ({ error, response }) => {
      if (response.headersSent) return false;
      const rejected = isRejectedRequest(error) || isRejectedRequest((error as { original?: unknown }).original);
      if (!rejected) opts.log.error('unhandled error while processing a Slack request', { error: error.message });
      response.writeHead(rejected ? 400 : 500, { 'content-type': 'text/plain' });
      response.end(rejected ? 'Bad Request' : 'Internal Server Error'); // i18n-ok: HTTP status text for Slack's servers
      return true;
    },
    // Nothing the bot handles is left unacknowledged; a request no listener took is junk.
    unhandledRequestTimeoutMillis: 1000,
    unhandledRequestHandler: ({ response }) => {
      if (!response.headersSent) {
        response.writeHead(400);
        response.end();
      }
    },
  });
  const app = new App({ token: opts.botToken, receiver, logger, clientOptions, convoStore: false });
  track(app);
  opts.register(app);
  // Bolt's own server is never started: ours reads and checks each request, then hands it over.
  // Once stopping, a request arriving on a kept-alive connection gets a 503 and the connection closes.
  let stopping = false;
  const front = httpFront({
      signingSecret: opts.signingSecret,
      bodyLimit: opts.bodyLimit ?? 1_000_000,
      bolt: receiver.requestListener,
      routes,
      firstSight: opts.firstSight,
      now: opts.now,
      warn: (message, fields) => opts.log.warn(message, fields),
      ...(opts.metrics ? { observeAck: (kind: string, seconds: number) => opts.metrics?.ackSeconds.observe({ kind }, seconds) } : {}),
  });
  const server: Server = await listen(
    (req, res) => (stopping && req.method !== 'GET' ? res.writeHead(503, { connection: 'close' }).end() : front(req, res)),
    opts.port,
    opts.host,
  );
  return {
    app,
    port: (server.address() as AddressInfo).port,
    stop: (graceMs = DEFAULT_GRACE_MS) => {
      stopping = true;
      return drainAndClose(server, inFlight, graceMs);
    },
  };
}

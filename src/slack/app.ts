/**
 * Builds the Bolt app in HTTP mode (Slack requests at POST /slack/events, plus GET /healthz and
 * GET /readyz) or Socket Mode (no inbound HTTPS needed; health routes then live on a small server
 * of their own so orchestrators can still probe the process).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { LogLevel, type Logger as BoltLogger } from '@slack/logger';
import type { Logger } from '../platform/log.js';
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
}

export interface RunningSlackApp {
  app: BoltApp;
  /** The port HTTP requests (or, in Socket Mode, health probes) are served on. */
  port: number;
  stop(): Promise<void>;
}

/** Bolt's logger interface over ours, so Bolt's (and the Web API client's) lines get the same redaction. */
export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...m) => log.debug(text(m), { from: 'bolt' }),
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

type Handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;

function healthRoutes(ready: SlackAppOptions['ready']): { healthz: Handler; readyz: Handler } {
  const send = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  return {
    healthz: (_req, res) => send(res, 200, { ok: true }),
    readyz: (_req, res) => {
      ready().then(
        (r) => send(res, r.ready ? 200 : 503, { ok: r.ready, ...r.detail }),
        () => send(res, 503, { ok: false }),
      );
    },
  };
}

/** Creates and starts the app; `port` 0 picks a free one. */
export async function startSlackApp(opts: SlackAppOptions & { port: number; host?: string }): Promise<RunningSlackApp> {
  const routes = healthRoutes(opts.ready);
  const logger = boltLogger(opts.log);
  const clientOptions = opts.apiUrl ? { slackApiUrl: opts.apiUrl } : undefined;
  if (opts.appToken) {
    const app = new App({ token: opts.botToken, appToken: opts.appToken, socketMode: true, logger, clientOptions });
    opts.register(app);
    await app.start();
    const server: Server = createServer((req, res) => {
      if (req.method === 'GET' && req.url === '/healthz') return routes.healthz(req, res);
      if (req.method === 'GET' && req.url === '/readyz') return routes.readyz(req, res);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(opts.port, opts.host, resolve));
    return {
      app,
      port: (server.address() as AddressInfo).port,
      stop: async () => {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
        await app.stop();
      },
    };
  }
  // The receiver is built here rather than by App, because App does not pass `bodyLimit` through.
  const receiver = new HTTPReceiver({
    signingSecret: opts.signingSecret,
    logger,
    bodyLimit: opts.bodyLimit ?? 1_000_000,
    // Requests the gate turned away get a 400 at once; anything else unexpected a 500.
    processEventErrorHandler: async ({ error, response }) => {
      if (response.headersSent) return false;
      const rejected = isRejectedRequest(error) || isRejectedRequest((error as { original?: unknown }).original);
      if (!rejected) opts.log.error('unhandled error while processing a Slack request', { error: error.message });
      response.writeHead(rejected ? 400 : 500, { 'content-type': 'text/plain' });
      response.end(rejected ? 'Bad Request' : 'Internal Server Error');
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
    customRoutes: [
      { path: '/healthz', method: ['GET'], handler: routes.healthz },
      { path: '/readyz', method: ['GET'], handler: routes.readyz },
    ],
  });
  const app = new App({ token: opts.botToken, receiver, logger, clientOptions });
  opts.register(app);
  const server = (await app.start({ port: opts.port, host: opts.host })) as Server;
  return {
    app,
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      server.closeAllConnections();
      await app.stop();
    },
  };
}

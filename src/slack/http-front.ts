/**
 * The bot's own HTTP server, in front of Bolt's receiver. Every request to the Slack endpoint is
 * read and checked here before Bolt sees it, because Bolt's receiver lets some signed bodies crash
 * the process (`payload=null` reads `ssl_check` of null) or fail with a 500 (an action with no
 * user), and accepts a replay of a signed request for five minutes. The checks, in order:
 * - the body fits `bodyLimit` (413);
 * - the signature is right and the timestamp at most five minutes old and one minute ahead (401);
 * - the body is a Slack payload the bot handles (a command, a block action, a view submission or
 *   close, an options request, an event, url_verification), in the shape the bot reads (400);
 * - the same signature was not seen before, by any process sharing the store: a replay is
 *   acknowledged with an empty 200 and runs nothing.
 * Health routes (and anything else `routes` names) are served here too, on the same port.
 *
 * i18n-ok-file: the rejection reasons here go to Slack's HTTP log and ours, never to a person.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { createHmac, timingSafeEqual } from 'node:crypto';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface HttpFrontOptions {
  signingSecret: string;
  bodyLimit: number;
  /** Bolt's receiver, given the request with its body already read (`rawBody`). */
  bolt: RouteHandler;
  /** GET routes served as they are, e.g. `/healthz`. */
  routes: Record<string, RouteHandler>;
  /** True the first time a signature is seen (across processes); false for a replay. */
  firstSight(signature: string, timestampSec: number): Promise<boolean>;
  now: () => number;
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Told, once the answer to a Slack request is sent, how long it took: the ack latency Slack sees. */
  observeAck?(kind: 'command' | 'interaction', seconds: number, status: number): void;
}

export const SLACK_PATH = '/slack/events';
const MAX_AGE_S = 300;
const MAX_AHEAD_S = 60;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** Why a verified body is not one the bot handles, or undefined when it is. */
export function payloadProblem(raw: string, contentType: string): string | undefined {
  let body: unknown;
  try {
    if (contentType.startsWith('application/json')) body = JSON.parse(raw);
    else {
      const form = parseQuery(raw);
      if (typeof form['payload'] === 'string') body = JSON.parse(form['payload']);
      else if (isText(form['command'])) return isText(form['user_id']) && isText(form['channel_id']) ? undefined : 'a command without user or channel';
      else return 'neither a command nor a payload';
    }
  } catch {
    return 'not JSON';
  }
  if (!isObject(body)) return 'not an object';
  if (body['type'] === 'url_verification') return isText(body['challenge']) ? undefined : 'a url_verification without challenge';
  const user = body['user'];
  const hasUser = isObject(user) && isText(user['id']);
  switch (body['type']) {
    case 'block_actions': {
      const actions = body['actions'];
      if (!hasUser) return 'an action without a user';
      if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => isObject(a) && isText(a['action_id']))) return 'an action without action ids';
      return undefined;
    }
    case 'view_submission':
    case 'view_closed': {
      const view = body['view'];
      if (!hasUser) return 'a view payload without a user';
      if (!isObject(view) || !isText(view['id']) || typeof view['callback_id'] !== 'string') return 'a view payload without a view id and callback id';
      if (body['type'] === 'view_submission' && !(isObject(view['state']) && isObject(view['state']['values']))) return 'a view submission without state values';
      return undefined;
    }
    case 'block_suggestion':
      if (!hasUser) return 'an options request without a user';
      if (!isText(body['action_id']) || typeof body['value'] !== 'string') return 'an options request without action id or value';
      return undefined;
    case 'event_callback': {
      const event = body['event'];
      if (!isObject(event) || !isText(event['type'])) return 'an event without a type';
      if (event['type'] === 'app_home_opened' && !isText(event['user'])) return 'app_home_opened without a user';
      if (event['type'] === 'user_change' && !(isObject(event['user']) && isText(event['user']['id']))) return 'user_change without a user id';
      return undefined;
    }
    default:
      return `an unsupported payload type ${String(body['type'] ?? 'none').slice(0, 40)}`;
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      // Answered at once; the rest is read and dropped (Node drains it once the response ends),
      // so the client sees the 413 rather than a reset connection.
      if (size > limit) return resolve('too-large');
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Slack's signature: `v0=` and the hex HMAC-SHA256 of `v0:{timestamp}:{body}`, compared in
 * constant time (Bolt's check compares through two more HMACs, a tenth of the front's CPU).
 */
export function signatureMatches(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

async function handleSlack(opts: HttpFrontOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const end = (status: number) => {
    if (!res.headersSent) res.writeHead(status).end();
  };
  const raw = await readBody(req, opts.bodyLimit);
  if (raw === 'too-large') return end(413);
  const text = raw.toString('utf8');
  const signature = header(req, 'x-slack-signature');
  const timestamp = Number(header(req, 'x-slack-request-timestamp'));
  const nowS = opts.now() / 1000;
  const fresh = Number.isInteger(timestamp) && timestamp > nowS - MAX_AGE_S && timestamp < nowS + MAX_AHEAD_S;
  const valid =
    signature !== undefined &&
    fresh &&
    signatureMatches(opts.signingSecret, timestamp, text, signature);
  if (!valid) return end(401);
  const problem = payloadProblem(text, header(req, 'content-type') ?? '');
  if (problem) {
    opts.warn('refused a signed request', { problem });
    return end(400);
  }
  if (!(await opts.firstSight(signature, timestamp))) {
    opts.warn('ignored a replayed request');
    return end(200);
  }
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
  opts.bolt(req, res);
}

/** The request listener: Slack's endpoint through the checks, GET routes as they are, 404 else. */
export function httpFront(opts: HttpFrontOptions): RouteHandler {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'POST' && path === SLACK_PATH) {
      const observe = opts.observeAck;
      if (observe) {
        const started = performance.now();
        res.once('finish', () => {
          const kind = (req as IncomingMessage & { rawBody?: Buffer }).rawBody?.includes('command=') ? 'command' : 'interaction';
          observe(kind, (performance.now() - started) / 1000, res.statusCode);
        });
      }
      handleSlack(opts, req, res).catch((error: unknown) => {
        opts.warn('a Slack request failed before reaching the bot', { error });
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    const route = req.method === 'GET' ? opts.routes[path] : undefined;
    if (route) return route(req, res);
    res.writeHead(404).end();
  };
}

/** Listens on `port` (0 picks a free one). */
export async function listen(handler: RouteHandler, port: number, host?: string): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return server;
}

/**
 * The local Slack console: a web page that plays Slack's part for the bot, through the same paths
 * real Slack uses. Typed commands and button clicks become signed requests to the bot's
 * `/slack/events`; the bot answers through the fake Slack Web API and response URLs, and every
 * change in the fake workspace reaches the page over server-sent events, already rendered.
 *
 * The page speaks the language of the person it types as, which is their Slack language in the
 * fake workspace; picking another (`POST /api/language`) changes both, so the bot answers them in
 * it too (see ./l10n.ts).
 *
 * Routes: `GET /` (page), `/console.js`, `/console-i18n.js`, `/console.css`, `/favicon.svg`,
 * `GET /events` (SSE), `GET /api/state`, `POST /api/command`, `POST /api/action`,
 * `POST /api/language`, and the views' `/api/home`, `/api/view/*`.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import type { FakeSlack } from '../fakeslack/index.js';
import { LOCALES, translator, type Locale } from '../../src/i18n/index.js';
import type { Logger } from '../../src/platform/log.js';
import { ActionRequest, CommandRequest, LanguageRequest, sendAction, sendCommand, setLanguage, type ApiDeps, type ApiResult } from './api.js';
import { DEMO_CHANNELS, DEMO_USERS, type ConsoleChannel, type ConsoleUser } from './demo.js';
import { isAllowedHost, readJsonBody, sendJson, sendText } from './http.js';
import { PAGE_CSS } from './page-css.js';
import { i18nScript, localeOfSlackTag, ui } from './l10n.js';
import { FAVICON_SVG, PAGE_CSP, pageHtml } from './page-html.js';
import { PAGE_SCRIPT } from './page-script.js';
import { SseHub } from './sse.js';
import { Timeline, type TimelineItem, type TimelineUpdate } from './timeline.js';
import { viewItem, type ViewItem } from './view-html.js';
import { VIEWS_CSS, VIEWS_SCRIPT } from './views-page.js';
import { CloseRequest, closeView, HomeRequest, openHome, SubmitRequest, submitView, suggest, SuggestRequest, viewAction, ViewActionRequest, type ViewsApiDeps } from './views-api.js';

/** Routes the console passes through to the bot, so PORT answers them in console mode as well. */
const BOT_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

export type { ConsoleChannel, ConsoleUser } from './demo.js';
export { DEMO_CHANNELS, DEMO_PLACES, DEMO_USERS } from './demo.js';

export interface ConsoleOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1: the console can act as anyone in the workspace, so it stays local. */
  host?: string;
  fakeSlack: FakeSlack;
  /** The bot's base URL; requests go to `${botUrl}/slack/events`. */
  botUrl: string;
  signingSecret: string;
  log: Logger;
  channels?: readonly ConsoleChannel[];
  users?: readonly ConsoleUser[];
  /** The bot's display name in the timeline. */
  botName?: string;
  /** Arrival times of messages; injected so tests can pin them. */
  now?: () => Date;
  /** Seconds between SSE keep-alive comments (default 15). */
  keepAliveS?: number;
}

export interface RunningConsole {
  /** The page, e.g. `http://127.0.0.1:3000/`. */
  url: string;
  close(): Promise<void>;
}

/** What `/api/state` and the first SSE event carry. */
export interface ConsoleState {
  channels: readonly ConsoleChannel[];
  users: ReadonlyArray<ConsoleStateUser>;
  items: TimelineItem[];
  /** Open modals and published Home tabs (the page shows each user's own). */
  views: ViewItem[];
}

/** A person to type as, with their language now and their name in the picker in every language. */
export interface ConsoleStateUser extends Pick<ConsoleUser, 'id' | 'name' | 'realName' | 'role'> {
  /** Their Slack language as the console speaks it. */
  locale: Locale;
  labels: Readonly<Record<Locale, string>>;
}

const MAX_BODY_BYTES = 64 * 1024;

const PAGE = pageHtml();

const STATIC: Readonly<Record<string, { body: string; type: string }>> = {
  '/': { body: PAGE, type: 'text/html; charset=utf-8' },
  '/index.html': { body: PAGE, type: 'text/html; charset=utf-8' },
  '/console.js': { body: PAGE_SCRIPT, type: 'text/javascript; charset=utf-8' },
  '/console-i18n.js': { body: i18nScript(), type: 'text/javascript; charset=utf-8' },
  '/console.css': { body: PAGE_CSS, type: 'text/css; charset=utf-8' },
  '/favicon.svg': { body: FAVICON_SVG, type: 'image/svg+xml' },
  '/console-views.js': { body: VIEWS_SCRIPT, type: 'text/javascript; charset=utf-8' },
  '/console-views.css': { body: VIEWS_CSS, type: 'text/css; charset=utf-8' },
};

/** Starts the console's HTTP server and subscribes it to the fake workspace. */
export async function startConsole(opts: ConsoleOptions): Promise<RunningConsole> {
  const host = opts.host ?? '127.0.0.1';
  const channels = opts.channels ?? DEMO_CHANNELS;
  const users = opts.users ?? DEMO_USERS;
  const log = opts.log.child({ component: 'console' });
  // The people the console types as exist in the fake workspace, with their Slack language; one
  // the workspace already has (seeded, or changed since) is left as it is.
  for (const u of users) {
    if (!opts.fakeSlack.user(u.id)) opts.fakeSlack.setUser({ id: u.id, name: u.name, realName: u.realName, ...(u.isAdmin ? { isAdmin: true } : {}), ...(u.locale ? { locale: u.locale } : {}) });
  }
  const localeOf = (userId: string): Locale => localeOfSlackTag(opts.fakeSlack.user(userId)?.locale);
  const trFor = (userId: string | undefined) => translator(userId ? localeOf(userId) : undefined);
  const timeline = new Timeline({ messages: (c) => opts.fakeSlack.messages(c), channels, users, botName: opts.botName, now: opts.now ?? (() => new Date()) });
  const hub = new SseHub((opts.keepAliveS ?? 15) * 1000);
  const broadcast = (u: TimelineUpdate) => hub.broadcast(u.type === 'upsert' ? { event: 'upsert', data: u.item } : { event: 'remove', data: { id: u.id, channel: u.channel } });
  const unsubscribe = opts.fakeSlack.on('message', (change) => {
    try {
      timeline.apply(change).forEach(broadcast);
    } catch (error) {
      log.warn('console could not render a message change', { error });
    }
  });

  // Unique per console, so two consoles on one fake Slack never share a response_url.
  const responsePrefix = `console-${randomBytes(4).toString('hex')}`;
  let responseSeq = 0;
  const deps: ApiDeps = {
    fakeSlack: opts.fakeSlack,
    botUrl: opts.botUrl.replace(/\/+$/, ''),
    signingSecret: opts.signingSecret,
    channels,
    users,
    log,
    echo: (channel, user, text) => broadcast(timeline.addCommand(channel, user, text)),
    nextId: () => `${responsePrefix}-${++responseSeq}`,
    trFor,
  };
  // A language changed (from this page, another tab, or a test): every page follows it.
  const unsubscribeUsers = opts.fakeSlack.on('user', (user) => {
    if (users.some((u) => u.id === user.id)) hub.broadcast({ event: 'user', data: { id: user.id, locale: localeOf(user.id) } });
  });
  // Modals and Home tabs: every change reaches the page rendered, like messages.
  const names = { users: new Map(users.map((u) => [u.id, u.realName])), channels: new Map(channels.map((c) => [c.id, c.name])) };
  const unsubscribeViews = opts.fakeSlack.on('view', (change) => {
    try {
      hub.broadcast({ event: 'view', data: viewItem(change.view, names) });
    } catch (error) {
      log.warn('console could not render a view', { error });
    }
  });
  const views = (): ViewItem[] => {
    const homes = users.flatMap((u) => opts.fakeSlack.views.home(u.id) ?? []);
    return [...homes, ...opts.fakeSlack.views.modals()].map((v) => viewItem(v, names));
  };
  const viewDeps: ViewsApiDeps = { fakeSlack: opts.fakeSlack, botUrl: deps.botUrl, signingSecret: opts.signingSecret, users, log, trFor };
  const labels = new Map(users.map((u) => [u.id, Object.fromEntries(LOCALES.map((l) => [l, ui(translator(l), 'user.option', { name: u.realName, role: u.role })])) as Record<Locale, string>]));
  const state = (): ConsoleState => ({
    channels,
    users: users.map(({ id, name, realName, role }) => ({ id, name, realName, role, locale: localeOf(id), labels: labels.get(id)! })),
    items: timeline.items(),
    views: views(),
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('console request failed', { path: req.url, error });
      sendJson(res, 500, { ok: false, error: 'internal error' });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, host)) return sendJson(res, 403, { ok: false, error: 'open the console by its IP address or localhost' });
    const path = new URL(req.url ?? '/', 'http://console.local').pathname;
    const method = req.method ?? 'GET';
    const asset = Object.hasOwn(STATIC, path) ? STATIC[path] : undefined;
    if (asset) {
      if (method !== 'GET' && method !== 'HEAD') return notAllowed(res, 'GET');
      const headers: Record<string, string> = path === '/' || path === '/index.html' ? { 'content-security-policy': PAGE_CSP } : {};
      return sendText(res, 200, method === 'HEAD' ? '' : asset.body, asset.type, headers);
    }
    // The bot's own routes (health, readiness, metrics) answer on PORT too, as they do without the console.
    if (BOT_ROUTES.has(path)) {
      if (method !== 'GET') return notAllowed(res, 'GET');
      const upstream = await fetch(`${deps.botUrl}${path}`, { signal: AbortSignal.timeout(10_000) });
      return sendText(res, upstream.status, await upstream.text(), upstream.headers.get('content-type') ?? 'text/plain');
    }
    switch (path) {
      case '/events':
        if (method !== 'GET') return notAllowed(res, 'GET');
        return hub.attach(req, res, { event: 'state', data: state() });
      case '/api/state':
        if (method !== 'GET') return notAllowed(res, 'GET');
        return sendJson(res, 200, state());
      case '/api/command':
        return post(req, res, CommandRequest, (body) => sendCommand(body, deps));
      case '/api/action':
        return post(req, res, ActionRequest, (body) => sendAction(body, deps));
      case '/api/language':
        return post(req, res, LanguageRequest, (body) => setLanguage(body, deps));
      case '/api/home':
        return post(req, res, HomeRequest, (body) => openHome(body, viewDeps));
      case '/api/view/submit':
        return post(req, res, SubmitRequest, (body) => submitView(body, viewDeps));
      case '/api/view/action':
        return post(req, res, ViewActionRequest, (body) => viewAction(body, viewDeps));
      case '/api/view/suggest':
        return post(req, res, SuggestRequest, (body) => suggest(body, viewDeps));
      case '/api/view/close':
        return post(req, res, CloseRequest, async (body) => closeView(body, viewDeps));
      default:
        return sendJson(res, 404, { ok: false, error: 'not found' });
    }
  }

  /** Reads, validates and runs a POST; junk gets a 4xx naming the problem. */
  async function post<S extends z.ZodType>(req: IncomingMessage, res: ServerResponse, schema: S, run: (body: z.infer<S>) => Promise<Pick<ApiResult, 'status'> & { body: object }>): Promise<void> {
    if (req.method !== 'POST') return notAllowed(res, 'POST');
    const read = await readJsonBody(req, MAX_BODY_BYTES);
    if (!read.ok) return sendJson(res, read.status, { ok: false, error: read.error });
    const parsed = schema.safeParse(read.value);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).slice(0, 5);
      return sendJson(res, 400, { ok: false, error: `invalid request: ${problems.join('; ')}` });
    }
    const result = await run(parsed.data);
    sendJson(res, result.status, result.body);
  }

  server.listen(opts.port, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    unsubscribe();
    unsubscribeViews();
    unsubscribeUsers();
    hub.close();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;
  log.info('console listening', { url });

  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        unsubscribe();
        unsubscribeViews();
        unsubscribeUsers();
        hub.close();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function notAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('allow', allow);
  sendJson(res, 405, { ok: false, error: 'method not allowed' });
}

/**
 * A fake Slack Web API over real HTTP, for end-to-end tests and the local console. Point a
 * `WebClient` (or Bolt's `clientOptions.slackApiUrl`) at `url`, then assert on `calls` (what was
 * sent), `messages()` (what the workspace now shows) and `responses` (response_url posts).
 *
 * Bodies are accepted the way @slack/web-api sends them (form-encoded, nested values as JSON
 * text) and as JSON; the token comes from `Authorization: Bearer` or the `token` field.
 */
import { once, EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Workspace, type FakeFile, type FakeMessage, type FakeUserSeed, type MessageChange, type ResponseTarget, type WorkspaceOptions } from './workspace.js';
import type { ViewChange, ViewStore } from './views.js';

export type { FakeChannelSeed, FakeFile, FakeMessage, FakeUserSeed, MessageChange, ResponseTarget } from './workspace.js';
export { DEFAULT_SLACK_LOCALE } from './workspace.js';
export type { FakeView, StateValues, ViewChange } from './views.js';
export { viewProblems } from './views.js';

export interface FakeSlackOptions extends WorkspaceOptions {
  /** Default 0: any free port. */
  port?: number;
  host?: string;
  /** Only these tokens are valid (`invalid_auth` otherwise); default: any token. */
  tokens?: string[];
}

/** One Web API request as received; `body` has nested JSON decoded and no `token`. */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  token?: string;
  at: Date;
  /** Set once answered, when the fake refused the call (`invalid_blocks`, `channel_not_found`, …). */
  error?: string;
  /** What Slack would say was wrong with the blocks, for `invalid_blocks`. */
  problems?: string[];
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
  at: Date;
  /** Set once answered, when the fake refused the post (`invalid_blocks`). */
  error?: string;
  problems?: string[];
}

/**
 * A fault injected for a call of a method (or of `response_url`). A 5xx status answers without
 * applying the call (Slack having a bad moment). `stall` answers after `ms`, having applied the
 * call first (`applyFirst`, as when Slack posted but the answer was lost) or only afterwards.
 */
export type Fault = { status: 429; retryAfterS: number } | { status: 500 | 502 | 503 } | { error: string } | { stall: number; applyFirst: boolean };

export interface FakeSlackEvents {
  call: [RecordedCall];
  response: [RecordedResponse];
  message: [MessageChange];
  view: [ViewChange];
  /** A user was added or changed with `setUser`. */
  user: [FakeUserSeed];
}

export interface FakeSlack {
  /** Base for `SLACK_API_URL` / `slackApiUrl`, ending in `/api/`. */
  url: string;
  calls: RecordedCall[];
  responses: RecordedResponse[];
  files: FakeFile[];
  /** A response_url on the fake; with a target, its posts also show up in `messages()`. */
  responseUrl(id?: string, target?: ResponseTarget): string;
  /** Current messages (edits applied, deletions gone, threads and ephemeral ones included). */
  messages(channel?: string): FakeMessage[];
  /** Modals and Home tabs (views.open, views.update, views.publish), and trigger ids for a user. */
  views: ViewStore;
  /** A user as seeded or last set (undefined for one never seeded). */
  user(id: string): FakeUserSeed | undefined;
  /**
   * Adds a user or changes some of their fields, as a profile edit in Slack would; e.g.
   * `setUser({ id: 'U1', locale: 'es-LA' })` is that user picking Spanish in their preferences.
   */
  setUser(seed: FakeUserSeed): FakeUserSeed;
  /** A user as Slack sends one in `users.info` (with `include_locale`) and in the `user_change` event. */
  userObject(id: string): Record<string, unknown> & { locale: string };
  /** Makes the next call of `method` (e.g. `chat.postMessage`, or `response_url`) fail. */
  failNext(method: string, fault: Fault): void;
  /** Makes every call of `method` fail (after any `failNext` ones) until `clearFaults`. */
  failAlways(method: string, fault: Fault): void;
  /** Drops the faults of `method` (all methods when omitted): Slack has recovered. */
  clearFaults(method?: string): void;
  /** Live updates; returns a function that unsubscribes. */
  on<E extends keyof FakeSlackEvents>(event: E, listener: (...args: FakeSlackEvents[E]) => void): () => void;
  close(): Promise<void>;
}

/** JSON-valued fields that @slack/web-api sends as JSON text inside a form body. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'files', 'user_auth_blocks', 'view']);

/** Starts a fake Slack Web API on 127.0.0.1 (port 0 by default). */
export async function startFakeSlack(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const events = new EventEmitter();
  const workspace = new Workspace(opts, (change) => events.emit('message', change), (change) => events.emit('view', change));
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const faults = new Map<string, Fault[]>();
  const always = new Map<string, Fault>();
  const targets = new Map<string, ResponseTarget>();
  let responseSeq = 0;
  let base = '';

  const takeFault = (method: string): Fault | undefined => faults.get(method)?.shift() ?? always.get(method);

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { ok: false, error: 'fatal_error', detail: String(err) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const raw = await readBody(req);
    const [, kind, name] = url.pathname.split('/');
    if (kind === 'api' && name) return apiCall(name, req, url, raw, res);
    if (kind === 'response' && name) return responseCall(name, req, raw, res);
    if (kind === 'upload' && name) return upload(name, req, raw, res);
    send(res, 404, { ok: false, error: 'not_found' });
  }

  async function apiCall(method: string, req: IncomingMessage, url: URL, raw: Buffer, res: ServerResponse): Promise<void> {
    const body: Record<string, unknown> = { ...Object.fromEntries(url.searchParams), ...(await parseBody(req, raw)) };
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof body['token'] === 'string' ? body['token'] : undefined);
    delete body['token'];
    const call: RecordedCall = { method, body, ...(token !== undefined ? { token } : {}), at: new Date() };
    calls.push(call);
    events.emit('call', call);

    let fault = takeFault(method);
    if (fault && 'stall' in fault) {
      const { stall, applyFirst } = fault;
      fault = undefined;
      if (applyFirst) {
        const result = noteOutcome(call, token ? workspace.call(method, body) : { ok: false, error: 'not_authed' });
        await new Promise((r) => setTimeout(r, stall));
        return send(res, 200, result);
      }
      await new Promise((r) => setTimeout(r, stall));
    }
    if (fault) return sendFault(res, fault);
    if (!token) return send(res, 200, { ok: false, error: 'not_authed' });
    if (opts.tokens && !opts.tokens.includes(token)) return send(res, 200, { ok: false, error: 'invalid_auth' });
    const result = noteOutcome(call, workspace.call(method, body));
    if (typeof result['upload_url'] === 'string') result['upload_url'] = new URL(`/${result['upload_url']}`, base).toString();
    send(res, 200, result);
  }

  async function responseCall(id: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const body = await parseBody(req, raw);
    const response: RecordedResponse = { id, body, at: new Date() };
    responses.push(response);
    events.emit('response', response);
    const fault = takeFault('response_url');
    if (fault && !('stall' in fault)) return sendFault(res, fault);
    const result = noteOutcome(response, workspace.respond(targets.get(id) ?? {}, body));
    send(res, result.ok ? 200 : 400, result);
  }

  async function upload(fileId: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    let content = raw;
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const part = [...form.values()][0];
      content = part instanceof Blob ? Buffer.from(await part.arrayBuffer()) : Buffer.from(String(part ?? ''));
    }
    if (!workspace.receiveUpload(fileId, content)) return sendText(res, 404, 'file not found');
    sendText(res, 200, `OK - ${content.length}`);
  }

  server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  base = `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;

  return {
    url: new URL('api/', base).toString(),
    calls,
    responses,
    files: workspace.files,
    responseUrl(id, target) {
      const key = id ?? `R${String(++responseSeq).padStart(6, '0')}`;
      if (target) targets.set(key, target);
      return new URL(`response/${encodeURIComponent(key)}`, base).toString();
    },
    messages: (channel) => workspace.messages(channel),
    views: workspace.views,
    user: (id) => workspace.user(id),
    userObject: (id) => workspace.userObject(id),
    setUser(seed) {
      const user = workspace.setUser(seed);
      events.emit('user', user);
      return user;
    },
    failNext(method, fault) {
      faults.set(method, [...(faults.get(method) ?? []), fault]);
    },
    failAlways(method, fault) {
      always.set(method, fault);
    },
    clearFaults(method) {
      for (const map of [faults, always]) {
        if (method === undefined) map.clear();
        else map.delete(method);
      }
    },
    on(event, listener) {
      const l = listener as (...args: unknown[]) => void;
      events.on(event, l);
      return () => events.off(event, l);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Records on the call (or response) why the fake refused it, so tests can assert that nothing was. */
function noteOutcome<R extends { ok: boolean; error?: unknown; errors?: unknown }>(record: { error?: string; problems?: string[] }, result: R): R {
  if (!result.ok) {
    record.error = typeof result.error === 'string' ? result.error : 'unknown_error';
    if (Array.isArray(result.errors)) record.problems = result.errors.map(String);
  }
  return result;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Decodes a JSON, form-encoded or multipart body into fields, with nested JSON fields parsed. */
async function parseBody(req: IncomingMessage, raw: Buffer): Promise<Record<string, unknown>> {
  if (raw.length === 0) return {};
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  }
  let entries: Array<[string, string]>;
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': req.headers['content-type']! } }).formData();
    entries = [...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : `[file ${v.size} bytes]`]);
  } else {
    entries = [...new URLSearchParams(raw.toString('utf8')).entries()];
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of entries) body[key] = JSON_FIELDS.has(key) ? parseJson(value) : value;
  return body;
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function sendFault(res: ServerResponse, fault: Fault): void {
  if ('retryAfterS' in fault) {
    res.setHeader('retry-after', String(fault.retryAfterS));
    return send(res, fault.status, { ok: false, error: 'ratelimited' });
  }
  if ('status' in fault) return sendText(res, fault.status, 'Slack is having a bad moment');
  if ('error' in fault) send(res, 200, { ok: false, error: fault.error });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

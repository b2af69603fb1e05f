/**
 * The state behind the fake Slack Web API: channels, users, messages (with edits, threads and
 * ephemeral ones), and uploaded files, plus the Web API methods that act on it. No HTTP here.
 */
import { FileStore, type FakeFile } from './files.js';
import { blockProblems } from './validate.js';
import { ViewStore, type ViewChange } from './views.js';

export type { FakeFile } from './files.js';

export interface FakeChannelSeed {
  id: string;
  name?: string;
  isPrivate?: boolean;
  /** The bot is not a member: posting answers `not_in_channel`. */
  isMember?: boolean;
}

export interface FakeUserSeed {
  id: string;
  name?: string;
  realName?: string;
  tz?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  /**
   * The user's Slack language as `users.info` reports it with `include_locale=true`: Slack's own
   * tags, e.g. `en-US`, `zh-CN`, `es-LA` (Latin American Spanish), `es-ES`, `pt-BR`. Default `en-US`.
   */
  locale?: string;
}

/** What Slack reports for a user who never picked a language. */
export const DEFAULT_SLACK_LOCALE = 'en-US';

/** A message as the workspace holds it now. */
export interface FakeMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  /** Who posted it (the bot's user id for API posts). */
  user: string;
  /** For an ephemeral message: the one user who sees it. */
  ephemeralTo?: string;
  threadTs?: string;
  replyCount: number;
  edited: boolean;
  files?: Array<{ id: string; title?: string; name: string }>;
  /** Message metadata (`event_type`, `event_payload`), as posted. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** How it arrived. */
  via: 'api' | 'response_url';
}

export type MethodResult = Record<string, unknown> & { ok: boolean };
export type MessageChange = { kind: 'posted' | 'updated' | 'deleted'; message: FakeMessage };

/** Where a response URL's answers go, so they show up in {@link Workspace.messages}. */
export interface ResponseTarget {
  channel?: string;
  user?: string;
  /** The message the interaction came from, for `replace_original` / `delete_original`. */
  messageTs?: string;
}

export interface WorkspaceOptions {
  /** Where `apps.connections.open` sends a Socket Mode client (see socket-mode.ts). */
  socketModeUrl?: () => string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
  channels?: FakeChannelSeed[];
  users?: FakeUserSeed[];
  /** Refuse posts to channels that were not seeded (default: create them on first post). */
  strictChannels?: boolean;
}

interface Channel extends Required<Omit<FakeChannelSeed, 'name'>> {
  name: string;
  dmUser?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const fail = (error: string, extra: Record<string, unknown> = {}): MethodResult => ({ ok: false, error, ...extra });

export class Workspace {
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  private readonly fileStore = new FileStore();
  readonly files: FakeFile[] = this.fileStore.files;
  private readonly channels = new Map<string, Channel>();
  private readonly users = new Map<string, FakeUserSeed>();
  private readonly store: FakeMessage[] = [];
  private lastMicros = 0;
  /** Modals and Home tabs. */
  readonly views: ViewStore;

  constructor(
    private readonly opts: WorkspaceOptions,
    private readonly onChange: (change: MessageChange) => void,
    onViewChange?: (change: ViewChange) => void,
  ) {
    this.views = new ViewStore(onViewChange);
    this.botUserId = opts.botUserId ?? 'U0AICCBOT';
    this.botId = opts.botId ?? 'B0AICCBOT';
    this.teamId = opts.teamId ?? 'T0FAKE';
    for (const c of opts.channels ?? [{ id: 'C0GENERAL', name: 'general' }]) this.addChannel(c);
    for (const u of opts.users ?? []) this.users.set(u.id, u);
  }

  /** Monotonic timestamps like Slack's: `1700000000.000100`, `1700000000.000200`, … */
  /** Like Slack's: epoch seconds with microseconds, from the wall clock, strictly increasing. */
  nextTs(): string {
    this.lastMicros = Math.max(this.lastMicros + 100, Date.now() * 1000);
    return `${Math.floor(this.lastMicros / 1e6)}.${String(this.lastMicros % 1e6).padStart(6, '0')}`;
  }

  /** Current messages, oldest first; deleted ones are gone, edits are applied. */
  messages(channel?: string): FakeMessage[] {
    return this.store.filter((m) => channel === undefined || m.channel === channel).map((m) => structuredClone(m));
  }

  call(method: string, body: Record<string, unknown>): MethodResult {
    switch (method) {
      case 'apps.connections.open':
        return this.opts.socketModeUrl ? { ok: true, url: this.opts.socketModeUrl() } : fail('not_allowed_token_type');
      case 'api.test':
        return { ok: true, args: body };
      case 'auth.test':
        return { ok: true, url: 'https://fake-workspace.slack.com/', team: 'Fake Workspace', user: 'aicc-bot', team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId, is_enterprise_install: false };
      case 'chat.postMessage':
        return this.post(body, false);
      case 'chat.postEphemeral':
        return this.post(body, true);
      case 'chat.update':
        return this.update(body);
      case 'chat.delete':
        return this.remove(str(body['channel']), str(body['ts']));
      case 'conversations.info':
        return this.info(str(body['channel']));
      case 'conversations.history':
        return this.history(body);
      case 'conversations.open':
        return this.open(str(body['users']) ?? str(body['user']));
      case 'users.info':
        return this.userInfo(str(body['user']), truthy(body['include_locale']));
      case 'files.getUploadURLExternal':
        return this.uploadUrl(body);
      case 'files.completeUploadExternal':
        return this.completeUpload(body);
      default:
        return this.views.call(method, body) ?? fail('unknown_method');
    }
  }

  /** The user as seeded or last set; undefined for a user never seeded (users.info still answers for them). */
  user(id: string): FakeUserSeed | undefined {
    const u = this.users.get(id);
    return u ? { ...u } : undefined;
  }

  /** Adds a user, or changes the given fields of one (a profile edit, a language picked in Slack's preferences). */
  setUser(seed: FakeUserSeed): FakeUserSeed {
    const next = { ...this.users.get(seed.id), ...stripUndefined(seed) };
    this.users.set(seed.id, next);
    return { ...next };
  }

  /** Applies a response_url POST the way Slack does for the interaction it belongs to. */
  respond(target: ResponseTarget, body: Record<string, unknown>): MethodResult {
    const problems = blockProblems(body['blocks']);
    if (problems.length > 0) return fail('invalid_blocks', { errors: problems });
    const channel = target.channel;
    if (!channel) return { ok: true };
    const original = target.messageTs ? this.find(channel, target.messageTs) : undefined;
    if (truthy(body['delete_original']) && original) return this.remove(channel, original.ts);
    if (truthy(body['replace_original']) && original) {
      this.edit(original, body);
      return { ok: true };
    }
    const ephemeral = body['response_type'] !== 'in_channel';
    if (ephemeral && !target.user) return { ok: true };
    this.add({ channel, text: str(body['text']), blocks: asBlocks(body['blocks']), ephemeralTo: ephemeral ? target.user : undefined, via: 'response_url' });
    return { ok: true };
  }

  /** Stores the bytes sent to an upload URL; false when the file id is unknown. */
  receiveUpload(fileId: string, content: Buffer): boolean {
    return this.fileStore.receive(fileId, content);
  }

  private addChannel(seed: FakeChannelSeed, dmUser?: string): Channel {
    const ch: Channel = { id: seed.id, name: seed.name ?? seed.id.toLowerCase(), isPrivate: seed.isPrivate ?? false, isMember: seed.isMember ?? true, ...(dmUser ? { dmUser } : {}) };
    this.channels.set(ch.id, ch);
    return ch;
  }

  /** Resolves a channel argument: a user id means the bot's DM with that user. */
  private channel(id: string | undefined): Channel | undefined {
    if (!id) return undefined;
    if (/^[UW][A-Z0-9]+$/.test(id)) return this.dm(id);
    const known = this.channels.get(id);
    if (known || this.opts.strictChannels || !/^[CGD][A-Z0-9]+$/.test(id)) return known;
    return this.addChannel({ id });
  }

  private dm(user: string): Channel {
    return this.channels.get(`D${user}`) ?? this.addChannel({ id: `D${user}`, name: user.toLowerCase(), isPrivate: true }, user);
  }

  private post(body: Record<string, unknown>, ephemeral: boolean): MethodResult {
    const ch = this.channel(str(body['channel']));
    if (!ch) return fail('channel_not_found');
    if (!ch.isMember) return fail('not_in_channel');
    const user = str(body['user']);
    if (ephemeral && !user) return fail('user_not_found');
    const text = str(body['text']);
    const blocks = asBlocks(body['blocks']);
    if (!text && !blocks?.length && body['attachments'] === undefined) return fail('no_text');
    if (text && text.length > 40_000) return fail('msg_too_long');
    const problems = blockProblems(body['blocks']);
    if (problems.length > 0) return fail('invalid_blocks', { errors: problems, response_metadata: { messages: problems } });
    const threadTs = str(body['thread_ts']);
    const parent = threadTs ? this.find(ch.id, threadTs) : undefined;
    if (threadTs && !parent) return fail('thread_not_found');
    const metadata = asMetadata(body['metadata']);
    const m = this.add({ channel: ch.id, text, blocks, ephemeralTo: ephemeral ? user : undefined, threadTs, metadata, via: 'api' });
    if (parent) parent.replyCount++;
    return ephemeral ? { ok: true, message_ts: m.ts } : { ok: true, channel: ch.id, ts: m.ts, message: wire(m, this.botId) };
  }

  private update(body: Record<string, unknown>): MethodResult {
    const ch = this.channel(str(body['channel']));
    if (!ch) return fail('channel_not_found');
    const m = this.find(ch.id, str(body['ts']));
    if (!m || m.ephemeralTo) return fail('message_not_found');
    const problems = blockProblems(body['blocks']);
    if (problems.length > 0) return fail('invalid_blocks', { errors: problems });
    this.edit(m, body);
    return { ok: true, channel: ch.id, ts: m.ts, text: m.text ?? '', message: wire(m, this.botId) };
  }

  private remove(channel: string | undefined, ts: string | undefined): MethodResult {
    const ch = this.channel(channel);
    if (!ch) return fail('channel_not_found');
    const m = this.find(ch.id, ts);
    if (!m) return fail('message_not_found');
    this.store.splice(this.store.indexOf(m), 1);
    this.onChange({ kind: 'deleted', message: structuredClone(m) });
    return { ok: true, channel: ch.id, ts: m.ts };
  }

  private info(id: string | undefined): MethodResult {
    const ch = id ? this.channels.get(id) : undefined;
    if (!ch) return fail('channel_not_found');
    const im = ch.dmUser !== undefined;
    return {
      ok: true,
      channel: { id: ch.id, name: ch.name, is_channel: !im && !ch.isPrivate, is_group: !im && ch.isPrivate, is_im: im, is_private: ch.isPrivate, is_member: ch.isMember, is_archived: false, ...(im ? { user: ch.dmUser } : {}) },
    };
  }

  private open(users: string | undefined): MethodResult {
    const user = users?.split(',')[0]?.trim();
    if (!user || !/^[UW][A-Z0-9]+$/.test(user)) return fail('user_not_found');
    return { ok: true, channel: { id: this.dm(user).id } };
  }

  /** As Slack: `locale` only when asked for with `include_locale` (it needs `users:read` either way). */
  private userInfo(id: string | undefined, includeLocale: boolean): MethodResult {
    if (!id || !/^[UW][A-Z0-9]+$/.test(id)) return fail('user_not_found');
    const { locale, ...user } = this.userObject(id);
    return { ok: true, user: includeLocale ? { ...user, locale } : user };
  }

  /** A user object as Slack sends it (`users.info` with `include_locale`, the `user_change` event). */
  userObject(id: string): Record<string, unknown> & { locale: string } {
    const u = this.users.get(id) ?? { id };
    const name = u.name ?? id.toLowerCase();
    const realName = u.realName ?? name;
    return {
      id,
      team_id: this.teamId,
      name,
      real_name: realName,
      tz: u.tz ?? 'UTC',
      is_admin: u.isAdmin ?? false,
      is_owner: u.isOwner ?? false,
      is_bot: id === this.botUserId,
      deleted: false,
      profile: { real_name: realName, display_name: name },
      locale: u.locale ?? DEFAULT_SLACK_LOCALE,
    };
  }

  private uploadUrl(body: Record<string, unknown>): MethodResult {
    const file = this.fileStore.reserve(str(body['filename']), Number(body['length']));
    // The server turns this relative path into an absolute URL on itself.
    return file ? { ok: true, upload_url: `upload/${file.id}`, file_id: file.id } : fail('invalid_arguments');
  }

  private completeUpload(body: Record<string, unknown>): MethodResult {
    const channelId = str(body['channel_id']) ?? str(body['channels'])?.split(',')[0];
    const ch = channelId ? this.channel(channelId) : undefined;
    if (channelId && !ch) return fail('channel_not_found');
    const result = this.fileStore.complete(body['files']);
    if (!result.ok) return fail(result.error);
    if (ch) {
      for (const f of result.files) f.channel = ch.id;
      const files = result.files.map((f) => ({ id: f.id, name: f.filename, ...(f.title ? { title: f.title } : {}) }));
      this.add({ channel: ch.id, text: str(body['initial_comment']), threadTs: str(body['thread_ts']), files, via: 'api' });
    }
    return { ok: true, files: result.files.map((f) => ({ id: f.id, name: f.filename, title: f.title, size: f.content?.length ?? f.length })) };
  }

  private add(init: Omit<FakeMessage, 'ts' | 'user' | 'replyCount' | 'edited'>): FakeMessage {
    const m: FakeMessage = { ts: this.nextTs(), user: this.botUserId, replyCount: 0, edited: false, ...stripUndefined(init) };
    this.store.push(m);
    this.onChange({ kind: 'posted', message: structuredClone(m) });
    return m;
  }

  private edit(m: FakeMessage, body: Record<string, unknown>): void {
    const text = str(body['text']);
    const blocks = asBlocks(body['blocks']);
    if (text !== undefined) m.text = text;
    if (blocks !== undefined) m.blocks = blocks;
    m.edited = true;
    this.onChange({ kind: 'updated', message: structuredClone(m) });
  }

  /** Top-level messages of a channel, newest first, between `oldest` and `latest` (exclusive). */
  private history(body: Record<string, unknown>): MethodResult {
    const ch = this.channel(str(body['channel']));
    if (!ch) return fail('channel_not_found');
    if (!ch.isMember) return fail('not_in_channel');
    const oldest = Number(str(body['oldest']) ?? '0');
    const latest = Number(str(body['latest']) ?? 'Infinity');
    const limit = Math.min(Number(str(body['limit']) ?? '100') || 100, 1000);
    const withMeta = truthy(body['include_all_metadata']);
    const messages = this.store
      .filter((m) => m.channel === ch.id && !m.threadTs && !m.ephemeralTo && Number(m.ts) > oldest && Number(m.ts) < latest)
      .reverse()
      .slice(0, limit)
      .map((m) => ({ ...wire(m, this.botId), ...(withMeta && m.metadata ? { metadata: m.metadata } : {}) }));
    return { ok: true, messages, has_more: false };
  }

  private find(channel: string, ts: string | undefined): FakeMessage | undefined {
    return ts ? this.store.find((m) => m.channel === channel && m.ts === ts) : undefined;
  }
}

function asMetadata(v: unknown): FakeMessage['metadata'] {
  const m = v as { event_type?: unknown; event_payload?: unknown } | undefined;
  return m && typeof m.event_type === 'string' && m.event_payload && typeof m.event_payload === 'object'
    ? { event_type: m.event_type, event_payload: m.event_payload as Record<string, unknown> }
    : undefined;
}

function asBlocks(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

function truthy(v: unknown): boolean {
  return v === true || v === 'true';
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The message object Slack returns from chat.postMessage / chat.update. */
function wire(m: FakeMessage, botId: string): Record<string, unknown> {
  return { type: 'message', subtype: 'bot_message', text: m.text ?? '', ...(m.blocks ? { blocks: m.blocks } : {}), user: m.user, bot_id: botId, ts: m.ts, ...(m.threadTs ? { thread_ts: m.threadTs } : {}) };
}

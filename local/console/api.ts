/**
 * The console's actions, done the way Slack does them: a slash command and a button click become
 * signed requests to the bot's `/slack/events`, with a response_url on the fake Slack that is
 * targeted at the channel (and message), so the bot's answers land in the timeline. Picking a
 * language changes the person's Slack language, as their Slack preferences would, and Slack's
 * `user_change` event tells the bot. What goes wrong is said in the person's language.
 */
import { z } from 'zod';
import { blockActionsBody, signSlackRequest, slashCommandBody, userChangeBody, type FakeMessage, type FakeSlack } from '../fakeslack/index.js';
import { isLocale, type Locale, type Translator } from '../../src/i18n/index.js';
import type { Logger } from '../../src/platform/log.js';
import { blockIdOf } from './blocks-html.js';
import { DEMO_GROUPS, type ConsoleChannel, type ConsoleGroup, type ConsoleUser } from './demo.js';
import { slackTagOf, ui } from './l10n.js';

const SLACK_ID = /^[A-Z0-9]{2,20}$/;

/** Longer than any command: the bot itself answers an over-long one in a plain sentence. */
const MAX_COMMAND_CHARS = 12_000;

export const CommandRequest = z.object({
  channel: z.string().regex(SLACK_ID),
  user: z.string().regex(SLACK_ID),
  // Checked against MAX_COMMAND_CHARS in sendCommand, so the refusal is in the person's language.
  text: z.string(),
});
export type CommandRequest = z.infer<typeof CommandRequest>;

export const ActionRequest = z.object({
  channel: z.string().regex(SLACK_ID),
  user: z.string().regex(SLACK_ID),
  messageTs: z.string().regex(/^\d{1,12}\.\d{1,8}$/),
  actionId: z.string().min(1).max(255),
  value: z.string().max(2000).optional(),
  blockId: z.string().max(255).optional(),
  isEphemeral: z.boolean().optional(),
});
export type ActionRequest = z.infer<typeof ActionRequest>;

export const LanguageRequest = z.object({
  user: z.string().regex(SLACK_ID),
  locale: z.string().max(20),
});
export type LanguageRequest = z.infer<typeof LanguageRequest>;

/** What the page gets back: the bot's ack status, or why there was none. */
export interface ApiResult {
  status: number;
  body: { ok: boolean; botStatus?: number; error?: string; locale?: Locale };
}

export interface ApiDeps {
  fakeSlack: FakeSlack;
  botUrl: string;
  signingSecret: string;
  channels: readonly ConsoleChannel[];
  users: readonly ConsoleUser[];
  log: Logger;
  /** Called before the command goes out, so the typed line precedes the answer. */
  echo: (channel: string, user: string, text: string) => void;
  /** A fresh response_url id. */
  nextId: () => string;
  /** The console's words for a person (their Slack language; English for someone unknown). */
  trFor: (userId: string | undefined) => Translator;
}

const fail = (status: number, error: string): ApiResult => ({ status, body: { ok: false, error } });

/** `/aicc TEXT` typed in a channel as a user. */
export async function sendCommand(req: CommandRequest, deps: ApiDeps): Promise<ApiResult> {
  const channel = deps.channels.find((c) => c.id === req.channel);
  const user = deps.users.find((u) => u.id === req.user);
  const tr = deps.trFor(user?.id);
  if (!channel || !user) return fail(404, !channel ? ui(tr, 'error.unknownChannel', { channel: req.channel }) : ui(tr, 'error.unknownUser', { user: req.user }));
  if (req.text.length > MAX_COMMAND_CHARS) return fail(400, ui(tr, 'error.tooLong', { max: MAX_COMMAND_CHARS }));
  const text = req.text.replace(/^\s*\/aicc(?=\s|$)/i, '').trim();
  deps.echo(channel.id, user.id, `/aicc ${text}`.trim());
  const body = slashCommandBody({
    text: escapeCommandText(text, deps.channels, deps.users),
    user_id: user.id,
    user_name: user.name,
    channel_id: channel.id,
    channel_name: channel.name,
    response_url: deps.fakeSlack.responseUrl(deps.nextId(), { channel: channel.id, user: user.id }),
    // A trigger id the fake knows is this user's, so a form the command opens shows to them.
    trigger_id: deps.fakeSlack.views.trigger(user.id),
  });
  deps.log.debug('console command', { channel: channel.id, user: user.id, command: text.split(/\s+/)[0] });
  return postToBot(body, deps, tr);
}

/** A button click on a message the user can see. */
export async function sendAction(req: ActionRequest, deps: ApiDeps): Promise<ApiResult> {
  const user = deps.users.find((u) => u.id === req.user);
  const tr = deps.trFor(user?.id);
  if (!user) return fail(404, ui(tr, 'error.unknownUser', { user: req.user }));
  const message = deps.fakeSlack.messages(req.channel).find((m) => m.ts === req.messageTs);
  if (!message) return fail(404, ui(tr, 'error.messageGone'));
  if (message.ephemeralTo !== undefined && message.ephemeralTo !== user.id) return fail(403, ui(tr, 'error.notYourMessage'));
  // The button's value and label come from the stored message, as Slack sends them, not from the page.
  const button = findButton(message, req.actionId, req.blockId);
  if (!button) return fail(404, ui(tr, 'error.noButton'));
  const ephemeral = message.ephemeralTo !== undefined;
  const body = blockActionsBody({
    action_id: req.actionId,
    block_id: button.blockId,
    ...(button.value !== undefined ? { value: button.value } : {}),
    ...(button.label !== undefined ? { text: button.label } : {}),
    user: { id: user.id, username: user.name, name: user.name, team_id: 'T0FAKE' },
    channel: req.channel,
    // Slack sends the message with a click on a normal message, and only its ts for an ephemeral one.
    ...(ephemeral ? { message_ts: message.ts, is_ephemeral: true } : { message: wireMessage(message), is_ephemeral: false }),
    response_url: deps.fakeSlack.responseUrl(deps.nextId(), { channel: req.channel, user: user.id, messageTs: message.ts }),
    trigger_id: deps.fakeSlack.views.trigger(user.id),
  });
  deps.log.debug('console action', { channel: req.channel, user: user.id, action: req.actionId });
  return postToBot(body, deps, tr);
}

/**
 * The person picks a language: it becomes their Slack language in the fake workspace (what
 * `users.info` reports), and the bot hears of it through `user_change`, as from Slack. The
 * language is changed even when the bot does not answer; the console's words follow it at once.
 */
export async function setLanguage(req: LanguageRequest, deps: ApiDeps): Promise<ApiResult> {
  const user = deps.users.find((u) => u.id === req.user);
  const tr = deps.trFor(user?.id);
  if (!user) return fail(404, ui(tr, 'error.unknownUser', { user: req.user }));
  if (!isLocale(req.locale)) return fail(400, ui(tr, 'error.unknownLanguage', { locale: req.locale }));
  deps.fakeSlack.setUser({ id: user.id, locale: slackTagOf(req.locale) });
  deps.log.debug('console language', { user: user.id, locale: req.locale });
  const told = await postToBot(userChangeBody(deps.fakeSlack.userObject(user.id)), deps, tr, 'application/json');
  if (!told.body.ok) deps.log.warn('the bot was not told of a language change', { user: user.id, error: told.body.error });
  return { status: 200, body: { ok: true, locale: req.locale, ...(told.body.botStatus !== undefined ? { botStatus: told.body.botStatus } : {}) } };
}

/**
 * Command text as Slack sends it with `should_escape` on: `&`, `<` and `>` escaped, and a typed
 * `#channel`, `@person`, `@group`, `@here` turned into `<#C…|name>`, `<@U…|name>`,
 * `<!subteam^S…|@group>`, `<!here>`, as Slack's suggestions would, so commands
 * that take a channel (`digest add #alerts`) work as they do in Slack. Unknown names stay text.
 */
export function escapeCommandText(text: string, channels: readonly ConsoleChannel[], users: readonly ConsoleUser[], groups: readonly ConsoleGroup[] = DEMO_GROUPS): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/(^|[\s(:])([#@])([\w-]+(?:\.[\w-]+)*)/g, (match, pre: string, sigil: string, name: string) => {
    const lower = name.toLowerCase();
    if (sigil === '#') {
      const c = channels.find((x) => x.name === lower);
      return c ? `${pre}<#${c.id}|${c.name}>` : match;
    }
    if (lower === 'here' || lower === 'channel' || lower === 'everyone') return `${pre}<!${lower}>`;
    const u = users.find((x) => x.name === lower);
    if (u) return `${pre}<@${u.id}|${u.name}>`;
    const g = groups.find((x) => x.handle === lower);
    return g ? `${pre}<!subteam^${g.id}|@${g.handle}>` : match;
  });
}

interface FoundButton {
  blockId: string;
  value?: string;
  label?: string;
}

/** The button with this action id (in the given block, when named) on a stored message. */
export function findButton(message: FakeMessage, actionId: string, blockId?: string): FoundButton | undefined {
  const blocks = message.blocks ?? [];
  for (const [i, block] of blocks.entries()) {
    const id = blockIdOf(block, i);
    if (blockId !== undefined && blockId !== id) continue;
    const b = block as { elements?: unknown; accessory?: unknown };
    const candidates = [...(Array.isArray(b.elements) ? b.elements : []), b.accessory];
    for (const e of candidates) {
      const el = e as { type?: unknown; action_id?: unknown; value?: unknown; text?: { text?: unknown } } | undefined;
      if (el?.type !== 'button' || el.action_id !== actionId) continue;
      return {
        blockId: id,
        ...(typeof el.value === 'string' ? { value: el.value } : {}),
        ...(typeof el.text?.text === 'string' ? { label: el.text.text } : {}),
      };
    }
  }
  return undefined;
}

function wireMessage(m: FakeMessage): { ts: string; text?: string; blocks?: unknown[]; [k: string]: unknown } {
  return {
    ts: m.ts,
    text: m.text ?? '',
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
  };
}

async function postToBot(body: string, deps: ApiDeps, tr: Translator, contentType?: string): Promise<ApiResult> {
  const headers = { ...signSlackRequest({ body, signingSecret: deps.signingSecret }), ...(contentType ? { 'content-type': contentType } : {}) };
  let res: Response;
  try {
    res = await fetch(`${deps.botUrl}/slack/events`, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    deps.log.warn('console could not reach the bot', { botUrl: deps.botUrl, error });
    return fail(502, ui(tr, 'error.botDown'));
  }
  const text = await res.text().catch(() => '');
  if (res.status === 200) return { status: 200, body: { ok: true, botStatus: 200 } };
  const detail = text.trim().slice(0, 200);
  const status = String(res.status);
  return { status: res.status, body: { ok: false, botStatus: res.status, error: detail ? ui(tr, 'error.botStatusDetail', { status, detail }) : ui(tr, 'error.botStatus', { status }) } };
}

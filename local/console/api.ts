/**
 * The console's two actions, done the way Slack does them: a slash command and a button click
 * become signed requests to the bot's `/slack/events`, with a response_url on the fake Slack that
 * is targeted at the channel (and message), so the bot's answers land in the timeline.
 */
import { z } from 'zod';
import { blockActionsBody, signSlackRequest, slashCommandBody, type FakeMessage, type FakeSlack } from '../fakeslack/index.js';
import type { Logger } from '../../src/platform/log.js';
import { blockIdOf } from './blocks-html.js';
import { DEMO_GROUPS, type ConsoleChannel, type ConsoleGroup, type ConsoleUser } from './demo.js';

const SLACK_ID = /^[A-Z0-9]{2,20}$/;

export const CommandRequest = z.object({
  channel: z.string().regex(SLACK_ID),
  user: z.string().regex(SLACK_ID),
  // Longer than any command: the bot itself answers an over-long one in a plain sentence.
  text: z.string().max(12_000, { message: 'that command is too long to send (at most 12,000 characters)' }),
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

/** What the page gets back: the bot's ack status, or why there was none. */
export interface ApiResult {
  status: number;
  body: { ok: boolean; botStatus?: number; error?: string };
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
}

const fail = (status: number, error: string): ApiResult => ({ status, body: { ok: false, error } });

/** `/aicc TEXT` typed in a channel as a user. */
export async function sendCommand(req: CommandRequest, deps: ApiDeps): Promise<ApiResult> {
  const channel = deps.channels.find((c) => c.id === req.channel);
  const user = deps.users.find((u) => u.id === req.user);
  if (!channel || !user) return fail(404, !channel ? `unknown channel ${req.channel}` : `unknown user ${req.user}`);
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
  return postToBot(body, deps);
}

/** A button click on a message the user can see. */
export async function sendAction(req: ActionRequest, deps: ApiDeps): Promise<ApiResult> {
  const user = deps.users.find((u) => u.id === req.user);
  if (!user) return fail(404, `unknown user ${req.user}`);
  const message = deps.fakeSlack.messages(req.channel).find((m) => m.ts === req.messageTs);
  if (!message) return fail(404, 'that message is gone');
  if (message.ephemeralTo !== undefined && message.ephemeralTo !== user.id) return fail(403, 'that message is only visible to someone else');
  // The button's value and label come from the stored message, as Slack sends them, not from the page.
  const button = findButton(message, req.actionId, req.blockId);
  if (!button) return fail(404, 'that button is not on the message');
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
  return postToBot(body, deps);
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

async function postToBot(body: string, deps: ApiDeps): Promise<ApiResult> {
  const headers = signSlackRequest({ body, signingSecret: deps.signingSecret });
  let res: Response;
  try {
    res = await fetch(`${deps.botUrl}/slack/events`, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    deps.log.warn('console could not reach the bot', { botUrl: deps.botUrl, error });
    return fail(502, 'The bot did not answer (is it running?)');
  }
  const text = await res.text().catch(() => '');
  if (res.status === 200) return { status: 200, body: { ok: true, botStatus: 200 } };
  const detail = text.trim().slice(0, 200);
  return { status: res.status, body: { ok: false, botStatus: res.status, error: `The bot answered HTTP ${res.status}${detail ? `: ${detail}` : ''}` } };
}

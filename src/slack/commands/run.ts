/**
 * One `/aicc` invocation from text to messages: parse, check where it may answer, run the handler,
 * turn failures into messages, add the Share button, and fit Block Kit limits. Knows nothing of
 * Bolt, so the console, tests and listeners all use it the same way.
 */
import { randomUUID } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import { parseCommand } from './parse.js';
import { explainError } from '../explain-error.js';
import { isAiccError } from '../../aicc/errors.js';
import { channelLink, escapeMrkdwn } from '../format.js';
import { allows, decide } from '../permissions.js';
import { anyOf, msg, say } from './message.js';
import { NotFound } from './not-found.js';
import type { CommandContext, CommandSet, Invocation } from './handler.js';
import { localesOf, userReader } from '../locales.js';
import { translator, type Translator } from '../../i18n/index.js';
import { section } from '../render/blocks.js';
import { renderError } from '../render/error.js';
import { renderHelp } from '../render/help.js';
import { fitBlocks } from '../render/limits.js';
import { offerShare } from '../share.js';
import { renderUsageError } from '../render/usage.js';

/** What the router needs; `D` is what the handlers of `table` need. */
export interface RunnerDeps<D = unknown> extends CommandContext {
  /** The rows and their handlers. */
  table: CommandSet<D>;
}

export interface CommandRequest {
  text: string;
  userId: string;
  channelId: string;
  /** Delivers an answer that can only come later (through the command's response_url). */
  later?: (reply: CommandReply) => Promise<void>;
}

export interface CommandReply {
  /** One or more messages, each within Block Kit limits. */
  messages: KnownBlock[][];
  isPublic: boolean;
  /** The command row that ran (`stats`, `digest add`), for metrics; absent when none was parsed. */
  command?: string;
  /** How it went, for metrics: `ok`, `refused`, `usage`, `not_found`, `deferred` or `error`. */
  outcome?: 'ok' | 'refused' | 'usage' | 'not_found' | 'deferred' | 'error';
}

/** Channel ids come from configuration (not from the user), so they may become channel links. */
function refusal(tr: Translator, allowed: readonly string[]): KnownBlock[] {
  return [section(say(tr, msg('errors.refused.queries', { channels: anyOf(allowed.map(channelLink)) })))];
}

export async function runCommand<D>(req: CommandRequest, deps: RunnerDeps<D> & D): Promise<CommandReply> {
  const privately = (blocks: KnownBlock[], outcome: CommandReply['outcome'], command?: string): CommandReply => ({ messages: fitBlocks(blocks), isPublic: false, outcome, ...(command ? { command } : {}) });
  const actor = { userId: req.userId, channelId: req.channelId };
  // Everything only the user sees (refusals, usage, errors) is in the user's language.
  const own = await userReader(deps, req.userId);
  // Every command is refused outside BOT_ALLOWED_CHANNELS; each handler checks its own permission.
  if (!allows('query', actor, deps)) return privately(refusal(own, deps.allowedChannels), 'refused');
  const { commands, handlers } = deps.table;
  const parsed = parseCommand(req.text, commands);
  if (!parsed.ok) return privately(renderUsageError(own, parsed), 'usage', parsed.command);
  const isPublic = parsed.isPublic;
  // A public answer is read by the channel, so it is in the channel's language.
  const tr = isPublic ? translator(await localesOf(deps).forChannel(req.channelId)) : own;
  if (parsed.command === 'help') {
    const name = typeof parsed.positional['command'] === 'string' ? parsed.positional['command'] : undefined;
    return { messages: fitBlocks(renderHelp(tr, commands, name)), isPublic, command: 'help', outcome: 'ok' };
  }
  const vdnCheck = decide('query', { ...actor, vdn: parsed.vdn }, deps);
  if (!vdnCheck.ok) return privately(renderError(own, vdnCheck), 'refused', parsed.command);
  const inv: Invocation = {
    userId: req.userId,
    channelId: req.channelId,
    vdn: parsed.vdn ?? deps.vdnIds[0] ?? 1,
    isAdmin: allows('view-recordings', actor, deps),
    isPublic,
    tr,
  };
  let blocks: KnownBlock[];
  try {
    // The registry guarantees, at compile time, a handler for every row that takes that row's input.
    const handler = handlers[parsed.command];
    if (!handler) throw new Error(`no handler for ${parsed.command}`);
    blocks = await handler(parsed, inv, deps);
  } catch (error) {
    if (error instanceof NotFound) return privately(renderError(own, error), 'not_found', parsed.command);
    const later = deferral(own, error, req, deps);
    if (later) return privately(later, 'deferred', parsed.command);
    const reference = randomUUID().slice(0, 8);
    deps.log.error('command failed', { command: parsed.command, ref: reference, error, stack: error instanceof Error && !('service' in error) ? error.stack : undefined });
    return privately(renderError(own, explainError(own, error, { timeZone: deps.timeZone, reference, maskNumbers: deps.maskNumbers })), 'error', parsed.command);
  }
  // Only a read-only answer, given privately, is offered for sharing.
  const done = { isPublic, command: parsed.command, outcome: 'ok' as const };
  if (isPublic || !parsed.spec.shareable) return { messages: fitBlocks(blocks), ...done };
  return { messages: await offerShare(blocks, { userId: req.userId, channelId: req.channelId, command: req.text, tr: own }, deps), ...done };
}

/** Slack keeps a `response_url` for 30 minutes: a deferred answer must come well within that. */
const MAX_DEFER_MS = 25 * 60_000;

/**
 * The vendor's budget is spent and nothing cached can answer (a batch that needs its own statistics
 * call): when the request can be answered later, say when, run the same command again at that
 * time and deliver its answer then. Undefined when the error is not that, or cannot wait.
 */
function deferral<D>(tr: Translator, error: unknown, req: CommandRequest, deps: RunnerDeps<D> & D): KnownBlock[] | undefined {
  if (!isAiccError(error) || error.code !== 'rate_limited' || !error.retryAt || !req.later) return undefined;
  const waitMs = error.retryAt.getTime() - deps.clock().getTime();
  if (waitMs > MAX_DEFER_MS) return undefined;
  const deliver = req.later;
  const timer = setTimeout(() => {
    runCommand({ ...req, later: undefined }, deps)
      .then(deliver)
      .catch((e: unknown) => deps.log.warn('a deferred answer could not be delivered', { error: e }));
  }, Math.max(0, waitMs) + DEFER_MARGIN_MS);
  timer.unref?.();
  const at = tr.time(new Date(error.retryAt.getTime() + DEFER_MARGIN_MS), deps.timeZone);
  return [section(tr.t('errors.deferred', { time: at, zone: escapeMrkdwn(deps.timeZone) }))];
}

/** A moment after the slot opens, so the guard's own margin has passed. */
const DEFER_MARGIN_MS = 3_000;

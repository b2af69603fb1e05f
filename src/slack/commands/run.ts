/**
 * One `/aicc` invocation from text to messages: parse, check where it may answer, run the handler,
 * turn failures into messages, add the Share button, and fit Block Kit limits. Knows nothing of
 * Bolt, so the console, tests and listeners all use it the same way.
 */
import { randomUUID } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import { parseCommand } from './parse.js';
import { explainError } from '../explain-error.js';
import { channelLink } from '../format.js';
import { allows } from '../permissions.js';
import { NotFound } from './not-found.js';
import type { CommandContext, CommandSet, Invocation } from './handler.js';
import { section } from '../render/blocks.js';
import { renderError } from '../render/error.js';
import { renderHelp } from '../render/help.js';
import { fitBlocks } from '../render/limits.js';
import { withShareButton } from '../render/share.js';
import { renderUsageError } from '../render/usage.js';

/** What the router needs; `D` is what the handlers of `table` need. */
export interface RunnerDeps<D = unknown> extends CommandContext {
  /** The VDN of a command that names none. */
  defaultVdn: number;
  /** The rows and their handlers. */
  table: CommandSet<D>;
}

export interface CommandRequest {
  text: string;
  userId: string;
  channelId: string;
  /** Answer in the channel whatever the text says (the Share button re-runs a command this way). */
  forcePublic?: boolean;
}

export interface CommandReply {
  /** One or more messages, each within Block Kit limits. */
  messages: KnownBlock[][];
  isPublic: boolean;
}

/** The Share button carries the command text so any bot process can re-run it publicly. */
export function shareValue(text: string): string {
  return JSON.stringify({ c: text });
}

export function commandFromShareValue(value: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(value ?? '') as { c?: unknown };
    return typeof parsed.c === 'string' ? parsed.c : undefined;
  } catch {
    return undefined;
  }
}

/** Channel ids come from configuration (not from the user), so they may become channel links. */
function refusal(allowed: readonly string[]): KnownBlock[] {
  const where = allowed.map(channelLink).join(', ');
  return [section(`:no_entry: *AICC queries are not answered in this channel.*\nPlease ask in ${where}.`)];
}

export async function runCommand<D>(req: CommandRequest, deps: RunnerDeps<D> & D): Promise<CommandReply> {
  const privately = (blocks: KnownBlock[]): CommandReply => ({ messages: fitBlocks(blocks), isPublic: false });
  const actor = { userId: req.userId, channelId: req.channelId };
  // Every command is refused outside BOT_ALLOWED_CHANNELS; each handler checks its own permission.
  if (!allows('query', actor, deps)) return privately(refusal(deps.allowedChannels));
  const { commands, handlers } = deps.table;
  const parsed = parseCommand(req.text, commands);
  if (!parsed.ok) return privately(renderUsageError(parsed));
  const isPublic = parsed.isPublic || Boolean(req.forcePublic);
  if (parsed.command === 'help') {
    return { messages: fitBlocks(renderHelp(commands, typeof parsed.positional['command'] === 'string' ? parsed.positional['command'] : undefined)), isPublic };
  }
  const inv: Invocation = {
    userId: req.userId,
    channelId: req.channelId,
    vdn: parsed.vdn ?? deps.defaultVdn,
    isAdmin: allows('view-recordings', actor, deps),
    isPublic,
  };
  let blocks: KnownBlock[];
  try {
    // The registry guarantees, at compile time, a handler for every row that takes that row's input.
    const handler = handlers[parsed.command];
    if (!handler) throw new Error(`no handler for ${parsed.command}`);
    blocks = await handler(parsed, inv, deps);
  } catch (error) {
    if (error instanceof NotFound) return privately(renderError({ title: error.title, hint: error.hint }));
    const reference = randomUUID().slice(0, 8);
    deps.log.error('command failed', { command: parsed.command, ref: reference, error, stack: error instanceof Error && !('service' in error) ? error.stack : undefined });
    return privately(renderError(explainError(error, { timeZone: deps.timeZone, reference })));
  }
  return { messages: fitBlocks(isPublic ? blocks : withShareButton(blocks, shareValue(req.text))), isPublic };
}

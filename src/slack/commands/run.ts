/**
 * One `/aicc` invocation from text to messages: parse, check where it may answer, run the handler,
 * turn failures into messages, add the Share button, and fit Block Kit limits. Knows nothing of
 * Bolt, so the console, tests and listeners all use it the same way.
 */
import { randomUUID } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import { parseCommand } from './parse.js';
import { COMMANDS } from '../../features/commands.js';
import { explainError } from '../explain-error.js';
import { channelLink } from '../format.js';
import { HANDLERS } from '../../features/handlers.js';
import { NotFound } from './not-found.js';
import type { HandlerDeps, Invocation } from './handler.js';
import { section } from '../render/blocks.js';
import { renderError } from '../render/error.js';
import { renderHelp } from '../render/help.js';
import { fitBlocks } from '../render/limits.js';
import { withShareButton } from '../render/share.js';
import { renderUsageError } from '../render/usage.js';

export interface RunnerDeps extends HandlerDeps {
  defaultVdn: number;
  adminUsers: readonly string[];
  allowedChannels: readonly string[];
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

export async function runCommand(req: CommandRequest, deps: RunnerDeps): Promise<CommandReply> {
  const privately = (blocks: KnownBlock[]): CommandReply => ({ messages: fitBlocks(blocks), isPublic: false });
  if (deps.allowedChannels.length > 0 && !deps.allowedChannels.includes(req.channelId)) {
    return privately(refusal(deps.allowedChannels));
  }
  const parsed = parseCommand(req.text, COMMANDS);
  if (!parsed.ok) return privately(renderUsageError(parsed));
  const isPublic = parsed.isPublic || Boolean(req.forcePublic);
  if (parsed.command === 'help') {
    return { messages: fitBlocks(renderHelp(COMMANDS, parsed.positional.command)), isPublic };
  }
  const inv: Invocation = {
    userId: req.userId,
    channelId: req.channelId,
    vdn: parsed.vdn ?? deps.defaultVdn,
    isAdmin: deps.adminUsers.includes(req.userId),
    isPublic,
  };
  let blocks: KnownBlock[];
  try {
    // The table guarantees HANDLERS[name] takes the input parsed for that name.
    const handler = HANDLERS[parsed.command] as (input: typeof parsed, inv: Invocation, deps: HandlerDeps) => Promise<KnownBlock[]>;
    blocks = await handler(parsed, inv, deps);
  } catch (error) {
    if (error instanceof NotFound) return privately(renderError({ title: error.title, hint: error.hint }));
    const reference = randomUUID().slice(0, 8);
    deps.log.error('command failed', { command: parsed.command, ref: reference, error, stack: error instanceof Error && !('service' in error) ? error.stack : undefined });
    return privately(renderError(explainError(error, { timeZone: deps.timeZone, reference })));
  }
  return { messages: fitBlocks(isPublic ? blocks : withShareButton(blocks, shareValue(req.text))), isPublic };
}

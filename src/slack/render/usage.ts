/**
 * The answer to input the parser refused: what was wrong, the usage line of the command (or the
 * short list of all commands when none was recognised), and examples.
 */
import type { KnownBlock } from '@slack/types';
import { DEFAULT_SLASH_COMMAND, type ParseFailure } from '../commands/spec.js';
import { context, section } from './blocks.js';

/** Renders a parse failure. `message` is already mrkdwn with user text escaped (see parseCommand). */
export function renderUsageError(result: ParseFailure, opts: { slashCommand?: string } = {}): KnownBlock[] {
  const slash = opts.slashCommand ?? DEFAULT_SLASH_COMMAND;
  const blocks: KnownBlock[] = [
    section(`:warning: ${result.message}`),
    section(`*${result.command ? 'Usage' : 'Commands'}*\n\`\`\`${result.usage}\`\`\``),
  ];
  const tips = [
    ...(result.examples.length > 0 ? [`Examples: ${result.examples.map((e) => `\`${slash} ${e}\``).join('  ·  ')}`] : []),
    `\`${slash} help${result.command ? ` ${result.command}` : ''}\` for more`,
  ];
  blocks.push(context(tips.join('  ·  ')));
  return blocks;
}

/**
 * The answer to input the parser refused: what was wrong, the usage line of the command (or the
 * short list of all commands when none was recognised), and examples, in the reader's language.
 * Usage lines and examples are command words, the same in every language.
 */
import type { KnownBlock } from '@slack/types';
import type { Translator } from '../../i18n/index.js';
import { say } from '../commands/message.js';
import { DEFAULT_SLASH_COMMAND, type ParseFailure } from '../commands/spec.js';
import { context, section } from './blocks.js';

/** Renders a parse failure. Its problem is mrkdwn with user text escaped (see parseCommand). */
export function renderUsageError(tr: Translator, result: ParseFailure, opts: { slashCommand?: string } = {}): KnownBlock[] {
  const slash = opts.slashCommand ?? DEFAULT_SLASH_COMMAND;
  const blocks: KnownBlock[] = [
    section(`:warning: ${say(tr, result.problem)}`),
    section(`${tr.t(result.command ? 'help.usage' : 'help.commands')}\n\`\`\`${result.usage}\`\`\``),
  ];
  const tips = [
    ...(result.examples.length > 0 ? [tr.t('help.examples', { examples: examplesOf(slash, result.examples) })] : []),
    tr.t('help.more', { command: `${slash} help${result.command ? ` ${result.command}` : ''}` }),
  ];
  blocks.push(context(tips.join('  ·  ')));
  return blocks;
}

/** Examples as code, `/aicc stats 1730021037  ·  /aicc stats`. */
export function examplesOf(slash: string, examples: readonly string[]): string {
  return examples.map((e) => `\`${slash} ${e}\``).join('  ·  ');
}

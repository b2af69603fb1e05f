/**
 * `/aicc help [command]`, generated from the command table so it always matches what the parser
 * accepts.
 */
import type { KnownBlock } from '@slack/types';
import { DEFAULT_SLASH_COMMAND, usageLine, type AnyCommandSpec, type CommandTable } from '../commands/spec.js';
import { echo } from '../format.js';
import { chunkLines, context, divider, header, section } from './blocks.js';

export interface HelpOptions {
  /** The slash command to show (default `/aicc`). */
  slashCommand?: string;
}

/** The help list, or the help of one command (or of a group such as `digest`). */
export function renderHelp(table: CommandTable, commandName?: string, opts: HelpOptions = {}): KnownBlock[] {
  const slash = opts.slashCommand ?? DEFAULT_SLASH_COMMAND;
  const name = commandName?.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!name) return renderList(table, slash, `${slash} commands`);
  const spec = table.find((s) => s.name === name);
  if (spec) return renderOne(spec, slash);
  const group = table.filter((s) => s.name.startsWith(`${name} `));
  if (group.length > 0) return renderList(group, slash, `${slash} ${name}`);
  return [section(`:thinking_face: There is no command \`${echo(name)}\`.`), ...renderList(table, slash, `${slash} commands`)];
}

/**
 * One name per figure, used alike in answers, digests, alert metrics and here. Alert metric names
 * follow it (`connection_rate`); the older `success_rate` and `connect_rate` still work.
 */
export const GLOSSARY: readonly (readonly [string, string])[] = [
  ['Dialled', 'calls placed today (CMS: the task total)'],
  ['Connected', 'dialled calls that were answered'],
  ['Connection rate', 'connected ÷ dialled; alert metrics `connection_rate` (statistics) and `task_connection_rate` (CMS real-time)'],
  ['Finished', 'numbers that need no more calls'],
  ['Remaining', 'numbers not dialled yet'],
  ['Completion rate', 'completed ÷ total of a task (CMS)'],
  ['Autonomy rate', "a voice bot's self-service calls ÷ (self-service + handed to an agent)"],
  ['Inconsistent', 'a figure the vendor sent that cannot be true (negative, or above its whole): shown as sent, left out of totals, rankings and alerts'],
];

function glossary(): KnownBlock {
  return context(['*Glossary*', ...GLOSSARY.map(([term, meaning]) => `*${term}*: ${meaning}`)].join('\n'));
}

function renderList(specs: readonly AnyCommandSpec[], slash: string, title: string): KnownBlock[] {
  const lines = specs.map((s) => `*${s.name}*  ${s.summary}\n\`${usageLine(s, slash)}\``);
  return [
    header(title),
    ...chunkLines(lines).map((c) => section(c)),
    divider(),
    glossary(),
    context(
      `Add \`vdn:N\` to pick a VDN and \`public\` to answer in the channel. Quote values with spaces: \`name:"spring follow"\`. \`${slash} help COMMAND\` explains one command.`,
    ),
  ];
}

function renderOne(spec: AnyCommandSpec, slash: string): KnownBlock[] {
  const args: string[] = [];
  for (const p of spec.positional) {
    args.push(`• \`${p.value.placeholder}\`${p.required ? '' : ' (optional)'}${p.help ? ` — ${p.help}` : ''}`);
  }
  for (const [key, o] of Object.entries(spec.options)) {
    args.push(`• \`${key}:${o.value.placeholder}\`${o.required ? '' : ' (optional)'}${o.help ? ` — ${o.help}` : ''}`);
  }
  if (spec.vdn !== false) args.push('• `vdn:N` (optional) — which VDN, 1 to 9999 (default: the configured one)');
  args.push('• `public` (optional) — post the answer in the channel instead of only to you');

  const blocks: KnownBlock[] = [
    header(`${slash} ${spec.name}`),
    section(spec.details ? `${spec.summary}.\n${spec.details}` : `${spec.summary}.`),
    section(`*Usage*\n\`\`\`${usageLine(spec, slash)}\`\`\``),
    ...chunkLines(['*Arguments*', ...args]).map((c) => section(c)),
  ];
  if (spec.examples.length > 0) {
    blocks.push(context(`Examples: ${spec.examples.map((e) => `\`${slash} ${e}\``).join('  ·  ')}`));
  }
  return blocks;
}

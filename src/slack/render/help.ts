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

function renderList(specs: readonly AnyCommandSpec[], slash: string, title: string): KnownBlock[] {
  const lines = specs.map((s) => `*${s.name}*  ${s.summary}\n\`${usageLine(s, slash)}\``);
  return [
    header(title),
    ...chunkLines(lines).map((c) => section(c)),
    divider(),
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

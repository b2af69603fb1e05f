/**
 * `/aicc help [command]`, generated from the command table so it always matches what the parser
 * accepts, and written in the reader's language: command words, option names and usage lines stay
 * as they are typed; what they mean comes from the `help` catalogue.
 */
import type { KnownBlock } from '@slack/types';
import { type MessageKey, type Translator } from '../../i18n/index.js';
import { DEFAULT_SLASH_COMMAND, usageLine, type AnyCommandSpec, type CommandTable } from '../commands/spec.js';
import { echo } from '../format.js';
import { chunkLines, context, divider, header, section } from './blocks.js';
import { examplesOf } from './usage.js';

export interface HelpOptions {
  /** The slash command to show (default `/aicc`). */
  slashCommand?: string;
}

/** The help list, or the help of one command (or of a group such as `digest`), in `tr`'s language. */
export function renderHelp(tr: Translator, table: CommandTable, commandName?: string, opts: HelpOptions = {}): KnownBlock[] {
  const slash = opts.slashCommand ?? DEFAULT_SLASH_COMMAND;
  const name = commandName?.trim().toLowerCase().replace(/\s+/g, ' ');
  const all = () => renderList(tr, table, slash, tr.t('help.list.title', { slash }));
  if (!name) return all();
  const spec = table.find((s) => s.name === name);
  if (spec) return renderOne(tr, spec, slash);
  const group = table.filter((s) => s.name.startsWith(`${name} `));
  if (group.length > 0) return renderList(tr, group, slash, `${slash} ${name}`);
  return [section(tr.t('help.unknown', { name: echo(name) })), ...all()];
}

/**
 * One name per figure, used alike in answers, digests, alert metrics and here. Alert metric names
 * follow it (`connection_rate`); the older `success_rate` and `connect_rate` still work.
 */
export const GLOSSARY: readonly MessageKey[] = [
  'help.glossary.dialled',
  'help.glossary.connected',
  'help.glossary.connectionRate',
  'help.glossary.finished',
  'help.glossary.remaining',
  'help.glossary.completionRate',
  'help.glossary.autonomyRate',
  'help.glossary.inconsistent',
];

function glossary(tr: Translator): KnownBlock {
  return context([tr.t('help.glossary.title'), ...GLOSSARY.map((key) => tr.t(key))].join('\n'));
}

function renderList(tr: Translator, specs: readonly AnyCommandSpec[], slash: string, title: string): KnownBlock[] {
  const lines = specs.map((s) => `*${s.name}*  ${tr.t(s.summary)}\n\`${usageLine(s, slash)}\``);
  return [header(title), ...chunkLines(lines).map((c) => section(c)), divider(), glossary(tr), context(tr.t('help.list.footer', { slash }))];
}

/** One argument line: `` • `page:N` (optional) — which page of results ``. */
function argLine(tr: Translator, code: string, required: boolean | undefined, help: MessageKey | undefined): string {
  const arg = required ? `\`${code}\`` : tr.t('help.arg.optional', { arg: `\`${code}\`` });
  return `• ${arg}${help ? ` — ${tr.t(help)}` : ''}`;
}

function renderOne(tr: Translator, spec: AnyCommandSpec, slash: string): KnownBlock[] {
  const args: string[] = [];
  for (const p of spec.positional) args.push(argLine(tr, p.value.placeholder, p.required, p.help));
  for (const [key, o] of Object.entries(spec.options)) args.push(argLine(tr, `${key}:${o.value.placeholder}`, o.required, o.help));
  if (spec.vdn !== false) args.push(argLine(tr, 'vdn:N', false, 'help.option.vdn'));
  args.push(argLine(tr, 'public', false, 'help.option.public'));

  const summary = tr.t('help.one.summary', { summary: tr.t(spec.summary) });
  const blocks: KnownBlock[] = [
    header(`${slash} ${spec.name}`),
    section(spec.details ? `${summary}\n${tr.t(spec.details)}` : summary),
    section(`${tr.t('help.usage')}\n\`\`\`${usageLine(spec, slash)}\`\`\``),
    ...chunkLines([tr.t('help.arguments'), ...args]).map((c) => section(c)),
  ];
  if (spec.examples.length > 0) blocks.push(context(tr.t('help.examples', { examples: examplesOf(slash, spec.examples) })));
  return blocks;
}

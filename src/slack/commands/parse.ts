/**
 * Turns the text of `/aicc …` into a typed command or a helpful failure, driven only by the
 * command table. A failure says what is wrong as a message (`errors.usage.*`), worded in the
 * reader's language when it is shown; any user text in it is escaped and cut short.
 */
import { echo } from '../format.js';
import { tokenize, type Token } from './args.js';
import { inEnglish, msg, type Wording } from './message.js';
import {
  DEFAULT_SLASH_COMMAND,
  VDN_VALUE,
  usageLine,
  type AnyCommandSpec,
  type CommandTable,
  type ParseFailure,
  type ParseResult,
  type ValueSpec,
} from './spec.js';

export interface ParseOptions {
  /** The slash command usage lines name (default `/aicc`). */
  slashCommand?: string;
  /** Longer input is refused before it is read (default 500 characters). */
  maxLength?: number;
}

/** The bare word that makes an answer public. */
export const PUBLIC_FLAG = 'public';

/**
 * Parses command text against a table. Empty text means `help` when the table has it.
 * The result is discriminated by `ok`, then by `command`, so a handler reads typed values.
 */
export function parseCommand<T extends CommandTable>(text: string, table: T, opts: ParseOptions = {}): ParseResult<T> {
  const slash = opts.slashCommand ?? DEFAULT_SLASH_COMMAND;
  const maxLength = opts.maxLength ?? 500;
  const fail = (problem: Wording, spec?: AnyCommandSpec, usageFor: readonly AnyCommandSpec[] = table): ParseFailure => {
    const said = { problem, message: inEnglish(problem) };
    return spec
      ? { ok: false, command: spec.name, ...said, usage: usageLine(spec, slash), examples: spec.examples }
      : { ok: false, ...said, usage: usageFor.map((s) => usageLine(s, slash)).join('\n'), examples: [] };
  };

  if (text.length > maxLength) {
    const first = text.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? '';
    const spec = table.find((s) => s.name === first);
    return fail(msg('errors.usage.tooLong', { length: text.length, max: maxLength }), spec);
  }

  const tokenized = tokenize(text);
  if (!tokenized.ok) return fail(tokenized.message, findByFirstWord(text, table));

  let isPublic = false;
  let vdn: number | undefined;
  const words: Token[] = [];
  const pairs: Token[] = [];
  for (const token of tokenized.tokens) {
    if (token.key === undefined && !token.quoted && token.value.toLowerCase() === PUBLIC_FLAG) isPublic = true;
    else if (token.key === undefined) words.push(token);
    else pairs.push(token);
  }

  // Resolve the command: a two-word row first, then a one-word row.
  const w0 = words[0]?.value.toLowerCase();
  const w1 = words[1]?.value.toLowerCase();
  // Messages echo what the user typed, not the lower-cased lookup key.
  const typed0 = words[0]?.value ?? '';
  const typed01 = `${typed0} ${words[1]?.value ?? ''}`;
  let spec: AnyCommandSpec | undefined;
  let used = 1;
  if (w0 === undefined) {
    spec = table.find((s) => s.name === 'help');
    used = 0;
    if (!spec) return fail(msg('errors.usage.noCommand'));
  } else {
    spec = w1 !== undefined ? table.find((s) => s.name === `${w0} ${w1}`) : undefined;
    if (spec) used = 2;
    else spec = table.find((s) => s.name === w0);
  }
  if (!spec) {
    const group = table.filter((s) => s.name.startsWith(`${w0} `));
    if (group.length > 0) {
      // Code words, listed alike in every language.
      const subs = group.map((s) => `\`${s.name.slice(w0!.length + 1)}\``).join(', ');
      const problem = w1 === undefined ? msg('errors.usage.needsSubcommand', { typed: echo(typed0), subs }) : msg('errors.usage.notSubcommand', { typed: echo(typed01), word: echo(typed0), subs });
      return fail(problem, undefined, group);
    }
    const hint = suggest(w0!, table);
    return fail(hint ? msg('errors.usage.unknownCommandSuggest', { typed: echo(typed0), suggestion: hint }) : msg('errors.usage.unknownCommand', { typed: echo(typed0) }));
  }

  const positional: Record<string, unknown> = {};
  const options: Record<string, unknown> = {};
  const rest = words.slice(used).map((t) => t.value);

  for (const p of spec.positional) {
    const label = labelOf(p.name, p.value);
    if (rest.length === 0) {
      if (p.required) return fail(msg('errors.usage.needsArgument', { command: spec.name, label }), spec);
      continue;
    }
    const raw = p.rest ? rest.splice(0).join(' ') : rest.shift()!;
    const parsed = p.value.parse(raw);
    if (!parsed.ok) return fail(msg('errors.usage.mustBe', { label, expected: parsed.expected, raw: echo(raw) }), spec);
    positional[p.name] = parsed.value;
  }
  if (rest.length > 0) return fail(msg('errors.usage.unexpected', { word: echo(rest[0]!) }), spec);

  for (const pair of pairs) {
    const key = pair.key!;
    const isVdn = key === 'vdn' && !('vdn' in spec.options);
    const value: ValueSpec<unknown> | undefined = isVdn ? VDN_VALUE : spec.options[key]?.value;
    if (!value) {
      const known = Object.keys(spec.options);
      const typed = { key: echo(key, 20), command: spec.name };
      return fail(known.length > 0 ? msg('errors.usage.notAnOptionTakes', { ...typed, options: known.map((k) => `\`${k}\``).join(', ') }) : msg('errors.usage.notAnOption', typed), spec);
    }
    if (isVdn ? vdn !== undefined : key in options) return fail(msg('errors.usage.givenTwice', { key }), spec);
    const parsed = value.parse(pair.value);
    if (!parsed.ok) return fail(msg('errors.usage.mustBe', { label: `\`${key}\``, expected: parsed.expected, raw: echo(pair.value) }), spec);
    if (isVdn) vdn = parsed.value as number;
    else options[key] = parsed.value;
  }
  for (const [key, o] of Object.entries(spec.options)) {
    if (o.required && !(key in options)) return fail(msg('errors.usage.needsArgument', { command: spec.name, label: `\`${key}:${o.value.placeholder}\`` }), spec);
  }

  const problem = spec.check?.({ positional, options });
  if (problem) return fail(problem, spec);

  const result = { ok: true as const, command: spec.name, spec, positional, options, isPublic, ...(vdn !== undefined ? { vdn } : {}) };
  // The runtime values were produced by each spec's own parser, so they have the spec's types.
  return result as unknown as ParseResult<T>;
}

/** Finds the row a text starts with (two words first), for usage help when tokenizing failed. */
function findByFirstWord(text: string, table: CommandTable): AnyCommandSpec | undefined {
  const [a, b] = text.trim().toLowerCase().split(/\s+/, 2);
  return table.find((s) => s.name === `${a} ${b}`) ?? table.find((s) => s.name === a);
}

/** Error label of an argument: its placeholder when that is a name such as `TASK_ID`, else its key. */
function labelOf(name: string, value: ValueSpec<unknown>): string {
  return /^[A-Z][A-Z_]*$/.test(value.placeholder) ? value.placeholder : `\`${name}\``;
}

/** The closest command name within two edits, for "did you mean". */
function suggest(word: string, table: CommandTable): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of new Set(table.map((s) => s.name.split(' ')[0]!))) {
    const d = distance(word, name);
    if (d <= 2 && d < name.length / 2 && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

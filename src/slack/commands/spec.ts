/**
 * The vocabulary of the command table: value validators, argument specs, command specs, and the
 * types that turn a command spec into the typed values a handler reads.
 *
 * A value spec parses raw text into a typed value, so `integer()` yields `number` and
 * `choice(['hour', 'day'])` yields `'hour' | 'day'`; {@link ParsedCommand} carries those types
 * through to the handler without casts.
 */

import type { MessageKey } from '../../i18n/index.js';
import { anyOf, msg, type Message, type Wording } from './message.js';

/**
 * The outcome of parsing one raw value; `expected` completes "`page` must be …" (a noun phrase,
 * worded in the reader's language: a message from the `help.expected.*` keys).
 */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; expected: Wording };

/** Parses and validates one argument value. */
export interface ValueSpec<T> {
  /** Shown in usage lines: `N`, `YYYY-MM-DD`, `running|paused`. */
  readonly placeholder: string;
  parse(raw: string): ValueResult<T>;
}

/** A positional argument, matched by order. */
export interface PositionalSpec<N extends string = string, T = unknown> {
  /** The key a handler reads it by (`positional.taskId`). */
  readonly name: N;
  readonly value: ValueSpec<T>;
  readonly required: boolean;
  /** The last positional may take every remaining word, joined by spaces (`help digest add`). */
  readonly rest?: boolean;
  /** What it is, for `help COMMAND` (a `help.*` key). */
  readonly help?: MessageKey;
}

/** A named `key:value` option. */
export interface OptionSpec<T = unknown> {
  readonly value: ValueSpec<T>;
  readonly required?: boolean;
  /** What it is, for `help COMMAND` (a `help.*` key). */
  readonly help?: MessageKey;
}

/** Raw values as the parser collected them, for cross-argument checks. */
export interface CollectedValues {
  positional: Readonly<Record<string, unknown>>;
  options: Readonly<Record<string, unknown>>;
}

/** One row of the command table: routing, validation, usage line and help all come from it. */
export interface CommandSpec<
  N extends string = string,
  P extends readonly PositionalSpec<string, unknown>[] = readonly PositionalSpec<string, unknown>[],
  O extends Readonly<Record<string, OptionSpec<unknown>>> = Readonly<Record<string, OptionSpec<unknown>>>,
> {
  /** One word, or two for a subcommand (`digest add`). Lower case. */
  readonly name: N;
  /** One line for the help list, without a final stop (a `help.*` key, e.g. `help.stats.summary`). */
  readonly summary: MessageKey;
  /** A longer explanation for `help COMMAND` (a `help.*` key). */
  readonly details?: MessageKey;
  readonly positional: P;
  readonly options: O;
  /** Whether the command reads a VDN, so `vdn:N` appears in its usage line. Default true. */
  readonly vdn?: boolean;
  /** Example argument strings, without `/aicc`: command words, the same in every language. */
  readonly examples: readonly string[];
  /** A read-only answer others may see: a private answer gets a **Share in channel** button. */
  readonly shareable?: boolean;
  /** A check across arguments; returns what is wrong with the combination (an `errors.usage.*` message). */
  readonly check?: (values: CollectedValues) => Wording | undefined;
}

/** Any row of any table. */
export type AnyCommandSpec = CommandSpec<string, readonly PositionalSpec<string, unknown>[], Readonly<Record<string, OptionSpec<unknown>>>>;

/** An ordered list of command specs. */
export type CommandTable = readonly AnyCommandSpec[];

/** Identity function that keeps the literal types of a row (names, choices) for {@link ParsedCommand}. */
export function defineCommand<
  const N extends string,
  const P extends readonly PositionalSpec<string, unknown>[],
  const O extends Readonly<Record<string, OptionSpec<unknown>>>,
>(spec: CommandSpec<N, P, O>): CommandSpec<N, P, O> {
  return spec;
}

type ValueOf<S> = S extends { readonly value: ValueSpec<infer T> } ? T : never;

/** The typed positional values of a command, keyed by each spec's `name`. */
export type PositionalValues<P extends readonly PositionalSpec<string, unknown>[]> = {
  [S in P[number] as S['name']]: S extends { readonly required: true } ? ValueOf<S> : ValueOf<S> | undefined;
};

/** The typed option values of a command. */
export type OptionValues<O extends Readonly<Record<string, OptionSpec<unknown>>>> = {
  [K in keyof O]: O[K] extends { readonly required: true } ? ValueOf<O[K]> : ValueOf<O[K]> | undefined;
};

/** A successfully parsed command, typed by its row. */
export interface ParsedCommand<C extends AnyCommandSpec = AnyCommandSpec> {
  ok: true;
  /** The command name; narrows the union of a table's results. */
  command: C['name'];
  spec: C;
  positional: PositionalValues<C['positional']>;
  options: OptionValues<C['options']>;
  /** The bare word `public` was given: answer in the channel. */
  isPublic: boolean;
  /** `vdn:N`, when given. */
  vdn?: number;
}

/** A failed parse: what went wrong (mrkdwn, user text already escaped) and how to use the command. */
export interface ParseFailure {
  ok: false;
  /** The command recognised, when there was one. */
  command?: string;
  /** What went wrong, to be worded in the reader's language. */
  problem: Wording;
  /** The same in English, for logs and tests. */
  message: string;
  /** The usage line of the command, or of every command when none was recognised. */
  usage: string;
  examples: readonly string[];
}

/** The union of the parsed results of every row of a table, discriminated by `command`. */
export type ParseSuccess<T extends CommandTable> = T[number] extends infer C
  ? C extends AnyCommandSpec
    ? ParsedCommand<C>
    : never
  : never;

export type ParseResult<T extends CommandTable> = ParseSuccess<T> | ParseFailure;

/** The parsed result of one named command of a table, for a handler's signature. */
export type CommandInput<T extends CommandTable, N extends T[number]['name']> = Extract<ParseSuccess<T>, { command: N }>;

// ---- value specs ----------------------------------------------------------------------------

/** One of a fixed set of words, case-insensitive. */
export function choice<const C extends readonly string[]>(choices: C): ValueSpec<C[number]> {
  const expected = msg('help.expected.oneOf', { choices: anyOf(choices) });
  return {
    placeholder: choices.join('|'),
    parse(raw) {
      const word = raw.toLowerCase();
      const hit = choices.find((c) => c === word);
      return hit !== undefined ? { ok: true, value: hit } : { ok: false, expected };
    },
  };
}

/** A whole number within a range. */
export function integer(opts: { min: number; max?: number; placeholder?: string }): ValueSpec<number> {
  const { min, max } = opts;
  // Bounds as written (`9999`), not grouped: they read as limits, not as amounts.
  const expected = max === undefined ? msg('help.expected.wholeAtLeast', { min: String(min) }) : msg('help.expected.wholeFromTo', { min: String(min), max: String(max) });
  return {
    placeholder: opts.placeholder ?? 'N',
    parse(raw) {
      if (!/^\d{1,9}$/.test(raw)) return { ok: false, expected };
      const n = Number(raw);
      return n < min || (max !== undefined && n > max) ? { ok: false, expected } : { ok: true, value: n };
    },
  };
}

/** Text matching a pattern; `expected` describes it for the error message (a `help.expected.*` message). */
export function pattern(re: RegExp, placeholder: string, expected: Message): ValueSpec<string> {
  return {
    placeholder,
    parse: (raw) => (re.test(raw) ? { ok: true, value: raw } : { ok: false, expected }),
  };
}

/** An identifier as the vendor issues them: letters, digits, `-`, `_`, `.`. */
export function identifier(placeholder: string, maxLength = 64): ValueSpec<string> {
  return pattern(new RegExp(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,${maxLength - 1}}$`), placeholder, msg('help.expected.identifier', { max: String(maxLength) }));
}

/** A calendar date `YYYY-MM-DD`, kept as that string (the handler reads it in the tenant's zone). */
export function isoDate(): ValueSpec<string> {
  return {
    placeholder: 'YYYY-MM-DD',
    parse(raw) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
      if (!m) return { ok: false, expected: msg('help.expected.date') };
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const probe = new Date(Date.UTC(y, mo - 1, d));
      const real = probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
      return real ? { ok: true, value: raw } : { ok: false, expected: msg('help.expected.realDate') };
    },
  };
}

/** Free text of bounded length (quote it to include spaces). */
export function text(opts: { placeholder?: string; maxLength?: number } = {}): ValueSpec<string> {
  const maxLength = opts.maxLength ?? 100;
  return {
    placeholder: opts.placeholder ?? 'TEXT',
    parse(raw) {
      const value = raw.trim();
      if (value === '') return { ok: false, expected: msg('help.expected.someText') };
      if ([...value].length > maxLength) return { ok: false, expected: msg('help.expected.atMostChars', { max: String(maxLength) }) };
      return { ok: true, value };
    },
  };
}

/**
 * A channel as Slack escapes it in command text, `<#C123|name>` or `<#C123>` (also `<#C123|>`),
 * or a bare channel id; yields the id. A typed `#name` cannot be resolved without an API call, so it
 * is refused with a hint to pick the channel from Slack's suggestions.
 */
export function channel(): ValueSpec<string> {
  const expected = msg('help.expected.channel');
  return {
    placeholder: '#CHANNEL',
    parse(raw) {
      const link = /^<#([CG][A-Z0-9]{2,30})(?:\|[^<>|]*)?>$/.exec(raw.trim());
      if (link) return { ok: true, value: link[1]! };
      if (/^[CG](?=[A-Z]*\d)[A-Z0-9]{6,30}$/.test(raw.trim())) return { ok: true, value: raw.trim() };
      return { ok: false, expected };
    },
  };
}

/**
 * A comma-separated list of values, each checked by `item`; spaces around commas and empty items are
 * ignored, duplicates dropped, order kept.
 */
export function csv<T>(item: ValueSpec<T>, opts: { placeholder?: string; max?: number } = {}): ValueSpec<T[]> {
  const max = opts.max ?? 100;
  return {
    placeholder: opts.placeholder ?? `${item.placeholder},…`,
    parse(raw) {
      const parts = [...new Set(raw.split(',').map((p) => p.trim()).filter((p) => p !== ''))];
      if (parts.length === 0) return { ok: false, expected: msg('help.expected.list', { item: item.placeholder }) };
      if (parts.length > max) return { ok: false, expected: msg('help.expected.atMostItems', { max: String(max) }) };
      const values: T[] = [];
      for (const part of parts) {
        const parsed = item.parse(part);
        if (!parsed.ok) return { ok: false, expected: msg('help.expected.listItems', { expected: parsed.expected }) };
        values.push(parsed.value);
      }
      return { ok: true, value: values };
    },
  };
}

/** `vdn:N`, accepted by every command (iSales allows 1..9999). */
export const VDN_VALUE = integer({ min: 1, max: 9999 });

// ---- usage ----------------------------------------------------------------------------------

/** The slash command the usage lines name, unless a caller says otherwise. */
export const DEFAULT_SLASH_COMMAND = '/aicc';

/** The usage line of a row, e.g. `/aicc task TASK_ID [vdn:N]`. Generated, so it cannot drift. */
export function usageLine(spec: AnyCommandSpec, slash = DEFAULT_SLASH_COMMAND): string {
  const parts = [slash, spec.name];
  for (const p of spec.positional) {
    const word = p.rest ? `${p.value.placeholder}…` : p.value.placeholder;
    parts.push(p.required ? word : `[${word}]`);
  }
  for (const [key, o] of Object.entries(spec.options)) {
    const pair = `${key}:${o.value.placeholder}`;
    parts.push(o.required ? pair : `[${pair}]`);
  }
  if (spec.vdn !== false) parts.push('[vdn:N]');
  return parts.join(' ');
}

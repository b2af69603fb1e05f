/**
 * Words chosen before the reader is known: a catalogue key and its values, worded later in the
 * reader's language by whoever answers. The parser, the value specs, the permission table and a
 * handler's {@link NotFound} say what went wrong this way and stay free of any language.
 *
 * A message is mrkdwn like any catalogue text: user and vendor text in its values is escaped by
 * whoever builds it. A value may itself be a message (`must be {expected}`) or a list of code
 * words (`one of {choices}`), worded in the same language.
 */
import { translator, type MessageKey, type Translator } from '../../i18n/index.js';

/** `a, b or c` / `a, b and c`, joined in the reader's language (the items are not translated). */
export interface ListValue {
  readonly items: readonly string[];
  readonly join: 'or' | 'and';
}

export type MessageValue = string | number | Date | undefined | Message | ListValue;

/** A catalogue key and its values, to be worded in the reader's language. */
export interface Message {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

/** Text already in the reader's language, or a message to word. */
export type Wording = string | Message;

/** A message: `msg('errors.usage.unexpected', { word })`. */
export function msg(key: MessageKey, values?: Readonly<Record<string, MessageValue>>): Message {
  return values ? { key, values } : { key };
}

/** `a, b or c` in the reader's language. */
export const anyOf = (items: readonly string[]): ListValue => ({ items, join: 'or' });

/** `a, b and c` in the reader's language. */
export const allOf = (items: readonly string[]): ListValue => ({ items, join: 'and' });

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string' && !(value instanceof Date);
}

function isList(value: unknown): value is ListValue {
  return typeof value === 'object' && value !== null && Array.isArray((value as { items?: unknown }).items);
}

/** The words in `tr`'s language: a string as it is, a message with its values worded too. */
export function say(tr: Translator, wording: Wording): string {
  if (typeof wording === 'string') return wording;
  if (!wording.values) return tr.t(wording.key);
  const values: Record<string, string | number | Date | undefined> = {};
  for (const [name, v] of Object.entries(wording.values)) {
    values[name] = isMessage(v) ? say(tr, v) : isList(v) ? tr.list(v.items, v.join) : v;
  }
  return tr.t(wording.key, values);
}

/** The words in English: for logs, error messages and tests. */
export function inEnglish(wording: Wording): string {
  return say(translator('en'), wording);
}

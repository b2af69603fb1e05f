/**
 * Splits the text of a slash command into tokens: positional words and `key:value` / `key=value`
 * pairs. Double quotes group words (`name:"spring follow"`, `"two words"`); Slack clients often
 * turn them into curly quotes, so “ and ” count too. A backslash escapes a quote inside quotes.
 *
 * Slack sends `&`, `<` and `>` as HTML entities; they are decoded here so values are the text the
 * user typed (a name filter containing `&` must match), and renderers escape them again on output.
 */
import { decodeSlackEntities } from '../format.js';
import { msg, type Message } from './message.js';

export interface Token {
  /** The key of a `key:value` pair, lower-cased; absent for a positional word. */
  key?: string;
  /** The value (or the whole word), with quotes removed. */
  value: string;
  /** Whether any part of the value was quoted; a quoted `"public"` is a word, not the flag. */
  quoted: boolean;
}

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; message: Message };

const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
const OPEN_QUOTES = new Set(['"', '“', '”', '„']);
const CLOSE_QUOTES = new Set(['"', '“', '”']);

/** Tokenizes command text; fails only on an unclosed quote. */
export function tokenize(input: string): TokenizeResult {
  const text = decodeSlackEntities(input);
  const tokens: Token[] = [];
  let buf = '';
  let inToken = false;
  let inQuote = false;
  let quoted = false;
  // Index in `buf` of the first ':' or '=' typed outside quotes, while it can still start a key.
  let keyEnd: number | undefined;

  const finish = () => {
    if (!inToken) return;
    if (keyEnd !== undefined) {
      tokens.push({ key: buf.slice(0, keyEnd).toLowerCase(), value: buf.slice(keyEnd + 1), quoted });
    } else {
      tokens.push({ value: buf, quoted });
    }
    buf = '';
    inToken = false;
    quoted = false;
    keyEnd = undefined;
  };

  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (inQuote) {
      if (ch === '\\' && CLOSE_QUOTES.has(chars[i + 1] ?? '')) {
        buf += chars[++i];
      } else if (CLOSE_QUOTES.has(ch)) {
        inQuote = false;
      } else {
        buf += ch;
      }
      continue;
    }
    if (/\s/u.test(ch)) {
      finish();
      continue;
    }
    inToken = true;
    if (OPEN_QUOTES.has(ch)) {
      inQuote = true;
      quoted = true;
      continue;
    }
    if ((ch === ':' || ch === '=') && keyEnd === undefined && !quoted && KEY.test(buf)) {
      keyEnd = buf.length;
    }
    buf += ch;
  }
  if (inQuote) return { ok: false, message: msg('errors.usage.unclosedQuote') };
  finish();
  return { ok: true, tokens };
}

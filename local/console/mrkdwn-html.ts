/**
 * Slack mrkdwn → HTML for the local console. Pure and defensive: message text comes from the bot,
 * which echoes user and vendor text, so nothing in it may become markup.
 *
 * Slack text arrives with `&`, `<` and `>` escaped as entities, and a bare `<` only ever opens a
 * control sequence (`<url|label>`, `<@U1>`, `<#C1|name>`, `<!here>`). Each piece of text is
 * therefore decoded exactly once and then HTML-escaped; every tag in the output is one this module
 * writes itself. Only http(s) and mailto links become anchors; mentions are labels, never links.
 */
import { decodeSlackEntities } from '../../src/slack/format.js';
import { replaceEmoji } from './emoji.js';
import { NO_LINK } from './l10n.js';

/** Display names for `<@U…>` and `<#C…>` when the sequence carries no label. */
export interface MentionNames {
  users?: ReadonlyMap<string, string>;
  channels?: ReadonlyMap<string, string>;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

export { decodeSlackEntities };

// Control characters never display, and \u0001/\u0002 are reserved for placeholders below.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Drops control characters and normalises line ends. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/**
 * The URL if it may become a link (http, https or mailto, well-formed, no whitespace), in its
 * normalised form; undefined for `javascript:`, `data:` and anything else.
 */
export function safeUrl(raw: string, schemes: readonly string[] = ['http:', 'https:', 'mailto:']): string | undefined {
  const url = raw.trim();
  // eslint-disable-next-line no-control-regex -- control characters in a URL are exactly what is refused
  if (url === '' || /[\s\u0000-\u001f]/.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return schemes.includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** `plain_text` → HTML: escaped as is (Slack does not decode entities there), emoji optional. */
export function plainTextToHtml(text: string, emoji = true): string {
  const escaped = escapeHtml(cleanText(text));
  return emoji ? replaceEmoji(escaped) : escaped;
}

/** An anchor that opens outside the console and cannot reach back into it. */
export function externalLink(href: string, labelHtml: string): string {
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${labelHtml}</a>`;
}

type Piece = { block: boolean; html: string };

/**
 * Renders mrkdwn as HTML lines meant for a `white-space: pre-wrap` container: inline lines are
 * joined with newlines, code blocks, quotes and bullets are block elements.
 */
export function mrkdwnToHtml(text: string, names: MentionNames = {}): string {
  const segments = cleanText(text).split('```');
  // An unclosed fence is literal text, as in Slack.
  if (segments.length % 2 === 0) {
    const last = segments.pop() ?? '';
    segments[segments.length - 1] += '```' + last;
  }
  const pieces: Piece[] = [];
  segments.forEach((segment, i) => {
    if (i % 2 === 1) {
      const code = segment.replace(/^\n/, '').replace(/\n$/, '');
      pieces.push({ block: true, html: `<pre class="md-pre">${escapeHtml(decodeSlackEntities(code))}</pre>` });
      return;
    }
    let t = segment;
    if (i > 0) t = t.replace(/^\n/, '');
    if (i < segments.length - 1) t = t.replace(/\n$/, '');
    if (t === '' && (i > 0 || i < segments.length - 1)) return;
    pieces.push(...linesToPieces(t.split('\n'), names));
  });
  let html = '';
  pieces.forEach((p, i) => {
    const prev = pieces[i - 1];
    if (prev && !prev.block && !p.block) html += '\n';
    html += p.html;
  });
  return html;
}

function linesToPieces(lines: string[], names: MentionNames): Piece[] {
  const out: Piece[] = [];
  let quote: string[] = [];
  const flushQuote = () => {
    if (quote.length > 0) out.push({ block: true, html: `<blockquote class="md-quote">${quote.join('\n')}</blockquote>` });
    quote = [];
  };
  for (const line of lines) {
    // A raw `>` can only be the quote marker: a literal one arrives as `&gt;`.
    if (line.startsWith('>')) {
      quote.push(inlineToHtml(line.slice(1).replace(/^ /, ''), names));
      continue;
    }
    flushQuote();
    const bullet = /^(\s*)([•◦▪‣-])\s+(.*)$/.exec(line);
    if (bullet) {
      const nested = (bullet[1] ?? '').length > 0 ? ' md-li-nested' : '';
      out.push({ block: true, html: `<div class="md-li${nested}"><span class="md-dot">${escapeHtml(bullet[2] ?? '•')}</span><span>${inlineToHtml(bullet[3] ?? '', names)}</span></div>` });
      continue;
    }
    out.push({ block: false, html: inlineToHtml(line, names) });
  }
  flushQuote();
  return out;
}

/**
 * One line of mrkdwn → HTML. Code spans and `<…>` sequences are rendered first and parked behind
 * placeholders, the rest is decoded and escaped, then emphasis markers are turned into tags.
 */
export function inlineToHtml(line: string, names: MentionNames = {}): string {
  const slots: string[] = [];
  const hold = (html: string) => `\u0001${slots.push(html) - 1}\u0002`;
  let s = cleanText(line).replace(/`([^`\n]+)`/g, (_, code: string) => hold(`<code>${escapeHtml(decodeSlackEntities(code))}</code>`));
  s = s.replace(/<([^<>\n]*)>/g, (_, inner: string) => hold(controlSequence(inner, names)));
  s = replaceEmoji(escapeHtml(decodeSlackEntities(s)));
  // Slack's emphasis: markers hug the text and are not inside a word (so snake_case stays).
  s = s.replace(/(^|[^\w*])\*([^\s*<](?:[^*\n<]*?[^\s*<])?)\*(?![\w*])/g, '$1<b>$2</b>');
  s = s.replace(/(^|[^\w_])_([^\s_<](?:[^_\n<]*?[^\s_<])?)_(?![\w_])/g, '$1<i>$2</i>');
  s = s.replace(/(^|[^\w~])~([^\s~<](?:[^~\n<]*?[^\s~<])?)~(?![\w~])/g, '$1<s>$2</s>');
  // eslint-disable-next-line no-control-regex -- \u0001…\u0002 mark the slots put aside above
  return s.replace(/\u0001(\d+)\u0002/g, (_, i: string) => slots[Number(i)] ?? '');
}

/** `<url|label>`, `<@U1>`, `<#C1|name>`, `<!here>`, `<!subteam^S1|@team>`, `<!date^…|fallback>`. */
function controlSequence(inner: string, names: MentionNames): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : decodeSlackEntities(inner.slice(bar + 1));
  const text = (t: string) => replaceEmoji(escapeHtml(t));
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return mention(`#${label || names.channels?.get(id) || id}`, 'channel');
  }
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return mention(`@${label || names.users?.get(id) || id}`, 'user');
  }
  if (target.startsWith('!')) {
    const special = target.slice(1);
    if (special === 'here' || special === 'channel' || special === 'everyone') return mention(`@${special}`, 'broadcast');
    if (special.startsWith('subteam^')) return mention(label || '@group', 'group');
    if (special.startsWith('date^')) return text(label ?? special);
    return mention(label || `@${special}`, 'broadcast');
  }
  const decoded = decodeSlackEntities(target);
  const href = safeUrl(decoded);
  const labelHtml = text(label || decoded);
  return href ? externalLink(href, labelHtml) : `<span class="md-nolink" title="${NO_LINK.html}"${NO_LINK.attr}>${labelHtml}</span>`;
}

function mention(label: string, kind: string): string {
  return `<span class="mention mention-${kind}">${escapeHtml(label)}</span>`;
}

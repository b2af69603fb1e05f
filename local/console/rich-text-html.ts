/**
 * Block Kit `rich_text` → HTML: sections, lists, preformatted text and quotes, with bold, italic,
 * strike and code styles, links, emoji and mentions. Rich text is structured, so its strings are
 * not entity-encoded: they are only HTML-escaped.
 */
import { emojiFor } from './emoji.js';
import { NO_LINK } from './l10n.js';
import { escapeHtml, externalLink, safeUrl, type MentionNames } from './mrkdwn-html.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The inner HTML of a rich_text block (its `elements`). */
export function richTextToHtml(block: Obj, names: MentionNames): string {
  return list(block['elements']).map((e) => container(e, names)).join('');
}

function container(e: unknown, names: MentionNames): string {
  if (!isObj(e)) return '';
  const inner = () => list(e['elements']).map((x) => inline(x, names)).join('');
  switch (e['type']) {
    case 'rich_text_section':
      return `<div class="rt-section">${inner()}</div>`;
    case 'rich_text_preformatted':
      return `<pre class="md-pre">${inner()}</pre>`;
    case 'rich_text_quote':
      return `<blockquote class="md-quote">${inner()}</blockquote>`;
    case 'rich_text_list': {
      const tag = e['style'] === 'ordered' ? 'ol' : 'ul';
      const indent = Math.max(0, Math.min(6, Number(e['indent']) || 0));
      const items = list(e['elements']).map((item) => `<li>${isObj(item) ? list(item['elements']).map((x) => inline(x, names)).join('') : ''}</li>`);
      return `<${tag} class="rt-list rt-indent-${indent}">${items.join('')}</${tag}>`;
    }
    default:
      return `<div class="rt-section">${escapeHtml(`[${String(e['type'] ?? 'unknown')}]`)}</div>`;
  }
}

function inline(e: unknown, names: MentionNames): string {
  if (!isObj(e)) return '';
  switch (e['type']) {
    case 'text':
      return styled(escapeHtml(str(e['text']) ?? ''), e['style']);
    case 'link': {
      const url = str(e['url']) ?? '';
      const label = styled(escapeHtml(str(e['text']) || url), e['style']);
      const href = safeUrl(url);
      return href ? externalLink(href, label) : `<span class="md-nolink" title="${NO_LINK.html}"${NO_LINK.attr}>${label}</span>`;
    }
    case 'emoji': {
      const name = str(e['name']) ?? '';
      return escapeHtml(emojiFor(name) ?? `:${name}:`);
    }
    case 'user': {
      const id = str(e['user_id']) ?? '';
      return label(`@${names.users?.get(id) ?? id}`, 'user');
    }
    case 'channel': {
      const id = str(e['channel_id']) ?? '';
      return label(`#${names.channels?.get(id) ?? id}`, 'channel');
    }
    case 'usergroup':
      return label(`@${str(e['usergroup_id']) ?? 'group'}`, 'group');
    case 'broadcast':
      return label(`@${str(e['range']) ?? 'here'}`, 'broadcast');
    case 'date': {
      const at = new Date(Number(e['timestamp']) * 1000);
      return escapeHtml(str(e['fallback']) ?? (Number.isNaN(at.getTime()) ? 'a date' : at.toISOString()));
    }
    default:
      return escapeHtml(str(e['text']) ?? '');
  }
}

function styled(html: string, style: unknown): string {
  if (!isObj(style)) return html;
  let out = html;
  if (style['code'] === true) out = `<code>${out}</code>`;
  if (style['strike'] === true) out = `<s>${out}</s>`;
  if (style['italic'] === true) out = `<i>${out}</i>`;
  if (style['bold'] === true) out = `<b>${out}</b>`;
  return out;
}

function label(text: string, kind: string): string {
  return `<span class="mention mention-${kind}">${escapeHtml(text)}</span>`;
}

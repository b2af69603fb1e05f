/**
 * Block Kit → HTML for the local console. Pure: data in, an HTML string out, so it is tested
 * without a browser. Charts (`data_visualization`) become inline SVG (./chart-svg.ts), tables
 * (`table`, `data_table`) HTML tables. Blocks arrive as the bot sent them (JSON), so every field is checked before
 * use and every string escaped; a block this renderer does not know is shown as its JSON, never
 * hidden, so a newcomer sees exactly what the bot posted.
 *
 * Buttons carry `data-action-id`, `data-block-id` and `data-value`; the page turns a click into a
 * `block_actions` request. A block without a `block_id` gets `b{index}`, the same id the console
 * server computes when it looks the button up again.
 */
import { chartToHtml } from './chart-svg.js';
import { localized, type Localized } from './l10n.js';
import { escapeHtml, mrkdwnToHtml, plainTextToHtml, safeUrl, type MentionNames } from './mrkdwn-html.js';
import { richTextToHtml } from './rich-text-html.js';

export type { MentionNames } from './mrkdwn-html.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const MAX_JSON_CHARS = 8000;

/** The id a block is addressed by: its `block_id`, or `b{index}` when it has none. */
export function blockIdOf(block: unknown, index: number): string {
  const id = isObj(block) ? str(block['block_id']) : undefined;
  return id !== undefined && id !== '' ? id : `b${index}`;
}

/** Renders a message's blocks, in order, each in its own element. */
export function blocksToHtml(blocks: readonly unknown[], names: MentionNames = {}): string {
  return blocks.map((b, i) => blockToHtml(b, blockIdOf(b, i), names)).join('');
}

/** A text object (`mrkdwn` or `plain_text`) → HTML, or undefined when it is not one. */
export function textObjectToHtml(t: unknown, names: MentionNames = {}): string | undefined {
  if (!isObj(t) || typeof t['text'] !== 'string') return undefined;
  if (t['type'] === 'mrkdwn') return `<span class="mrkdwn">${mrkdwnToHtml(t['text'], names)}</span>`;
  if (t['type'] === 'plain_text') return `<span class="plain">${plainTextToHtml(t['text'], t['emoji'] !== false)}</span>`;
  return undefined;
}

function blockToHtml(block: unknown, blockId: string, names: MentionNames): string {
  if (!isObj(block)) return unknownBlock(block, localized('block.notABlock'));
  const text = (t: unknown) => textObjectToHtml(t, names);
  switch (block['type']) {
    case 'header': {
      const html = text(block['text']);
      return html === undefined ? unknownBlock(block, localized('block.headerWithoutText')) : `<div class="b b-header">${html}</div>`;
    }
    case 'section':
      return section(block, blockId, names);
    case 'context': {
      const parts = list(block['elements']).map((e) => (isObj(e) && e['type'] === 'image' ? image(e, 'b-context-img') : `<span class="b-context-text">${text(e) ?? unsupported(e)}</span>`));
      return `<div class="b b-context">${parts.join('')}</div>`;
    }
    case 'divider':
      return '<hr class="b b-divider">';
    case 'actions': {
      const parts = list(block['elements']).map((e) => element(e, blockId, names));
      return `<div class="b b-actions">${parts.join('')}</div>`;
    }
    case 'image': {
      const title = text(block['title']);
      return `<figure class="b b-image">${title ? `<figcaption>${title}</figcaption>` : ''}${image(block, 'b-image-img')}</figure>`;
    }
    case 'rich_text':
      return `<div class="b b-rich-text mrkdwn">${richTextToHtml(block, names)}</div>`;
    case 'data_visualization':
      return chartToHtml(block) ?? unknownBlock(block, localized('block.chartNotDrawn'));
    case 'table':
    case 'data_table':
      return tableHtml(block, names) ?? unknownBlock(block, localized('block.tableWithoutRows'));
    default:
      return unknownBlock(block, localized('block.unknownType', { type: String(block['type'] ?? '–') }));
  }
}

function section(block: Obj, blockId: string, names: MentionNames): string {
  const text = textObjectToHtml(block['text'], names);
  const fields = list(block['fields']).map((f) => `<div class="b-field">${textObjectToHtml(f, names) ?? unsupported(f)}</div>`);
  const accessory = block['accessory'] === undefined ? '' : `<div class="b-accessory">${element(block['accessory'], blockId, names)}</div>`;
  const main = `${text ? `<div class="b-text">${text}</div>` : ''}${fields.length > 0 ? `<div class="b-fields">${fields.join('')}</div>` : ''}`;
  return `<div class="b b-section"><div class="b-section-main">${main}</div>${accessory}</div>`;
}

/**
 * A `table` (or `data_table`) as an HTML table. A data_table's first row is its header; a table has
 * none in Slack's model (the bot makes its first row bold), so its rows are all plain rows.
 */
function tableHtml(block: Obj, names: MentionNames): string | undefined {
  const rows = list(block['rows']).filter(Array.isArray);
  if (rows.length === 0) return undefined;
  const settings = list(block['column_settings']);
  const align = (i: number) => {
    const a = isObj(settings[i]) ? str(settings[i]['align']) : undefined;
    return a === 'right' || a === 'center' ? ` class="al-${a}"` : '';
  };
  const cellHtml = (c: unknown) => {
    if (isObj(c) && c['type'] === 'rich_text') return richTextToHtml(c, names);
    if (isObj(c) && typeof c['text'] === 'string') return escapeHtml(c['text']);
    return unsupported(c);
  };
  const isData = block['type'] === 'data_table';
  const line = (r: unknown[], tag: string) => `<tr>${r.map((c, i) => `<${tag}${align(i)}>${cellHtml(c)}</${tag}>`).join('')}</tr>`;
  const [head, ...body] = rows as unknown[][];
  const caption = isData && typeof block['caption'] === 'string' ? `<caption>${escapeHtml(block['caption'])}</caption>` : '';
  const inner = isData ? `<thead>${line(head!, 'th')}</thead><tbody>${body.map((r) => line(r, 'td')).join('')}</tbody>` : `<tbody>${rows.map((r) => line(r as unknown[], 'td')).join('')}</tbody>`;
  return `<div class="b b-table"><table>${caption}${inner}</table></div>`;
}

/** An interactive or image element inside a section accessory or an actions block. */
function element(e: unknown, blockId: string, names: MentionNames): string {
  if (isObj(e) && e['type'] === 'button') return button(e, blockId, names);
  if (isObj(e) && e['type'] === 'image') return image(e, 'b-accessory-img');
  return unsupported(e);
}

function button(e: Obj, blockId: string, names: MentionNames): string {
  const style = e['style'] === 'primary' || e['style'] === 'danger' ? ` btn-${e['style']}` : '';
  const label = textObjectToHtml(e['text'], names) ?? escapeHtml(str(e['action_id']) ?? 'button');
  const value = str(e['value']);
  const confirm = isObj(e['confirm']) ? confirmText(e['confirm']) : undefined;
  const attrs = [
    `data-action-id="${escapeHtml(str(e['action_id']) ?? '')}"`,
    `data-block-id="${escapeHtml(blockId)}"`,
    ...(value !== undefined ? [`data-value="${escapeHtml(value)}"`] : []),
    ...(confirm !== undefined ? [`data-confirm="${escapeHtml(confirm)}"`] : []),
  ].join(' ');
  // A URL button opens the page and, as in Slack, still sends the click to the app.
  const href = typeof e['url'] === 'string' ? safeUrl(e['url'], ['http:', 'https:']) : undefined;
  if (href) return `<a class="btn${style}" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer" ${attrs}>${label}</a>`;
  return `<button type="button" class="btn${style}" ${attrs}>${label}</button>`;
}

/** A confirm dialog's question, for the page's `confirm()`. */
function confirmText(c: Obj): string | undefined {
  const part = (v: unknown) => (isObj(v) ? str(v['text']) : undefined);
  const text = [part(c['title']), part(c['text'])].filter((x): x is string => x !== undefined && x !== '').join('\n\n');
  return text === '' ? undefined : text;
}

function image(e: Obj, cls: string): string {
  const alt = str(e['alt_text']) ?? '';
  const src = typeof e['image_url'] === 'string' ? safeUrl(e['image_url'], ['http:', 'https:']) : undefined;
  if (!src) {
    const l = alt ? localized('msg.imageAlt', { alt }) : localized('msg.image');
    return `<span class="b-img-missing"${l.attr}>${l.html}</span>`;
  }
  return `<img class="${cls}" src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" loading="lazy" referrerpolicy="no-referrer">`;
}

/** An element type the console cannot operate (select menus, date pickers, …), named so it is not missed. */
function unsupported(e: unknown): string {
  // Slack's type name is the same in every language; without one, a question mark says as much.
  const type = isObj(e) && typeof e['type'] === 'string' ? e['type'] : '?';
  return `<span class="b-unsupported">${escapeHtml(`[${type}]`)}</span>`;
}

function unknownBlock(block: unknown, why: Localized): string {
  let json: string;
  try {
    json = JSON.stringify(block, null, 2) ?? String(block);
  } catch {
    json = String(block);
  }
  if (json.length > MAX_JSON_CHARS) json = `${json.slice(0, MAX_JSON_CHARS)}\n…`;
  return `<div class="b b-unknown"><div class="b-unknown-label"${why.attr}>${why.html}</div><pre>${escapeHtml(json)}</pre></div>`;
}

/**
 * Views → HTML for the console: a modal (title, blocks, its inputs as form controls with what was
 * typed so far and the app's field errors, Close and Submit) and a Home tab. Pure, like the message
 * renderer it uses for every block that is not an input. Inputs carry `data-block-id`,
 * `data-action-id` and `data-type`, so the page can send their values back in Slack's shape;
 * external selects carry `data-external` and get their options from the bot (`block_suggestion`).
 */
import type { FakeView } from '../fakeslack/index.js';
import { blockIdOf, blocksToHtml } from './blocks-html.js';
import { localized } from './l10n.js';
import { escapeHtml, plainTextToHtml, type MentionNames } from './mrkdwn-html.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const textOf = (t: unknown): string => (isObj(t) && typeof t['text'] === 'string' ? t['text'] : '');

/** What a view shows in the page, with the user it is for. */
export interface ViewItem {
  id: string;
  type: 'modal' | 'home';
  user?: string;
  closed: boolean;
  html: string;
}

interface Opt {
  value: string;
  label: string;
}

const optionsOf = (element: Obj): Opt[] => list(element['options']).flatMap((o) => (isObj(o) && typeof o['value'] === 'string' ? [{ value: o['value'], label: textOf(o['text']) }] : []));
const optionValue = (o: unknown): Opt | undefined => (isObj(o) && typeof o['value'] === 'string' ? { value: o['value'], label: textOf(o['text']) || o['value'] } : undefined);

/** The current value(s) of an element: what was typed, else its initial value. */
function current(element: Obj, state: Obj | undefined): { one?: string; many: Opt[]; picked?: Opt } {
  const s = state ?? {};
  const has = (k: string) => Object.hasOwn(s, k);
  const pickedOne = has('selected_option') ? optionValue(s['selected_option']) : optionValue(element['initial_option']);
  const many = (has('selected_options') ? list(s['selected_options']) : list(element['initial_options'])).flatMap((o) => optionValue(o) ?? []);
  const one =
    str(s['value']) ??
    str(s['selected_conversation']) ??
    str(s['selected_user']) ??
    str(s['selected_time']) ??
    (has('value') || has('selected_conversation') || has('selected_user') || has('selected_time') ? undefined : (str(element['initial_value']) ?? str(element['initial_conversation']) ?? str(element['initial_user']) ?? str(element['initial_time'])));
  return { ...(one !== undefined ? { one } : {}), many, ...(pickedOne ? { picked: pickedOne } : {}) };
}

/** A select's empty choice: the element's placeholder, else the console's word (`blank` is then a key). */
type Blank = { text: string } | { key: 'view.pickChannel' | 'view.nobody' };

function blankOption(blank: Blank): string {
  if ('text' in blank) return `<option value="">${escapeHtml(blank.text)}</option>`;
  const l = localized(blank.key);
  return `<option value=""${l.attr}>${l.html}</option>`;
}

const selectOptions = (opts: readonly Opt[], selected: (o: Opt) => boolean, blank?: Blank) =>
  (blank !== undefined ? blankOption(blank) : '') + opts.map((o) => `<option value="${escapeHtml(o.value)}"${selected(o) ? ' selected' : ''}>${escapeHtml(o.label)}</option>`).join('');

function controlHtml(element: Obj, blockId: string, state: Obj | undefined, names: MentionNames): string {
  const type = str(element['type']) ?? 'unknown';
  const action = str(element['action_id']) ?? '';
  const attrs = `data-block-id="${escapeHtml(blockId)}" data-action-id="${escapeHtml(action)}" data-type="${escapeHtml(type)}"`;
  const placeholderText = textOf(element['placeholder']);
  const placeholder = escapeHtml(placeholderText);
  const blank = (key: 'view.pickChannel' | 'view.nobody'): Blank => (placeholderText ? { text: placeholderText } : { key });
  const now = current(element, state);
  const named = (m: ReadonlyMap<string, string> | undefined, prefix: string): Opt[] => [...(m ?? new Map<string, string>())].map(([value, label]) => ({ value, label: `${prefix}${label}` }));
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
      return `<input class="in" type="text" ${attrs} value="${escapeHtml(now.one ?? '')}" placeholder="${placeholder}">`;
    case 'timepicker':
      return `<input class="in" type="time" ${attrs} value="${escapeHtml(now.one ?? '')}">`;
    case 'static_select':
      return `<select class="in" ${attrs}>${selectOptions(optionsOf(element), (o) => o.value === now.picked?.value, { text: placeholderText || '—' })}</select>`;
    case 'conversations_select':
    case 'channels_select': {
      const opts = named(names.channels, '#');
      if (now.one && !opts.some((o) => o.value === now.one)) opts.unshift({ value: now.one, label: `#${now.one.toLowerCase()}` });
      return `<select class="in" ${attrs}>${selectOptions(opts, (o) => o.value === now.one, blank('view.pickChannel'))}</select>`;
    }
    case 'users_select':
      return `<select class="in" ${attrs}>${selectOptions(named(names.users, '@'), (o) => o.value === now.one, blank('view.nobody'))}</select>`;
    case 'radio_buttons':
    case 'checkboxes': {
      const kind = type === 'radio_buttons' ? 'radio' : 'checkbox';
      const on = (o: Opt) => (kind === 'radio' ? o.value === now.picked?.value : now.many.some((m) => m.value === o.value));
      const items = optionsOf(element).map((o) => `<label class="choice"><input type="${kind}" name="${escapeHtml(blockId)}" value="${escapeHtml(o.value)}"${on(o) ? ' checked' : ''}> ${escapeHtml(o.label)}</label>`);
      return `<div class="in choices" ${attrs}>${items.join('')}</div>`;
    }
    case 'external_select':
    case 'multi_external_select': {
      const multi = type === 'multi_external_select';
      const picked = multi ? now.many : now.picked ? [now.picked] : [];
      // The picked options stay listed (selected); typing in the search box asks the bot for more.
      const search = localized('view.search', undefined, 'aria-label');
      const typeToSearch = placeholder ? { attr: '', html: placeholder } : localized('view.typeToSearch', undefined, 'placeholder');
      return (
        `<div class="in external" ${attrs} data-external="1"${multi ? ' data-multi="1"' : ''}>` +
        `<input class="search" type="search" placeholder="${typeToSearch.html}"${typeToSearch.attr} aria-label="${search.html}"${search.attr}>` +
        `<select${multi ? ' multiple size="5"' : ''}>${multi ? '' : '<option value="">—</option>'}${selectOptions(picked, () => true)}</select></div>`
      );
    }
    default:
      return `<span class="b-unsupported">${escapeHtml(`[${type}]`)}</span>`;
  }
}

function inputHtml(block: Obj, blockId: string, state: Obj | undefined, error: string | undefined, names: MentionNames): string {
  const element = isObj(block['element']) ? block['element'] : {};
  const label = plainTextToHtml(textOf(block['label']));
  const opt = localized('view.optional');
  const optional = block['optional'] === true ? ` <span class="optional"${opt.attr}>${opt.html}</span>` : '';
  const hint = textOf(block['hint']) ? `<div class="hint-text">${plainTextToHtml(textOf(block['hint']))}</div>` : '';
  const err = error ? `<div class="field-error" role="alert">${escapeHtml(error)}</div>` : '';
  return `<div class="b b-input${error ? ' has-error' : ''}"><label class="in-label">${label}${optional}</label>${controlHtml(element, blockId, state, names)}${err}${hint}</div>`;
}

/** The blocks of a view, inputs as controls; other blocks as in messages (ids kept for their buttons). */
export function viewBlocksHtml(v: Pick<FakeView, 'view' | 'state' | 'errors'>, names: MentionNames = {}): string {
  return list(v.view['blocks'])
    .map((b, i) => {
      const id = blockIdOf(b, i);
      if (isObj(b) && b['type'] === 'input') {
        const element = isObj(b['element']) ? b['element'] : {};
        const state = v.state.values[id]?.[str(element['action_id']) ?? ''];
        return inputHtml(b, id, state, v.errors?.[id], names);
      }
      return blocksToHtml([isObj(b) ? { ...b, block_id: id } : b], names);
    })
    .join('');
}

/** A view as the page shows it: a modal dialog, or a Home tab. */
export function viewToHtml(v: FakeView, names: MentionNames = {}): string {
  const attrs = `data-view-id="${escapeHtml(v.id)}" data-view-type="${v.type}"${v.user ? ` data-view-user="${escapeHtml(v.user)}"` : ''}`;
  if (v.type === 'home') return `<div class="view home-view" ${attrs}>${viewBlocksHtml(v, names)}</div>`;
  const title = plainTextToHtml(textOf(v.view['title']));
  const ownClose = textOf(v.view['close']);
  const defaultClose = localized('view.close');
  const close = ownClose ? plainTextToHtml(ownClose) : defaultClose.html;
  const submit = textOf(v.view['submit']);
  return (
    `<div class="view modal-view" role="dialog" aria-modal="true" ${attrs}>` +
    `<header class="modal-title">${title}</header>` +
    `<form class="modal-body" novalidate>${viewBlocksHtml(v, names)}</form>` +
    `<footer class="modal-foot"><button type="button" class="btn" data-modal-close${ownClose ? '' : defaultClose.attr}>${close}</button>` +
    (submit ? `<button type="button" class="btn btn-primary" data-modal-submit>${plainTextToHtml(submit)}</button>` : '') +
    '</footer></div>'
  );
}

/** The page's item for a view. */
export function viewItem(v: FakeView, names: MentionNames = {}): ViewItem {
  return { id: v.id, type: v.type, ...(v.user ? { user: v.user } : {}), closed: v.closed, html: v.closed ? '' : viewToHtml(v, names) };
}

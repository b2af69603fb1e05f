/**
 * Reading a submitted form: the values of its input blocks, each checked by the same value spec
 * the command table uses (so `for:10m` typed and `10m` in the form's field are one rule), and the
 * errors gathered per field for `response_action: errors`, which Slack shows under each field.
 */
import type { ViewOutput } from '@slack/bolt';
import { type Translator } from '../i18n/index.js';
import { decodeSlackEntities } from './format.js';
import { msg, say, type Wording } from './commands/message.js';
import type { ValueSpec } from './commands/spec.js';

/** `view.state.values` of a submission (or of a `block_actions` / `block_suggestion` from a modal). */
export type FormValues = ViewOutput['state']['values'];

/** The one element of an input block, as Slack reports it. */
type Element = FormValues[string][string];

function elementOf(values: FormValues, blockId: string): Element | undefined {
  const block = values[blockId];
  return block ? Object.values(block)[0] : undefined;
}

/**
 * The single value of a field: typed text, the picked option's value, the picked channel, user
 * or time; undefined when empty.
 */
export function readOne(values: FormValues, blockId: string): string | undefined {
  const e = elementOf(values, blockId);
  if (!e) return undefined;
  const v = e.value ?? e.selected_option?.value ?? e.selected_conversation ?? e.selected_channel ?? e.selected_user ?? e.selected_time ?? undefined;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The values of a multi-select or of checkboxes; empty when none. */
export function readMany(values: FormValues, blockId: string): string[] {
  const e = elementOf(values, blockId);
  if (!e) return [];
  const picked = e.selected_options?.map((o) => o.value) ?? e.selected_conversations ?? e.selected_users ?? e.selected_channels ?? [];
  return picked.filter((v): v is string => typeof v === 'string' && v !== '');
}

/**
 * A value spec's `expected` (written for mrkdwn: backticks, `&lt;`) as the plain text Slack shows
 * under a field: `Must be a duration such as 10m, 4h or 1h30m`.
 */
export function plainProblem(text: string): string {
  const plain = decodeSlackEntities(text.replace(/`/g, ''));
  // A sentence starts with a capital; a name (`autonomy_rate`, `for`) keeps its spelling.
  const word = /^[a-z]+(?=\s)/.test(plain) && !/^[a-z]+:/.test(plain);
  return truncatePlain(word ? plain.charAt(0).toUpperCase() + plain.slice(1) : plain, 300);
}

const truncatePlain = (t: string, max: number) => (t.length <= max ? t : `${t.slice(0, max - 1)}…`);

/** Errors by block id, for `ack({ response_action: 'errors', errors })`, in the reader's language. */
export class FormErrors {
  readonly byBlock: Record<string, string> = {};

  /** `tr`: the language of the person filling in the form. */
  constructor(readonly tr: Translator) {}

  /** Records the first problem of a field: a catalogue message, or text already in the reader's language. */
  add(blockId: string, problem: Wording): void {
    this.byBlock[blockId] ??= plainProblem(say(this.tr, problem));
  }

  get any(): boolean {
    return Object.keys(this.byBlock).length > 0;
  }

  /** The answer to the submission that shows them. */
  response(): { response_action: 'errors'; errors: Record<string, string> } {
    return { response_action: 'errors', errors: { ...this.byBlock } };
  }
}

/**
 * Reads one field through a value spec; a problem is recorded on the field. `required` records
 * "Required" for an empty field (Slack checks non-optional inputs itself; this covers the rest).
 */
export function field<T>(values: FormValues, blockId: string, spec: ValueSpec<T>, errors: FormErrors, opts: { required?: boolean; raw?: string } = {}): T | undefined {
  const raw = opts.raw ?? readOne(values, blockId);
  if (raw === undefined) {
    if (opts.required) errors.add(blockId, msg('errors.form.required'));
    return undefined;
  }
  const parsed = spec.parse(raw);
  if (!parsed.ok) {
    errors.add(blockId, msg('errors.form.mustBe', { expected: parsed.expected }));
    return undefined;
  }
  return parsed.value;
}

/** What a form's private metadata carries: the id of what it edits, and the channel it came from. */
export interface FormMeta {
  id?: number;
  channelId?: string;
}

/** The metadata as JSON; the id under `idKey`, which each form keeps so forms open across an upgrade still read. */
export function encodeFormMeta(idKey: string, m: FormMeta): string {
  return JSON.stringify({ ...(m.id !== undefined ? { [idKey]: m.id } : {}), ...(m.channelId ? { c: m.channelId } : {}) });
}

/** Reads what {@link encodeFormMeta} wrote; anything else (forged, damaged) reads as nothing. */
export function decodeFormMeta(idKey: string, raw: string | undefined): FormMeta {
  try {
    const v = JSON.parse(raw || '{}') as Record<string, unknown>;
    const id = v[idKey];
    const c = v['c'];
    return { ...(typeof id === 'number' && Number.isInteger(id) ? { id } : {}), ...(typeof c === 'string' && /^[CGD][A-Z0-9]{2,30}$/.test(c) ? { channelId: c } : {}) };
  } catch {
    return {};
  }
}

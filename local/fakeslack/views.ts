/**
 * Views in the fake Slack: modals (`views.open`, `views.update`) and Home tabs (`views.publish`),
 * checked as Slack checks them, and what a person does with them (typing into a modal's inputs,
 * submitting it and seeing the app's `response_action`). Modals keep the values typed into their
 * inputs across `views.update` when the block and action ids stay the same, as Slack does.
 *
 * Trigger ids: every request the signing helpers build carries one (`{ms}.{hex}`); `views.open`
 * refuses one older than three seconds (`expired_trigger_id`) or used before
 * (`exchanged_trigger_id`). `trigger(user)` makes one the fake knows the user of, so a modal can
 * be found by who it was opened for.
 */
import { randomBytes } from 'node:crypto';
import { blockProblems } from './validate.js';

type Obj = Record<string, unknown>;
export type MethodResult = Obj & { ok: boolean };

/** A view's input values as Slack reports them: `values[block_id][action_id] = { type, value | selected_… }`. */
export type StateValues = Record<string, Record<string, Obj>>;

export interface FakeView {
  id: string;
  type: 'modal' | 'home';
  /** Who sees it: the user a Home tab was published to, or a modal's opener when known. */
  user?: string;
  /** The view as the app sent it (blocks, title, callback_id, private_metadata…). */
  view: Obj;
  /** What was typed or picked in its inputs so far. */
  state: { values: StateValues };
  hash: string;
  /** Field errors from the app's last `response_action: errors`. */
  errors?: Record<string, string>;
  closed: boolean;
}

export type ViewChange = { kind: 'opened' | 'updated' | 'published' | 'closed'; view: FakeView };

const TRIGGER_TTL_MS = 3000;
const MAX_VIEW_BYTES = 250_000;
const INPUT_ELEMENTS = new Set([
  'plain_text_input',
  'number_input',
  'email_text_input',
  'url_text_input',
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'multi_static_select',
  'multi_external_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
  'datepicker',
  'timepicker',
  'datetimepicker',
  'checkboxes',
  'radio_buttons',
  'rich_text_input',
]);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const fail = (error: string, extra: Obj = {}): MethodResult => ({ ok: false, error, ...extra });
const newHash = () => `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`;

function plainText(t: unknown, max: number, at: string, problems: string[]): void {
  if (!isObj(t) || t['type'] !== 'plain_text' || typeof t['text'] !== 'string') return void problems.push(`must be a plain_text object [json-pointer:${at}]`);
  if (t['text'].length === 0 || t['text'].length > max) problems.push(`must be 1 to ${max} characters [json-pointer:${at}/text]`);
}

function optionsProblems(options: unknown, at: string, problems: string[]): void {
  if (!Array.isArray(options)) return;
  if (options.length > 100) problems.push(`must be at most 100 items [json-pointer:${at}]`);
  options.forEach((o, i) => {
    if (!isObj(o)) return void problems.push(`must be an option [json-pointer:${at}/${i}]`);
    plainText(o['text'], 75, `${at}/${i}/text`, problems);
    if (typeof o['value'] !== 'string' || o['value'].length > 150) problems.push(`must be a value of at most 150 characters [json-pointer:${at}/${i}/value]`);
  });
}

/** Problems with a view as `views.open`, `views.update` or `views.publish` would report them. */
export function viewProblems(view: unknown, kind: 'modal' | 'home'): string[] {
  if (!isObj(view)) return ['view must be an object'];
  const problems: string[] = [];
  if (view['type'] !== kind) problems.push(`type must be ${kind} [json-pointer:/view/type]`);
  if (JSON.stringify(view).length > MAX_VIEW_BYTES) problems.push('view is larger than 250 kB');
  const blocks = view['blocks'];
  if (!Array.isArray(blocks)) return [...problems, 'blocks must be an array [json-pointer:/view/blocks]'];
  if (blocks.length > 100) problems.push('must be less than 101 items [json-pointer:/view/blocks]');
  problems.push(...blockProblems(blocks, { maxBlocks: 100 }));
  const callback = view['callback_id'];
  if (callback !== undefined && (typeof callback !== 'string' || callback.length > 255)) problems.push('must be at most 255 characters [json-pointer:/view/callback_id]');
  const meta = view['private_metadata'];
  if (meta !== undefined && (typeof meta !== 'string' || meta.length > 3000)) problems.push('must be at most 3000 characters [json-pointer:/view/private_metadata]');
  let inputs = 0;
  blocks.forEach((b, i) => {
    if (!isObj(b) || b['type'] !== 'input') return;
    inputs++;
    const at = `/view/blocks/${i}`;
    plainText(b['label'], 2000, `${at}/label`, problems);
    const e = b['element'];
    if (!isObj(e) || typeof e['type'] !== 'string' || !INPUT_ELEMENTS.has(e['type'])) return void problems.push(`must be an input element [json-pointer:${at}/element]`);
    if (typeof e['action_id'] === 'string' && e['action_id'].length > 255) problems.push(`must be at most 255 characters [json-pointer:${at}/element/action_id]`);
    optionsProblems(e['options'], `${at}/element/options`, problems);
    if (e['type'] === 'timepicker' && e['initial_time'] !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(String(e['initial_time']))) problems.push(`must be HH:mm [json-pointer:${at}/element/initial_time]`);
  });
  if (kind === 'modal') {
    plainText(view['title'], 24, '/view/title', problems);
    if (view['submit'] !== undefined) plainText(view['submit'], 24, '/view/submit', problems);
    if (view['close'] !== undefined) plainText(view['close'], 24, '/view/close', problems);
    if (inputs > 0 && view['submit'] === undefined) problems.push('submit is required when the view has input blocks [json-pointer:/view/submit]');
  }
  return problems;
}

/** The action ids of a view's input blocks, by block id. */
function inputIds(view: Obj): Map<string, string> {
  const ids = new Map<string, string>();
  for (const b of Array.isArray(view['blocks']) ? view['blocks'] : []) {
    if (isObj(b) && b['type'] === 'input' && typeof b['block_id'] === 'string' && isObj(b['element']) && typeof b['element']['action_id'] === 'string') ids.set(b['block_id'], b['element']['action_id']);
  }
  return ids;
}

export class ViewStore {
  private readonly views = new Map<string, FakeView>();
  private readonly homes = new Map<string, string>();
  private readonly triggers = new Map<string, string>();
  private readonly used = new Set<string>();
  private seq = 0;

  constructor(private readonly onChange: (change: ViewChange) => void = () => undefined) {}

  /** A fresh trigger id for `user`, as Slack puts in a request that user's action caused. */
  trigger(user: string): string {
    const id = `${Date.now()}.${randomBytes(6).toString('hex')}`;
    this.triggers.set(id, user);
    return id;
  }

  get(id: string): FakeView | undefined {
    const v = this.views.get(id);
    return v && structuredClone(v);
  }

  /** Open modals, newest last; those of one user (when known) or with one callback id. */
  modals(filter: { user?: string; callbackId?: string } = {}): FakeView[] {
    return [...this.views.values()]
      .filter((v) => v.type === 'modal' && !v.closed && (filter.user === undefined || v.user === filter.user) && (filter.callbackId === undefined || v.view['callback_id'] === filter.callbackId))
      .map((v) => structuredClone(v));
  }

  /** The Home tab last published to `user`. */
  home(user: string): FakeView | undefined {
    const id = this.homes.get(user);
    return id ? this.get(id) : undefined;
  }

  call(method: string, body: Obj): MethodResult | undefined {
    switch (method) {
      case 'views.open':
        return this.open(body);
      case 'views.update':
        return this.update(body);
      case 'views.publish':
        return this.publish(body);
      default:
        return undefined;
    }
  }

  /** Records what a person typed or picked (merged into the current values). */
  setValues(id: string, values: StateValues): void {
    const v = this.views.get(id);
    if (!v) return;
    for (const [block, actions] of Object.entries(values)) v.state.values[block] = { ...(v.state.values[block] ?? {}), ...actions };
  }

  /**
   * Applies the app's answer to a submission: `update` replaces the modal, `errors` shows field
   * errors, `clear` or anything else closes it (`push` is not used by this bot).
   */
  applySubmissionResponse(id: string, response: unknown): void {
    const v = this.views.get(id);
    if (!v) return;
    const r = isObj(response) ? response : {};
    if (r['response_action'] === 'errors' && isObj(r['errors'])) {
      v.errors = Object.fromEntries(Object.entries(r['errors']).map(([k, m]) => [k, String(m)]));
      return this.onChange({ kind: 'updated', view: structuredClone(v) });
    }
    if (r['response_action'] === 'update' && isObj(r['view']) && viewProblems(r['view'], 'modal').length === 0) {
      this.replace(v, r['view']);
      return this.onChange({ kind: 'updated', view: structuredClone(v) });
    }
    this.close(id);
  }

  close(id: string): void {
    const v = this.views.get(id);
    if (!v || v.closed) return;
    v.closed = true;
    this.onChange({ kind: 'closed', view: structuredClone(v) });
  }

  private open(body: Obj): MethodResult {
    const trigger = str(body['trigger_id']);
    if (!trigger) return fail('invalid_arguments', { response_metadata: { messages: ['trigger_id is required'] } });
    const issued = Number(trigger.split('.')[0]);
    if (!Number.isFinite(issued)) return fail('invalid_trigger_id');
    if (Date.now() - issued > TRIGGER_TTL_MS) return fail('expired_trigger_id');
    if (this.used.has(trigger)) return fail('exchanged_trigger_id');
    const problems = viewProblems(body['view'], 'modal');
    if (problems.length > 0) return fail('invalid_arguments', { response_metadata: { messages: problems } });
    this.used.add(trigger);
    const user = this.triggers.get(trigger);
    const v: FakeView = { id: `V${String(++this.seq).padStart(8, '0')}`, type: 'modal', ...(user ? { user } : {}), view: body['view'] as Obj, state: { values: {} }, hash: newHash(), closed: false };
    this.views.set(v.id, v);
    this.onChange({ kind: 'opened', view: structuredClone(v) });
    return { ok: true, view: this.wire(v) };
  }

  private update(body: Obj): MethodResult {
    const id = str(body['view_id']);
    const v = id ? this.views.get(id) : undefined;
    if (!v || v.closed) return fail('not_found');
    const hash = str(body['hash']);
    if (hash !== undefined && hash !== v.hash) return fail('hash_conflict');
    const problems = viewProblems(body['view'], v.type);
    if (problems.length > 0) return fail('invalid_arguments', { response_metadata: { messages: problems } });
    this.replace(v, body['view'] as Obj);
    this.onChange({ kind: 'updated', view: structuredClone(v) });
    return { ok: true, view: this.wire(v) };
  }

  private publish(body: Obj): MethodResult {
    const user = str(body['user_id']);
    if (!user || !/^[UW][A-Z0-9]+$/.test(user)) return fail('user_not_found');
    const problems = viewProblems(body['view'], 'home');
    if (problems.length > 0) return fail('invalid_arguments', { response_metadata: { messages: problems } });
    const existing = this.homes.get(user);
    const hash = str(body['hash']);
    const v = existing ? this.views.get(existing)! : undefined;
    if (v && hash !== undefined && hash !== v.hash) return fail('hash_conflict');
    const home: FakeView = v ?? { id: `V${String(++this.seq).padStart(8, '0')}`, type: 'home', user, view: {}, state: { values: {} }, hash: '', closed: false };
    this.replace(home, body['view'] as Obj);
    this.views.set(home.id, home);
    this.homes.set(user, home.id);
    this.onChange({ kind: 'published', view: structuredClone(home) });
    return { ok: true, view: this.wire(home) };
  }

  /** New content; typed values stay for inputs whose block and action ids are unchanged. */
  private replace(v: FakeView, view: Obj): void {
    const keep = inputIds(view);
    const values: StateValues = {};
    for (const [block, actions] of Object.entries(v.state.values)) {
      const action = keep.get(block);
      if (action !== undefined && actions[action] !== undefined) values[block] = { [action]: actions[action] };
    }
    v.view = view;
    v.state = { values };
    v.hash = newHash();
    delete v.errors;
  }

  /** The view object Slack returns (and sends back in interactions). */
  wire(v: FakeView): Obj {
    return { id: v.id, team_id: 'T0FAKE', app_id: 'A0AICC', bot_id: 'B0AICCBOT', ...v.view, state: structuredClone(v.state), hash: v.hash, root_view_id: v.id, previous_view_id: null };
  }
}

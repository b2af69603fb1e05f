/**
 * The bodies Slack sends for what people do with views: a modal's submission (`view_submission`),
 * a button inside a modal or on the Home tab (`block_actions` from a view), an external select
 * asking for options (`block_suggestion`), opening the Home tab (`app_home_opened`), and a person's
 * profile or preferences changing, their language among them (`user_change`). The
 * values of a view's inputs are built the way Slack reports them, from the elements' initial
 * values, what was typed so far, and the values given.
 */
import { randomBytes } from 'node:crypto';
import type { FakeView, StateValues } from './views.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const triggerId = () => `${Date.now()}.${randomBytes(6).toString('hex')}`;

/** A value given for an input: text, an option's value (or several), a channel, user or time. */
export type InputValue = string | readonly string[];

const optionOf = (element: Obj, value: string, label?: string): Obj => {
  const known = (Array.isArray(element['options']) ? element['options'] : []).find((o) => isObj(o) && o['value'] === value) as Obj | undefined;
  return known ?? { text: { type: 'plain_text', text: label ?? value, emoji: true }, value };
};

/** What Slack reports for one element holding `value` (empty values clear it). */
function stateOf(element: Obj, value: InputValue): Obj {
  const type = String(element['type']);
  const list = typeof value === 'string' ? (value === '' ? [] : [value]) : [...value];
  const one = list[0] ?? null;
  switch (type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type, selected_option: one === null ? null : optionOf(element, one) };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: list.map((v) => optionOf(element, v)) };
    case 'conversations_select':
      return { type, selected_conversation: one };
    case 'channels_select':
      return { type, selected_channel: one };
    case 'users_select':
      return { type, selected_user: one };
    case 'multi_users_select':
      return { type, selected_users: list };
    case 'multi_conversations_select':
      return { type, selected_conversations: list };
    case 'timepicker':
      return { type, selected_time: one };
    case 'datepicker':
      return { type, selected_date: one };
    default:
      return { type, value: one };
  }
}

/** An element's initial value as Slack reports it before anyone touches it. */
function initialOf(element: Obj): Obj {
  const type = String(element['type']);
  if (isObj(element['initial_option'])) return { type, selected_option: element['initial_option'] };
  if (Array.isArray(element['initial_options'])) return { type, selected_options: element['initial_options'] };
  if (typeof element['initial_conversation'] === 'string') return { type, selected_conversation: element['initial_conversation'] };
  if (typeof element['initial_user'] === 'string') return { type, selected_user: element['initial_user'] };
  if (typeof element['initial_time'] === 'string') return { type, selected_time: element['initial_time'] };
  if (typeof element['initial_value'] === 'string') return { type, value: element['initial_value'] };
  return stateOf(element, []);
}

/** The input elements of a view by block id. */
export function inputElements(view: Obj): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const b of Array.isArray(view['blocks']) ? view['blocks'] : []) {
    if (isObj(b) && b['type'] === 'input' && typeof b['block_id'] === 'string' && isObj(b['element'])) out.set(b['block_id'], b['element']);
  }
  return out;
}

/**
 * The state of a view's inputs: each element's initial value, then what was typed so far
 * (`view.state`), then `inputs` (by block id). Blocks not in the view are refused.
 */
export function stateValues(view: Pick<FakeView, 'view' | 'state'>, inputs: Readonly<Record<string, InputValue>> = {}): StateValues {
  const elements = inputElements(view.view);
  const values: StateValues = {};
  for (const [block, element] of elements) {
    const action = String(element['action_id']);
    const typed = view.state.values[block]?.[action];
    values[block] = { [action]: typed ?? initialOf(element) };
  }
  for (const [block, value] of Object.entries(inputs)) {
    const element = elements.get(block);
    if (!element) throw new Error(`the view has no input block ${block}`);
    values[block] = { [String(element['action_id'])]: stateOf(element, value) };
  }
  return values;
}

/** The view object an interaction carries: the app's view with its id, hash and the given state. */
export function wireView(v: Pick<FakeView, 'id' | 'view' | 'hash'>, values: StateValues): Obj {
  return { id: v.id, team_id: 'T0FAKE', type: v.view['type'], ...v.view, state: { values }, hash: v.hash, root_view_id: v.id, app_id: 'A0AICC', bot_id: 'B0AICCBOT' };
}

const userObj = (user: string) => ({ id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0FAKE' });
const form = (payload: Obj) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

/** The `payload=` body of a modal's submission. */
export function viewSubmissionBody(input: { view: Pick<FakeView, 'id' | 'view' | 'hash'>; values: StateValues; user: string; trigger_id?: string }): string {
  return form({
    type: 'view_submission',
    team: { id: 'T0FAKE', domain: 'fake-workspace' },
    user: userObj(input.user),
    api_app_id: 'A0AICC',
    token: 'fake-verification-token',
    trigger_id: input.trigger_id ?? triggerId(),
    view: wireView(input.view, input.values),
    response_urls: [],
    is_enterprise_install: false,
  });
}

/** The `payload=` body of a button clicked in a modal or on the Home tab (no channel, no response URL). */
export function viewActionBody(input: { view: Pick<FakeView, 'id' | 'view' | 'hash' | 'type'>; values: StateValues; user: string; action_id: string; block_id: string; value?: string; text?: string; trigger_id?: string }): string {
  return form({
    type: 'block_actions',
    user: userObj(input.user),
    api_app_id: 'A0AICC',
    token: 'fake-verification-token',
    container: { type: 'view', view_id: input.view.id },
    trigger_id: input.trigger_id ?? triggerId(),
    team: { id: 'T0FAKE', domain: 'fake-workspace' },
    enterprise: null,
    is_enterprise_install: false,
    view: wireView(input.view, input.values),
    actions: [
      {
        type: 'button',
        action_id: input.action_id,
        block_id: input.block_id,
        text: { type: 'plain_text', text: input.text ?? input.action_id, emoji: true },
        ...(input.value !== undefined ? { value: input.value } : {}),
        action_ts: `${Math.floor(Date.now() / 1000)}.000001`,
      },
    ],
  });
}

/** The `payload=` body of an external select asking for options as the user types `value`. */
export function blockSuggestionBody(input: { view?: Pick<FakeView, 'id' | 'view' | 'hash'>; values?: StateValues; user: string; action_id: string; block_id: string; value: string }): string {
  return form({
    type: 'block_suggestion',
    user: userObj(input.user),
    container: input.view ? { type: 'view', view_id: input.view.id } : { type: 'message' },
    api_app_id: 'A0AICC',
    token: 'fake-verification-token',
    action_id: input.action_id,
    block_id: input.block_id,
    value: input.value,
    team: { id: 'T0FAKE', domain: 'fake-workspace' },
    ...(input.view ? { view: wireView(input.view, input.values ?? {}) } : {}),
  });
}

/** The JSON body of the `app_home_opened` event (send it as `application/json`). */
export function appHomeOpenedBody(input: { user: string; tab?: 'home' | 'messages'; viewId?: string }): string {
  const now = Date.now() / 1000;
  return JSON.stringify({
    token: 'fake-verification-token',
    team_id: 'T0FAKE',
    api_app_id: 'A0AICC',
    event: { type: 'app_home_opened', user: input.user, channel: `D${input.user}`, tab: input.tab ?? 'home', event_ts: now.toFixed(6), ...(input.viewId ? { view: { id: input.viewId } } : {}) },
    type: 'event_callback',
    event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: Math.floor(now),
    authorizations: [{ enterprise_id: null, team_id: 'T0FAKE', user_id: 'U0AICCBOT', is_bot: true, is_enterprise_install: false }],
  });
}

/**
 * The JSON body of the `user_change` event Slack sends (to apps subscribed to it, with
 * `users:read`) when someone changes their profile or preferences; `user` as `users.info` has it,
 * `locale` included (see FakeSlack.userObject).
 */
export function userChangeBody(user: Record<string, unknown>): string {
  const now = Date.now() / 1000;
  return JSON.stringify({
    token: 'fake-verification-token',
    team_id: 'T0FAKE',
    api_app_id: 'A0AICC',
    event: { type: 'user_change', user: { ...user, updated: Math.floor(now) }, cache_ts: Math.floor(now), event_ts: now.toFixed(6) },
    type: 'event_callback',
    event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: Math.floor(now),
    authorizations: [{ enterprise_id: null, team_id: 'T0FAKE', user_id: 'U0AICCBOT', is_bot: true, is_enterprise_install: false }],
  });
}

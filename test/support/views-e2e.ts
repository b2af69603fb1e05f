/**
 * End-to-end helpers for views: signed requests for what people do with modals and the Home tab
 * (a bare command that opens a form, submissions, buttons inside views, external-select option
 * requests, `app_home_opened`), sent to the real bot, with the modals and Home tabs the fake Slack
 * recorded from `views.open`, `views.update` and `views.publish`.
 */
import {
  appHomeOpenedBody,
  blockSuggestionBody,
  signSlackRequest,
  slashCommandBody,
  stateValues,
  viewActionBody,
  viewSubmissionBody,
  type FakeView,
  type InputValue,
  type RecordedCall,
} from '../../local/fakeslack/index.js';
import { SIGNING_SECRET, type E2E } from './e2e.js';

export interface ViewsE2E {
  /** `/aicc text` by `user` with a trigger id the fake knows; resolves once the bot called `views.open` (or answered through the response URL). */
  openByCommand(text: string, opts: { user: string; channel?: string; timeoutMs?: number }): Promise<{ status: number; opened?: FakeView; answer?: string }>;
  /** The user opens the Home tab; resolves with the view published to them. */
  openHome(user: string): Promise<{ status: number; home: FakeView }>;
  /** Submits a modal with these inputs (by block id) on top of what it shows; the bot's answer (`response_action`) parsed. */
  submit(view: FakeView, user: string, inputs?: Readonly<Record<string, InputValue>>): Promise<{ status: number; answer: Record<string, unknown> }>;
  /** Clicks a button in a modal or on the Home tab; resolves once the bot made `expect` view calls (default 1). */
  click(view: FakeView, user: string, button: { action_id: string; value?: string; block_id?: string }, opts?: { expect?: string; inputs?: Readonly<Record<string, InputValue>> }): Promise<{ status: number; calls: RecordedCall[] }>;
  /** An external select asks for options as the user types `value`. */
  suggest(input: { view?: FakeView; user: string; action_id: string; block_id: string; value: string }): Promise<{ status: number; options: Array<{ value: string; text: string }> }>;
  /** Posts a signed raw payload body (form-encoded) or JSON. */
  send(body: string, json?: boolean): Promise<Response>;
  /** Waits for the bot's next Web API call of `method` after `mark` (an index into `slack.calls`). */
  nextCall(method: string, mark: number, timeoutMs?: number): Promise<RecordedCall>;
}

async function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The first button with this action id (and value, when given): its block id and value, as Slack sends them. */
function buttonOf(view: FakeView, actionId: string, value?: string): { blockId: string; value?: string } {
  for (const [i, b] of ((view.view['blocks'] as Array<Record<string, unknown>>) ?? []).entries()) {
    const elements = [...((b['elements'] as unknown[]) ?? []), b['accessory']].filter(Boolean) as Array<Record<string, unknown>>;
    const hit = elements.find((e) => e['action_id'] === actionId && (value === undefined || e['value'] === value));
    if (hit) return { blockId: String(b['block_id'] ?? `b${i}`), ...(typeof hit['value'] === 'string' ? { value: hit['value'] } : {}) };
  }
  throw new Error(`no button ${actionId}${value ? ` = ${value}` : ''} in view ${view.id}`);
}

export function viewsE2E(e2e: E2E): ViewsE2E {
  const { slack } = e2e;
  const send = (body: string, json = false) => e2e.raw(body, { ...signSlackRequest({ body, signingSecret: SIGNING_SECRET }), ...(json ? { 'content-type': 'application/json' } : {}) });
  const nextCall = (method: string, mark: number, timeoutMs = 5000) => waitFor(() => slack.calls.slice(mark).find((c) => c.method === method), `${method} after call ${mark}`, timeoutMs);

  return {
    send,
    nextCall,
    async openByCommand(text, opts) {
      const mark = slack.calls.length;
      const responses = slack.responses.length;
      const id = `form-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const channel = opts.channel ?? 'C0GENERAL';
      const body = slashCommandBody({ text, user_id: opts.user, channel_id: channel, trigger_id: slack.views.trigger(opts.user), response_url: slack.responseUrl(id, { channel, user: opts.user }) });
      const res = await send(body);
      if (res.status !== 200) return { status: res.status };
      const outcome = await waitFor(
        () => {
          const call = slack.calls.slice(mark).find((c) => c.method === 'views.open');
          if (call) return { call };
          const answer = slack.responses.slice(responses).find((r) => r.id === id);
          return answer ? { answer } : undefined;
        },
        `a form or an answer to ${text}`,
        opts.timeoutMs,
      );
      if ('answer' in outcome) return { status: 200, answer: JSON.stringify(outcome.answer!.body) };
      const opened = slack.views.modals({ user: opts.user }).at(-1);
      return { status: 200, ...(opened ? { opened } : {}) };
    },
    async openHome(user) {
      const mark = slack.calls.length;
      const res = await send(appHomeOpenedBody({ user }), true);
      if (res.status !== 200) throw new Error(`app_home_opened answered ${res.status}`);
      await waitFor(() => slack.calls.slice(mark).find((c) => c.method === 'views.publish' && c.body['user_id'] === user), `views.publish for ${user}`);
      return { status: res.status, home: slack.views.home(user)! };
    },
    async submit(view, user, inputs = {}) {
      const values = stateValues(view, inputs);
      slack.views.setValues(view.id, values);
      const res = await send(viewSubmissionBody({ view, values, user }));
      const text = await res.text();
      const answer = text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      if (res.status === 200) slack.views.applySubmissionResponse(view.id, answer);
      return { status: res.status, answer };
    },
    async click(view, user, button, opts = {}) {
      const mark = slack.calls.length;
      const values = stateValues(view, opts.inputs ?? {});
      slack.views.setValues(view.id, values);
      // Crafted clicks (a block id given) send what they say; others take the button from the view.
      const found = button.block_id !== undefined ? { blockId: button.block_id, value: button.value } : buttonOf(view, button.action_id, button.value);
      const body = viewActionBody({ view, values, user, action_id: button.action_id, block_id: found.blockId, ...(found.value !== undefined ? { value: found.value } : {}), trigger_id: slack.views.trigger(user) });
      const res = await send(body);
      if (res.status !== 200 || !opts.expect) return { status: res.status, calls: [] };
      await nextCall(opts.expect, mark);
      return { status: res.status, calls: slack.calls.slice(mark) };
    },
    async suggest(input) {
      const res = await send(blockSuggestionBody({ ...input, ...(input.view ? { values: stateValues(input.view) } : {}) }));
      if (res.status !== 200) return { status: res.status, options: [] };
      const body = (await res.json()) as { options?: Array<{ value: string; text: { text: string } }> };
      return { status: res.status, options: (body.options ?? []).map((o) => ({ value: o.value, text: o.text.text })) };
    },
  };
}

/**
 * The console's view actions, done the way Slack does them: opening the Home tab sends
 * `app_home_opened`; a modal's Submit sends `view_submission` and applies the bot's
 * `response_action` (errors on fields, an updated view, or closing); a button in a modal or on the
 * Home tab sends `block_actions` from the view; typing in an external select sends
 * `block_suggestion` and returns the bot's options. Values come from the page as plain values by
 * block id and are turned into Slack's state shape here.
 */
import { z } from 'zod';
import { appHomeOpenedBody, blockSuggestionBody, signSlackRequest, stateValues, viewActionBody, viewSubmissionBody, type FakeSlack, type FakeView } from '../fakeslack/index.js';
import type { Translator } from '../../src/i18n/index.js';
import type { Logger } from '../../src/platform/log.js';
import type { ConsoleUser } from './demo.js';
import { ui } from './l10n.js';

const SLACK_ID = /^[A-Z0-9]{2,20}$/;
const VIEW_ID = /^V[A-Z0-9]{2,20}$/;
const Values = z.record(z.string().max(255), z.union([z.string().max(3000), z.array(z.string().max(3000)).max(100)]));

export const HomeRequest = z.object({ user: z.string().regex(SLACK_ID) });
export const SubmitRequest = z.object({ user: z.string().regex(SLACK_ID), viewId: z.string().regex(VIEW_ID), values: Values });
export const CloseRequest = z.object({ user: z.string().regex(SLACK_ID), viewId: z.string().regex(VIEW_ID) });
export const ViewActionRequest = z.object({
  user: z.string().regex(SLACK_ID),
  viewId: z.string().regex(VIEW_ID),
  actionId: z.string().min(1).max(255),
  blockId: z.string().max(255),
  values: Values.optional(),
});
export const SuggestRequest = z.object({
  user: z.string().regex(SLACK_ID),
  viewId: z.string().regex(VIEW_ID),
  actionId: z.string().min(1).max(255),
  blockId: z.string().max(255),
  value: z.string().max(200),
});

export interface ViewsApiDeps {
  fakeSlack: FakeSlack;
  botUrl: string;
  signingSecret: string;
  users: readonly ConsoleUser[];
  log: Logger;
  /** The console's words for a person (their Slack language; English for someone unknown). */
  trFor: (userId: string | undefined) => Translator;
}

export interface ViewsApiResult {
  status: number;
  body: { ok: boolean; botStatus?: number; error?: string; options?: Array<{ value: string; label: string }> };
}

const fail = (status: number, error: string): ViewsApiResult => ({ status, body: { ok: false, error } });

async function toBot(body: string, deps: ViewsApiDeps, tr: Translator, json = false): Promise<{ status: number; text: string } | ViewsApiResult> {
  const headers = { ...signSlackRequest({ body, signingSecret: deps.signingSecret }), ...(json ? { 'content-type': 'application/json' } : {}) };
  try {
    const res = await fetch(`${deps.botUrl}/slack/events`, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    return { status: res.status, text: await res.text().catch(() => '') };
  } catch (error) {
    deps.log.warn('console could not reach the bot', { botUrl: deps.botUrl, error });
    return fail(502, ui(tr, 'error.botDown'));
  }
}

const answered = (r: { status: number; text: string }, tr: Translator): ViewsApiResult =>
  r.status === 200 ? { status: 200, body: { ok: true, botStatus: 200 } } : { status: r.status, body: { ok: false, botStatus: r.status, error: ui(tr, 'error.botStatus', { status: String(r.status) }) } };

/** The open view the user may act on, or why not. */
function viewFor(deps: ViewsApiDeps, user: string, viewId: string): FakeView | ViewsApiResult {
  const tr = deps.trFor(user);
  if (!deps.users.some((u) => u.id === user)) return fail(404, ui(tr, 'error.unknownUser', { user }));
  const v = deps.fakeSlack.views.get(viewId);
  if (!v || v.closed) return fail(404, ui(tr, 'error.viewClosed'));
  if (v.user !== undefined && v.user !== user) return fail(403, ui(tr, 'error.notYourView'));
  return v;
}

const isResult = (x: unknown): x is ViewsApiResult => typeof x === 'object' && x !== null && 'body' in x && 'status' in x && !('view' in x);

/** Page values on top of the view's, in Slack's shape (an unknown block is the page's mistake). */
function valuesFor(v: FakeView, values: Record<string, string | string[]>): { values: ReturnType<typeof stateValues> } | { refused: ViewsApiResult } {
  try {
    return { values: stateValues(v, values) };
  } catch (error) {
    return { refused: fail(400, error instanceof Error ? error.message : String(error)) };
  }
}

export async function openHome(req: z.infer<typeof HomeRequest>, deps: ViewsApiDeps): Promise<ViewsApiResult> {
  const tr = deps.trFor(req.user);
  if (!deps.users.some((u) => u.id === req.user)) return fail(404, ui(tr, 'error.unknownUser', { user: req.user }));
  const r = await toBot(appHomeOpenedBody({ user: req.user }), deps, tr, true);
  return isResult(r) ? r : answered(r, tr);
}

export async function submitView(req: z.infer<typeof SubmitRequest>, deps: ViewsApiDeps): Promise<ViewsApiResult> {
  const v = viewFor(deps, req.user, req.viewId);
  if (isResult(v)) return v;
  const read = valuesFor(v, req.values);
  if ('refused' in read) return read.refused;
  const { values } = read;
  deps.fakeSlack.views.setValues(v.id, values);
  const tr = deps.trFor(req.user);
  const r = await toBot(viewSubmissionBody({ view: v, values, user: req.user, trigger_id: deps.fakeSlack.views.trigger(req.user) }), deps, tr);
  if (isResult(r)) return r;
  if (r.status === 200) {
    let answer: unknown = {};
    try {
      answer = r.text.trim() === '' ? {} : JSON.parse(r.text);
    } catch {
      return fail(502, ui(tr, 'error.notJson'));
    }
    deps.fakeSlack.views.applySubmissionResponse(v.id, answer);
  }
  return answered(r, tr);
}

export function closeView(req: z.infer<typeof CloseRequest>, deps: ViewsApiDeps): ViewsApiResult {
  const v = viewFor(deps, req.user, req.viewId);
  if (isResult(v)) return v;
  // The bot asks for no view_closed notices, so Slack would tell it nothing.
  deps.fakeSlack.views.close(v.id);
  return { status: 200, body: { ok: true } };
}

export async function viewAction(req: z.infer<typeof ViewActionRequest>, deps: ViewsApiDeps): Promise<ViewsApiResult> {
  const v = viewFor(deps, req.user, req.viewId);
  if (isResult(v)) return v;
  const tr = deps.trFor(req.user);
  const button = findViewButton(v, req.actionId, req.blockId);
  if (!button) return fail(404, ui(tr, 'error.noViewButton'));
  const read = valuesFor(v, req.values ?? {});
  if ('refused' in read) return read.refused;
  const { values } = read;
  deps.fakeSlack.views.setValues(v.id, values);
  const body = viewActionBody({ view: v, values, user: req.user, action_id: req.actionId, block_id: req.blockId, ...(button.value !== undefined ? { value: button.value } : {}), ...(button.label ? { text: button.label } : {}), trigger_id: deps.fakeSlack.views.trigger(req.user) });
  const r = await toBot(body, deps, tr);
  return isResult(r) ? r : answered(r, tr);
}

export async function suggest(req: z.infer<typeof SuggestRequest>, deps: ViewsApiDeps): Promise<ViewsApiResult> {
  const v = viewFor(deps, req.user, req.viewId);
  if (isResult(v)) return v;
  const tr = deps.trFor(req.user);
  const r = await toBot(blockSuggestionBody({ view: v, values: v.state.values, user: req.user, action_id: req.actionId, block_id: req.blockId, value: req.value }), deps, tr);
  if (isResult(r)) return r;
  if (r.status !== 200) return answered(r, tr);
  try {
    const body = JSON.parse(r.text) as { options?: Array<{ value?: unknown; text?: { text?: unknown } }> };
    const options = (body.options ?? []).flatMap((o) => (typeof o.value === 'string' ? [{ value: o.value, label: typeof o.text?.text === 'string' ? o.text.text : o.value }] : []));
    return { status: 200, body: { ok: true, botStatus: 200, options } };
  } catch {
    return fail(502, ui(tr, 'error.notJson'));
  }
}

/** The button (its value and label, as Slack would send them) in a view's block. */
function findViewButton(v: FakeView, actionId: string, blockId: string): { value?: string; label?: string } | undefined {
  const blocks = Array.isArray(v.view['blocks']) ? (v.view['blocks'] as Array<Record<string, unknown>>) : [];
  for (const [i, b] of blocks.entries()) {
    const id = typeof b['block_id'] === 'string' && b['block_id'] !== '' ? b['block_id'] : `b${i}`;
    if (id !== blockId) continue;
    const elements = [...(Array.isArray(b['elements']) ? b['elements'] : []), b['accessory']] as Array<Record<string, unknown> | undefined>;
    const e = elements.find((x) => x?.['type'] === 'button' && x['action_id'] === actionId);
    if (e) return { ...(typeof e['value'] === 'string' ? { value: e['value'] } : {}), ...(typeof (e['text'] as { text?: unknown } | undefined)?.text === 'string' ? { label: (e['text'] as { text: string }).text } : {}) };
  }
  return undefined;
}

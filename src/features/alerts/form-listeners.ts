/**
 * The alert form at work: opened by `/aicc alert add` with no arguments, by **New alert** on the
 * Home tab and by **Edit** beside a rule; **Preview** replays the rule as entered over the stored
 * history (views.update of the open form); a submission is checked field by field, authorised by
 * the permission table as the command is (`add-alerts`, `change-alerts` for an edit, in the
 * channel picked), saved and audited, and the form turns into a confirmation whose backtest is
 * filled in once it has run (Slack allows three seconds to answer a submission).
 */
import type { KnownBlock } from '@slack/types';
import { type Translator } from '../../i18n/index.js';
import type { ActionRegistry } from '../../slack/actions.js';
import { userReader } from '../../slack/locales.js';
import type { FormOpener } from '../../slack/commands/listener.js';
import { escapeMrkdwn } from '../../slack/format.js';
import { say, type Message } from '../../slack/commands/message.js';
import { plainProblem } from '../../slack/forms.js';
import { noticeModal, openModal, updateModal, type ViewsClient } from '../../slack/modals.js';
import { audit, decide, decideUser } from '../../slack/permissions.js';
import { context, divider, section } from '../../slack/render/blocks.js';
import { renderError } from '../../slack/render/error.js';
import { modal } from '../../slack/render/inputs.js';
import type { AlertRule } from '../../store/alert-rules.js';
import { campaignChoice, type QueriesDeps } from '../queries/index.js';
import { runBacktest } from './backtest-run.js';
import type { AlertsDeps } from './deps.js';
import {
  ALERT_EDIT_ACTION,
  ALERT_FORM_CALLBACK,
  ALERT_FORM_PREVIEW_ACTION,
  ALERT_NEW_ACTION,
  decodeMeta,
  formValuesOf,
  previewProblems,
  readAlertForm,
  renderAlertForm,
  type AlertFormInput,
  type AlertFormMeta,
} from './form.js';
import { ruleView } from './handle-common.js';
import { canonicalMetric, METRICS } from './metrics.js';
import { backtestRuleWords } from './render-backtest.js';
import { renderAlertAdded, renderAlertNotFound } from './render-list.js';
import { ruleFromInput } from './rule-input.js';

/** What the form needs besides the alert commands' dependencies: the campaign list, to name a rule's campaign. */
export type AlertFormDeps = AlertsDeps & Pick<QueriesDeps, 'directory'>;

const refusedModal = (tr: Translator, refusal: { title: Message; hint: Message }) => noticeModal(tr.t('alerts.form.titleNew'), renderError(tr, refusal), tr);

/** The form and everything it answers are private: in the language of whoever uses it. */

/** The empty form, or a rule's; undefined when the rule is gone. */
async function formFor(deps: AlertFormDeps, tr: Translator, meta: AlertFormMeta) {
  if (meta.ruleId === undefined) return renderAlertForm({ meta, vdnIds: deps.vdnIds, tr });
  const rule = await deps.store.alerts.get(meta.ruleId);
  if (!rule) return undefined;
  const campaign = rule.scope === 'campaign' && rule.scopeId ? await campaignChoice(deps, rule.vdn, rule.scopeId, tr) : undefined;
  return renderAlertForm({ values: formValuesOf(rule, campaign, tr), meta, vdnIds: deps.vdnIds, tr });
}

/** `/aicc alert add` with no arguments: the same permission as the command, in the same channel. */
export function openAlertFormFromCommand(deps: AlertFormDeps): FormOpener {
  return async ({ client, triggerId, userId, channelId, respond }) => {
    const tr = await userReader(deps, userId);
    const may = decide('add-alerts', { userId, channelId: channelId ?? '' }, deps);
    if (!may.ok) {
      const blocks = renderError(tr, may);
      return void (await respond?.({ response_type: 'ephemeral', replace_original: false, blocks, text: say(tr, may.title) }));
    }
    await openModal(client, triggerId, renderAlertForm({ meta: channelId ? { channelId } : {}, vdnIds: deps.vdnIds, tr }), deps.log);
  };
}

async function openFromButton(deps: AlertFormDeps, client: ViewsClient, triggerId: string, userId: string, ruleId?: number): Promise<void> {
  const tr = await userReader(deps, userId);
  const may = decideUser(ruleId === undefined ? 'add-alerts' : 'change-alerts', userId, deps);
  if (!may.ok) return void (await openModal(client, triggerId, refusedModal(tr, may), deps.log));
  const view = await formFor(deps, tr, ruleId === undefined ? {} : { ruleId });
  await openModal(client, triggerId, view ?? noticeModal(tr.t('alerts.form.editTitle'), renderAlertNotFound(tr, ruleId ?? 0), tr), deps.log);
}

/** What is watched; an edit that changes it replaces the rule (its states belong to the old subject). */
const watched = (r: Pick<AlertRule, 'metric' | 'scope' | 'scopeId' | 'vdn'>) => `${canonicalMetric(r.metric) ?? r.metric}|${r.scope}|${r.scopeId ?? ''}|${r.vdn}`;

/** Saves the form's rule: a new one, an edit in place, or (what is watched changed) a replacement. */
async function save(deps: AlertFormDeps, tr: Translator, input: AlertFormInput, meta: AlertFormMeta, userId: string): Promise<{ rule: AlertRule; note?: string } | undefined> {
  const settings = ruleFromInput(input.rule, input.vdn);
  const now = deps.clock().getTime();
  const who = { userId };
  if (meta.ruleId !== undefined) {
    const old = await deps.store.alerts.get(meta.ruleId);
    if (!old) return undefined;
    if (watched(old) === watched(settings)) {
      const { op, threshold, clearValue, minVolume, forS, repeatS } = settings;
      const rule = await deps.store.alerts.update(old.id, { op, threshold, clearValue, minVolume, forS, repeatS, channelId: input.channelId, mention: input.mention ?? null, lang: input.lang });
      if (!rule) return undefined;
      await audit(deps, who, 'alert.edit', `alert:${rule.id}`, { before: old, after: rule, via: 'form' });
      return { rule };
    }
    await deps.store.alerts.remove(old.id);
    const rule = await deps.store.alerts.create({ ...settings, channelId: input.channelId, mention: input.mention ?? null, lang: input.lang, createdBy: old.createdBy, createdAt: now });
    await audit(deps, who, 'alert.replace', `alert:${old.id}`, { before: old, after: rule, via: 'form' });
    return { rule, note: tr.t('alerts.form.replaced', { old: String(old.id), id: String(rule.id) }) };
  }
  const rule = await deps.store.alerts.create({ ...settings, channelId: input.channelId, mention: input.mention ?? null, lang: input.lang, createdBy: userId, createdAt: now });
  await audit(deps, who, 'alert.add', `alert:${rule.id}`, { ...rule, via: 'form' });
  return { rule };
}

/** The confirmation the form turns into; `history` is the backtest (or a line saying it is running). */
function savedView(deps: AlertFormDeps, tr: Translator, rule: AlertRule, edited: boolean, history: KnownBlock[], note?: string) {
  const id = String(rule.id);
  const added = renderAlertAdded(tr, ruleView(rule), deps.clock(), deps.timeZone);
  const head = edited ? [section(tr.t('alerts.form.saved', { id })), ...added.slice(1)] : added;
  const blocks = [...head, ...(note ? [section(`:information_source: ${escapeMrkdwn(note)}`)] : []), divider(), section(tr.t('alerts.form.history')), ...history];
  return modal({ callbackId: 'alert_form_done', title: tr.t(edited ? 'alerts.form.savedTitle' : 'alerts.form.addedTitle', { id }), blocks, tr });
}

export function registerAlertForms(actions: ActionRegistry, deps: AlertFormDeps): void {
  actions.on(ALERT_NEW_ACTION, async ({ ack, body, client }) => {
    await ack();
    await openFromButton(deps, client, body.trigger_id, body.user.id);
  });

  actions.on(ALERT_EDIT_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const id = Number(action.value);
    await openFromButton(deps, client, body.trigger_id, body.user.id, Number.isInteger(id) && id > 0 ? id : 0);
  });

  // Preview: the form's values through the same reading as a submission, then the backtest.
  actions.on(ALERT_FORM_PREVIEW_ACTION, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const tr = await userReader(deps, body.user.id);
    const meta = decodeMeta(view.private_metadata);
    const read = readAlertForm(view.state.values, deps, tr);
    let preview: KnownBlock[];
    if (!read.ok) preview = previewProblems(tr, read.errors);
    else {
      const rule = ruleFromInput(read.input.rule, read.input.vdn);
      preview = [section(tr.t('alerts.form.previewTitle', { rule: backtestRuleWords(tr, { rule, metric: METRICS[read.input.rule.metric] }) })), ...(await runBacktest(tr, rule, deps))];
    }
    // Slack keeps what was typed in inputs whose block and action ids stay the same.
    await updateModal(client, view.id, renderAlertForm({ meta, vdnIds: deps.vdnIds, preview, tr }), deps.log, view.hash);
  });

  actions.view(ALERT_FORM_CALLBACK, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const tr = await userReader(deps, userId);
    const meta = decodeMeta(view.private_metadata);
    const read = readAlertForm(view.state.values, deps, tr);
    if (!read.ok) return void (await ack(read.errors.response()));
    const edit = meta.ruleId !== undefined;
    const campaignVdn = METRICS[read.input.rule.metric].subject === 'campaign' ? { vdn: read.input.vdn } : {};
    const may = decide(edit ? 'change-alerts' : 'add-alerts', { userId, channelId: read.input.channelId, ...campaignVdn }, deps);
    if (!may.ok) return void (await ack({ response_action: 'errors', errors: { [may.reason === 'user' ? 'metric' : 'channel']: plainProblem(`${say(tr, may.title)} ${say(tr, may.hint)}`) } }));
    const saved = await save(deps, tr, read.input, meta, userId);
    if (!saved) return void (await ack({ response_action: 'update', view: noticeModal(tr.t('alerts.form.editTitle'), renderAlertNotFound(tr, meta.ruleId ?? 0), tr) }));
    const running = [context(tr.t('alerts.form.replaying'))];
    await ack({ response_action: 'update', view: savedView(deps, tr, saved.rule, edit, running, saved.note) });
    const history = await runBacktest(tr, saved.rule, deps).catch((error: unknown) => {
      deps.log.warn('backtest after saving an alert failed', { rule: saved.rule.id, error });
      return [context(tr.t('alerts.form.backtestFailed'))];
    });
    await updateModal(client, view.id, savedView(deps, tr, saved.rule, edit, history, saved.note), deps.log);
  });
}

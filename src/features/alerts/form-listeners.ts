/**
 * The alert form at work: opened by `/aicc alert add` with no arguments, by **New alert** on the
 * Home tab and by **Edit** beside a rule; **Preview** replays the rule as entered over the stored
 * history (views.update of the open form); a submission is checked field by field, authorised by
 * the permission table as the command is (`add-alerts`, `change-alerts` for an edit, in the
 * channel picked), saved and audited, and the form turns into a confirmation whose backtest is
 * filled in once it has run (Slack allows three seconds to answer a submission).
 */
import type { KnownBlock } from '@slack/types';
import type { ActionRegistry } from '../../slack/actions.js';
import type { FormOpener } from '../../slack/commands/listener.js';
import { escapeMrkdwn } from '../../slack/format.js';
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

const refusedModal = (title: string, hint: string) => noticeModal('New alert', renderError({ title, hint }));

/** The empty form, or a rule's; undefined when the rule is gone. */
async function formFor(deps: AlertFormDeps, meta: AlertFormMeta) {
  if (meta.ruleId === undefined) return renderAlertForm({ meta, vdnIds: deps.vdnIds });
  const rule = await deps.store.alerts.get(meta.ruleId);
  if (!rule) return undefined;
  const campaign = rule.scope === 'campaign' && rule.scopeId ? await campaignChoice(deps, rule.vdn, rule.scopeId) : undefined;
  return renderAlertForm({ values: formValuesOf(rule, campaign), meta, vdnIds: deps.vdnIds });
}

/** `/aicc alert add` with no arguments: the same permission as the command, in the same channel. */
export function openAlertFormFromCommand(deps: AlertFormDeps): FormOpener {
  return async ({ client, triggerId, userId, channelId, respond }) => {
    const may = decide('add-alerts', { userId, channelId: channelId ?? '' }, deps);
    if (!may.ok) {
      const blocks = renderError({ title: may.title, hint: may.hint });
      return void (await respond?.({ response_type: 'ephemeral', replace_original: false, blocks, text: may.title }));
    }
    await openModal(client, triggerId, renderAlertForm({ meta: channelId ? { channelId } : {}, vdnIds: deps.vdnIds }), deps.log);
  };
}

async function openFromButton(deps: AlertFormDeps, client: ViewsClient, triggerId: string, userId: string, ruleId?: number): Promise<void> {
  const may = decideUser(ruleId === undefined ? 'add-alerts' : 'change-alerts', userId, deps);
  if (!may.ok) return void (await openModal(client, triggerId, refusedModal(may.title, may.hint), deps.log));
  const view = await formFor(deps, ruleId === undefined ? {} : { ruleId });
  await openModal(client, triggerId, view ?? noticeModal('Edit alert', renderAlertNotFound(ruleId ?? 0)), deps.log);
}

/** What is watched; an edit that changes it replaces the rule (its states belong to the old subject). */
const watched = (r: Pick<AlertRule, 'metric' | 'scope' | 'scopeId' | 'vdn'>) => `${canonicalMetric(r.metric) ?? r.metric}|${r.scope}|${r.scopeId ?? ''}|${r.vdn}`;

/** Saves the form's rule: a new one, an edit in place, or (what is watched changed) a replacement. */
async function save(deps: AlertFormDeps, input: AlertFormInput, meta: AlertFormMeta, userId: string): Promise<{ rule: AlertRule; note?: string } | undefined> {
  const settings = ruleFromInput(input.rule, input.vdn);
  const now = deps.clock().getTime();
  const who = { userId };
  if (meta.ruleId !== undefined) {
    const old = await deps.store.alerts.get(meta.ruleId);
    if (!old) return undefined;
    if (watched(old) === watched(settings)) {
      const { op, threshold, clearValue, minVolume, forS, repeatS } = settings;
      const rule = await deps.store.alerts.update(old.id, { op, threshold, clearValue, minVolume, forS, repeatS, channelId: input.channelId, mention: input.mention ?? null });
      if (!rule) return undefined;
      await audit(deps, who, 'alert.edit', `alert:${rule.id}`, { before: old, after: rule, via: 'form' });
      return { rule };
    }
    await deps.store.alerts.remove(old.id);
    const rule = await deps.store.alerts.create({ ...settings, channelId: input.channelId, mention: input.mention ?? null, createdBy: old.createdBy, createdAt: now });
    await audit(deps, who, 'alert.replace', `alert:${old.id}`, { before: old, after: rule, via: 'form' });
    return { rule, note: `Alert ${old.id} watched something else, so it was replaced by alert ${rule.id}; messages it posted stay as they are.` };
  }
  const rule = await deps.store.alerts.create({ ...settings, channelId: input.channelId, mention: input.mention ?? null, createdBy: userId, createdAt: now });
  await audit(deps, who, 'alert.add', `alert:${rule.id}`, { ...rule, via: 'form' });
  return { rule };
}

/** The confirmation the form turns into; `history` is the backtest (or a line saying it is running). */
function savedView(deps: AlertFormDeps, rule: AlertRule, edited: boolean, history: KnownBlock[], note?: string) {
  const added = renderAlertAdded(ruleView(rule), deps.clock(), deps.timeZone);
  const head = edited ? [section(`:white_check_mark: *Alert ${rule.id} saved.*`), ...added.slice(1)] : added;
  const blocks = [...head, ...(note ? [section(`:information_source: ${escapeMrkdwn(note)}`)] : []), divider(), section('*What it would have done* over the stored history:'), ...history];
  return modal({ callbackId: 'alert_form_done', title: edited ? `Alert ${rule.id} saved` : `Alert ${rule.id} added`, blocks });
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
    const meta = decodeMeta(view.private_metadata);
    const read = readAlertForm(view.state.values, deps);
    let preview: KnownBlock[];
    if (!read.ok) preview = previewProblems(read.errors);
    else {
      const rule = ruleFromInput(read.input.rule, read.input.vdn);
      preview = [section(`*Preview:* ${backtestRuleWords({ rule, metric: METRICS[read.input.rule.metric] })}`), ...(await runBacktest(rule, deps))];
    }
    // Slack keeps what was typed in inputs whose block and action ids stay the same.
    await updateModal(client, view.id, renderAlertForm({ meta, vdnIds: deps.vdnIds, preview }), deps.log, view.hash);
  });

  actions.view(ALERT_FORM_CALLBACK, async ({ ack, body, view, client }) => {
    const meta = decodeMeta(view.private_metadata);
    const read = readAlertForm(view.state.values, deps);
    if (!read.ok) return void (await ack(read.errors.response()));
    const userId = body.user.id;
    const edit = meta.ruleId !== undefined;
    const campaignVdn = METRICS[read.input.rule.metric].subject === 'campaign' ? { vdn: read.input.vdn } : {};
    const may = decide(edit ? 'change-alerts' : 'add-alerts', { userId, channelId: read.input.channelId, ...campaignVdn }, deps);
    if (!may.ok) return void (await ack({ response_action: 'errors', errors: { [may.reason === 'user' ? 'metric' : 'channel']: `${may.title} ${may.hint}` } }));
    const saved = await save(deps, read.input, meta, userId);
    if (!saved) return void (await ack({ response_action: 'update', view: noticeModal('Edit alert', renderAlertNotFound(meta.ruleId ?? 0)) }));
    const running = [context(':hourglass_flowing_sand: Replaying the stored history…')];
    await ack({ response_action: 'update', view: savedView(deps, saved.rule, edit, running, saved.note) });
    const history = await runBacktest(saved.rule, deps).catch((error: unknown) => {
      deps.log.warn('backtest after saving an alert failed', { rule: saved.rule.id, error });
      return [context('The backtest could not run; `/aicc alert test ID` tries again.')];
    });
    await updateModal(client, view.id, savedView(deps, saved.rule, edit, history, saved.note), deps.log);
  });
}

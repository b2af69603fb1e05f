/**
 * **Mute…**: a duration picker for an alert rule (30 minutes to a week, or until the tenant's next
 * midnight), from the alert message or the Home tab. The durations are read with `alert mute`'s own
 * value spec and the permission is the command's (`mute-alerts`); the mute is audited, the rule's
 * open alert messages say so, and when it ends while the alert still fires the engine posts one
 * reminder in the thread saying the mute ended.
 */
import type { ActionRegistry } from '../../slack/actions.js';
import { type Translator } from '../../i18n/index.js';
import { userReader } from '../../slack/locales.js';
import { escapeMrkdwn } from '../../slack/format.js';
import { field, FormErrors, plainProblem } from '../../slack/forms.js';
import { msg, say } from '../../slack/commands/message.js';
import { noticeModal, openModal } from '../../slack/modals.js';
import { decideUser } from '../../slack/permissions.js';
import { context, section } from '../../slack/render/blocks.js';
import { renderError } from '../../slack/render/error.js';
import { input, modal, staticSelect, type Choice } from '../../slack/render/inputs.js';
import { muteLength } from './command-values.js';
import type { AlertsDeps } from './deps.js';
import { renderAlertNotFound, ruleLine } from './render-list.js';
import { ruleView } from './handle-common.js';
import { nextMidnight } from './time.js';
import { decodeAlertButton } from './view.js';
import { ALERT_MUTE_PICK_ACTION } from './render.js';

export { ALERT_MUTE_PICK_ACTION };
export const ALERT_MUTE_FORM_CALLBACK = 'alert_mute_form';

/** Every choice is a value `alert mute ID …` accepts. */
function durations(tr: Translator): Choice[] {
  const minutes = (n: number) => tr.t('alerts.muteForm.minutes', { n });
  const hours = (n: number) => tr.t('alerts.muteForm.hours', { n });
  return [
    ['30m', minutes(30)],
    ['1h', hours(1)],
    ['2h', hours(2)],
    ['4h', hours(4)],
    ['8h', hours(8)],
    ['tomorrow', tr.t('alerts.muteForm.tomorrow')],
    ['1d', hours(24)],
    ['3d', tr.t('alerts.muteForm.days', { n: 3 })],
    ['7d', tr.t('alerts.muteForm.week')],
  ];
}

export function renderMuteForm(tr: Translator, rule: { id: number; line: string; mutedUntil?: string }): ReturnType<typeof modal> {
  return modal({
    callbackId: ALERT_MUTE_FORM_CALLBACK,
    tr,
    title: tr.t('alerts.muteForm.title', { id: String(rule.id) }),
    submit: tr.t('alerts.muteForm.submit'),
    privateMetadata: String(rule.id),
    blocks: [
      section(rule.line),
      input('length', tr.t('alerts.muteForm.length'), staticSelect('length', durations(tr), { initial: '1h' })),
      context(rule.mutedUntil ? tr.t('alerts.muteForm.noteMuted', { time: rule.mutedUntil }) : tr.t('alerts.muteForm.note')),
    ],
  });
}

export function registerMuteForm(actions: ActionRegistry, deps: AlertsDeps): void {
  // The picker is private: in the language of whoever opened it.

  actions.on(ALERT_MUTE_PICK_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const tr = await userReader(deps, body.user.id);
    const title = tr.t('alerts.muteForm.submit');
    const target = decodeAlertButton(action.value);
    const rule = target ? await deps.store.alerts.get(target.ruleId) : undefined;
    if (!rule) return void (await openModal(client, body.trigger_id, noticeModal(title, renderAlertNotFound(tr, target?.ruleId ?? 0), tr), deps.log));
    const may = decideUser('mute-alerts', body.user.id, deps);
    if (!may.ok) return void (await openModal(client, body.trigger_id, noticeModal(title, renderError(tr, { title: may.title, hint: msg('alerts.mute.refusedHint', { hint: may.hint }) }), tr), deps.log));
    const now = deps.clock().getTime();
    const mutedUntil = rule.mutedUntil !== undefined && rule.mutedUntil > now ? tr.time(new Date(rule.mutedUntil), deps.timeZone) : undefined;
    await openModal(client, body.trigger_id, renderMuteForm(tr, { id: rule.id, line: ruleLine(tr, ruleView(rule)), ...(mutedUntil ? { mutedUntil } : {}) }), deps.log);
  });

  actions.view(ALERT_MUTE_FORM_CALLBACK, async ({ ack, body, view }) => {
    const tr = await userReader(deps, body.user.id);
    const errors = new FormErrors(tr);
    const length = field(view.state.values, 'length', muteLength(), errors, { required: true });
    if (length === undefined) return void (await ack(errors.response()));
    const userId = body.user.id;
    const may = decideUser('mute-alerts', userId, deps);
    if (!may.ok) return void (await ack({ response_action: 'errors', errors: { length: plainProblem(`${say(tr, may.title)} ${say(tr, may.hint)}`) } }));
    const ruleId = Number(view.private_metadata);
    if (!(Number.isInteger(ruleId) && (await deps.store.alerts.get(ruleId)))) return void (await ack({ response_action: 'update', view: noticeModal(tr.t('alerts.muteForm.submit'), renderAlertNotFound(tr, ruleId || 0), tr) }));
    const now = deps.clock().getTime();
    const until = length === 'tomorrow' ? nextMidnight(now, deps.timeZone) : now + length * 1000;
    // Answered first: muting edits the rule's open alert messages, which may take longer than Slack waits.
    const id = String(ruleId);
    const done = noticeModal(tr.t('alerts.muteForm.doneTitle', { id }), [section(tr.t('alerts.muted.title', { id, time: tr.time(new Date(until), deps.timeZone), zone: escapeMrkdwn(deps.timeZone) }))], tr);
    await ack({ response_action: 'update', view: done });
    const rule = await deps.alerts.mute(ruleId, until, userId);
    if (rule) await deps.store.audit.append(now, userId, 'alert.mute', `alert:${rule.id}`, { until, via: 'picker' });
  });
}

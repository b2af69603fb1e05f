/**
 * **Mute…**: a duration picker for an alert rule (30 minutes to a week, or until the tenant's next
 * midnight), from the alert message or the Home tab. The durations are read with `alert mute`'s own
 * value spec and the permission is the command's (`mute-alerts`); the mute is audited, the rule's
 * open alert messages say so, and when it ends while the alert still fires the engine posts one
 * reminder in the thread saying the mute ended.
 */
import type { ActionRegistry } from '../../slack/actions.js';
import { escapeMrkdwn, formatTime } from '../../slack/format.js';
import { field, FormErrors } from '../../slack/forms.js';
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
const DURATIONS: readonly Choice[] = [
  ['30m', '30 minutes'],
  ['1h', '1 hour'],
  ['2h', '2 hours'],
  ['4h', '4 hours'],
  ['8h', '8 hours'],
  ['tomorrow', 'Until tomorrow (midnight)'],
  ['1d', '24 hours'],
  ['3d', '3 days'],
  ['7d', '1 week'],
];

export function renderMuteForm(rule: { id: number; line: string; mutedUntil?: string }): ReturnType<typeof modal> {
  return modal({
    callbackId: ALERT_MUTE_FORM_CALLBACK,
    title: `Mute alert ${rule.id}`,
    submit: 'Mute',
    privateMetadata: String(rule.id),
    blocks: [
      section(rule.line),
      input('length', 'Mute for', staticSelect('length', DURATIONS, { initial: '1h' })),
      context(`It is still evaluated but posts nothing; if it still fires when the mute ends, its thread says so.${rule.mutedUntil ? `  ·  :mute: muted until ${rule.mutedUntil} now` : ''}`),
    ],
  });
}

export function registerMuteForm(actions: ActionRegistry, deps: AlertsDeps): void {
  actions.on(ALERT_MUTE_PICK_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const target = decodeAlertButton(action.value);
    const rule = target ? await deps.store.alerts.get(target.ruleId) : undefined;
    if (!rule) return void (await openModal(client, body.trigger_id, noticeModal('Mute', renderAlertNotFound(target?.ruleId ?? 0)), deps.log));
    const may = decideUser('mute-alerts', body.user.id, deps, 'mute alert rules');
    if (!may.ok) return void (await openModal(client, body.trigger_id, noticeModal('Mute', renderError({ title: may.title, hint: `${may.hint} Or acknowledge the alert instead.` })), deps.log));
    const now = deps.clock().getTime();
    const mutedUntil = rule.mutedUntil !== undefined && rule.mutedUntil > now ? formatTime(new Date(rule.mutedUntil), deps.timeZone) : undefined;
    await openModal(client, body.trigger_id, renderMuteForm({ id: rule.id, line: ruleLine(ruleView(rule)), ...(mutedUntil ? { mutedUntil } : {}) }), deps.log);
  });

  actions.view(ALERT_MUTE_FORM_CALLBACK, async ({ ack, body, view }) => {
    const errors = new FormErrors();
    const length = field(view.state.values, 'length', muteLength(), errors, { required: true });
    if (length === undefined) return void (await ack(errors.response()));
    const userId = body.user.id;
    const may = decideUser('mute-alerts', userId, deps, 'mute alert rules');
    if (!may.ok) return void (await ack({ response_action: 'errors', errors: { length: `${may.title} ${may.hint}` } }));
    const ruleId = Number(view.private_metadata);
    if (!(Number.isInteger(ruleId) && (await deps.store.alerts.get(ruleId)))) return void (await ack({ response_action: 'update', view: noticeModal('Mute', renderAlertNotFound(ruleId || 0)) }));
    const now = deps.clock().getTime();
    const until = length === 'tomorrow' ? nextMidnight(now, deps.timeZone) : now + length * 1000;
    // Answered first: muting edits the rule's open alert messages, which may take longer than Slack waits.
    const done = noticeModal(`Alert ${ruleId} muted`, [section(`:mute: *Alert ${ruleId} muted until ${formatTime(new Date(until), deps.timeZone)}* (${escapeMrkdwn(deps.timeZone)}). It is still evaluated but posts nothing; a still-firing alert gets one reminder when the mute ends.`)]);
    await ack({ response_action: 'update', view: done });
    const rule = await deps.alerts.mute(ruleId, until, userId);
    if (rule) await deps.store.audit.append(now, userId, 'alert.mute', `alert:${rule.id}`, { until, via: 'picker' });
  });
}

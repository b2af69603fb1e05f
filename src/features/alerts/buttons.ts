/**
 * The buttons on an alert message. **Acknowledge**: anyone in the channel; the message shows who and
 * the thread says so. **Mute 1h** / **Mute until tomorrow** (the tenant's next midnight): admins
 * only when BOT_ADMIN_USERS is set, audited. The button value names the rule and subject, so the
 * process that receives the click needs nothing but the store; refusals are answered ephemerally.
 */
import type { KnownBlock } from '@slack/types';
import type { ActionRegistry, ButtonListener } from '../../slack/actions.js';
import { privateReply } from '../../slack/modals.js';
import { nextMidnight } from './time.js';
import { decodeAlertButton } from './view.js';
import { escapeMrkdwn, formatTime, userMention } from '../../slack/format.js';
import { ALERT_ACK_ACTION, ALERT_MUTE_HOUR_ACTION, ALERT_MUTE_TOMORROW_ACTION, ALERT_UNMUTE_ACTION } from './render.js';
import { section } from '../../slack/render/blocks.js';
import { renderError } from '../../slack/render/error.js';
import type { AlertsDeps } from './deps.js';
import { decide } from '../../slack/permissions.js';

/** A private answer: ephemeral under an alert message, a small modal on the Home tab (no response URL there). */
type Reply = (m: { blocks: KnownBlock[]; text: string }) => Promise<unknown>;

const tell = (respond: Reply, blocks: KnownBlock[], text: string) => respond({ blocks, text });

const expired = (respond: Reply) => respond({ blocks: renderError({ title: 'That alert no longer exists', hint: '`/aicc alert list` shows the rules.' }), text: 'That alert no longer exists' });

export function registerAlertActions(actions: ActionRegistry, deps: AlertsDeps): void {
  actions.on(ALERT_ACK_ACTION, async ({ ack, action, body, respond: viaUrl, client }) => {
    await ack();
    const respond = privateReply({ respond: viaUrl, client, body, log: deps.log });
    const target = decodeAlertButton(action.value);
    if (!target) return void (await expired(respond));
    const outcome = await deps.alerts.acknowledge(target.ruleId, target.subject, body.user.id);
    await deps.store.audit.append(deps.clock().getTime(), body.user.id, 'alert.ack', `alert:${target.ruleId}`, { subject: target.subject, outcome: outcome.status });
    if (outcome.status === 'gone') return void (await expired(respond));
    if (outcome.status === 'already') return void (await tell(respond, [section(`:eyes: Already acknowledged by ${userMention(outcome.by)}.`)], 'Already acknowledged'));
    if (outcome.status === 'not-firing') return void (await tell(respond, [section(`:white_check_mark: This alert is no longer firing${outcome.state ? ` (${escapeMrkdwn(outcome.state)})` : ''}; nothing to acknowledge.`)], 'Not firing'));
  });

  const mute = (length: 'hour' | 'tomorrow'): ButtonListener =>
    async ({ ack, action, body, respond: viaUrl, client }) => {
      await ack();
      const respond = privateReply({ respond: viaUrl, client, body, log: deps.log });
      const target = decodeAlertButton(action.value);
      if (!target) return void (await expired(respond));
      const userId = body.user.id;
      const may = decide('mute-alerts', { userId, channelId: body.channel?.id ?? '' }, deps);
      if (!may.ok) {
        return void (await respond({ blocks: renderError({ title: may.title, hint: `${may.hint} Or acknowledge the alert instead.` }), text: may.title }));
      }
      const now = deps.clock().getTime();
      const until = length === 'hour' ? now + 3_600_000 : nextMidnight(now, deps.timeZone);
      const rule = await deps.alerts.mute(target.ruleId, until, userId);
      if (!rule) return void (await expired(respond));
      await deps.store.audit.append(now, userId, 'alert.mute', `alert:${rule.id}`, { until, via: 'button' });
      await tell(respond, [section(`:mute: Alert ${rule.id} muted until ${formatTime(new Date(until), deps.timeZone)} (${escapeMrkdwn(deps.timeZone)}).`)], 'Alert muted');
    };
  actions.on(ALERT_MUTE_HOUR_ACTION, mute('hour'));
  actions.on(ALERT_MUTE_TOMORROW_ACTION, mute('tomorrow'));

  // **Unmute**, on a muted alert: the same permission as `/aicc alert unmute`, and like it, ending
  // the mute now gives a still-firing alert its one reminder.
  actions.on(ALERT_UNMUTE_ACTION, async ({ ack, action, body, respond: viaUrl, client }) => {
    await ack();
    const respond = privateReply({ respond: viaUrl, client, body, log: deps.log });
    const target = decodeAlertButton('value' in action ? action.value : undefined);
    if (!target) return void (await expired(respond));
    const userId = body.user.id;
    const may = decide('mute-alerts', { userId, channelId: body.channel?.id ?? '' }, deps, 'unmute alerts');
    if (!may.ok) return void (await respond({ blocks: renderError({ title: may.title, hint: may.hint }), text: may.title }));
    const now = deps.clock().getTime();
    const rule = await deps.alerts.mute(target.ruleId, now, userId);
    if (!rule) return void (await expired(respond));
    await deps.store.audit.append(now, userId, 'alert.unmute', `alert:${rule.id}`, { via: 'button' });
    await tell(respond, [section(`:loud_sound: Alert ${rule.id} unmuted.`)], 'Alert unmuted');
  });
}

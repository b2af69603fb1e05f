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
import { escapeMrkdwn, userMention } from '../../slack/format.js';
import { type Translator } from '../../i18n/index.js';
import { userReader } from '../../slack/locales.js';
import { ALERT_ACK_ACTION, ALERT_MUTE_HOUR_ACTION, ALERT_MUTE_TOMORROW_ACTION, ALERT_UNMUTE_ACTION } from './render.js';
import { section } from '../../slack/render/blocks.js';
import { renderError } from '../../slack/render/error.js';
import type { AlertsDeps } from './deps.js';
import { decide } from '../../slack/permissions.js';
import { stateWord } from './words.js';
import { msg, say } from '../../slack/commands/message.js';

/** A private answer: ephemeral under an alert message, a small modal on the Home tab (no response URL there). */
type Reply = (m: { blocks: KnownBlock[]; text: string }) => Promise<unknown>;

const tell = (respond: Reply, blocks: KnownBlock[], text: string) => respond({ blocks, text });

const expired = (tr: Translator, respond: Reply) => respond({ blocks: renderError(tr, { title: msg('alerts.gone.title'), hint: msg('alerts.notFound.hint') }), text: tr.t('alerts.gone.title') });

export function registerAlertActions(actions: ActionRegistry, deps: AlertsDeps): void {
  // Answers are private: in the language of whoever clicked.

  actions.on(ALERT_ACK_ACTION, async ({ ack, action, body, respond: viaUrl, client }) => {
    await ack();
    const tr = await userReader(deps, body.user.id);
    const respond = privateReply({ respond: viaUrl, client, body, log: deps.log, tr });
    const target = decodeAlertButton(action.value);
    if (!target) return void (await expired(tr, respond));
    const outcome = await deps.alerts.acknowledge(target.ruleId, target.subject, body.user.id);
    await deps.store.audit.append(deps.clock().getTime(), body.user.id, 'alert.ack', `alert:${target.ruleId}`, { subject: target.subject, outcome: outcome.status });
    if (outcome.status === 'gone') return void (await expired(tr, respond));
    if (outcome.status === 'already') return void (await tell(respond, [section(tr.t('alerts.ack.already', { user: userMention(outcome.by) }))], tr.t('alerts.ack.alreadyText')));
    if (outcome.status === 'not-firing') {
      const text = outcome.state ? tr.t('alerts.ack.notFiringState', { state: escapeMrkdwn(stateWord(tr, outcome.state)) }) : tr.t('alerts.ack.notFiring');
      return void (await tell(respond, [section(text)], tr.t('alerts.ack.notFiringText')));
    }
  });

  const mute = (length: 'hour' | 'tomorrow'): ButtonListener =>
    async ({ ack, action, body, respond: viaUrl, client }) => {
      await ack();
      const userId = body.user.id;
      const tr = await userReader(deps, userId);
      const respond = privateReply({ respond: viaUrl, client, body, log: deps.log, tr });
      const target = decodeAlertButton(action.value);
      if (!target) return void (await expired(tr, respond));
      const may = decide('mute-alerts', { userId, channelId: body.channel?.id ?? '' }, deps);
      if (!may.ok) {
        return void (await respond({ blocks: renderError(tr, { title: may.title, hint: msg('alerts.mute.refusedHint', { hint: may.hint }) }), text: say(tr, may.title) }));
      }
      const now = deps.clock().getTime();
      const until = length === 'hour' ? now + 3_600_000 : nextMidnight(now, deps.timeZone);
      const rule = await deps.alerts.mute(target.ruleId, until, userId);
      if (!rule) return void (await expired(tr, respond));
      await deps.store.audit.append(now, userId, 'alert.mute', `alert:${rule.id}`, { until, via: 'button' });
      const done = tr.t('alerts.mute.done', { id: String(rule.id), time: tr.time(new Date(until), deps.timeZone), zone: escapeMrkdwn(deps.timeZone) });
      await tell(respond, [section(done)], tr.t('alerts.mute.doneText'));
    };
  actions.on(ALERT_MUTE_HOUR_ACTION, mute('hour'));
  actions.on(ALERT_MUTE_TOMORROW_ACTION, mute('tomorrow'));

  // **Unmute**, on a muted alert: the same permission as `/aicc alert unmute`, and like it, ending
  // the mute now gives a still-firing alert its one reminder.
  actions.on(ALERT_UNMUTE_ACTION, async ({ ack, action, body, respond: viaUrl, client }) => {
    await ack();
    const userId = body.user.id;
    const tr = await userReader(deps, userId);
    const respond = privateReply({ respond: viaUrl, client, body, log: deps.log, tr });
    const target = decodeAlertButton('value' in action ? action.value : undefined);
    if (!target) return void (await expired(tr, respond));
    const may = decide('mute-alerts', { userId, channelId: body.channel?.id ?? '' }, deps, 'unmute-alerts');
    if (!may.ok) return void (await respond({ blocks: renderError(tr, may), text: say(tr, may.title) }));
    const now = deps.clock().getTime();
    const rule = await deps.alerts.mute(target.ruleId, now, userId);
    if (!rule) return void (await expired(tr, respond));
    await deps.store.audit.append(now, userId, 'alert.unmute', `alert:${rule.id}`, { via: 'button' });
    await tell(respond, [section(tr.t('alerts.unmute.done', { id: String(rule.id) }))], tr.t('alerts.unmute.doneText'));
  });
}

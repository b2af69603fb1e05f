/**
 * Alert messages: the one message an alert posts when it fires (edited in place as it is
 * acknowledged, muted or resolved), the replies in its thread, and the per-service "no data"
 * notice. Pure: everything shown is in the view, times included.
 *
 * Vendor text (campaign names, errors) is escaped; a mention is the raw Slack token the user picked
 * (`<!subteam^S123|@oncall>`, `<@U123>`), inserted only when it has exactly that shape.
 */
import { recordedFailure } from '../../slack/explain-error.js';
import type { Button, KnownBlock } from '@slack/types';
import type { Translator } from '../../i18n/index.js';
import { formatThreshold, formatValue, type MetricDef } from './metrics.js';
import type { AlertOp } from '../../store/alert-rules.js';
import { escapeMrkdwn, truncate, userMention } from '../../slack/format.js';
import { actions, button, context, fields, section, statusEmoji } from '../../slack/render/blocks.js';
import { alertChartBlocks, type TrendPoint } from './render-chart.js';
import { capital, metricLabel, opWords, reasonWords, subjectWords } from './words.js';

export { subjectWords } from './words.js';

export const ALERT_ACK_ACTION = 'alert_ack';
export const ALERT_MUTE_HOUR_ACTION = 'alert_mute_1h';
export const ALERT_MUTE_TOMORROW_ACTION = 'alert_mute_tomorrow';
/** **Mute…**: a duration picker (mute-form.ts). */
export const ALERT_MUTE_PICK_ACTION = 'alert_mute_pick';
/** Every button an alert message carries, for the listener registry. */
export const ALERT_UNMUTE_ACTION = 'alert_unmute';
export const ALERT_ACTIONS = [ALERT_ACK_ACTION, ALERT_MUTE_HOUR_ACTION, ALERT_MUTE_TOMORROW_ACTION, ALERT_MUTE_PICK_ACTION, ALERT_UNMUTE_ACTION] as const;

export type AlertMetricView = Pick<MetricDef, 'name' | 'unit' | 'subject'>;

/** One alert (a rule on one subject) as its message shows it. */
export interface AlertMessageView {
  ruleId: number;
  metric: AlertMetricView;
  op: AlertOp;
  threshold: number;
  clearValue: number;
  vdn: number;
  subject: { kind: 'campaign' | 'bot'; id: string; name?: string; status?: number; statusLabel?: string };
  state: 'firing' | 'resolved';
  value?: number;
  volume?: number;
  /** The metric over the last hours (successful snapshots), oldest first: the chart and the "last hour" words. */
  trend: readonly TrendPoint[];
  firingSince?: Date;
  resolvedAt?: Date;
  /** Why it resolved when not by its value (`campaign paused`, as the store keeps it). */
  resolvedReason?: string;
  ackedBy?: string;
  ackedAt?: Date;
  mutedUntil?: Date;
  /** A mute that ended since the channel was last told (the reminder says so). */
  muteEndedAt?: Date;
  mention?: string;
  timeZone: string;
  /** What the buttons carry (rule and subject). */
  buttonValue: string;
}

const MENTION = /^<(?:@[UW][A-Z0-9]{2,30}(?:\|[^<>]{0,80})?|!subteam\^[A-Z0-9]{2,30}(?:\|[^<>]{0,80})?|!here|!channel)>$/;

/** The mention token when it is one Slack would have produced, else nothing. */
export function safeMention(mention: string | undefined): string | undefined {
  return mention !== undefined && MENTION.test(mention) ? mention : undefined;
}

const CLEAR_OPS: Record<AlertOp, string> = { '<': '≥', '<=': '>', '>': '≤', '>=': '<' };

type ThresholdParts = Pick<AlertMessageView, 'metric' | 'op' | 'threshold' | 'clearValue'>;

/** A comparison sign as mrkdwn: `<` and `>` are control characters there (`&lt;`, `&gt;`). */
export const opText = (op: string): string => escapeMrkdwn(op);

/** `≥ 45%`: where a firing alert resolves. */
export function clearWords(tr: Translator, v: ThresholdParts): string {
  return `${opText(CLEAR_OPS[v.op])} ${formatThreshold(tr, v.metric, v.clearValue)}`;
}

/** `< 40%  ·  clears at ≥ 45%` */
export function thresholdWords(tr: Translator, v: ThresholdParts): string {
  return tr.t('alerts.threshold.words', { op: opText(v.op), threshold: formatThreshold(tr, v.metric, v.threshold), clear: clearWords(tr, v) });
}

/** The values of the hour up to the last point. */
export function lastHour(points: readonly TrendPoint[]): number[] {
  const end = points.at(-1)?.at ?? 0;
  return points.filter((p) => p.at > end - 3_600_000).map((p) => p.value);
}

/** `62.0% → 48.0% → 31.2%`: first, middle and last of the last hour (the chart shows the course). */
export function trendWords(tr: Translator, metric: AlertMetricView, values: readonly number[]): string {
  if (values.length === 0) return tr.t('alerts.trend.none');
  const picks = values.length >= 3 ? [values[0]!, values[Math.floor((values.length - 1) / 2)]!, values.at(-1)!] : [...values];
  return picks.map((v) => formatValue(tr, metric, v)).join(' → ');
}

/** `31.2% (n=412 dialled)`: the value with the day's volume when known. */
export function valueWithVolume(tr: Translator, metric: AlertMetricView, value: number | undefined, volume: number | undefined): string {
  const shown = formatValue(tr, metric, value);
  return volume === undefined ? shown : tr.t('alerts.value.withVolume', { value: shown, n: tr.count(volume), kind: metric.subject });
}

const timeInZone = (tr: Translator, d: Date, tz: string) => tr.t('alerts.field.timeInZone', { time: tr.time(d, tz), zone: escapeMrkdwn(tz) });

/** The alert message: headline, figures, trend, status and (while firing) its buttons. */
export function renderAlertMessage(tr: Translator, v: AlertMessageView): KnownBlock[] {
  const tz = v.timeZone;
  const value = formatValue(tr, v.metric, v.value);
  const mention = safeMention(v.mention);
  const label = metricLabel(tr, v.metric.name);
  const subject = subjectWords(tr, v.subject);
  const headline =
    v.state === 'firing'
      ? tr.t('alerts.message.firing', { label: capital(tr, label), value, op: opWords(tr, v.op), threshold: formatThreshold(tr, v.metric, v.threshold), subject })
      : tr.t('alerts.message.resolved', { label, value, subject });
  const status = tr.t('common.campaignStatus', { status: v.subject.status ?? 0 });
  const where: [string, string] =
    v.subject.kind === 'campaign'
      ? [tr.t('alerts.field.campaign'), `${v.subject.status !== undefined ? `${statusEmoji(v.subject.status)} ` : ''}${status}  ·  ${tr.t('common.vdn', { vdn: String(v.vdn) })}`]
      : [tr.t('alerts.field.bot'), `\`${escapeMrkdwn(truncate(v.subject.id, 64))}\``];
  const resolvedAt = v.resolvedAt ? tr.time(v.resolvedAt, tz) : '–';
  const timing: [string, string] =
    v.state === 'firing'
      ? [tr.t('alerts.field.firingSince'), v.firingSince ? timeInZone(tr, v.firingSince, tz) : '–']
      : [tr.t('alerts.field.resolved'), v.resolvedReason ? tr.t('alerts.field.resolvedWhy', { time: resolvedAt, reason: reasonWords(tr, v.resolvedReason) }) : resolvedAt];
  const blocks: KnownBlock[] = [
    section(mention && v.state === 'firing' ? `${headline}\n${mention}` : headline),
    fields([
      [tr.t('alerts.field.value'), valueWithVolume(tr, v.metric, v.value, v.volume)],
      [tr.t('alerts.field.threshold'), thresholdWords(tr, v)],
      [tr.t('alerts.field.lastHour'), trendWords(tr, v.metric, lastHour(v.trend))],
      where,
      timing,
    ]),
  ];
  // The chart illustrates the figures above; its values follow it in words.
  blocks.push(...alertChartBlocks(tr, { metric: v.metric, threshold: v.threshold, clearValue: v.clearValue, history: v.trend, timeZone: tz }));
  const notes = [tr.t('alerts.message.rule', { id: String(v.ruleId), metric: v.metric.name })];
  if (v.ackedBy) notes.push(v.ackedAt ? tr.t('alerts.message.ackedAt', { user: userMention(v.ackedBy), time: tr.time(v.ackedAt, tz) }) : tr.t('alerts.message.acked', { user: userMention(v.ackedBy) }));
  if (v.mutedUntil && v.state === 'firing') notes.push(tr.t('alerts.message.muted', { time: tr.time(v.mutedUntil, tz) }));
  blocks.push(context(notes.join('  ·  ')));
  if (v.state === 'firing') {
    const buttons: Button[] = [];
    if (!v.ackedBy) buttons.push(button(tr.t('alerts.button.ack'), ALERT_ACK_ACTION, v.buttonValue, 'primary'));
    // A muted alert offers to end the mute, not to mute it again.
    if (v.mutedUntil) buttons.push(button(tr.t('alerts.button.unmute'), ALERT_UNMUTE_ACTION, v.buttonValue));
    else {
      buttons.push(
        button(tr.t('alerts.button.muteHour'), ALERT_MUTE_HOUR_ACTION, v.buttonValue),
        button(tr.t('alerts.button.muteTomorrow'), ALERT_MUTE_TOMORROW_ACTION, v.buttonValue),
        button(tr.t('alerts.button.mutePick'), ALERT_MUTE_PICK_ACTION, v.buttonValue),
      );
    }
    blocks.push(actions(buttons, 'alert_actions'));
  }
  return blocks;
}

/** The notification text of an alert message (also what clients without blocks show). */
export function alertFallbackText(tr: Translator, v: AlertMessageView): string {
  const subject = v.subject.kind === 'bot' ? tr.t('alerts.subject.plainBot', { id: v.subject.id }) : tr.t('alerts.subject.plainCampaign', { name: v.subject.name ?? v.subject.id });
  const what = { label: metricLabel(tr, v.metric.name), value: formatValue(tr, v.metric, v.value), subject };
  const text =
    v.state === 'firing'
      ? tr.t('alerts.fallback.firing', { ...what, label: capital(tr, what.label), op: opWords(tr, v.op), threshold: formatThreshold(tr, v.metric, v.threshold) })
      : tr.t('alerts.fallback.resolved', what);
  const mention = v.state === 'firing' ? safeMention(v.mention) : undefined;
  return `${escapeMrkdwn(truncate(text, 250))}${mention ? ` ${mention}` : ''}`;
}

/** A "still firing" reply, every `repeat` and when a mute ends. */
export function renderReminder(tr: Translator, v: AlertMessageView, now: Date): KnownBlock[] {
  const mention = safeMention(v.mention);
  const values = { label: metricLabel(tr, v.metric.name), value: valueWithVolume(tr, v.metric, v.value, v.volume), threshold: thresholdWords(tr, v) };
  const still = v.firingSince ? tr.t('alerts.reminder.for', { ...values, duration: tr.duration(now.getTime() - v.firingSince.getTime()) }) : tr.t('alerts.reminder.plain', values);
  const muteEnded = v.muteEndedAt ? `${tr.t('alerts.reminder.muteEnded', { time: tr.time(v.muteEndedAt, v.timeZone) })} ` : '';
  return [section(`${muteEnded}${still}${mention ? ` ${mention}` : ''}`)];
}

/** The "resolved" reply; `firedFor` when known. */
export function renderResolvedReply(tr: Translator, v: AlertMessageView, firedFor?: number): KnownBlock[] {
  const why = v.resolvedReason
    ? tr.t('alerts.reply.whyStopped', { reason: reasonWords(tr, v.resolvedReason) })
    : tr.t('alerts.reply.whyValue', { label: metricLabel(tr, v.metric.name), value: valueWithVolume(tr, v.metric, v.value, v.volume), clear: clearWords(tr, v) });
  return [section(firedFor !== undefined ? tr.t('alerts.reply.resolvedAfter', { duration: tr.duration(firedFor), why }) : tr.t('alerts.reply.resolved', { why }))];
}

/** Who acknowledged, in the thread. */
export function renderAckReply(tr: Translator, user: string, at: Date, timeZone: string): KnownBlock[] {
  return [section(tr.t('alerts.reply.ack', { user: userMention(user), time: tr.time(at, timeZone) }))];
}

/** A mute or unmute from a button or a command, in the thread. */
export function renderMuteReply(tr: Translator, user: string, until: Date | undefined, timeZone: string): KnownBlock[] {
  return [section(until ? tr.t('alerts.reply.muted', { time: tr.time(until, timeZone), zone: escapeMrkdwn(timeZone), user: userMention(user) }) : tr.t('alerts.reply.unmuted', { user: userMention(user) }))];
}

/** A service that stopped delivering data, as the notice shows it. */
export interface NoticeView {
  /** `CC-CMS real-time statistics`, in the reader's language. */
  service: string;
  /** When the data stopped, when known. */
  since?: Date;
  ruleCount: number;
  error?: string;
  timeZone: string;
  /** When the data came back (the resolved variant). */
  backAt?: Date;
}

const at = (tr: Translator, d: Date | undefined, tz: string) => (d ? timeInZone(tr, d, tz) : tr.t('alerts.notice.aWhile'));

/** The one "no data" message per service, or its resolved form once data is back. */
export function renderNotice(tr: Translator, v: NoticeView): KnownBlock[] {
  const service = escapeMrkdwn(v.service);
  if (v.backAt) {
    const back = at(tr, v.backAt, v.timeZone);
    return [section(v.since ? tr.t('alerts.notice.backGap', { service, at: back, from: tr.time(v.since, v.timeZone) }) : tr.t('alerts.notice.back', { service, at: back }))];
  }
  const blocks: KnownBlock[] = [section(tr.t('alerts.notice.down', { service, since: at(tr, v.since, v.timeZone), n: v.ruleCount }))];
  if (v.error) blocks.push(context(tr.t('alerts.notice.lastError', { error: recordedFailure(tr, v.error, 300) })));
  return blocks;
}

export function noticeFallbackText(tr: Translator, v: NoticeView): string {
  return escapeMrkdwn(v.backAt ? tr.t('alerts.notice.fallbackBack', { service: v.service }) : tr.t('alerts.notice.fallbackDown', { service: v.service, n: v.ruleCount }));
}

/** The thread reply when data returns. */
export function renderNoticeBackReply(tr: Translator, v: NoticeView): KnownBlock[] {
  return [section(v.backAt ? tr.t('alerts.notice.backReply', { time: tr.time(v.backAt, v.timeZone) }) : tr.t('alerts.notice.backReplyNow'))];
}

/**
 * Alert messages: the one message an alert posts when it fires (edited in place as it is
 * acknowledged, muted or resolved), the replies in its thread, and the per-service "no data"
 * notice. Pure: everything shown is in the view, times included.
 *
 * Vendor text (campaign names, errors) is escaped; a mention is the raw Slack token the user picked
 * (`<!subteam^S123|@oncall>`, `<@U123>`), inserted only when it has exactly that shape.
 */
import type { Button, KnownBlock } from '@slack/types';
import { formatThreshold, formatValue, type MetricDef } from './metrics.js';
import type { AlertOp } from '../../store/alert-rules.js';
import { escapeMrkdwn, formatCount, formatDuration, formatTime, plural, truncate, userMention } from '../../slack/format.js';
import { actions, button, context, fields, section, statusEmoji } from '../../slack/render/blocks.js';
import { alertChartBlocks, type TrendPoint } from './render-chart.js';

export const ALERT_ACK_ACTION = 'alert_ack';
export const ALERT_MUTE_HOUR_ACTION = 'alert_mute_1h';
export const ALERT_MUTE_TOMORROW_ACTION = 'alert_mute_tomorrow';
/** **Mute…**: a duration picker (mute-form.ts). */
export const ALERT_MUTE_PICK_ACTION = 'alert_mute_pick';
/** Every button an alert message carries, for the listener registry. */
export const ALERT_UNMUTE_ACTION = 'alert_unmute';
export const ALERT_ACTIONS = [ALERT_ACK_ACTION, ALERT_MUTE_HOUR_ACTION, ALERT_MUTE_TOMORROW_ACTION, ALERT_MUTE_PICK_ACTION, ALERT_UNMUTE_ACTION] as const;

export type AlertMetricView = Pick<MetricDef, 'name' | 'label' | 'unit' | 'volumeLabel' | 'subject'>;

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
  /** Why it resolved when not by its value (`campaign paused`). */
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

const OP_WORDS: Record<AlertOp, string> = { '<': 'below', '<=': 'at or below', '>': 'above', '>=': 'at or above' };
const CLEAR_OPS: Record<AlertOp, string> = { '<': '≥', '<=': '>', '>': '≤', '>=': '<' };

type ThresholdParts = Pick<AlertMessageView, 'metric' | 'op' | 'threshold' | 'clearValue'>;

/** A comparison sign as mrkdwn: `<` and `>` are control characters there (`&lt;`, `&gt;`). */
export const opText = (op: string): string => escapeMrkdwn(op);

/** `≥ 45%`: where a firing alert resolves. */
export function clearWords(v: ThresholdParts): string {
  return `${opText(CLEAR_OPS[v.op])} ${formatThreshold(v.metric, v.clearValue)}`;
}

/** `< 40%  ·  clears at ≥ 45%` */
export function thresholdWords(v: ThresholdParts): string {
  return `${opText(v.op)} ${formatThreshold(v.metric, v.threshold)}  ·  clears at ${clearWords(v)}`;
}

/** The values of the hour up to the last point. */
export function lastHour(points: readonly TrendPoint[]): number[] {
  const end = points.at(-1)?.at ?? 0;
  return points.filter((p) => p.at > end - 3_600_000).map((p) => p.value);
}

/** `62.0% → 48.0% → 31.2%`: first, middle and last of the last hour (the chart shows the course). */
export function trendWords(metric: AlertMetricView, values: readonly number[]): string {
  if (values.length === 0) return 'no earlier data';
  const picks = values.length >= 3 ? [values[0]!, values[Math.floor((values.length - 1) / 2)]!, values.at(-1)!] : [...values];
  return picks.map((v) => formatValue(metric, v)).join(' → ');
}

/** `campaign *Spring follow-up* (`1798…`)` or `voice bot `9433…``. */
export function subjectWords(s: AlertMessageView['subject']): string {
  const id = `\`${escapeMrkdwn(truncate(s.id.replace(/`/g, "'"), 64))}\``;
  if (s.kind === 'bot') return `voice bot ${id}`;
  return s.name ? `campaign *${escapeMrkdwn(truncate(s.name.replace(/[*\n]/g, ' '), 80))}* (${id})` : `campaign ${id}`;
}

const volumeWords = (v: AlertMessageView) => (v.volume === undefined ? '' : ` (n=${formatCount(v.volume)} ${v.metric.volumeLabel})`);

/** The alert message: headline, figures, trend, status and (while firing) its buttons. */
export function renderAlertMessage(v: AlertMessageView): KnownBlock[] {
  const tz = v.timeZone;
  const value = formatValue(v.metric, v.value);
  const mention = safeMention(v.mention);
  const headline =
    v.state === 'firing'
      ? `:rotating_light: *${capital(v.metric.label)} ${value}, ${OP_WORDS[v.op]} ${formatThreshold(v.metric, v.threshold)}*  ·  ${subjectWords(v.subject)}`
      : `:white_check_mark: *Resolved: ${v.metric.label} ${value}*  ·  ${subjectWords(v.subject)}`;
  const where: [string, string] =
    v.subject.kind === 'campaign'
      ? ['Campaign', `${v.subject.status !== undefined ? `${statusEmoji(v.subject.status)} ` : ''}${escapeMrkdwn(v.subject.statusLabel ?? 'status unknown')}  ·  VDN ${v.vdn}`]
      : ['Voice bot', `\`${escapeMrkdwn(truncate(v.subject.id, 64))}\``];
  const timing: [string, string] =
    v.state === 'firing'
      ? ['Firing since', v.firingSince ? `${formatTime(v.firingSince, tz)} (${escapeMrkdwn(tz)})` : '–']
      : ['Resolved', `${v.resolvedAt ? formatTime(v.resolvedAt, tz) : '–'}${v.resolvedReason ? `: ${escapeMrkdwn(truncate(v.resolvedReason, 100))}` : ''}`];
  const blocks: KnownBlock[] = [
    section(mention && v.state === 'firing' ? `${headline}\n${mention}` : headline),
    fields([
      ['Value', `${value}${volumeWords(v)}`],
      ['Threshold', thresholdWords(v)],
      ['Last hour', trendWords(v.metric, lastHour(v.trend))],
      where,
      timing,
    ]),
  ];
  // The chart illustrates the figures above; its values follow it in words.
  blocks.push(...alertChartBlocks({ metric: v.metric, threshold: v.threshold, clearValue: v.clearValue, history: v.trend, timeZone: tz }));
  const notes = [`Alert rule ${v.ruleId}  ·  \`${v.metric.name}\``];
  if (v.ackedBy) notes.push(`:eyes: Acknowledged by ${userMention(v.ackedBy)}${v.ackedAt ? ` at ${formatTime(v.ackedAt, tz)}` : ''}`);
  if (v.mutedUntil && v.state === 'firing') notes.push(`:mute: Muted until ${formatTime(v.mutedUntil, tz)}`);
  blocks.push(context(notes.join('  ·  ')));
  if (v.state === 'firing') {
    const buttons: Button[] = [];
    if (!v.ackedBy) buttons.push(button('Acknowledge', ALERT_ACK_ACTION, v.buttonValue, 'primary'));
    // A muted alert offers to end the mute, not to mute it again.
    if (v.mutedUntil) buttons.push(button('Unmute', ALERT_UNMUTE_ACTION, v.buttonValue));
    else buttons.push(button('Mute 1h', ALERT_MUTE_HOUR_ACTION, v.buttonValue), button('Mute until tomorrow', ALERT_MUTE_TOMORROW_ACTION, v.buttonValue), button('Mute…', ALERT_MUTE_PICK_ACTION, v.buttonValue));
    blocks.push(actions(buttons, 'alert_actions'));
  }
  return blocks;
}

/** The notification text of an alert message (also what clients without blocks show). */
export function alertFallbackText(v: AlertMessageView): string {
  const subject = v.subject.kind === 'bot' ? `voice bot ${v.subject.id}` : `campaign ${v.subject.name ?? v.subject.id}`;
  const what = `${v.metric.label} ${formatValue(v.metric, v.value)}`;
  const text = v.state === 'firing' ? `Alert: ${what} ${OP_WORDS[v.op]} ${formatThreshold(v.metric, v.threshold)} for ${subject}` : `Resolved: ${what} for ${subject}`;
  const mention = v.state === 'firing' ? safeMention(v.mention) : undefined;
  return `${escapeMrkdwn(truncate(text, 250))}${mention ? ` ${mention}` : ''}`;
}

/** A "still firing" reply, every `repeat` and when a mute ends. */
export function renderReminder(v: AlertMessageView, now: Date): KnownBlock[] {
  const forHow = v.firingSince ? ` for ${formatDuration(now.getTime() - v.firingSince.getTime())}` : '';
  const mention = safeMention(v.mention);
  const muteEnded = v.muteEndedAt ? `:loud_sound: The mute ended at ${formatTime(v.muteEndedAt, v.timeZone)}. ` : '';
  return [section(`${muteEnded}:repeat: Still firing${forHow}: ${v.metric.label} ${formatValue(v.metric, v.value)}${volumeWords(v)}, ${thresholdWords(v)}.${mention ? ` ${mention}` : ''}`)];
}

/** The "resolved" reply; `firedFor` when known. */
export function renderResolvedReply(v: AlertMessageView, firedFor?: number): KnownBlock[] {
  const after = firedFor !== undefined ? ` after ${formatDuration(firedFor)}` : '';
  const why = v.resolvedReason
    ? `the rule stopped applying: ${escapeMrkdwn(truncate(v.resolvedReason, 100))}`
    : `${v.metric.label} is ${formatValue(v.metric, v.value)}${volumeWords(v)}, ${clearWords(v)}`;
  return [section(`:white_check_mark: Resolved${after}: ${why}.`)];
}

/** Who acknowledged, in the thread. */
export function renderAckReply(user: string, at: Date, timeZone: string): KnownBlock[] {
  return [section(`:eyes: Acknowledged by ${userMention(user)} at ${formatTime(at, timeZone)}.`)];
}

/** A mute or unmute from a button or a command, in the thread. */
export function renderMuteReply(user: string, until: Date | undefined, timeZone: string): KnownBlock[] {
  return [section(until ? `:mute: Muted until ${formatTime(until, timeZone)} (${escapeMrkdwn(timeZone)}) by ${userMention(user)}; nothing more is posted until then.` : `:loud_sound: Unmuted by ${userMention(user)}.`)];
}

/** A service that stopped delivering data, as the notice shows it. */
export interface NoticeView {
  /** `CC-CMS real-time statistics`. */
  service: string;
  /** When the data stopped, when known. */
  since?: Date;
  ruleCount: number;
  error?: string;
  timeZone: string;
  /** When the data came back (the resolved variant). */
  backAt?: Date;
}

const at = (d: Date | undefined, tz: string) => (d ? `${formatTime(d, tz)} (${escapeMrkdwn(tz)})` : 'a while');

/** The one "no data" message per service, or its resolved form once data is back. */
export function renderNotice(v: NoticeView): KnownBlock[] {
  const service = escapeMrkdwn(v.service);
  if (v.backAt) {
    const gap = v.since ? ` (no data from ${formatTime(v.since, v.timeZone)})` : '';
    return [section(`:white_check_mark: *${service}: data is back* since ${at(v.backAt, v.timeZone)}${gap}. Alert rules are evaluated again.`)];
  }
  const blocks: KnownBlock[] = [
    section(`:warning: *${service}: no data since ${at(v.since, v.timeZone)}*, ${plural(v.ruleCount, 'alert rule')} cannot be evaluated. They neither fire nor resolve until data returns.`),
  ];
  if (v.error) blocks.push(context(`Last error: ${escapeMrkdwn(truncate(v.error.replace(/\s+/g, ' '), 300))}`));
  return blocks;
}

export function noticeFallbackText(v: NoticeView): string {
  return escapeMrkdwn(v.backAt ? `${v.service}: data is back` : `${v.service}: no data, ${v.ruleCount} alert rule(s) cannot be evaluated`);
}

/** The thread reply when data returns. */
export function renderNoticeBackReply(v: NoticeView): KnownBlock[] {
  return [section(`:white_check_mark: Data is back${v.backAt ? ` at ${formatTime(v.backAt, v.timeZone)}` : ''}; alert rules are evaluated again.`)];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Only id characters survive, so a user id cannot inject mrkdwn. */

/**
 * `/aicc alert list`, `alert test` and the confirmations of `alert add`, `remove`, `mute` and
 * `unmute`. Pure: handlers pass rules, states and explanations with the current time.
 */
import type { KnownBlock } from '@slack/types';
import type { AlertAction, Verdict } from './evaluate.js';
import { formatThreshold, formatValue } from './metrics.js';
import { durationWords } from './time.js';
import type { AlertRule } from '../../store/alert-rules.js';
import type { AlertStateName } from '../../store/alert-states.js';
import { channelLink, escapeMrkdwn, formatCount, formatTime, plural, truncate, userMention } from '../../slack/format.js';
import { clearWords, opText, safeMention, subjectWords, type AlertMessageView, type AlertMetricView } from './render.js';
import { chunkLines, context, header, section } from '../../slack/render/blocks.js';

/** A rule with its metric, as the list and confirmations show it. */
export interface AlertRuleView extends AlertRule {
  metricView: AlertMetricView;
}

/** One subject's state, for the list. */
export interface AlertStateSummary {
  subject: string;
  state: AlertStateName;
  since: Date;
  value?: number;
  volume?: number;
  ackedBy?: string;
}

export interface AlertListView {
  items: ReadonlyArray<{ rule: AlertRuleView; states: readonly AlertStateSummary[] }>;
  channelId?: string;
  now: Date;
  timeZone: string;
}

const code = (t: string) => `\`${escapeMrkdwn(truncate(t.replace(/`/g, "'"), 64))}\``;
const thresholdParts = (r: AlertRuleView) => ({ metric: r.metricView, op: r.op, threshold: r.threshold, clearValue: r.clearValue });

/** `campaign `123` of VDN 8`, `every running campaign of VDN 8`, `voice bot `943…``. */
export function scopeWords(r: AlertRuleView): string {
  const bot = r.metricView.subject === 'bot';
  if (r.scope === 'all') return bot ? 'every voice bot named in alert rules' : `every running campaign of VDN ${r.vdn}`;
  return bot ? `voice bot ${code(r.scopeId ?? '')}` : `campaign ${code(r.scopeId ?? '')} of VDN ${r.vdn}`;
}

/** The rule in one line: `` `success_rate` < 40% · campaign `1` of VDN 8 → #ops``. */
export function ruleLine(r: AlertRuleView): string {
  return `\`${r.metricView.name}\` ${opText(r.op)} ${formatThreshold(r.metricView, r.threshold)}  ·  ${scopeWords(r)} → ${channelLink(r.channelId)}`;
}

/** `for 10m · min 50 dialled · clears at ≥ 45% · reminds every 4h`. */
export function settingsLine(r: AlertRuleView, now: Date, timeZone: string): string {
  const parts = [
    `for ${durationWords(r.forS)}`,
    `min ${formatCount(r.minVolume)} ${r.metricView.volumeLabel}`,
    `clears at ${clearWords(thresholdParts(r))}`,
    r.repeatS > 0 ? `reminds every ${durationWords(r.repeatS)}` : 'no reminders',
  ];
  const mention = safeMention(r.mention);
  if (mention) parts.push(`notifies ${mention}`);
  if (r.mutedUntil !== undefined && r.mutedUntil > now.getTime()) parts.push(`:mute: muted until ${formatTime(new Date(r.mutedUntil), timeZone)}`);
  return parts.join('  ·  ');
}

const STATE_ICON: Record<AlertStateName, string> = { ok: ':large_green_circle:', pending: ':large_yellow_circle:', firing: ':red_circle:', resolved: ':white_check_mark:', nodata: ':grey_question:' };

function stateLine(r: AlertRuleView, states: readonly AlertStateSummary[], tz: string): string {
  if (states.length === 0) return 'Not evaluated yet.';
  if (r.scope === 'all' || states.length > 1) {
    const counts = new Map<AlertStateName, number>();
    for (const s of states) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
    return (['firing', 'pending', 'nodata', 'resolved', 'ok'] as const)
      .filter((k) => counts.has(k))
      .map((k) => `${STATE_ICON[k]} ${formatCount(counts.get(k))} ${k === 'nodata' ? 'no data' : k}`)
      .join('  ·  ');
  }
  const s = states[0]!;
  const value = s.value !== undefined ? `, ${formatValue(r.metricView, s.value)}${s.volume !== undefined ? ` (n=${formatCount(s.volume)})` : ''}` : '';
  const ack = s.ackedBy ? `  ·  acknowledged by ${userMention(s.ackedBy)}` : '';
  return `${STATE_ICON[s.state]} ${s.state === 'nodata' ? 'no data' : s.state} since ${formatTime(s.since, tz)}${value}${ack}`;
}

/** Renders `/aicc alert list`. */
export function renderAlertList(view: AlertListView): KnownBlock[] {
  const where = view.channelId !== undefined ? ` posting to ${channelLink(view.channelId)}` : '';
  if (view.items.length === 0) {
    return [header('Alert rules'), section(`No alert rules${where} yet.`), context('Add one with `/aicc alert add connection_rate < 40 campaign:ID`.')];
  }
  const items = view.items.map(({ rule, states }, i) =>
    `${i === 0 ? '' : '\n'}*Alert ${rule.id}*  ·  ${ruleLine(rule)}\n${settingsLine(rule, view.now, view.timeZone)}\n${stateLine(rule, states, view.timeZone)}`,
  );
  return [
    header('Alert rules'),
    context(`${plural(view.items.length, 'rule')}${where}  ·  times in ${escapeMrkdwn(view.timeZone)}`),
    ...chunkLines(items).map((c) => section(c)),
    context('`/aicc alert test ID` explains a rule now  ·  `mute ID 2h` / `unmute ID`  ·  `remove ID`'),
  ];
}

/** Confirms `alert add`; `note` is a warning about the subject (escaped here). */
export function renderAlertAdded(r: AlertRuleView, now: Date, timeZone: string, note?: string): KnownBlock[] {
  return [
    section(`:white_check_mark: *Alert ${r.id} added.* ${ruleLine(r)}`),
    context(settingsLine(r, now, timeZone)),
    ...(note ? [section(`:warning: ${escapeMrkdwn(truncate(note, 500))}`)] : []),
    context(`Evaluated after every collection from stored data. \`/aicc alert test ${r.id}\` says what it would do now  ·  \`/aicc alert remove ${r.id}\` deletes it`),
  ];
}

export function renderAlertRemoved(r: AlertRuleView): KnownBlock[] {
  return [section(`:wastebasket: *Alert ${r.id} removed.* ${ruleLine(r)}`)];
}

export function renderAlertMuteChanged(r: AlertRuleView, until: Date | undefined, timeZone: string): KnownBlock[] {
  return until
    ? [section(`:mute: *Alert ${r.id} muted until ${formatTime(until, timeZone)}* (${escapeMrkdwn(timeZone)}). It is still evaluated but posts nothing; a still-firing alert gets one reminder when the mute ends.`)]
    : [section(`:loud_sound: *Alert ${r.id} unmuted.* A still-firing alert gets one reminder at the next evaluation.`)];
}

export function renderAlertNotFound(id: number): KnownBlock[] {
  return [section(`:thinking_face: There is no alert rule ${id}.`), context('`/aicc alert list` shows the rules.')];
}

/** One subject of `alert test`. */
export interface AlertTestLine {
  subject: AlertMessageView['subject'];
  verdict: Verdict;
  value?: number;
  volume?: number;
  prevState?: AlertStateName;
  nextState: AlertStateName;
  /** Since when `nextState` holds. */
  since: Date;
  firesAt?: Date;
  actions: readonly AlertAction[];
  /** Why the rule does not apply (`campaign paused`). */
  reason?: string;
  /** The service whose data is missing, and when it last had some. */
  missing?: { service: string; lastDataAt?: Date };
}

export interface AlertTestView {
  rule: AlertRuleView;
  lines: readonly AlertTestLine[];
  /** For `all`: the campaign list was available. */
  listed: boolean;
  now: Date;
  timeZone: string;
}

function explainLine(r: AlertRuleView, l: AlertTestLine, now: Date, tz: string): string {
  const m = r.metricView;
  const value = `${formatValue(m, l.value)}${l.volume !== undefined ? ` (n=${formatCount(l.volume)} ${m.volumeLabel})` : ''}`;
  const head = `\`${m.name}\` for ${subjectWords(l.subject)}`;
  const clearAt = clearWords(thresholdParts(r));
  const posts = l.actions.includes('post-firing') ? ' and post the alert' : '';
  switch (l.verdict) {
    case 'nodata':
      return `:grey_question: ${head}: no data from ${escapeMrkdwn(l.missing?.service ?? 'its source')}${l.missing?.lastDataAt ? ` since ${formatTime(l.missing.lastDataAt, tz)}` : ''}; it neither fires nor resolves until data returns.`;
    case 'inactive':
      return `:white_circle: ${head}: not evaluated, ${escapeMrkdwn(l.reason ?? 'not running')}${l.prevState === 'firing' ? '; the open alert would resolve' : ''}.`;
    case 'low-volume':
      return `:hourglass: ${head} is ${value}: below \`min:${formatCount(r.minVolume)}\`, no verdict yet.`;
    case 'holding':
      return `:red_circle: ${head} is ${value}: no longer breaches the threshold but has not reached the clear level (${clearAt}), so it stays firing since ${formatTime(l.since, tz)}.`;
    case 'healthy':
      return l.prevState === 'firing'
        ? `:white_check_mark: ${head} is ${value}, ${clearAt}: would resolve now.`
        : `:large_green_circle: ${head} is ${value}: healthy (fires ${opText(r.op)} ${formatThreshold(m, r.threshold)}).`;
    case 'breached': {
      const cmp = `${value} ${opText(r.op)} ${formatThreshold(m, r.threshold)}`;
      if (l.nextState === 'firing' && l.prevState === 'firing') return `:red_circle: ${head} is ${cmp}: firing since ${formatTime(l.since, tz)}; resolves at ${clearAt}.`;
      if (l.nextState === 'firing') return `:rotating_light: ${head} is ${cmp}: would fire now${posts}.`;
      const held = Math.floor((now.getTime() - l.since.getTime()) / 60_000);
      const at = l.firesAt ? `; would fire at ${formatTime(l.firesAt, tz)}` : '';
      return `:large_yellow_circle: ${head} is ${cmp}: breached for ${held} of ${Math.round(r.forS / 60)} minutes${at}.`;
    }
  }
}

/** Renders `/aicc alert test`: what evaluating the rule now would do, subject by subject. */
export function renderAlertTest(view: AlertTestView): KnownBlock[] {
  const r = view.rule;
  const muted = r.mutedUntil !== undefined && r.mutedUntil > view.now.getTime();
  const order: Record<Verdict, number> = { breached: 0, holding: 1, nodata: 2, 'low-volume': 3, inactive: 4, healthy: 5 };
  const lines = [...view.lines].sort((a, b) => order[a.verdict] - order[b.verdict]);
  const shown = lines.slice(0, 20).map((l) => explainLine(r, l, view.now, view.timeZone));
  if (lines.length > shown.length) shown.push(`…and ${plural(lines.length - shown.length, 'more subject')}.`);
  if (shown.length === 0) shown.push(view.listed ? 'Nothing to evaluate: no running campaign (or bot) matches the rule.' : 'The campaign list is not available, so the campaigns to evaluate are unknown.');
  return [
    header(`Alert ${r.id}: test`),
    section(ruleLine(r)),
    ...chunkLines(shown).map((c) => section(c)),
    context(
      `Evaluated now (${formatTime(view.now, view.timeZone)} ${escapeMrkdwn(view.timeZone)}) from the collected data; nothing was posted or changed.${muted ? `  ·  :mute: muted until ${formatTime(new Date(r.mutedUntil!), view.timeZone)}: it would post nothing` : ''}`,
    ),
  ];
}

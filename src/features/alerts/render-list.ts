/**
 * `/aicc alert list`, `alert test` and the confirmations of `alert add`, `remove`, `mute` and
 * `unmute`. Pure: handlers pass rules, states and explanations with the current time and the
 * answer's translator.
 */
import type { KnownBlock } from '@slack/types';
import type { Translator } from '../../i18n/index.js';
import type { AlertAction, Verdict } from './evaluate.js';
import { formatThreshold, formatValue } from './metrics.js';
import type { AlertRule } from '../../store/alert-rules.js';
import type { AlertStateName } from '../../store/alert-states.js';
import { channelLink, escapeMrkdwn, truncate, userMention } from '../../slack/format.js';
import { clearWords, opText, safeMention, valueWithVolume, type AlertMessageView, type AlertMetricView } from './render.js';
import { chunkLines, context, header, section } from '../../slack/render/blocks.js';
import { ruleStatesWords, STATE_ICONS } from './summary.js';
import { languageName, reasonWords, ruleDuration, stateWord, subjectWords } from './words.js';

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
export function scopeWords(tr: Translator, r: AlertRuleView): string {
  const bot = r.metricView.subject === 'bot';
  const vdn = String(r.vdn);
  if (r.scope === 'all') return bot ? tr.t('alerts.scope.allBots') : tr.t('alerts.scope.allCampaigns', { vdn });
  return bot ? tr.t('alerts.scope.bot', { id: code(r.scopeId ?? '') }) : tr.t('alerts.scope.campaign', { id: code(r.scopeId ?? ''), vdn });
}

/** The rule in one line: `` `connection_rate` < 40% · campaign `1` of VDN 8 → #ops``. */
export function ruleLine(tr: Translator, r: AlertRuleView): string {
  return tr.t('alerts.rule.line', { metric: r.metricView.name, op: opText(r.op), threshold: formatThreshold(tr, r.metricView, r.threshold), scope: scopeWords(tr, r), channel: channelLink(r.channelId) });
}

/** `for 10m · min 50 dialled · clears at ≥ 45% · reminds every 4h`, and the rule's language when it has its own. */
export function settingsLine(tr: Translator, r: AlertRuleView, now: Date, timeZone: string): string {
  const parts = [
    tr.t('alerts.settings.for', { duration: ruleDuration(tr, r.forS) }),
    tr.t('alerts.settings.min', { n: r.minVolume, kind: r.metricView.subject }),
    tr.t('alerts.settings.clear', { clear: clearWords(tr, thresholdParts(r)) }),
    r.repeatS > 0 ? tr.t('alerts.settings.repeat', { duration: ruleDuration(tr, r.repeatS) }) : tr.t('alerts.settings.noRepeat'),
  ];
  const mention = safeMention(r.mention);
  if (mention) parts.push(tr.t('alerts.settings.mention', { mention }));
  if (r.lang) parts.push(tr.t('alerts.settings.lang', { language: languageName(r.lang) }));
  if (r.mutedUntil !== undefined && r.mutedUntil > now.getTime()) parts.push(tr.t('alerts.settings.muted', { time: tr.time(new Date(r.mutedUntil), timeZone) }));
  return parts.join('  ·  ');
}

function stateLine(tr: Translator, r: AlertRuleView, states: readonly AlertStateSummary[], tz: string): string {
  if (r.scope === 'all' || states.length !== 1) return ruleStatesWords(tr, states);
  const s = states[0]!;
  const value = s.value !== undefined ? tr.t('alerts.state.value', { value: s.volume !== undefined ? tr.t('alerts.value.withCount', { value: formatValue(tr, r.metricView, s.value), n: tr.count(s.volume) }) : formatValue(tr, r.metricView, s.value) }) : '';
  const ack = s.ackedBy ? tr.t('alerts.state.acked', { user: userMention(s.ackedBy) }) : '';
  return `${tr.t('alerts.state.since', { icon: STATE_ICONS[s.state], state: stateWord(tr, s.state), time: tr.time(s.since, tz) })}${value}${ack}`;
}

/** Renders `/aicc alert list`. */
export function renderAlertList(tr: Translator, view: AlertListView): KnownBlock[] {
  const channel = view.channelId !== undefined ? channelLink(view.channelId) : undefined;
  const title = header(tr.t('alerts.list.title'));
  if (view.items.length === 0) {
    return [title, section(channel ? tr.t('alerts.list.emptyIn', { channel }) : tr.t('alerts.list.empty')), context(tr.t('alerts.list.addHint'))];
  }
  const items = view.items.map(({ rule, states }, i) =>
    `${i === 0 ? '' : '\n'}${tr.t('alerts.list.item', { id: String(rule.id), line: ruleLine(tr, rule) })}\n${settingsLine(tr, rule, view.now, view.timeZone)}\n${stateLine(tr, rule, states, view.timeZone)}`,
  );
  const count = { n: view.items.length, zone: escapeMrkdwn(view.timeZone) };
  return [
    title,
    context(channel ? tr.t('alerts.list.countIn', { ...count, channel }) : tr.t('alerts.list.count', count)),
    ...chunkLines(items).map((c) => section(c)),
    context(tr.t('alerts.list.footer')),
  ];
}

/** Confirms `alert add`; `note` is a warning about the subject (escaped here). */
export function renderAlertAdded(tr: Translator, r: AlertRuleView, now: Date, timeZone: string, note?: string): KnownBlock[] {
  return [
    section(tr.t('alerts.added.title', { id: String(r.id), line: ruleLine(tr, r) })),
    context(settingsLine(tr, r, now, timeZone)),
    ...(note ? [section(`:warning: ${escapeMrkdwn(truncate(note, 500))}`)] : []),
    context(tr.t('alerts.added.footer', { id: String(r.id) })),
  ];
}

export function renderAlertRemoved(tr: Translator, r: AlertRuleView): KnownBlock[] {
  return [section(tr.t('alerts.removed', { id: String(r.id), line: ruleLine(tr, r) }))];
}

export function renderAlertMuteChanged(tr: Translator, r: AlertRuleView, until: Date | undefined, timeZone: string): KnownBlock[] {
  const id = String(r.id);
  return [section(until ? tr.t('alerts.muted.title', { id, time: tr.time(until, timeZone), zone: escapeMrkdwn(timeZone) }) : tr.t('alerts.unmuted', { id }))];
}

export function renderAlertNotFound(tr: Translator, id: number): KnownBlock[] {
  return [section(tr.t('alerts.notFound.title', { id: String(id) })), context(tr.t('alerts.notFound.hint'))];
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
  /** Why the rule does not apply (`campaign paused`, as the store keeps it). */
  reason?: string;
  /** The service whose data is missing (in the reader's words), and when it last had some. */
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

function explainLine(tr: Translator, r: AlertRuleView, l: AlertTestLine, now: Date, tz: string): string {
  const m = r.metricView;
  const value = valueWithVolume(tr, m, l.value, l.volume);
  const head = tr.t('alerts.test.head', { metric: m.name, subject: subjectWords(tr, l.subject) });
  const clear = clearWords(tr, thresholdParts(r));
  const threshold = formatThreshold(tr, m, r.threshold);
  switch (l.verdict) {
    case 'nodata': {
      const service = escapeMrkdwn(l.missing?.service ?? tr.t('alerts.source.unknown'));
      return l.missing?.lastDataAt ? tr.t('alerts.test.nodataSince', { head, service, time: tr.time(l.missing.lastDataAt, tz) }) : tr.t('alerts.test.nodata', { head, service });
    }
    case 'inactive': {
      const reason = l.reason ? reasonWords(tr, l.reason) : tr.t('alerts.reason.notRunning');
      return tr.t(l.prevState === 'firing' ? 'alerts.test.inactiveResolves' : 'alerts.test.inactive', { head, reason });
    }
    case 'low-volume':
      return tr.t('alerts.test.lowVolume', { head, value, min: tr.count(r.minVolume) });
    case 'holding':
      return tr.t('alerts.test.holding', { head, value, clear, time: tr.time(l.since, tz) });
    case 'healthy':
      return l.prevState === 'firing' ? tr.t('alerts.test.resolves', { head, value, clear }) : tr.t('alerts.test.healthy', { head, value, op: opText(r.op), threshold });
    case 'breached': {
      const cmp = `${value} ${opText(r.op)} ${threshold}`;
      if (l.nextState === 'firing' && l.prevState === 'firing') return tr.t('alerts.test.firing', { head, cmp, time: tr.time(l.since, tz), clear });
      if (l.nextState === 'firing') return tr.t(l.actions.includes('post-firing') ? 'alerts.test.wouldFirePost' : 'alerts.test.wouldFire', { head, cmp });
      const held = { head, cmp, held: Math.floor((now.getTime() - l.since.getTime()) / 60_000), for: Math.round(r.forS / 60) };
      return l.firesAt ? tr.t('alerts.test.pendingAt', { ...held, time: tr.time(l.firesAt, tz) }) : tr.t('alerts.test.pending', held);
    }
  }
}

/** Renders `/aicc alert test`: what evaluating the rule now would do, subject by subject. */
export function renderAlertTest(tr: Translator, view: AlertTestView): KnownBlock[] {
  const r = view.rule;
  const muted = r.mutedUntil !== undefined && r.mutedUntil > view.now.getTime();
  const order: Record<Verdict, number> = { breached: 0, holding: 1, nodata: 2, 'low-volume': 3, inactive: 4, healthy: 5 };
  const lines = [...view.lines].sort((a, b) => order[a.verdict] - order[b.verdict]);
  const shown = lines.slice(0, 20).map((l) => explainLine(tr, r, l, view.now, view.timeZone));
  if (lines.length > shown.length) shown.push(tr.t('alerts.test.more', { n: lines.length - shown.length }));
  if (shown.length === 0) shown.push(tr.t(view.listed ? 'alerts.test.nothing' : 'alerts.test.unlisted'));
  const when = { time: tr.time(view.now, view.timeZone), zone: escapeMrkdwn(view.timeZone) };
  return [
    header(tr.t('alerts.test.title', { id: String(r.id) })),
    section(ruleLine(tr, r)),
    ...chunkLines(shown).map((c) => section(c)),
    context(muted ? tr.t('alerts.test.footerMuted', { ...when, until: tr.time(new Date(r.mutedUntil!), view.timeZone) }) : tr.t('alerts.test.footer', when)),
  ];
}

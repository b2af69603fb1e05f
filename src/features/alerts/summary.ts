/**
 * An alert and a rule in one line each, for surfaces other than the alert message (the Home tab):
 * the same words the message and `alert list` use.
 */
import type { AlertRule } from '../../store/alert-rules.js';
import type { AlertState, AlertStateName } from '../../store/alert-states.js';
import { formatCount } from '../../slack/format.js';
import { formatThreshold, formatValue, metricOf } from './metrics.js';
import { opText, subjectWords } from './render.js';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `*Success rate 5.2%* < 40%  ·  campaign *X* (`1`)`. */
export function alertHeadline(rule: AlertRule, state: Pick<AlertState, 'subject' | 'lastValue'>, campaignName?: string): string {
  const m = metricOf(rule.metric);
  if (!m) return `\`${rule.metric}\` on \`${state.subject}\``;
  const subject = subjectWords({ kind: m.subject, id: state.subject, ...(campaignName ? { name: campaignName } : {}) });
  return `*${capital(m.label)} ${formatValue(m, state.lastValue)}* ${opText(rule.op)} ${formatThreshold(m, rule.threshold)}  ·  ${subject}`;
}

const ICON: Record<AlertStateName, string> = { ok: ':large_green_circle:', pending: ':large_yellow_circle:', firing: ':red_circle:', resolved: ':white_check_mark:', nodata: ':grey_question:' };

/** `:red_circle: 1 firing  ·  :large_green_circle: 3 ok`, or "Not evaluated yet." */
export function ruleStatesWords(states: readonly Pick<AlertState, 'state'>[]): string {
  if (states.length === 0) return 'Not evaluated yet.';
  const counts = new Map<AlertStateName, number>();
  for (const s of states) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
  return (['firing', 'pending', 'nodata', 'resolved', 'ok'] as const)
    .filter((k) => counts.has(k))
    .map((k) => `${ICON[k]} ${formatCount(counts.get(k))} ${k === 'nodata' ? 'no data' : k}`)
    .join('  ·  ');
}

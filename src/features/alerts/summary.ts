/**
 * An alert and a rule in one line each, for surfaces other than the alert message (the Home tab):
 * the same words the message and `alert list` use, in the reader's language.
 */
import type { Translator } from '../../i18n/index.js';
import { escapeMrkdwn } from '../../slack/format.js';
import type { AlertRule } from '../../store/alert-rules.js';
import type { AlertState, AlertStateName } from '../../store/alert-states.js';
import { formatThreshold, formatValue, metricOf } from './metrics.js';
import { opText } from './render.js';
import { capital, metricLabel, stateWord, subjectWords } from './words.js';

/** `*Connection rate 5.2%* < 40%  ·  campaign *X* (`1`)`. */
export function alertHeadline(tr: Translator, rule: AlertRule, state: Pick<AlertState, 'subject' | 'lastValue'>, campaignName?: string): string {
  const m = metricOf(rule.metric);
  if (!m) return tr.t('alerts.headline.unknown', { metric: escapeMrkdwn(rule.metric), subject: escapeMrkdwn(state.subject) });
  const subject = subjectWords(tr, { kind: m.subject, id: state.subject, ...(campaignName ? { name: campaignName } : {}) });
  return tr.t('alerts.headline', { label: capital(tr, metricLabel(tr, m.name)), value: formatValue(tr, m, state.lastValue), op: opText(rule.op), threshold: formatThreshold(tr, m, rule.threshold), subject });
}

export const STATE_ICONS: Readonly<Record<AlertStateName, string>> = { ok: ':large_green_circle:', pending: ':large_yellow_circle:', firing: ':red_circle:', resolved: ':white_check_mark:', nodata: ':grey_question:' };

/** `:red_circle: 1 firing  ·  :large_green_circle: 3 ok`, or "Not evaluated yet." */
export function ruleStatesWords(tr: Translator, states: readonly Pick<AlertState, 'state'>[]): string {
  if (states.length === 0) return tr.t('alerts.states.none');
  const counts = new Map<AlertStateName, number>();
  for (const s of states) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
  return (['firing', 'pending', 'nodata', 'resolved', 'ok'] as const)
    .filter((k) => counts.has(k))
    .map((k) => tr.t('alerts.states.count', { icon: STATE_ICONS[k], n: counts.get(k) ?? 0, state: stateWord(tr, k) }))
    .join('  ·  ');
}

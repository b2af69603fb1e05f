/**
 * The backtest as people read it (`/aicc alert test …`, the alert form's preview): how many
 * incidents, when each fired and resolved and for how long, what the rule would have posted, and
 * how much of the period had no data. Pure: the result and the time zone in, blocks out.
 */
import type { KnownBlock } from '@slack/types';
import type { Translator } from '../../i18n/index.js';
import { escapeMrkdwn } from '../../slack/format.js';
import { chunkLines, context, section } from '../../slack/render/blocks.js';
import type { BacktestIncident, BacktestResult } from './backtest.js';
import { formatThreshold, formatValue } from './metrics.js';
import { clearWords, opText } from './render.js';
import { reasonWords, ruleDuration, subjectWords } from './words.js';

/** Incidents listed one by one; the rest are counted. */
const MAX_LISTED = 15;

/** The date and time, or only the time when on the same day as `ref`. */
function when(tr: Translator, t: number, ref: number | undefined, tz: string): string {
  const d = new Date(t);
  return ref !== undefined && tr.date(new Date(ref), tz) === tr.date(d, tz) ? tr.time(d, tz) : tr.dateTime(d, tz);
}

/** `5 min`, `2.5 hours`: missing data is counted in ticks, so minutes below an hour. */
const missingWords = (tr: Translator, ms: number) =>
  ms < 3_600_000 ? tr.t('alerts.backtest.minutes', { n: String(Math.max(1, Math.round(ms / 60_000))) }) : tr.t('alerts.backtest.hours', { n: tr.decimal(Math.round(ms / 360_000) / 10) });

function incidentLine(tr: Translator, r: BacktestResult, x: BacktestIncident, tz: string): string {
  const subject = subjectWords(tr, { kind: r.metric.subject, id: x.subject, ...(x.campaign ? { name: x.campaign.name } : {}) });
  const firedWhen = when(tr, x.firedAt, undefined, tz);
  let fired = x.firstValue !== undefined ? tr.t('alerts.backtest.firedAt', { when: firedWhen, value: formatValue(tr, r.metric, x.firstValue) }) : tr.t('alerts.backtest.fired', { when: firedWhen });
  const worst = x.worstValue !== undefined ? formatValue(tr, r.metric, x.worstValue) : undefined;
  if (worst !== undefined && worst !== formatValue(tr, r.metric, x.firstValue)) fired = tr.t('alerts.backtest.worst', { fired, value: worst });
  if (x.resolvedAt === undefined) return tr.t('alerts.backtest.open', { subject, fired, duration: tr.duration(r.to - x.firedAt) });
  const closed = { subject, fired, when: when(tr, x.resolvedAt, x.firedAt, tz), duration: tr.duration(x.resolvedAt - x.firedAt) };
  return x.resolvedReason ? tr.t('alerts.backtest.closedWhy', { ...closed, reason: reasonWords(tr, x.resolvedReason) }) : tr.t('alerts.backtest.closed', closed);
}

/** `connection_rate < 40% · for 10m · min 50 dialled · clears at ≥ 45%`. */
export function backtestRuleWords(tr: Translator, r: Pick<BacktestResult, 'rule' | 'metric'>): string {
  const { rule, metric } = r;
  const parts = [
    tr.t('alerts.backtest.rule', { metric: metric.name, op: opText(rule.op), threshold: formatThreshold(tr, metric, rule.threshold) }),
    tr.t('alerts.settings.for', { duration: ruleDuration(tr, rule.forS) }),
    tr.t('alerts.settings.min', { n: rule.minVolume, kind: metric.subject }),
    tr.t('alerts.settings.clear', { clear: clearWords(tr, { metric, op: rule.op, threshold: rule.threshold, clearValue: rule.clearValue }) }),
  ];
  return parts.join('  ·  ');
}

/** The summary and the incidents; `days` is the period asked for, `capped` when retention cut it. */
export function renderBacktest(tr: Translator, r: BacktestResult, view: { timeZone: string; days: number; cappedFrom?: number }): KnownBlock[] {
  const tz = view.timeZone;
  const period = tr.t('alerts.backtest.period', { n: view.days, from: tr.dateTime(new Date(r.from), tz), to: tr.dateTime(new Date(r.to), tz), zone: escapeMrkdwn(tz) });
  if (r.evaluations === 0) {
    return [section(tr.t('alerts.backtest.noData', { period })), context(tr.t('alerts.backtest.noDataHint'))];
  }
  const firing = r.incidents.reduce((sum, x) => sum + ((x.resolvedAt ?? r.to) - x.firedAt), 0);
  const longest = Math.max(0, ...r.incidents.map((x) => (x.resolvedAt ?? r.to) - x.firedAt));
  const posts = r.posts;
  const wouldPost = posts.alerts + posts.reminders + posts.resolutions === 0 ? tr.t('alerts.backtest.postsNothing') : tr.t('alerts.backtest.posts', posts);
  const headline =
    r.incidents.length === 0
      ? tr.t('alerts.backtest.noIncidents', { period })
      : tr.t('alerts.backtest.incidents', { n: r.incidents.length, period, total: tr.duration(firing), longest: tr.duration(longest) });
  const missing = r.missingMs > 0 ? tr.t('alerts.backtest.missing', { missing: missingWords(tr, r.missingMs) }) : tr.t('alerts.backtest.noMissing');
  const lines = r.incidents.slice(0, MAX_LISTED).map((x) => incidentLine(tr, r, x, tz));
  if (r.incidents.length > MAX_LISTED) lines.push(tr.t('alerts.backtest.more', { n: r.incidents.length - MAX_LISTED }));
  const notes = [tr.t('alerts.backtest.replayed', { ticks: r.evaluations, n: r.subjects, kind: r.metric.subject })];
  if (r.firstTickAt !== undefined && r.firstTickAt - r.from > 2 * 3_600_000) notes.push(tr.t('alerts.backtest.historyStarts', { time: tr.dateTime(new Date(r.firstTickAt), tz) }));
  if (view.cappedFrom !== undefined) notes.push(tr.t('alerts.backtest.capped', { n: view.days }));
  if (r.hourlyBefore !== undefined) notes.push(tr.t('alerts.backtest.hourly', { time: tr.dateTime(new Date(r.hourlyBefore), tz) }));
  return [section(`${headline}\n${wouldPost}  ${missing}`), ...chunkLines(lines).map((c) => section(c)), context(notes.join('  '))];
}

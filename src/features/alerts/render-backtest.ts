/**
 * The backtest as people read it (`/aicc alert test …`, the alert form's preview): how many
 * incidents, when each fired and resolved and for how long, what the rule would have posted, and
 * how much of the period had no data. Pure: the result and the time zone in, blocks out.
 */
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, formatCount, formatDateTime, formatDuration, formatTime, plural } from '../../slack/format.js';
import { chunkLines, context, section } from '../../slack/render/blocks.js';
import type { BacktestIncident, BacktestResult } from './backtest.js';
import { formatThreshold, formatValue } from './metrics.js';
import { clearWords, opText, subjectWords } from './render.js';
import { durationWords } from './time.js';

/** Incidents listed one by one; the rest are counted. */
const MAX_LISTED = 15;

/** `2026-11-20 11:15`, or only `11:15` when on the same day as `ref`. */
function when(t: number, ref: number | undefined, tz: string): string {
  const full = formatDateTime(new Date(t), tz);
  return ref !== undefined && formatDateTime(new Date(ref), tz).slice(0, 10) === full.slice(0, 10) ? formatTime(new Date(t), tz) : full;
}

/** `5 min`, `2.5 hours`: missing data is counted in ticks, so minutes below an hour. */
const missingWords = (ms: number) => (ms < 3_600_000 ? `${Math.max(1, Math.round(ms / 60_000))} min` : `${(Math.round(ms / 360_000) / 10).toFixed(1)} hours`);

function incidentLine(r: BacktestResult, x: BacktestIncident, tz: string): string {
  const subject = subjectWords({ kind: r.metric.subject, id: x.subject, ...(x.campaign ? { name: x.campaign.name } : {}) });
  const at = x.firstValue !== undefined ? ` at ${formatValue(r.metric, x.firstValue)}` : '';
  const fired = `fired ${when(x.firedAt, undefined, tz)}${at}`;
  const worstText = x.worstValue !== undefined ? formatValue(r.metric, x.worstValue) : undefined;
  const worst = worstText !== undefined && worstText !== formatValue(r.metric, x.firstValue) ? `, worst ${worstText}` : '';
  if (x.resolvedAt === undefined) return `• :red_circle: ${subject}: ${fired}${worst}; *still firing* at the end (${formatDuration(r.to - x.firedAt)} so far)`;
  const why = x.resolvedReason ? ` (${escapeMrkdwn(x.resolvedReason)})` : '';
  return `• :white_check_mark: ${subject}: ${fired}${worst}; resolved ${when(x.resolvedAt, x.firedAt, tz)}${why} after *${formatDuration(x.resolvedAt - x.firedAt)}*`;
}

/** `connection_rate < 40% · for 10m · min 50 dialled · clears at ≥ 45%`. */
export function backtestRuleWords(r: Pick<BacktestResult, 'rule' | 'metric'>): string {
  const { rule, metric } = r;
  const parts = [
    `\`${metric.name}\` ${opText(rule.op)} ${formatThreshold(metric, rule.threshold)}`,
    `for ${durationWords(rule.forS)}`,
    `min ${formatCount(rule.minVolume)} ${metric.volumeLabel}`,
    `clears at ${clearWords({ metric, op: rule.op, threshold: rule.threshold, clearValue: rule.clearValue })}`,
  ];
  return parts.join('  ·  ');
}

/** The summary and the incidents; `days` is the period asked for, `capped` when retention cut it. */
export function renderBacktest(r: BacktestResult, view: { timeZone: string; days: number; cappedFrom?: number }): KnownBlock[] {
  const tz = view.timeZone;
  const period = `the last ${plural(view.days, 'day')} (${formatDateTime(new Date(r.from), tz)} to ${formatDateTime(new Date(r.to), tz)}, ${escapeMrkdwn(tz)})`;
  if (r.evaluations === 0) {
    return [section(`:grey_question: *No collected data* for this rule in ${period}, so there is nothing to replay yet.`), context('The collector stores a snapshot every tick; try again once it has run for a while.')];
  }
  const firing = r.incidents.reduce((sum, x) => sum + ((x.resolvedAt ?? r.to) - x.firedAt), 0);
  const longest = Math.max(0, ...r.incidents.map((x) => (x.resolvedAt ?? r.to) - x.firedAt));
  const posts = r.posts;
  const wouldPost =
    posts.alerts + posts.reminders + posts.resolutions === 0
      ? 'It would have posted nothing.'
      : `It would have posted ${plural(posts.alerts, 'alert')}, ${plural(posts.reminders, 'reminder')} and ${plural(posts.resolutions, 'resolution')}.`;
  const headline =
    r.incidents.length === 0
      ? `:large_green_circle: *No incidents* in ${period}.`
      : `:rotating_light: *${plural(r.incidents.length, 'incident')}* in ${period}: firing ${formatDuration(firing)} in total, the longest ${formatDuration(longest)}.`;
  const missing = r.missingMs > 0 ? `:grey_question: *${missingWords(r.missingMs)} of missing data*: the rule could not be judged then.` : 'No missing data.';
  const lines = r.incidents.slice(0, MAX_LISTED).map((x) => incidentLine(r, x, tz));
  if (r.incidents.length > MAX_LISTED) lines.push(`…and ${plural(r.incidents.length - MAX_LISTED, 'more incident')}.`);
  const notes = [`Replayed ${plural(r.evaluations, 'collector tick')} over ${plural(r.subjects, r.metric.subject === 'bot' ? 'voice bot' : 'campaign')} through the live engine’s state machine; nothing was posted.`];
  if (r.firstTickAt !== undefined && r.firstTickAt - r.from > 2 * 3_600_000) notes.push(`History starts ${formatDateTime(new Date(r.firstTickAt), tz)}.`);
  if (view.cappedFrom !== undefined) notes.push(`Limited to the ${plural(view.days, 'day')} the bot keeps (RETENTION_DAYS).`);
  if (r.hourlyBefore !== undefined) notes.push(`Before ${formatDateTime(new Date(r.hourlyBefore), tz)} one snapshot an hour is kept, so times there are to the hour.`);
  return [section(`${headline}\n${wouldPost}  ${missing}`), ...chunkLines(lines).map((c) => section(c)), context(notes.join('  '))];
}

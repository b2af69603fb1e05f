/**
 * The metrics alert rules can watch: where each comes from, how its value and volume are read from
 * a decoded snapshot row, its unit and which direction is healthy.
 *
 * Units, everywhere in alerting (rule thresholds, clear values, stored last values): a **rate is in
 * percent, 0–100** (`connection_rate < 40` means 40%); `waiting` is a number of calls. Values are
 * "today so far" in the tenant's day, as the vendor counts them; the volume is the day's dialled
 * calls (campaign metrics) or bot calls (voice-bot metrics), which `min:N` is compared with.
 */
import type { BotStatRow, CampaignStats, TaskRealtime } from '../../aicc/domain.js';
import { UNKNOWN, type Translator } from '../../i18n/index.js';
import type { AlertOp } from '../../store/alert-rules.js';

export const METRIC_NAMES = ['connection_rate', 'task_connection_rate', 'completion_rate', 'waiting', 'autonomy_rate', 'interface_success_rate'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/**
 * Names rules were stored under before connected ÷ dialled had one name ("connection rate")
 * everywhere; they keep working, and a new rule typed with one gets the current name.
 */
export const METRIC_ALIASES: Readonly<Record<string, MetricName>> = { success_rate: 'connection_rate', connect_rate: 'task_connection_rate' };

/** The current name of a metric name or alias; undefined for a name nothing defines. */
export function canonicalMetric(name: string): MetricName | undefined {
  return (METRIC_NAMES as readonly string[]).includes(name) ? (name as MetricName) : METRIC_ALIASES[name];
}

/** Snapshot sources a metric reads (see ../collector/collect.ts). */
export type MetricSource = 'stats' | 'cms' | 'oifde';

/** One reading: `value` is undefined when it cannot be computed (nothing dialled yet). */
export interface Reading {
  value: number | undefined;
  volume: number;
}

interface MetricBase {
  name: MetricName;
  /** What the rule's subject is. */
  subject: 'campaign' | 'bot';
  unit: 'percent' | 'calls';
  /** Which way is good; `waiting` is healthy low, rates healthy high. */
  healthy: 'high' | 'low';
}

/** A metric with the reader for its source's decoded row. */
export type MetricDef =
  | (MetricBase & { source: 'stats'; read(row: CampaignStats): Reading })
  | (MetricBase & { source: 'cms'; read(row: TaskRealtime): Reading })
  | (MetricBase & { source: 'oifde'; read(rows: readonly BotStatRow[]): Reading });

const pct = (num: number | undefined, den: number | undefined): number | undefined =>
  num === undefined || den === undefined || den <= 0 ? undefined : (num / den) * 100;

const sum = (rows: readonly BotStatRow[], pick: (r: BotStatRow) => number | undefined): number | undefined => {
  const known = rows.map(pick).filter((n): n is number => n !== undefined);
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0);
};

/** Self-service share as `/aicc bot` computes it: self-service / (self-service + transfers to an agent). */
function autonomy(rows: readonly BotStatRow[]): number | undefined {
  const self = sum(rows, (r) => r.exitConsulting);
  const staffNo = sum(rows, (r) => r.staffNoConsult);
  const staff = sum(rows, (r) => r.staffConsult);
  if (self === undefined || staffNo === undefined || staff === undefined) return undefined;
  return pct(self, self + staffNo + staff);
}

const botCalls = (rows: readonly BotStatRow[]) => sum(rows, (r) => r.calls) ?? 0;

/** Every metric by name. */
export const METRICS: Readonly<Record<MetricName, MetricDef>> = {
  connection_rate: {
    name: 'connection_rate',
    source: 'stats',
    subject: 'campaign',
    unit: 'percent',
    healthy: 'high',
    read: (s) => ({ value: pct(s.dailyConnected, s.dailyCalled), volume: s.dailyCalled ?? 0 }),
  },
  task_connection_rate: {
    name: 'task_connection_rate',
    source: 'cms',
    subject: 'campaign',
    unit: 'percent',
    healthy: 'high',
    read: (t) => ({ value: pct(t.connected, t.total), volume: t.total ?? 0 }),
  },
  completion_rate: {
    name: 'completion_rate',
    source: 'cms',
    subject: 'campaign',
    unit: 'percent',
    healthy: 'high',
    read: (t) => ({ value: pct(t.completed, t.total), volume: t.total ?? 0 }),
  },
  waiting: {
    name: 'waiting',
    source: 'cms',
    subject: 'campaign',
    unit: 'calls',
    healthy: 'low',
    read: (t) => ({ value: t.waiting, volume: t.total ?? 0 }),
  },
  autonomy_rate: {
    name: 'autonomy_rate',
    source: 'oifde',
    subject: 'bot',
    unit: 'percent',
    healthy: 'high',
    read: (rows) => ({ value: autonomy(rows), volume: botCalls(rows) }),
  },
  interface_success_rate: {
    name: 'interface_success_rate',
    source: 'oifde',
    subject: 'bot',
    unit: 'percent',
    healthy: 'high',
    read: (rows) => ({ value: pct(sum(rows, (r) => r.interfaceSuccesses), sum(rows, (r) => r.interfaceRequests)), volume: botCalls(rows) }),
  },
};

/** The metric of a name, or undefined for a name no row defines (an old rule after an upgrade). */
export function metricOf(name: string): MetricDef | undefined {
  const current = canonicalMetric(name);
  return current === undefined ? undefined : METRICS[current];
}

/** Whether a value breaches `op threshold`. */
export function breaches(op: AlertOp, threshold: number, value: number): boolean {
  switch (op) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
  }
}

/**
 * Whether a firing alert has recovered: the value is on the healthy side of the clear level, so
 * with `clear` equal to the threshold this is exactly "no longer breached".
 */
export function clears(op: AlertOp, clear: number, value: number): boolean {
  switch (op) {
    case '<':
      return value >= clear;
    case '<=':
      return value > clear;
    case '>':
      return value <= clear;
    case '>=':
      return value < clear;
  }
}

/** True when the rule fires on low values (`<`, `<=`), so its healthy side is above. */
export const firesLow = (op: AlertOp): boolean => op === '<' || op === '<=';

/**
 * The default clear level, on the healthy side of the threshold: 5 points for a rate (capped to
 * 0–100); for a count, 5 calls or a tenth of the threshold, whichever is more (never below 0).
 */
export function defaultClear(metric: MetricDef, op: AlertOp, threshold: number): number {
  const usual = metric.unit === 'percent' ? 5 : Math.max(5, Math.round(Math.abs(threshold) / 10));
  // At a small threshold the usual gap would put the clear level at (or past) zero, so the alert
  // could never resolve while anything at all is waiting: then clear halfway to zero instead.
  const half = Math.abs(threshold) / 2;
  const gap = firesLow(op) ? usual : Math.min(usual, Math.max(metric.unit === 'percent' ? 0.5 : 1, metric.unit === 'percent' ? half : Math.floor(half)));
  const clear = firesLow(op) ? threshold + gap : threshold - gap;
  return metric.unit === 'percent' ? Math.min(100, Math.max(0, clear)) : Math.max(0, clear);
}

/** A value in the metric's unit for people: `31.2%`, `14 calls` (in the reader's language); unknown → `–`. */
export function formatValue(tr: Translator, metric: Pick<MetricDef, 'unit'>, value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return UNKNOWN;
  if (metric.unit === 'percent') return tr.percent(Math.max(0, value) / 100);
  return tr.t('alerts.value.calls', { n: Math.round(value * 10) / 10 });
}

/** A threshold as typed back to people: `40%`, `32.5%`, `20` (calls), in the reader's digits. */
export function formatThreshold(tr: Translator, metric: Pick<MetricDef, 'unit'>, value: number): string {
  const n = Math.round(value * 100) / 100;
  return tr.t(metric.unit === 'percent' ? 'alerts.value.percent' : 'alerts.value.number', { n });
}

/** A threshold as the form's text field holds it: what `thresholdValue` parses back, in any language. */
export function thresholdInput(value: number): string {
  return String(Math.round(value * 100) / 100);
}

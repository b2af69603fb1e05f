/**
 * An alert message's chart: the metric over the last hours beside its threshold and clear level, so
 * a supervisor sees at a glance how it got here and how far it is from resolving. The figures
 * follow in words (a context block); the threshold and clear level are in the message's fields.
 *
 * The collector's ticks are put into at most 18 equal steps of 1 to 30 minutes (no finer than the
 * ticks), each showing the step's last value; a step without a successful snapshot is a gap.
 */
import type { KnownBlock } from '@slack/types';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { chartText, xyChart } from '../../slack/render/chart.js';
import { context } from '../../slack/render/blocks.js';
import type { Translator } from '../../i18n/index.js';
import { formatThreshold, formatValue, type MetricDef } from './metrics.js';
import { capital, metricLabel } from './words.js';

/** The metric as one successful snapshot read it. */
export interface TrendPoint {
  at: number;
  value: number;
}

const STEPS_MIN = [1, 2, 5, 10, 15, 30];
const MAX_STEPS = 18;
const MIN = 60_000;

/** The points in equal steps ending at the last point: labels (`HH:mm`, step end) and values. */
export function trendSteps(points: readonly TrendPoint[], timeZone: string): { labels: string[]; values: (number | null)[]; stepMin: number } {
  if (points.length === 0) return { labels: [], values: [], stepMin: 0 };
  const first = points[0]!.at;
  const last = points.at(-1)!.at;
  // No finer than the collector's ticks (the smallest gap between two points), and few enough steps.
  const tick = points.slice(1).reduce((m, p, i) => Math.min(m, p.at - points[i]!.at || Infinity), Infinity);
  const wanted = Math.max(Number.isFinite(tick) ? tick : 0, (last - first) / (MAX_STEPS - 1)) / MIN;
  const stepMin = STEPS_MIN.find((m) => m >= wanted - 1e-9) ?? STEPS_MIN.at(-1)!;
  const step = stepMin * MIN;
  const count = Math.min(MAX_STEPS, Math.floor((last - first) / step) + 1);
  const labels: string[] = [];
  const values: (number | null)[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const end = last - k * step;
    const inStep = points.filter((p) => p.at > end - step && p.at <= end);
    labels.push(format(end, 'HH:mm', { in: tz(timeZone) }));
    values.push(inStep.at(-1)?.value ?? null);
  }
  return { labels, values, stepMin };
}

/** The chart and its figures in words; nothing without history. */
export function alertChartBlocks(
  tr: Translator,
  v: {
    metric: Pick<MetricDef, 'name' | 'unit'>;
    threshold: number;
    clearValue: number;
    history: readonly TrendPoint[];
    timeZone: string;
  },
): KnownBlock[] {
  const { labels, values, stepMin } = trendSteps(v.history, v.timeZone);
  if (labels.length === 0) return [];
  const name = capital(tr, metricLabel(tr, v.metric.name));
  const minutes = stepMin * labels.length;
  const built = xyChart({
    kind: 'line',
    title: minutes >= 90 ? tr.t('alerts.chart.titleHours', { label: name, n: Math.round(minutes / 60) }) : tr.t('alerts.chart.titleMinutes', { label: name, n: minutes }),
    categories: labels,
    series: [
      { name, values },
      { name: tr.t('alerts.chart.threshold'), values: labels.map(() => v.threshold) },
      { name: tr.t('alerts.chart.clear'), values: labels.map(() => v.clearValue) },
    ],
    xLabel: tr.t('alerts.chart.x', { n: stepMin, zone: v.timeZone }),
    yLabel: v.metric.unit === 'percent' ? '%' : tr.t('alerts.chart.yCalls'),
  });
  if (!built) return [];
  const [line] = chartText({ categories: labels, series: [{ name, values }] }, (n) => formatValue(tr, v.metric, n));
  const notes = [tr.t('alerts.chart.levels', { threshold: formatThreshold(tr, v.metric, v.threshold), clear: formatThreshold(tr, v.metric, v.clearValue) })];
  if (built.gaps.length > 0) notes.push(tr.t('alerts.chart.gaps', { times: built.gaps.join(', ') }));
  return [built.block, context(`${line}  ·  ${notes.join('  ·  ')}`)];
}

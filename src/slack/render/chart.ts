/**
 * Slack's native charts: the `data_visualization` block (line, bar, area or pie), declared here once
 * from the reference (docs.slack.dev/reference/block-kit/blocks/data-visualization-block) because
 * `@slack/types` 3.2 has no type for it, and a builder that turns figures with gaps into a block Slack
 * accepts.
 *
 * A chart illustrates text that says the same: {@link chartText} writes every point the chart was
 * built from (a gap as "–"), for notifications, screen readers and clients without charts.
 *
 * Gaps: a series must have a point for every category, and a point's value is a number, so an hour
 * without data cannot be drawn as a hole. It is never drawn as zero either: the category is left out
 * of the chart (its label is missing from the axis) and the text says "–" for it.
 *
 * The block travels through the renderers as a `KnownBlock` (cast where {@link xyChart} builds it);
 * `limits.ts` reads it back with {@link asChart} and enforces the limits.
 */
import type { Translator } from '../../i18n/index.js';
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, truncate } from '../format.js';
import { context } from './blocks.js';

/** A point of a line, bar or area series: its category and value. */
export interface ChartDataPoint {
  /** One of the axis categories; at most 20 characters. */
  label: string;
  value: number;
}

/** One line, set of bars or area; names are unique in a chart, at most 20 characters. */
export interface ChartSeries {
  name: string;
  data: ChartDataPoint[];
}

export interface ChartAxisConfig {
  /** The x-axis labels in display order; each at most 20 characters. */
  categories: string[];
  /** Axis titles; at most 50 characters. */
  x_label?: string;
  y_label?: string;
}

/** A pie slice: label at most 20 characters, value greater than 0. */
export interface ChartSegment {
  label: string;
  value: number;
}

export type ChartKind = 'line' | 'bar' | 'area';

/** A line, bar or area chart. */
export interface XYChart {
  type: ChartKind;
  series: ChartSeries[];
  axis_config: ChartAxisConfig;
}

export type Chart = XYChart | { type: 'pie'; segments: ChartSegment[] };

/** The block: a title of at most 50 characters above one chart; at most two per message. */
export interface DataVisualizationBlock {
  type: 'data_visualization';
  title: string;
  chart: Chart;
  block_id?: string;
}

/** The chart limits of the reference (and, for charts per message, of Slack's SDK guidance). */
export const CHART_LIMITS = {
  title: 50,
  axisTitle: 50,
  label: 20,
  minSeries: 1,
  maxSeries: 6,
  /** Points per series, and so categories per chart. */
  maxPoints: 20,
  maxSegments: 6,
  perMessage: 2,
} as const;

/** The chart in a block, or undefined when the block is not a chart. */
export function asChart(block: KnownBlock | unknown): DataVisualizationBlock | undefined {
  return typeof block === 'object' && block !== null && (block as { type?: unknown }).type === 'data_visualization' ? (block as DataVisualizationBlock) : undefined;
}

/** A series before it is fitted: one value per category, `null` where there is no data. */
export interface SeriesInput {
  name: string;
  values: ReadonlyArray<number | null>;
}

export interface XYChartInput {
  kind: ChartKind;
  title: string;
  categories: readonly string[];
  series: readonly SeriesInput[];
  xLabel?: string;
  yLabel?: string;
  blockId?: string;
}

/** What {@link xyChart} made, and what it had to leave out (for the text beside the chart). */
export interface BuiltChart {
  block: KnownBlock;
  /** Categories left out because a series had no value there. */
  gaps: string[];
  /** Series left out: no value at all, too few values to share a chart, or beyond the sixth. */
  dropped: string[];
  /** Earlier categories left out to keep the last 20. */
  cut: string[];
}

/**
 * A line, bar or area chart from figures that may have gaps, within every limit; undefined when
 * nothing is left to draw (no series with a value, or no category where all of them have one).
 */
export function xyChart(input: XYChartInput): BuiltChart | undefined {
  const known = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);
  const dropped = input.series.filter((s) => !s.values.some(known)).map((s) => s.name);
  const kept: SeriesInput[] = input.series.filter((s) => s.values.some(known));
  if (kept.length === 0) return undefined;
  const completeOf = (ss: readonly SeriesInput[]) => input.categories.flatMap((_, i) => (ss.every((s) => known(s.values[i])) ? [i] : []));
  // A sparse series must not empty the chart: while the complete categories are fewer than half of
  // those any series has a value for, the series with the fewest values goes (and is named).
  const anyValue = input.categories.filter((_, i) => kept.some((s) => known(s.values[i]))).length;
  while (kept.length > 1 && completeOf(kept).length * 2 < anyValue) {
    const count = (s: SeriesInput) => s.values.filter(known).length;
    const sparsest = kept.reduce((a, b) => (count(b) < count(a) ? b : a));
    kept.splice(kept.indexOf(sparsest), 1);
    dropped.push(sparsest.name);
  }
  dropped.push(...kept.splice(CHART_LIMITS.maxSeries).map((s) => s.name));
  const complete = completeOf(kept);
  const gaps = input.categories.filter((_, i) => !complete.includes(i));
  const shown = complete.slice(-CHART_LIMITS.maxPoints);
  const cut = complete.slice(0, complete.length - shown.length).map((i) => input.categories[i]!);
  if (shown.length === 0) return undefined;
  const labels = uniqueLabels(shown.map((i) => input.categories[i]!));
  const names = uniqueLabels(kept.map((s) => s.name));
  const series: ChartSeries[] = kept.map((s, k) => ({
    name: names[k]!,
    data: shown.map((i, j) => ({ label: labels[j]!, value: round(s.values[i]!) })),
  }));
  const axis: ChartAxisConfig = {
    categories: labels,
    ...(input.xLabel ? { x_label: truncate(input.xLabel, CHART_LIMITS.axisTitle) } : {}),
    ...(input.yLabel ? { y_label: truncate(input.yLabel, CHART_LIMITS.axisTitle) } : {}),
  };
  const block: DataVisualizationBlock = {
    type: 'data_visualization',
    title: truncate(input.title, CHART_LIMITS.title),
    chart: { type: input.kind, series, axis_config: axis },
    ...(input.blockId ? { block_id: input.blockId } : {}),
  };
  // @slack/types 3.2 does not know this block (see the module comment).
  return { block: block as unknown as KnownBlock, gaps, dropped, cut };
}

/** Labels cut to 20 characters and kept unique (Slack matches points to categories by label). */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  return labels.map((raw, i) => {
    let label = truncate(raw.replace(/\s+/g, ' ').trim() || `#${i + 1}`, CHART_LIMITS.label);
    for (let n = 2; seen.has(label); n++) label = `${truncate(raw, CHART_LIMITS.label - String(n).length - 1)} ${n}`;
    seen.add(label);
    return label;
  });
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * Categories from the first one where any series has a non-zero value (quiet night hours are not
 * worth a chart), and then at most the last 20. Returns the indices to keep.
 */
export function activeRange(categories: readonly string[], series: readonly SeriesInput[], max: number = CHART_LIMITS.maxPoints): number[] {
  const first = categories.findIndex((_, i) => series.some((s) => (s.values[i] ?? 0) !== 0));
  const from = first === -1 ? 0 : first;
  const idx = categories.map((_, i) => i).filter((i) => i >= from);
  return idx.slice(-max);
}

/** Picks the given indices of categories and of every series. */
export function pick<T extends { categories: readonly string[]; series: readonly SeriesInput[] }>(input: T, indices: readonly number[]): T {
  return {
    ...input,
    categories: indices.map((i) => input.categories[i]!),
    series: input.series.map((s) => ({ ...s, values: indices.map((i) => s.values[i] ?? null) })),
  };
}

/**
 * The chart's figures as mrkdwn lines, one per series: `*Dialled today*: 09:00 120 · 10:00 – · …`.
 * Every value the chart was built from is here, a gap as "–", so nothing is only in the picture.
 */
export function chartText(input: Pick<XYChartInput, 'categories' | 'series'>, format: (v: number) => string): string[] {
  return input.series.map((s) => {
    const points = input.categories.map((c, i) => {
      const v = s.values[i];
      return `${c} ${v === null || v === undefined || !Number.isFinite(v) ? '–' : format(v)}`;
    });
    return `*${escapeMrkdwn(s.name.replace(/[*_~`\s]+/g, ' ').trim())}*: ${points.join(' · ')}`;
  });
}

/**
 * A chart followed by a context block with every figure it was built from (one line per series, a
 * gap as "–") and what it left out; only the words when nothing can be drawn. Quiet leading
 * categories are left out of both (see {@link activeRange}). `notes` are added to the words.
 */
export function chartWithText(tr: Translator, input: XYChartInput, format: (v: number) => string, notes: readonly string[] = []): KnownBlock[] {
  const range = activeRange(input.categories, input.series);
  const shown = pick(input, range);
  const built = xyChart(shown);
  const dropped = new Set(built?.dropped ?? []);
  const empty = shown.series.filter((s) => s.values.every((v) => v === null)).map((s) => s.name);
  const lines = chartText({ categories: shown.categories, series: shown.series.filter((s) => !empty.includes(s.name)) }, format);
  const said = [...notes];
  if (range.length < input.categories.length && shown.categories.length > 0) said.push(tr.t('common.chart.from', { first: shown.categories[0] }));
  if (built && built.gaps.length > 0) said.push(tr.t('common.chart.gaps', { gaps: tr.list(built.gaps) }));
  if (empty.length > 0) said.push(tr.t('common.chart.empty', { series: tr.list(empty.map((n) => escapeMrkdwn(n))) }));
  const beyond = [...dropped].filter((n) => !empty.includes(n));
  if (beyond.length > 0) said.push(tr.t('common.chart.notCharted', { series: tr.list(beyond.map((n) => escapeMrkdwn(n))) }));
  // A context block holds ten elements; the notes go last so they survive a long list.
  const texts = [...lines.slice(0, said.length > 0 ? 9 : 10), ...(said.length > 0 ? [said.join('  ·  ')] : [])];
  if (texts.length === 0) return [];
  return built ? [built.block, context(...texts)] : [context(...texts)];
}

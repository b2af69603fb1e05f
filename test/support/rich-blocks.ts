/**
 * Charts and tables in what the bot sent: finders, their figures as text, and a check of every
 * published limit written independently of the fake Slack's validator, so the two check each other.
 */
import type { TableBlock } from '@slack/types';
import type { DataVisualizationBlock, XYChart } from '../../src/slack/render/chart.js';
import { textOfCell } from '../../src/slack/render/table.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (blocks: unknown): Obj[] => (Array.isArray(blocks) ? blocks.filter(isObj) : []);

export const chartsOf = (blocks: unknown): DataVisualizationBlock[] => list(blocks).filter((b) => b['type'] === 'data_visualization') as unknown as DataVisualizationBlock[];
export const tablesOf = (blocks: unknown): TableBlock[] => list(blocks).filter((b) => b['type'] === 'table') as unknown as TableBlock[];

/** A line, bar or area chart's payload (throws on a pie, which the bot never draws). */
export function xyOf(c: DataVisualizationBlock | undefined): XYChart {
  if (!c || c.chart.type === 'pie') throw new Error('not a line, bar or area chart');
  return c.chart;
}

/** The rows of every table block, as the texts of their cells (header rows included). */
export function tableRows(blocks: unknown): string[][] {
  return tablesOf(blocks).flatMap((t) => t.rows.map((r) => r.map(textOfCell)));
}

/** Every user-visible text of the blocks except table cells and chart data (which are not mrkdwn). */
export function mrkdwnText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) {
      if (v['type'] === 'table' || v['type'] === 'data_visualization') return;
      if (typeof v['text'] === 'string') out.push(v['text']);
      Object.values(v).forEach(walk);
    }
  };
  walk(blocks);
  return out.join('\n');
}

/** Every way one message's charts and tables break Slack's published limits; empty when none do. */
export function richLimitProblems(blocks: unknown): string[] {
  const problems: string[] = [];
  const charts = chartsOf(blocks);
  const tables = list(blocks).filter((b) => b['type'] === 'table' || b['type'] === 'data_table');
  if (charts.length > 2) problems.push(`${charts.length} charts in one message`);
  if (tables.length > 1) problems.push(`${tables.length} tables in one message`);
  for (const c of charts) {
    if (c.title.length < 1 || c.title.length > 50) problems.push(`chart title of ${c.title.length} characters`);
    if (c.chart.type === 'pie') continue;
    const cats = c.chart.axis_config.categories;
    if (cats.length < 1 || cats.length > 20 || cats.some((x) => x.length > 20)) problems.push(`chart "${c.title}": ${cats.length} categories`);
    if (c.chart.series.length < 1 || c.chart.series.length > 6) problems.push(`chart "${c.title}": ${c.chart.series.length} series`);
    for (const s of c.chart.series) {
      const labels = s.data.map((p) => p.label);
      if (s.name.length > 20 || labels.length !== cats.length || labels.some((l, i) => l !== cats[i]) || s.data.some((p) => !Number.isFinite(p.value))) {
        problems.push(`chart "${c.title}": series "${s.name}" does not match the categories`);
      }
    }
  }
  for (const t of tablesOf(blocks)) {
    if (t.rows.length < 1 || t.rows.length > 100) problems.push(`table of ${t.rows.length} rows`);
    if (t.rows.some((r) => r.length < 1 || r.length > 20)) problems.push('table row of more than 20 cells');
    if (t.rows.some((r) => r.some((c) => textOfCell(c) === ''))) problems.push('empty table cell');
    const chars = t.rows.flat().reduce((n, c) => n + textOfCell(c).length, 0);
    if (chars > 10_000) problems.push(`table of ${chars} characters`);
  }
  return problems;
}

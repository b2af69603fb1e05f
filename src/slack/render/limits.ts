/**
 * Block Kit limits, enforced on the way out so that no answer is ever rejected by Slack: texts are
 * cut (safely for mrkdwn), over-full sections are split, charts are trimmed to what Slack draws,
 * long tables are split (their header row repeated), and more than 50 blocks (or ~40k characters of
 * JSON, or a third chart, or a second table) become several messages.
 *
 * Renderers aim to stay well inside these limits by design; this is the safety net every answer
 * passes through before it is sent.
 */
import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock, TableBlock, TextObject } from '@slack/types';
import { escapeMrkdwn, truncate, truncateMrkdwn } from '../format.js';
import { asChart, CHART_LIMITS, uniqueLabels, type ChartSeries, type DataVisualizationBlock } from './chart.js';
import { isTableBlock, TABLE_LIMITS, textOfCell } from './table.js';

/** The limits Slack documents (and a conservative message size). */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  blockId: 255,
  /** Slack refuses very large payloads; stay well below with JSON characters. */
  messageChars: 38_000,
  fallbackText: 300,
  /** data_visualization blocks in one message. */
  chartsPerMessage: CHART_LIMITS.perMessage,
  chartTitle: CHART_LIMITS.title,
  chartSeries: CHART_LIMITS.maxSeries,
  /** Points per series, and so categories per chart. */
  chartPoints: CHART_LIMITS.maxPoints,
  chartLabel: CHART_LIMITS.label,
  /** table or data_table blocks in one message (Slack: `only_one_table_allowed`). */
  tablesPerMessage: TABLE_LIMITS.perMessage,
  tableRows: TABLE_LIMITS.rows,
  tableCells: TABLE_LIMITS.cellsPerRow,
  tableText: TABLE_LIMITS.textChars,
} as const;

export interface FitOptions {
  maxBlocks?: number;
  maxChars?: number;
}

/**
 * Fits blocks into one or more messages, each within the limits. Returns no messages for no blocks.
 * A trailing actions block stays with the last message. The blocks returned may be the ones given,
 * or pieces shared with another fitting of the same blocks (see fittedPieces): never change them.
 */
export function fitBlocks(blocks: readonly KnownBlock[], opts: FitOptions = {}): KnownBlock[][] {
  const maxBlocks = opts.maxBlocks ?? LIMITS.blocksPerMessage;
  const maxChars = opts.maxChars ?? LIMITS.messageChars;
  const fitted = blocks.flatMap((b) => fittedPieces(b, maxChars));
  const messages: KnownBlock[][] = [];
  let cur: KnownBlock[] = [];
  let chars = 0;
  let charts = 0;
  let tables = 0;
  for (const { block, size } of fitted) {
    const chart = asChart(block) ? 1 : 0;
    const tbl = isTableBlock(block) ? 1 : 0;
    const full = cur.length >= maxBlocks || chars + size > maxChars || charts + chart > LIMITS.chartsPerMessage || tables + tbl > LIMITS.tablesPerMessage;
    if (cur.length > 0 && full) {
      messages.push(cur);
      cur = [];
      chars = charts = tables = 0;
    }
    cur.push(block);
    chars += size;
    charts += chart;
    tables += tbl;
  }
  if (cur.length > 0) messages.push(cur);
  return messages.map(trimDividers).filter((m) => m.length > 0);
}

interface Piece {
  block: KnownBlock;
  /** Its JSON length, plus one for the comma between blocks. */
  size: number;
}

/**
 * What {@link fitBlock} made of a block, and the sizes of the pieces, by the block (and the JSON
 * budget it was fitted to). Blocks are never changed once built, and an answer is fitted twice
 * (its private form with the Share button, the kept public form without), so the second fitting of
 * each block is a look-up: the second fitting was about a quarter of a command's CPU. Module state,
 * but only a memo: a pure function's results, dropped with the blocks.
 */
const fittedBefore = new WeakMap<KnownBlock, { maxChars: number; pieces: Piece[] }>();

/** The JSON of each fitted piece, made while measuring it, for {@link blocksJson}. */
const jsonOf = new WeakMap<KnownBlock, string>();

function fittedPieces(block: KnownBlock, maxChars: number): Piece[] {
  const known = fittedBefore.get(block);
  if (known && known.maxChars === maxChars) return known.pieces;
  const pieces = fitBlock(block, { maxChars }).map((b) => {
    const json = JSON.stringify(b);
    jsonOf.set(b, json);
    return { block: b, size: json.length + 1 };
  });
  fittedBefore.set(block, { maxChars, pieces });
  return pieces;
}

/**
 * `JSON.stringify(blocks)`, reusing the JSON of blocks that {@link fitBlocks} measured: an answer
 * is serialised to be sent and, privately, to be kept for sharing, and its table is the bulk.
 */
export function blocksJson(blocks: readonly KnownBlock[]): string {
  let out = '[';
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    out += (i > 0 ? ',' : '') + (jsonOf.get(b) ?? JSON.stringify(b));
  }
  return `${out}]`;
}

/**
 * One block made valid; a section with more than ten fields becomes several sections, a long table
 * several tables, and a chart with nothing Slack could draw none.
 */
export function fitBlock(block: KnownBlock, opts: Pick<FitOptions, 'maxChars'> = {}): KnownBlock[] {
  const fixed = withBlockId(block);
  const chart = asChart(fixed);
  if (chart) return fitChart(chart);
  switch (fixed.type) {
    case 'table':
      return splitTable(fixed, opts.maxChars ?? LIMITS.messageChars);
    case 'header':
      return [fitHeader(fixed)];
    case 'section':
      return fitSection(fixed);
    case 'context':
      return [fitContext(fixed)];
    case 'actions':
      return [fitActions(fixed)];
    default:
      return [fixed];
  }
}

function withBlockId<B extends KnownBlock>(block: B): B {
  return typeof block.block_id === 'string' && block.block_id.length > LIMITS.blockId
    ? { ...block, block_id: block.block_id.slice(0, LIMITS.blockId) }
    : block;
}

function fitText<T extends TextObject>(t: T, max: number): T {
  if (t.text.length <= max) return t;
  return { ...t, text: t.type === 'mrkdwn' ? truncateMrkdwn(t.text, max) : truncate(t.text, max) };
}

function fitHeader(block: HeaderBlock): HeaderBlock {
  return { ...block, text: fitText(block.text, LIMITS.headerText) };
}

function fitSection(block: SectionBlock): SectionBlock[] {
  const text = block.text ? fitText(block.text, LIMITS.sectionText) : undefined;
  const fields = block.fields?.map((f) => fitText(f, LIMITS.fieldText));
  if (!fields || fields.length <= LIMITS.fieldsPerSection) {
    return [{ ...block, ...(text ? { text } : {}), ...(fields ? { fields } : {}) }];
  }
  const out: SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) {
    const part = fields.slice(i, i + LIMITS.fieldsPerSection);
    // Only the first part keeps the text, accessory and block id (ids must be unique).
    out.push(i === 0 ? { ...block, ...(text ? { text } : {}), fields: part } : { type: 'section', fields: part });
  }
  return out;
}

function fitContext(block: ContextBlock): ContextBlock {
  const elements = block.elements
    .slice(0, LIMITS.contextElements)
    .map((e) => (e.type === 'mrkdwn' || e.type === 'plain_text' ? fitText(e, LIMITS.contextText) : e));
  return { ...block, elements };
}

function fitActions(block: ActionsBlock): ActionsBlock {
  const elements = block.elements.slice(0, LIMITS.actionsElements).map((e) => (e.type === 'button' ? fitButton(e) : e));
  return { ...block, elements };
}

function fitButton(b: Button): Button {
  return {
    ...b,
    text: fitText(b.text, LIMITS.buttonText),
    // A cut value cannot be read back, but a rejected message is worse; renderers keep values short.
    ...(b.value !== undefined ? { value: b.value.slice(0, LIMITS.buttonValue) } : {}),
    ...(b.url !== undefined && b.url.length > LIMITS.buttonUrl ? { url: b.url.slice(0, LIMITS.buttonUrl) } : {}),
  };
}

/**
 * A chart within the reference's limits: title and labels cut, at most six series and the last 20
 * categories, and only categories every series has a point for (Slack matches points to categories
 * by label). No chart at all when nothing is left.
 */
function fitChart(block: DataVisualizationBlock): KnownBlock[] {
  // Renderers always give a title; Slack refuses an empty one, so the net puts an emoji there.
  const title = truncate(block.title.trim() || '📊', LIMITS.chartTitle);
  const chart = block.chart;
  const out = (c: DataVisualizationBlock['chart']): KnownBlock[] => [{ ...block, title, chart: c } as unknown as KnownBlock];
  if (chart.type === 'pie') {
    const segments = chart.segments.filter((p) => Number.isFinite(p.value) && p.value > 0).slice(0, CHART_LIMITS.maxSegments);
    const labels = uniqueLabels(segments.map((p) => p.label));
    return segments.length === 0 ? [] : out({ type: 'pie', segments: segments.map((p, i) => ({ label: labels[i]!, value: p.value })) });
  }
  const original = [...new Set(chart.axis_config.categories)];
  const unique = uniqueLabels(original);
  const labelOf = new Map(original.map((c, i) => [c, unique[i]!]));
  const series = chart.series.slice(0, LIMITS.chartSeries);
  const names = uniqueLabels(series.map((s) => s.name));
  const points = series.map((s) => {
    const byLabel = new Map<string, number>();
    for (const p of s.data) if (labelOf.has(p.label) && Number.isFinite(p.value) && !byLabel.has(p.label)) byLabel.set(p.label, p.value);
    return byLabel;
  });
  const categories = original.filter((c) => points.every((m) => m.has(c))).slice(-LIMITS.chartPoints);
  if (series.length === 0 || categories.length === 0) return [];
  const fitted: ChartSeries[] = series.map((_, k) => ({ name: names[k]!, data: categories.map((c) => ({ label: labelOf.get(c)!, value: points[k]!.get(c)! })) }));
  const axis = chart.axis_config;
  return out({
    type: chart.type,
    series: fitted,
    axis_config: {
      categories: categories.map((c) => labelOf.get(c)!),
      ...(axis.x_label ? { x_label: truncate(axis.x_label, CHART_LIMITS.axisTitle) } : {}),
      ...(axis.y_label ? { y_label: truncate(axis.y_label, CHART_LIMITS.axisTitle) } : {}),
    },
  });
}

/**
 * A table within the limits: at most 20 cells a row and 20 column settings; more than 100 rows,
 * 10,000 characters of cell text or the message's JSON budget become several tables, each starting
 * with the first table's header row (every table the renderers build has one).
 */
function splitTable(block: TableBlock, maxChars: number): KnownBlock[] {
  // Leave room in the message for the blocks around the table.
  const budget = Math.max(2_000, maxChars - 4_000);
  if (fitsAsItIs(block, budget)) return [block];
  const rows = block.rows.map((r) => r.slice(0, LIMITS.tableCells)).filter((r) => r.length > 0);
  const settings = block.column_settings?.slice(0, LIMITS.tableCells);
  const base = { ...block, ...(settings ? { column_settings: settings } : {}) };
  const [head, ...body] = rows;
  if (!head) return [];
  const textOf = (r: readonly unknown[]) => r.reduce<number>((n, c) => n + textOfCell(c).length, 0);
  const sizeOf = (r: readonly unknown[]) => JSON.stringify(r).length + 1;
  const fixed = JSON.stringify({ ...base, rows: [head] }).length;
  const parts: TableBlock['rows'][] = [];
  let cur: TableBlock['rows'] = [];
  let text = textOf(head);
  let size = fixed;
  for (const row of body) {
    const full = cur.length + 2 > LIMITS.tableRows || text + textOf(row) > LIMITS.tableText || size + sizeOf(row) > budget;
    if (cur.length > 0 && full) {
      parts.push(cur);
      cur = [];
      text = textOf(head);
      size = fixed;
    }
    cur.push(row);
    text += textOf(row);
    size += sizeOf(row);
  }
  if (cur.length > 0 || parts.length === 0) parts.push(cur);
  return parts.map((part, i) => {
    const { block_id: id, ...rest } = base;
    return { ...rest, ...(i === 0 && id !== undefined ? { block_id: id } : {}), rows: [head, ...part] };
  });
}

/**
 * The usual table, which the split below would give back whole: a header and at most 99 rows,
 * every row with 1 to 20 cells, and cell text and JSON within their budgets. Checked with one
 * JSON serialisation of the table instead of one per row.
 */
function fitsAsItIs(block: TableBlock, budget: number): boolean {
  const { rows } = block;
  if (rows.length === 0 || rows.length > LIMITS.tableRows || (block.column_settings?.length ?? 0) > LIMITS.tableCells) return false;
  let text = 0;
  for (const row of rows) {
    if (row.length === 0 || row.length > LIMITS.tableCells) return false;
    for (const cell of row) text += textOfCell(cell).length;
  }
  return text <= LIMITS.tableText && JSON.stringify(block).length <= budget;
}

function trimDividers(blocks: KnownBlock[]): KnownBlock[] {
  let start = 0;
  let end = blocks.length;
  while (start < end && blocks[start]!.type === 'divider') start++;
  while (end > start && blocks[end - 1]!.type === 'divider') end--;
  return blocks.slice(start, end);
}

/**
 * The plain `text` Slack shows in notifications and screen readers: the header and the first
 * line of text after it, without mrkdwn markers, at most 300 characters. An answer whose figures
 * are a table or a chart (no section) says its context line instead (`VDN 8 · 12 campaigns · …`).
 */
export function fallbackText(blocks: readonly KnownBlock[]): string {
  const parts: string[] = [];
  let contextText: string | undefined;
  for (const block of blocks) {
    if (parts.length >= 2) break;
    if (block.type === 'header') parts.push(escapeMrkdwn(block.text.text));
    else if (block.type === 'section') {
      const first = block.text?.text ?? block.fields?.[0]?.text;
      if (first) parts.push(first);
    } else if (block.type === 'context' && contextText === undefined) {
      const el = block.elements[0];
      if (el && (el.type === 'mrkdwn' || el.type === 'plain_text')) contextText = el.text;
    }
  }
  if (parts.length < 2 && contextText) parts.push(contextText);
  const text = parts
    .map((p) => p.replace(/```/g, ' ').replace(/[*`]/g, '').replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join(': ');
  return truncateMrkdwn(text || 'AICC bot', LIMITS.fallbackText); // i18n-ok: the bot's name
}

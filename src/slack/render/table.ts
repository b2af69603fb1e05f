/**
 * Slack's native `table` block (docs.slack.dev/reference/block-kit/blocks/table-block): rows of
 * cells that Slack lays out itself, so Chinese campaign names line up with everything else, which a
 * monospace code block cannot do (a CJK character is two columns wide there).
 *
 * Every table built here has a header row first: `limits.ts` repeats it when a long table is split
 * over several blocks (at most 100 rows each, one table per message). Cells are `rich_text` (a
 * report says `raw_text` cells caused server errors): plain text, never mrkdwn, so vendor text
 * needs no escaping and cannot mention or link anyone. An empty cell would be refused, so it says "–".
 */
import type { KnownBlock, RichTextBlock, TableBlock } from '@slack/types';
import { truncate } from '../format.js';

export type TableCell = TableBlock['rows'][number][number];

export const TABLE_LIMITS = {
  rows: 100,
  cellsPerRow: 20,
  columnSettings: 20,
  /** Characters of cell text in one table (all cells together), as Slack's table reference caps it. */
  textChars: 10_000,
  /** What one cell shows at most; longer text is cut (the cap is ours, for readable rows). */
  cellChars: 100,
  perMessage: 1,
} as const;

export interface TableColumn {
  header: string;
  align?: 'left' | 'center' | 'right';
  /** Let long text wrap instead of widening the column. */
  wrap?: boolean;
}

/** Text as one cell shows it: one line, trimmed, bounded, never empty. */
export function cellText(text: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const one = (text ?? '').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return one === '' ? '–' : truncate(one, TABLE_LIMITS.cellChars);
}

/** What a cell shows: text, or text after an emoji (`large_green_circle`, without colons). */
export type CellInput = string | undefined | { text: string | undefined; emoji?: string; bold?: boolean };

/** A rich_text cell of plain text, optionally after an emoji; `bold` for header cells. */
export function cell(input: CellInput, bold = false): RichTextBlock {
  const spec = typeof input === 'object' ? input : { text: input };
  const emoji = spec.emoji?.replace(/^:|:$/g, '');
  const strong = bold || spec.bold === true;
  return {
    type: 'rich_text',
    elements: [
      {
        type: 'rich_text_section',
        elements: [
          ...(emoji ? [{ type: 'emoji' as const, name: emoji }, { type: 'text' as const, text: ' ' }] : []),
          { type: 'text', text: cellText(spec.text), ...(strong ? { style: { bold: true } } : {}) },
        ],
      },
    ],
  };
}

/**
 * A table with a bold header row. Rows shorter than the header are padded with "–", longer ones cut,
 * so every row has the same cells. `limits.ts` splits it when it is too long for one block.
 */
export function table(columns: readonly TableColumn[], rows: ReadonlyArray<ReadonlyArray<CellInput>>, blockId?: string): KnownBlock {
  const width = Math.min(columns.length, TABLE_LIMITS.cellsPerRow);
  const header = columns.slice(0, width).map((c) => cell(c.header, true));
  const body = rows.map((r) => Array.from({ length: width }, (_, i) => cell(r[i])));
  const settings = columns.slice(0, width).map((c) => ({ align: c.align ?? 'left', ...(c.wrap ? { is_wrapped: true } : {}) }));
  const block: TableBlock = { type: 'table', rows: [header, ...body], column_settings: settings, ...(blockId ? { block_id: blockId } : {}) };
  return block;
}

/** The table in a block (`table` or `data_table`: Slack allows one of either per message). */
export function isTableBlock(block: { type: string }): boolean {
  return block.type === 'table' || block.type === 'data_table';
}

/** The plain text of a table cell, whatever its kind. */
export function textOfCell(c: unknown): string {
  if (typeof c !== 'object' || c === null) return '';
  const o = c as { type?: unknown; text?: unknown; elements?: unknown };
  if (typeof o.text === 'string') return o.text;
  if (o.type === 'emoji' && typeof (c as { name?: unknown }).name === 'string') return `:${(c as { name: string }).name}:`;
  if (!Array.isArray(o.elements)) return '';
  return o.elements.map(textOfCell).join('');
}

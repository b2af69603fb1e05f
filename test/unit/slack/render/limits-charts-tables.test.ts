/** fitBlocks on charts and tables: the one place their limits are enforced on the way out. */
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { translator } from '../../../../src/i18n/index.js';
import { context, section } from '../../../../src/slack/render/blocks.js';
import { activeRange, chartText, chartWithText, xyChart, type DataVisualizationBlock } from '../../../../src/slack/render/chart.js';
import { LIMITS, fitBlocks } from '../../../../src/slack/render/limits.js';
import { cell, table } from '../../../../src/slack/render/table.js';
import { chartsOf, richLimitProblems, tableRows, tablesOf, xyOf } from '../../../support/rich-blocks.js';

const hours = (n: number) => Array.from({ length: n }, (_, i) => `${String(i).padStart(2, '0')}:00`);
const chart = (over: Partial<Parameters<typeof xyChart>[0]> = {}) =>
  xyChart({ kind: 'line', title: 'Calls by hour', categories: hours(3), series: [{ name: 'Dialled', values: [1, 2, 3] }], ...over })!.block;
const raw = (c: Partial<DataVisualizationBlock> & { chart: unknown }) => ({ type: 'data_visualization', title: 'T', ...c }) as unknown as KnownBlock;
const valid = (messages: KnownBlock[][]) => {
  for (const m of messages) {
    expect(blockProblems(m)).toEqual([]);
    expect(richLimitProblems(m)).toEqual([]);
    expect(JSON.stringify(m).length).toBeLessThanOrEqual(LIMITS.messageChars);
  }
};

describe('xyChart', () => {
  it('builds a valid chart: every series has one point per category', () => {
    const block = chart({ series: [{ name: 'Dialled', values: [1, 2, 3] }, { name: 'Connected', values: [0, 1, 2] }] });
    const c = xyOf(chartsOf([block])[0]);
    expect(c.axis_config.categories).toEqual(['00:00', '01:00', '02:00']);
    expect(c.series[1]).toEqual({ name: 'Connected', data: [{ label: '00:00', value: 0 }, { label: '01:00', value: 1 }, { label: '02:00', value: 2 }] });
    valid([[block]]);
  });
  it('leaves a category where a series has no value out, and names it; never draws it as 0', () => {
    const built = xyChart({ kind: 'line', title: 't', categories: hours(3), series: [{ name: 'a', values: [1, null, 3] }, { name: 'b', values: [1, 2, 3] }] })!;
    expect(xyOf(chartsOf([built.block])[0]).axis_config.categories).toEqual(['00:00', '02:00']);
    expect(built.gaps).toEqual(['01:00']);
  });
  it('drops a series without values, one too sparse to share the chart, and any beyond the sixth', () => {
    const built = xyChart({
      kind: 'bar',
      title: 't',
      categories: hours(4),
      series: [
        { name: 'empty', values: [null, null, null, null] },
        { name: 'sparse', values: [1, null, null, null] },
        ...Array.from({ length: 7 }, (_, i) => ({ name: `s${i}`, values: [1, 2, 3, 4] })),
      ],
    })!;
    expect(built.dropped).toEqual(['empty', 'sparse', 's6']);
    expect(xyOf(chartsOf([built.block])[0]).series).toHaveLength(6);
    expect(xyOf(chartsOf([built.block])[0]).axis_config.categories).toHaveLength(4);
  });
  it('keeps the last 20 categories, cuts title and labels, keeps labels unique', () => {
    const built = xyChart({ kind: 'line', title: 'x'.repeat(80), categories: hours(24).map((h) => `${h} ${'y'.repeat(30)}`), series: [{ name: 'n'.repeat(30), values: hours(24).map((_, i) => i) }] })!;
    const block = chartsOf([built.block])[0]!;
    expect(block.title).toHaveLength(50);
    expect(xyOf(block).axis_config.categories).toHaveLength(20);
    expect(new Set(xyOf(block).axis_config.categories).size).toBe(20);
    expect(built.cut).toHaveLength(4);
    valid([[built.block]]);
  });
  it('makes nothing when there is nothing to draw', () => {
    expect(xyChart({ kind: 'line', title: 't', categories: hours(2), series: [{ name: 'a', values: [null, null] }] })).toBeUndefined();
    expect(xyChart({ kind: 'line', title: 't', categories: [], series: [] })).toBeUndefined();
  });
  it('says every figure in words, a gap as "–", quiet leading hours left out', () => {
    const input = { categories: hours(4), series: [{ name: 'Dialled *x*', values: [0, 0, 5, null] }] };
    expect(activeRange(input.categories, input.series)).toEqual([2, 3]);
    expect(chartText({ categories: ['02:00', '03:00'], series: [{ name: 'Dialled', values: [5, null] }] }, String)).toEqual(['*Dialled*: 02:00 5 · 03:00 –']);
    const blocks = chartWithText(translator('en'), { kind: 'line', title: 't', ...input }, String);
    expect(blocks.map((b) => (b as { type: string }).type)).toEqual(['data_visualization', 'context']);
    expect(JSON.stringify(blocks[1])).toContain('*Dialled x*: 02:00 5 · 03:00 –');
  });
});

describe('fitBlocks: charts', () => {
  it('a third chart starts a new message', () => {
    const messages = fitBlocks([section('a'), chart(), context('c1'), chart(), context('c2'), chart(), context('c3')]);
    expect(messages.map((m) => chartsOf(m).length)).toEqual([2, 1]);
    expect(messages[1]![0]).toMatchObject({ type: 'data_visualization' });
    valid(messages);
  });
  it('repairs a chart built by hand: long title, too many series and categories, points off the axis', () => {
    const series = Array.from({ length: 8 }, (_, k) => ({ name: `series ${k}`, data: [...hours(25).map((label, i) => ({ label, value: i })), { label: 'nowhere', value: 1 }] }));
    const [m] = fitBlocks([raw({ title: 'T'.repeat(70), chart: { type: 'line', series, axis_config: { categories: hours(25), x_label: 'x'.repeat(60) } } })]);
    const c = chartsOf(m)[0]!;
    expect(c.title).toHaveLength(50);
    expect(xyOf(c).series).toHaveLength(6);
    expect(xyOf(c).axis_config.categories).toEqual(hours(25).slice(-20));
    valid([m!]);
  });
  it('keeps only categories every series has a point for, and drops a chart with nothing left', () => {
    const [m] = fitBlocks([
      raw({ chart: { type: 'bar', series: [{ name: 'a', data: [{ label: 'x', value: 1 }, { label: 'y', value: 2 }] }, { name: 'b', data: [{ label: 'y', value: 3 }] }], axis_config: { categories: ['x', 'y'] } } }),
      raw({ chart: { type: 'line', series: [], axis_config: { categories: ['x'] } } }),
      raw({ chart: { type: 'pie', segments: [{ label: 'zero', value: 0 }] } }),
      section('text stays'),
    ]);
    expect(chartsOf(m)).toHaveLength(1);
    expect(xyOf(chartsOf(m)[0]).axis_config.categories).toEqual(['y']);
    expect(m!.at(-1)).toMatchObject({ type: 'section' });
    valid([m!]);
  });
});

describe('fitBlocks: tables', () => {
  const cols = [{ header: 'Campaign' }, { header: 'Dialled', align: 'right' as const }];
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Campaign ${i}`, String(i)]);

  it('a table of 250 rows becomes tables of at most 100 rows, one per message, each starting with the header', () => {
    const messages = fitBlocks([section('before'), table(cols, rows(250), 'big'), context('after')]);
    const tables = messages.flatMap(tablesOf);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) expect(tablesOf(m).length).toBeLessThanOrEqual(1);
    for (const t of tables) {
      expect(t.rows.length).toBeLessThanOrEqual(100);
      expect(tableRows([t])[0]).toEqual(['Campaign', 'Dialled']);
    }
    expect(messages.flatMap(tableRows).filter((r) => r[0] !== 'Campaign')).toHaveLength(250);
    expect(tables.filter((t) => t.block_id === 'big')).toHaveLength(1);
    valid(messages);
  });
  it('a second table starts a new message', () => {
    const messages = fitBlocks([table(cols, rows(2)), section('x'), table(cols, rows(2))]);
    expect(messages.map((m) => tablesOf(m).length)).toEqual([1, 1]);
  });
  it('splits a table whose cells hold more than 10,000 characters, and cuts rows to 20 cells', () => {
    const long = Array.from({ length: 60 }, (_, i) => [`${'名'.repeat(99)}${i}`, '1']);
    const messages = fitBlocks([table(cols, long)]);
    for (const t of messages.flatMap(tablesOf)) expect(tableRows([t]).flat().join('').length).toBeLessThanOrEqual(10_000);
    const wide = { type: 'table', rows: [Array.from({ length: 25 }, (_, i) => cell(`h${i}`))], column_settings: Array.from({ length: 25 }, () => ({ align: 'left' })) } as unknown as KnownBlock;
    const [m] = fitBlocks([wide]);
    expect(tablesOf(m)[0]!.rows[0]).toHaveLength(20);
    valid([...messages, m!]);
  });
  it('an empty cell says "–": Slack refuses empty text', () => {
    expect(tableRows([table(cols, [['', undefined]])])[1]).toEqual(['–', '–']);
  });
});

/** The fake Slack refuses charts and tables that break Slack's published limits, so tests that post through it mean it. */
import { describe, expect, it } from 'vitest';
import { blockProblems } from '../../../../local/fakeslack/validate.js';

const cats = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
const series = (name: string, labels: string[]) => ({ name, data: labels.map((label, i) => ({ label, value: i })) });
const chart = (over: Record<string, unknown> = {}, chartOver: Record<string, unknown> = {}) => ({
  type: 'data_visualization',
  title: 'Calls by hour',
  chart: { type: 'line', series: [series('a', cats(3))], axis_config: { categories: cats(3) }, ...chartOver },
  ...over,
});
const cell = (text: string) => ({ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }] });
const tbl = (rows: unknown[][], over: Record<string, unknown> = {}) => ({ type: 'table', rows, ...over });

describe('blockProblems: data_visualization', () => {
  it('accepts a valid line, bar, area and pie chart', () => {
    expect(blockProblems([chart(), chart({}, { type: 'bar' })])).toEqual([]);
    expect(blockProblems([chart({}, { type: 'area' }), { type: 'data_visualization', title: 'Share', chart: { type: 'pie', segments: [{ label: 'a', value: 1 }] } }])).toEqual([]);
  });
  it('refuses a title over 50 characters, an unknown type and more than two charts in a message', () => {
    expect(blockProblems([chart({ title: 'x'.repeat(51) })]).join()).toContain('title must be 1 to 50 characters');
    expect(blockProblems([chart({}, { type: 'scatter' })]).join()).toContain('chart type must be line, bar, area or pie');
    expect(blockProblems([chart(), chart(), chart()]).join()).toContain('at most 2 data_visualization blocks per message');
  });
  it('refuses 0 or 7 series, duplicate or long names, and more than 20 categories', () => {
    expect(blockProblems([chart({}, { series: [] })]).join()).toContain('must have 1 to 6 series');
    expect(blockProblems([chart({}, { series: cats(7).map((n) => series(n, cats(3))) })]).join()).toContain('must have 1 to 6 series');
    expect(blockProblems([chart({}, { series: [series('a', cats(3)), series('a', cats(3))] })]).join()).toContain('series names must be unique');
    expect(blockProblems([chart({}, { series: [series('n'.repeat(21), cats(3))] })]).join()).toContain('series name must be 1 to 20 characters');
    expect(blockProblems([chart({}, { series: [series('a', cats(21))], axis_config: { categories: cats(21) } })]).join()).toContain('categories must be 1 to 20 labels');
  });
  it('refuses points off the categories, a series missing a category, and values that are not numbers', () => {
    expect(blockProblems([chart({}, { series: [series('a', ['c0', 'c1', 'zz'])] })]).join()).toContain('data point label must be one of the categories');
    expect(blockProblems([chart({}, { series: [series('a', ['c0', 'c1'])] })]).join()).toContain('every series must have one data point per category');
    const gap = { name: 'a', data: [{ label: 'c0', value: 1 }, { label: 'c1', value: null }, { label: 'c2', value: 2 }] };
    expect(blockProblems([chart({}, { series: [gap] })]).join()).toContain('data point value must be a number');
  });
  it('refuses a pie slice of 0 and long axis titles', () => {
    expect(blockProblems([{ type: 'data_visualization', title: 't', chart: { type: 'pie', segments: [{ label: 'a', value: 0 }] } }]).join()).toContain('greater than 0');
    expect(blockProblems([chart({}, { axis_config: { categories: cats(3), y_label: 'y'.repeat(51) } })]).join()).toContain('must be 1 to 50 characters');
  });
});

describe('blockProblems: table and data_table', () => {
  it('accepts a table of rich_text, raw_text and raw_number cells with column settings', () => {
    expect(blockProblems([tbl([[cell('a'), { type: 'raw_text', text: 'b' }, { type: 'raw_number', value: 1, text: '1' }]], { column_settings: [{ align: 'right', is_wrapped: true }, null] })])).toEqual([]);
  });
  it('refuses more than 100 rows, more than 20 cells, empty cells and a second table', () => {
    expect(blockProblems([tbl(Array.from({ length: 101 }, () => [cell('a')]))]).join()).toContain('must have 1 to 100 rows');
    expect(blockProblems([tbl([Array.from({ length: 21 }, () => cell('a'))])]).join()).toContain('a row must have 1 to 20 cells');
    expect(blockProblems([tbl([[cell('')]])]).join()).toContain('must be more than 0 characters');
    expect(blockProblems([tbl([[{ type: 'raw_text', text: '' }]])]).join()).toContain('must be more than 0 characters');
    expect(blockProblems([tbl([[cell('a')]]), tbl([[cell('b')]])]).join()).toContain('only_one_table_allowed');
  });
  it('refuses more than 10,000 characters of cell text, 21 column settings and a bad alignment', () => {
    expect(blockProblems([tbl(Array.from({ length: 11 }, () => [cell('x'.repeat(1000))]))]).join()).toContain('at most 10000 characters');
    expect(blockProblems([tbl([[cell('a')]], { column_settings: Array.from({ length: 21 }, () => ({})) })]).join()).toContain('at most 20 column settings');
    expect(blockProblems([tbl([[cell('a')]], { column_settings: [{ align: 'middle' }] })]).join()).toContain('align must be left, center or right');
  });
  it('a data_table needs a caption, 2 to 101 rows of one length, and a header without rich_text', () => {
    const raw = (t: string) => ({ type: 'raw_text', text: t });
    expect(blockProblems([{ type: 'data_table', caption: 'c', rows: [[raw('h')], [raw('v')]] }])).toEqual([]);
    expect(blockProblems([{ type: 'data_table', rows: [[raw('h')], [raw('v')]] }]).join()).toContain('caption is required');
    expect(blockProblems([{ type: 'data_table', caption: 'c', rows: [[raw('h')]] }]).join()).toContain('must have 2 to 101 rows');
    expect(blockProblems([{ type: 'data_table', caption: 'c', rows: [[raw('h'), raw('i')], [raw('v')]] }]).join()).toContain('every row must have the same');
    expect(blockProblems([{ type: 'data_table', caption: 'c', rows: [[cell('h')], [raw('v')]] }]).join()).toContain('header cells cannot be rich_text');
    expect(blockProblems([tbl([[cell('a')]]), { type: 'data_table', caption: 'c', rows: [[raw('h')], [raw('v')]] }]).join()).toContain('only_one_table_allowed');
  });
});

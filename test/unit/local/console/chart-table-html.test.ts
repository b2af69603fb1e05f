/** The console draws charts as inline SVG (server-side, nothing inline to run or style) and tables as HTML tables. */
import { describe, expect, it } from 'vitest';
import { blocksToHtml } from '../../../../local/console/blocks-html.js';
import { niceScale } from '../../../../local/console/chart-svg.js';
import { xyChart } from '../../../../src/slack/render/chart.js';
import { table } from '../../../../src/slack/render/table.js';
import { htmlProblems } from '../../../support/html-check.js';

const hours = ['09:00', '10:00', '11:00'];
const line = xyChart({ kind: 'line', title: 'VDN 8: dialled and connected by hour', categories: hours, series: [{ name: 'Dialled', values: [120, 340, 280] }, { name: 'Connected', values: [60, 200, 150] }], xLabel: 'Hour', yLabel: 'Calls' })!.block;

describe('charts in the console', () => {
  it('a line chart is an SVG figure with its title, axes, one polyline per series, dots with their values, and a legend', () => {
    const html = blocksToHtml([line]);
    expect(html).toContain('<figure class="b b-chart"><figcaption class="chart-title">VDN 8: dialled and connected by hour</figcaption><svg class="chart-svg"');
    expect(html).toContain('role="img" aria-label="VDN 8: dialled and connected by hour"');
    expect(html.match(/<polyline class="chart-line chart-c\d"/g)).toHaveLength(2);
    expect(html.match(/<circle class="chart-dot/g)).toHaveLength(6);
    expect(html).toContain('<title>Dialled · 10:00: 340</title>');
    expect(html).toContain('>11:00</text>');
    expect(html).toContain('<span class="chart-key"><span class="chart-swatch chart-c1"></span>Connected</span>');
    // No inline style or script: the page's Content-Security-Policy forbids both.
    expect(html).not.toMatch(/style=|<script|on[a-z]+=/i);
    expect(htmlProblems(html)).toEqual([]);
  });

  it('bar, area and pie charts are drawn too; vendor text in names is escaped', () => {
    const bar = xyChart({ kind: 'bar', title: 'Calls <b>', categories: hours, series: [{ name: '<img src=x onerror=alert(1)>', values: [1, 2, 3] }] })!.block;
    const area = xyChart({ kind: 'area', title: 'Area', categories: hours, series: [{ name: 'a', values: [1, -2, 3] }] })!.block;
    const pie = { type: 'data_visualization', title: 'Share', chart: { type: 'pie', segments: [{ label: 'IVR', value: 3 }, { label: 'Agent', value: 1 }] } };
    const html = blocksToHtml([bar, area, pie]);
    expect(html.match(/<rect class="chart-bar/g)).toHaveLength(3);
    expect(html).toContain('<polygon class="chart-area');
    expect(html.match(/<path class="chart-slice/g)).toHaveLength(2);
    expect(html).toContain('<title>IVR: 3 (75.0%)</title>');
    expect(html).toContain('Calls &lt;b&gt;');
    expect(html).not.toContain('<img src=x');
    expect(htmlProblems(html)).toEqual([]);
  });

  it('a chart it cannot read is shown as its JSON, never hidden', () => {
    expect(blocksToHtml([{ type: 'data_visualization', title: 'Broken', chart: { type: 'line', series: [], axis_config: { categories: [] } } }])).toContain('a chart this console cannot draw');
  });

  it('y axes run from 0 (or below) in round steps', () => {
    expect(niceScale(0, 340)).toEqual([0, 400, 100]);
    expect(niceScale(-2, 3)).toEqual([-2, 4, 2]);
    expect(niceScale(0, 0)).toEqual([0, 1, 0.25]);
  });
});

describe('tables in the console', () => {
  it('a table is an HTML table; rich text cells keep their bold and emoji; alignment is a class', () => {
    const html = blocksToHtml([table([{ header: 'Campaign' }, { header: 'Status' }, { header: 'Dialled', align: 'right' }], [['春季回访 <script>', { text: 'running', emoji: 'large_green_circle' }, '1,200']])]);
    expect(html).toContain('<div class="b b-table"><table><tbody><tr><td>');
    expect(html).toContain('<b>Campaign</b>');
    expect(html).toContain('春季回访 &lt;script&gt;');
    expect(html).toContain('🟢');
    expect(html).toContain('<td class="al-right">');
    expect(htmlProblems(html)).toEqual([]);
  });

  it('a data_table has its caption and a header row', () => {
    const raw = (text: string) => ({ type: 'raw_text', text });
    const html = blocksToHtml([{ type: 'data_table', caption: 'Campaigns', rows: [[raw('Name')], [raw('Spring')]] }]);
    expect(html).toContain('<table><caption>Campaigns</caption><thead><tr><th>Name</th></tr></thead><tbody><tr><td>Spring</td></tr></tbody></table>');
  });
});

import { describe, expect, it } from 'vitest';
import type { BotStatRow } from '../../../../src/aicc/domain.js';
import { translator } from '../../../../src/i18n/index.js';
import { renderBot } from '../../../../src/features/queries/render-bot.js';
import type { BotView } from '../../../../src/features/queries/views.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { FETCHED_AT, TZ, allText } from '../../../support/render-fixtures.js';
import { chartsOf, mrkdwnText, richLimitProblems, xyOf } from '../../../support/rich-blocks.js';

const row = (hour: number, over: Partial<BotStatRow> = {}): BotStatRow => ({
  recordTime: new Date(Date.UTC(2026, 10, 20, 16 + hour)), // hour:00 on 2026-11-21 in Shanghai
  type: 'hour',
  accessCode: '943370855474270208',
  calls: 10,
  exitNoConsult: 1,
  staffNoConsult: 2,
  staffConsult: 1,
  exitConsulting: 6,
  interactCount: 40,
  averageInteractPerCall: 4,
  autonomyRate: 0.1,
  interfaceRequests: 8,
  interfaceSuccesses: 6,
  interfaceSuccessRate: 0.1,
  ...over,
});
const view = (over: Partial<BotView> = {}): BotView => ({
  timeZone: TZ,
  fetchedAt: FETCHED_AT, tr: translator(),
  accessCode: '943370855474270208',
  type: 'hour',
  date: '2026-11-21',
  rows: [row(9), row(10, { calls: 0, exitNoConsult: 0, interactCount: 0, staffNoConsult: 0, staffConsult: 0, exitConsulting: 0, interfaceRequests: 0, interfaceSuccesses: 0 }), row(11)],
  ...over,
});

describe('renderBot', () => {
  it('totals the day and computes rates from counts', () => {
    const blocks = renderBot(view());
    const text = allText(blocks);
    expect(text).toContain('Bot `943370855474270208`  ·  2026-11-21, by hour');
    expect(text).toContain('*Calls*\n20');
    expect(text).toContain('*Self-service*\n12');
    expect(text).toContain('*To agent before consulting*\n4');
    expect(text).toContain('*To agent after consulting*\n2');
    expect(text).toContain('*Dialogue turns*\n80 (4.0 per call)');
    expect(text).toContain('*Autonomy rate*\n66.7%');
    expect(text).toContain('*Interface success*\n75.0%');
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('lists active hours in a table and hides quiet ones', () => {
    const text = mrkdwnText(renderBot(view()));
    expect(text).toMatch(/```Hour\s+Calls\s+Self\s+Agent&lt;\s+Agent&gt;\s+Turns\s+Autonomy\s+Iface\n09:00\s+10\s+6\s+2\s+1\s+40\s+66.7%\s+75.0%\n11:00/);
    expect(text).not.toMatch(/^10:00/m);
    expect(text).toContain('1 hour without calls not shown');
  });

  it('charts the day by hour: calls with self-service and transfers, then autonomy and interface success', () => {
    const blocks = renderBot(view());
    const [calls, rates] = chartsOf(blocks);
    expect(calls!.title).toBe('Calls by hour');
    expect(xyOf(calls).axis_config.categories).toEqual(['09:00', '10:00', '11:00']);
    expect(xyOf(calls).series.map((s) => [s.name, s.data.map((p) => p.value)])).toEqual([
      ['Calls', [10, 0, 10]],
      ['Self-service', [6, 0, 6]],
      ['To an agent', [3, 0, 3]],
    ]);
    // 10:00 handled nothing: no autonomy there, so that hour is left out of the rates chart, not drawn as 0%.
    expect(xyOf(rates).axis_config.categories).toEqual(['09:00', '11:00']);
    expect(xyOf(rates).series[0]!.data.map((p) => p.value)).toEqual([66.7, 66.7]);
    expect(allText(blocks)).toContain('hours left out where a figure is missing: 10:00');
    expect(richLimitProblems(blocks)).toEqual([]);
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('has no chart for the 30-day report', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(0, { type: 'day', recordTime: new Date(Date.UTC(2026, 9, 22 + i, 16)) }));
    expect(chartsOf(renderBot(view({ type: 'day', rows })))).toEqual([]);
  });

  it('shows "no data" rates, never 0%, and uses vendor rates only without counts', () => {
    const text = allText(
      renderBot(view({ rows: [row(9, { staffNoConsult: 0, staffConsult: 0, exitConsulting: 0, interfaceRequests: 0, interfaceSuccesses: 0, autonomyRate: null, interfaceSuccessRate: null })] })),
    );
    expect(text).toContain('*Autonomy rate*\nno data');
    expect(text).toContain('*Interface success*\nno data');
    const vendorOnly = allText(renderBot(view({ rows: [row(9, { staffConsult: undefined, interfaceSuccesses: undefined, autonomyRate: 0.25, interfaceSuccessRate: 0.5 })] })));
    expect(vendorOnly).toMatch(/09:00.*25\.0%\s+50\.0%/);
  });

  it('daily rows over 30 days stay within limits', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(0, { type: 'day', recordTime: new Date(Date.UTC(2026, 9, 22 + i, 16)) }));
    const blocks = renderBot(view({ type: 'day', rows }));
    expect(allText(blocks)).toContain('30 days before 2026-11-21, by day');
    expect(allText(blocks)).toContain('10-23 Fri');
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('says so when there is no traffic, and escapes the access code', () => {
    const text = allText(renderBot(view({ rows: [], accessCode: '<!channel>' })));
    expect(text).toContain('No traffic');
    expect(text).not.toMatch(/<!channel>/);
  });

  it('says how many report rows it could not read and left out', () => {
    expect(allText(renderBot(view({ unreadable: 2 })))).toContain('2 report rows the bot could not read are left out of these figures.');
    expect(allText(renderBot(view()))).not.toContain('could not read');
  });
});

describe('renderBot in other languages', () => {
  /** Columns of monospace text, a CJK character counting two (Slack's code blocks draw it so). */
  const width = (line: string) => [...line.replace(/&lt;/g, '<').replace(/&gt;/g, '>')].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
  const tableLines = (blocks: ReturnType<typeof renderBot>) => mrkdwnText(blocks).split('```')[1]!.split('\n');

  it('zh-CN: the fixed-width table stays aligned with Chinese headings and weekdays', () => {
    const tr = translator('zh-CN');
    for (const type of ['hour', 'day'] as const) {
      const rows = type === 'day' ? Array.from({ length: 3 }, (_, i) => row(0, { type, recordTime: new Date(Date.UTC(2026, 9, 22 + i, 16)) })) : view().rows;
      const lines = tableLines(renderBot(view({ type, rows, tr, date: tr.date(FETCHED_AT, TZ) })));
      expect(lines[0]).toMatch(type === 'hour' ? /^时段\s+接入\s+自助\s+转人工&lt;\s+转人工&gt;\s+轮次\s+自助率\s+接口$/ : /^日期/);
      expect(new Set(lines.map(width)).size).toBe(1);
    }
  });

  it('pt-BR: words, numbers and the day label in Portuguese', () => {
    const tr = translator('pt-BR');
    const rows = Array.from({ length: 2 }, (_, i) => row(0, { type: 'day', calls: 1200, recordTime: new Date(Date.UTC(2026, 9, 22 + i, 16)) }));
    const blocks = renderBot(view({ type: 'day', rows, tr, date: tr.date(FETCHED_AT, TZ) }));
    const text = allText(blocks);
    expect(text).toContain(':robot_face: Bot `943370855474270208`  ·  30 dias antes de 21/11/2026, por dia');
    expect(text).toContain('*Chamadas*\n2.400');
    expect(text).toContain('*Taxa de autonomia*\n66,7%');
    expect(tableLines(blocks)[1]).toMatch(/^sex\., 23\/10\s+1\.200/);
  });
});

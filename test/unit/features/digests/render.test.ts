import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/index.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { deltaWords, digestFallbackText, digestHash, renderDigest } from '../../../../src/features/digests/render.js';
import { buildDigestView, type DigestInput } from '../../../../src/features/digests/view.js';
import { LIMITS } from '../../../../src/slack/render/limits.js';
import { NOW, allText, botRow, input, vdnInput, type Spec } from '../../../support/digest-fixtures.js';
import { chartsOf, mrkdwnText, richLimitProblems, tableRows, tablesOf, xyOf } from '../../../support/rich-blocks.js';

const en = translator('en');
const render = (over: Partial<DigestInput> = {}) => renderDigest(en, buildDigestView(input(over)));
const everyMessage = (m: { first: KnownBlock[]; thread: KnownBlock[][] }) => [m.first, ...m.thread];

function expectValid(messages: KnownBlock[][]): void {
  for (const m of messages) {
    expect(m.length).toBeGreaterThan(0);
    expect(m.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(JSON.stringify(m).length).toBeLessThanOrEqual(LIMITS.messageChars);
    expect(blockProblems(m)).toEqual([]);
    expect(richLimitProblems(m)).toEqual([]);
  }
}

describe('renderDigest: content', () => {
  const m = render({
    subscriptionId: 3,
    bots: [{ accessCode: '943370855474270208', name: 'Renewal bot', rows: [botRow(), botRow()], asOf: NOW }],
    filter: { campaigns: 'all', bots: ['943370855474270208'] },
  });
  const text = allText(m.first);

  it('fits one message when small, table included', () => {
    expect(m.thread).toEqual([]);
    expectValid([m.first]);
    expect(m.first[0]).toMatchObject({ type: 'header', text: { text: 'AICC daily digest' } });
  });
  it('shows the date, time zone and per-VDN totals with the change since yesterday', () => {
    expect(text).toContain('*2026-11-21*  ·  Asia/Shanghai');
    expect(text).toContain('*VDN 12*  ·  3 campaigns, 3 running');
    expect(text).toContain('Dialled *310*  ·  connected *160*  ·  connection rate *51.6%* (down 6.4 points since yesterday)');
    expect(text).toContain('Finished today 310  ·  remaining 120');
  });
  it('ranks best and worst among campaigns with enough calls', () => {
    expect(text).toContain('*Best connection rate* (campaigns with at least 50 dialled today)');
    expect(text).toContain('1. *Spring follow-up* `101` — *60.0%* of 200 dialled, down 12.0 points since yesterday');
    expect(text).toContain('2. *Renewals* `102` — *30.0%* of 100 dialled, same as yesterday');
    expect(text).not.toContain('*Small list*');
  });
  it('has the bot section', () => {
    expect(text).toContain(
      ':robot_face: *Renewal bot* `943370855474270208`: 200 calls  ·  autonomy 84.2%  ·  30 to an agent (15.0%)  ·  interface success 95.0%',
    );
  });
  it('has the campaign table as a native table: name, id, status, dialled, connected, success, Δ, completion', () => {
    const rows = tableRows(m.first);
    expect(tablesOf(m.first)).toHaveLength(1);
    expect(rows[0]).toEqual(['Campaign', 'ID', 'Status', 'Dialled', 'Connected', 'Connection rate', 'Δ pts', 'Done']);
    expect(rows[1]).toEqual(['Spring follow-up', '101', 'running', '200', '120', '60.0%', '-12.0', '29.0%']);
    expect(rows[3]).toEqual(['Small list', '103', 'running', '10', '10', '100.0%', '–', '29.0%']);
    expect(text).toContain('Δ pts = connection rate change');
    expect(text).toContain('*VDN 12 campaigns* (3)');
  });
  it('has an "as of" line per source and the subscription footer', () => {
    expect(text).toContain("VDN 12: campaign list as of 09:00  ·  statistics as of 09:00  ·  yesterday's figures as of 2026-11-20 09:00");
    expect(text).toContain('Voice bots as of 09:00');
    expect(text).toContain('Digest 3');
  });
  it('marks a late digest', () => {
    const late = allText(render({ late: { scheduledFor: new Date('2026-11-21T00:00:00Z') } }).first);
    expect(late).toContain('*Posted late.* This digest was due at 08:00');
    expect(allText(m.first)).not.toContain('Posted late');
  });
  it('names the sources that failed and what is not available', () => {
    const failed = render({
      failures: [{ source: { kind: 'statistics', service: 'CC-iSales', vdn: 12 }, message: 'timed out after 10 s', since: new Date('2026-11-21T00:40:00Z') }],
      vdnData: [vdnInput(12, [{ id: '101' }], { stats: [], statsAsOf: undefined, yesterdayStats: undefined, yesterdayAsOf: undefined })],
    });
    const t = allText(failed.first);
    expect(t).toContain(':warning: *Not in this digest*');
    expect(t).toContain('• *CC-iSales statistics (VDN 12)*: timed out after 10 s (failing since 2026-11-21 08:40)');
    expect(t).toContain('statistics not available');
    expect(t).toContain("0 of 1 campaign reported today's dialled and connected counts");
    expect(t).toContain('Dialled *–*');
  });
  it('says when no campaign can be ranked, and when a subscribed campaign is not found', () => {
    const t = allText(render({ vdnData: [vdnInput(12, [{ id: '1', dialled: 3, connected: 1 }])], filter: { campaigns: ['1', '404'], bots: [] } }).first);
    expect(t).toContain('No campaign has dialled 50 calls today, so none is ranked.');
    expect(t).toContain(':mag: Not found in VDN 12: `404`.');
  });
  it('words changes in points', () => {
    expect(deltaWords(en, -12)).toBe('down 12.0 points since yesterday');
    expect(deltaWords(en, 3.4)).toBe('up 3.4 points since yesterday');
    expect(deltaWords(en, 0)).toBe('same as yesterday');
    expect(deltaWords(en, null)).toBeUndefined();
  });
});

describe('renderDigest: vendor text', () => {
  const nasty: Spec[] = [
    { id: '1', name: '<!channel> promo & <@U123>', dialled: 100, connected: 50 },
    { id: '2', name: 'tick ```tock``` `x`', dialled: 100, connected: 40 },
  ];
  const m = render({ vdnData: [vdnInput(12, nasty)], failures: [{ source: { kind: 'cms', service: 'CMS <!here>' }, message: '<https://evil|click>' }] });
  const text = everyMessage(m).map(allText).join('\n');

  it('escapes names in mrkdwn so they cannot mention or link', () => {
    const mrkdwn = everyMessage(m).map(mrkdwnText).join('\n');
    expect(mrkdwn).not.toMatch(/<[!@#]/);
    expect(mrkdwn).not.toContain('<https://');
    expect(mrkdwn).toContain('&lt;!channel&gt; promo &amp; &lt;@U123&gt;');
    expect(mrkdwn).toContain('CMS &lt;!here&gt;');
  });
  it('puts names into table cells as plain text (rich text, never parsed as mrkdwn)', () => {
    const cells = everyMessage(m).flatMap(tableRows).map((r) => r[0]);
    expect(cells).toContain('<!channel> promo & <@U123>');
    expect(cells).toContain('tick ```tock``` `x`');
    for (const t of everyMessage(m).flatMap(tablesOf)) {
      for (const row of t.rows) for (const c of row) expect(c.type).toBe('rich_text');
    }
  });
  it('keeps code fences balanced in every section', () => {
    for (const block of everyMessage(m).flat()) {
      const t = block.type === 'section' ? (block.text?.text ?? '') : '';
      expect((t.match(/```/g) ?? []).length % 2).toBe(0);
    }
    expect(text).toBeTruthy();
  });
});

describe('renderDigest: size', () => {
  const specs: Spec[] = Array.from({ length: 1000 }, (_, i) => ({
    id: String(1798316000 + i),
    name: i % 3 === 0 ? `春季回访活动第${i}批次客户名单` : `Campaign ${i} & a rather long vendor name <!here>`,
    status: [2, 3, 4][i % 3],
    dialled: i % 7 === 0 ? undefined : i * 3,
    connected: i % 7 === 0 ? undefined : i,
    yDialled: i * 3,
    yConnected: Math.floor(i * 1.2),
  }));
  const m = render({ vdnData: [vdnInput(12, specs)] });

  it('a 1,000-campaign digest becomes a first message and thread replies, all valid', () => {
    expect(m.thread.length).toBeGreaterThan(1);
    expectValid(everyMessage(m));
    const first = allText(m.first);
    expect(first).toContain('*VDN 12*  ·  1,000 campaigns');
    expect(first).toContain(':thread: The table of all 1,000 campaigns is in the thread.');
    expect(first).toContain('*Best connection rate*');
    expect(first).toContain('statistics as of 09:00');
  });
  it('lists every campaign exactly once in the thread, in tables of at most 100 rows with the header repeated', () => {
    const tables = m.thread.flatMap(tablesOf);
    expect(tables.length).toBeGreaterThan(1);
    for (const msg of m.thread) expect(tablesOf(msg).length).toBeLessThanOrEqual(1);
    for (const t of tables) {
      expect(t.rows.length).toBeLessThanOrEqual(100);
      expect(tableRows([t])[0]![0]).toBe('Campaign');
    }
    const rows = m.thread.flatMap(tableRows).filter((r) => r[0] !== 'Campaign');
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r[1])).size).toBe(1000);
    expect(allText(m.thread[0]!)).toContain('*VDN 12 campaigns* (1,000)');
  });
  it('keeps CJK names whole in their cells (Slack lays the columns out, nothing is padded)', () => {
    const rows = m.thread.flatMap(tableRows);
    expect(rows.find((r) => r[1] === '1798316000')![0]).toBe('春季回访活动第0批次客户名单');
    expect(rows.every((r) => r.every((c) => c === c.trim() && c !== ''))).toBe(true);
  });
  it('the first message stays one valid message with many failures and bots; the rest goes to the thread', () => {
    const many = render({
      failures: Array.from({ length: 300 }, (_, i) => ({ source: { kind: 'bot' as const, service: 'OIFDE', code: `source${i}` }, message: 'x'.repeat(150) })),
      bots: Array.from({ length: 200 }, (_, i) => ({ accessCode: `bot${i}`, rows: [botRow()], asOf: NOW })),
      filter: { campaigns: 'all', bots: Array.from({ length: 200 }, (_, i) => `bot${i}`) },
    });
    expectValid(everyMessage(many));
    expect(many.first[0]).toMatchObject({ type: 'header' });
    expect(everyMessage(many).map(allText).join('\n')).toContain('`source299`');
  });
});

describe('digestFallbackText and digestHash', () => {
  it('the fallback text has the figures, no vendor text, at most 300 characters', () => {
    const view = buildDigestView(input({ failures: [{ source: { kind: 'cms', service: '<!channel>' }, message: 'down' }], late: { scheduledFor: NOW } }));
    const t = digestFallbackText(en, view);
    expect(t).toBe('AICC daily digest 2026-11-21 (late): VDN 12: 310 dialled, 51.6% connected; 1 source missing');
    const many = buildDigestView(input({ vdnData: Array.from({ length: 40 }, (_, i) => vdnInput(i + 1, [{ id: 'a', dialled: 1, connected: 1 }])) }));
    expect(digestFallbackText(en, many).length).toBeLessThanOrEqual(300);
  });
  it('the hash ignores times, date, late mark and yesterday; it changes with the figures', () => {
    const base = digestHash(buildDigestView(input()));
    expect(base).toMatch(/^[0-9a-f]{32}$/);
    const later = input({ now: new Date('2026-11-22T01:00:00Z'), late: { scheduledFor: NOW } });
    later.vdnData = [vdnInput(12, [
      { id: '101', name: 'Spring follow-up', dialled: 200, connected: 120 },
      { id: '102', name: 'Renewals', dialled: 100, connected: 30, yDialled: 1, yConnected: 1 },
      { id: '103', name: 'Small list', dialled: 10, connected: 10 },
    ], { statsAsOf: new Date('2026-11-22T00:58:00Z') })];
    expect(digestHash(buildDigestView(later))).toBe(base);
    const changed = input({ vdnData: [vdnInput(12, [{ id: '101', name: 'Spring follow-up', dialled: 201, connected: 120 }, { id: '102', name: 'Renewals', dialled: 100, connected: 30 }, { id: '103', name: 'Small list', dialled: 10, connected: 10 }])] });
    expect(digestHash(buildDigestView(changed))).not.toBe(base);
    expect(digestHash(buildDigestView(input({ failures: [{ source: { kind: 'cms', service: 'CC-CMS' }, message: 'x' }] })))).not.toBe(base);
  });
});

describe('renderDigest: charts beside their text', () => {
  const hours = {
    labels: ['06:00', '07:00', '08:00'],
    timeZone: 'Asia/Shanghai',
    dialled: [0, 120, 190],
    connected: [0, 70, null],
    yesterdayDialled: [0, 100, 210],
    yesterdayConnected: [0, 60, 110],
    unknown: 1,
  };
  const bots = [
    { accessCode: '943370855474270208', name: 'Renewal bot', rows: [botRow({ recordTime: new Date('2026-11-20T23:00:00Z') }), botRow({ calls: 50, exitConsulting: 30 })], asOf: NOW },
  ];
  const m = render({ vdnData: [vdnInput(12, [{ id: '101', dialled: 310, connected: 160 }], { hours })], bots, filter: { campaigns: 'all', bots: ['943370855474270208'] } });

  it('draws the VDN by hour with yesterday, and the bots’ calls, in the first message; autonomy opens the thread', () => {
    expectValid(everyMessage(m));
    expect(chartsOf(m.first).map((c) => c.title)).toEqual(['VDN 12: dialled and connected by hour', 'Voice bots: calls by hour']);
    expect(chartsOf(m.thread[0]).map((c) => c.title)).toEqual(['Voice bots: autonomy by hour (%)']);
  });
  it('charts only the hours every series knows; the gap is said in the text, never drawn as 0', () => {
    const chart = xyOf(chartsOf(m.first)[0]);
    // 06:00 is quiet (no calls) and 08:00 has no connected figure.
    expect(chart.axis_config.categories).toEqual(['07:00']);
    expect(chart.series.map((s) => s.name)).toEqual(['Dialled today', 'Connected today', 'Dialled yesterday', 'Connected yesterday']);
    const t = allText(m.first);
    expect(t).toContain('*Dialled today*: 07:00 120 · 08:00 190');
    expect(t).toContain('*Connected today*: 07:00 70 · 08:00 –');
    expect(t).toContain('no data for 08:00');
    expect(t).toContain('1 campaign without figures left out');
  });
  it('has every bot figure of its charts in words', () => {
    const t = allText([...m.first, ...m.thread[0]!]);
    expect(t).toContain('*Renewal bot*: 07:00 100 · 08:00 50');
    expect(t).toContain('*Renewal bot*: 07:00 84.2% · 08:00 66.7%');
  });
  it('shows no chart without hourly figures, and the text stays complete', () => {
    const plain = render();
    expect(chartsOf(plain.first)).toEqual([]);
    expect(allText(plain.first)).toContain('Dialled *310*');
  });
});

import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blockProblems } from '../../local/fakeslack/validate.js';
import { cell, textWidth } from '../../src/features/digests/columns.js';
import { deltaWords, digestFallbackText, digestHash, renderDigest } from '../../src/features/digests/render.js';
import { buildDigestView, type DigestInput } from '../../src/features/digests/view.js';
import { LIMITS } from '../../src/slack/render/limits.js';
import { NOW, allText, botRow, input, vdnInput, type Spec } from './fixtures.js';

const render = (over: Partial<DigestInput> = {}) => renderDigest(buildDigestView(input(over)));
const everyMessage = (m: { first: KnownBlock[]; thread: KnownBlock[][] }) => [m.first, ...m.thread];
const codeBlocks = (blocks: readonly KnownBlock[]) => allText(blocks).match(/```[^`]*```/g) ?? [];

function expectValid(messages: KnownBlock[][]): void {
  for (const m of messages) {
    expect(m.length).toBeGreaterThan(0);
    expect(m.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(JSON.stringify(m).length).toBeLessThanOrEqual(LIMITS.messageChars);
    expect(blockProblems(m)).toEqual([]);
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
    expect(text).toContain('Dialled *310*  ·  connected *160*  ·  success *51.6%* (down 6.4 points since yesterday)');
    expect(text).toContain('Finished today 310  ·  remaining 120');
  });
  it('ranks best and worst among campaigns with enough calls', () => {
    expect(text).toContain('*Best success rate* (campaigns with at least 50 dialled today)');
    expect(text).toContain('1. *Spring follow-up* `101` — *60.0%* of 200 dialled, down 12.0 points since yesterday');
    expect(text).toContain('2. *Renewals* `102` — *30.0%* of 100 dialled, same as yesterday');
    expect(text).not.toContain('*Small list*');
  });
  it('has the bot section', () => {
    expect(text).toContain(
      ':robot_face: *Renewal bot* `943370855474270208`: 200 calls  ·  autonomy 84.2%  ·  30 to an agent (15.0%)  ·  interface success 95.0%',
    );
  });
  it('has the campaign table: name, id, status, dialled, connected, success, Δ, completion', () => {
    const [table] = codeBlocks(m.first);
    const lines = table!.replace(/```/g, '').split('\n');
    expect(lines[0]).toMatch(/^Campaign\s+ID\s+Status\s+Dialled\s+Connect\s+Success\s+Δ pts\s+Done$/);
    expect(lines[1]).toMatch(/^Spring follow-up\s+101 running\s+200\s+120\s+60\.0%\s+-12\.0\s+29\.0%$/);
    expect(lines[3]).toMatch(/^Small list\s+103 running\s+10\s+10\s+100\.0%\s+–\s+29\.0%$/);
    expect(text).toContain('Δ pts = success rate change');
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
      failures: [{ source: 'Campaign statistics (VDN 12)', message: 'timed out after 10 s', since: new Date('2026-11-21T00:40:00Z') }],
      vdnData: [vdnInput(12, [{ id: '101' }], { stats: [], statsAsOf: undefined, yesterdayStats: undefined, yesterdayAsOf: undefined })],
    });
    const t = allText(failed.first);
    expect(t).toContain(':warning: *Not in this digest*');
    expect(t).toContain('• *Campaign statistics (VDN 12)*: timed out after 10 s (failing since 2026-11-21 08:40)');
    expect(t).toContain('statistics not available');
    expect(t).toContain('1 campaign without figures');
    expect(t).toContain('Dialled *–*');
  });
  it('says when no campaign can be ranked, and when a subscribed campaign is not found', () => {
    const t = allText(render({ vdnData: [vdnInput(12, [{ id: '1', dialled: 3, connected: 1 }])], filter: { campaigns: ['1', '404'], bots: [] } }).first);
    expect(t).toContain('No campaign has dialled 50 calls today, so none is ranked.');
    expect(t).toContain(':mag: Not found in VDN 12: `404`.');
  });
  it('words changes in points', () => {
    expect(deltaWords(-12)).toBe('down 12.0 points since yesterday');
    expect(deltaWords(3.4)).toBe('up 3.4 points since yesterday');
    expect(deltaWords(0)).toBe('same as yesterday');
    expect(deltaWords(null)).toBeUndefined();
  });
});

describe('renderDigest: vendor text', () => {
  const nasty: Spec[] = [
    { id: '1', name: '<!channel> promo & <@U123>', dialled: 100, connected: 50 },
    { id: '2', name: 'tick ```tock``` `x`', dialled: 100, connected: 40 },
  ];
  const m = render({ vdnData: [vdnInput(12, nasty)], failures: [{ source: 'CMS <!here>', message: '<https://evil|click>' }] });
  const text = everyMessage(m).map(allText).join('\n');

  it('escapes names so they cannot mention or link', () => {
    expect(text).not.toMatch(/<[!@#]/);
    expect(text).not.toContain('<https://');
    expect(text).toContain('&lt;!channel&gt; promo &amp; &lt;@U123&gt;');
    expect(text).toContain('CMS &lt;!here&gt;');
  });
  it('strips backticks inside the code block so no fence closes early', () => {
    for (const block of everyMessage(m).flat()) {
      const t = block.type === 'section' ? (block.text?.text ?? '') : '';
      expect((t.match(/```/g) ?? []).length % 2).toBe(0);
    }
    expect(text).toContain("tick '''tock''' 'x'");
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
    expect(first).toContain('*Best success rate*');
    expect(first).toContain('statistics as of 09:00');
  });
  it('lists every campaign exactly once in the thread', () => {
    const rows = m.thread.flatMap((msg) => codeBlocks(msg).flatMap((c) => c.replace(/```/g, '').split('\n').slice(1)));
    expect(rows).toHaveLength(1000);
    const ids = rows.map((r) => /\b(1798316\d{3})\b/.exec(r)?.[1]);
    expect(new Set(ids).size).toBe(1000);
    expect(allText(m.thread[0]!)).toContain('*VDN 12 campaigns* 1–');
  });
  it('keeps the columns aligned with CJK names (display width, not characters)', () => {
    const table = codeBlocks(m.thread[0]!)[0]!.replace(/```/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const widths = new Set(table.split('\n').map(textWidth));
    expect(widths.size).toBe(1);
    expect(cell('春季', 6)).toBe('春季  ');
    expect(cell('春季回访活动', 6)).toBe('春季… ');
    expect(cell('a&b', 4)).toBe('a&amp;b ');
  });
  it('the first message stays one valid message with many failures and bots; the rest goes to the thread', () => {
    const many = render({
      failures: Array.from({ length: 300 }, (_, i) => ({ source: `Source ${i}`, message: 'x'.repeat(150) })),
      bots: Array.from({ length: 200 }, (_, i) => ({ accessCode: `bot${i}`, rows: [botRow()], asOf: NOW })),
      filter: { campaigns: 'all', bots: Array.from({ length: 200 }, (_, i) => `bot${i}`) },
    });
    expectValid(everyMessage(many));
    expect(many.first[0]).toMatchObject({ type: 'header' });
    expect(everyMessage(many).map(allText).join('\n')).toContain('Source 299');
  });
});

describe('digestFallbackText and digestHash', () => {
  it('the fallback text has the figures, no vendor text, at most 300 characters', () => {
    const view = buildDigestView(input({ failures: [{ source: '<!channel>', message: 'down' }], late: { scheduledFor: NOW } }));
    const t = digestFallbackText(view);
    expect(t).toBe('AICC daily digest 2026-11-21 (late): VDN 12: 310 dialled, 51.6% success; 1 source missing');
    const many = buildDigestView(input({ vdnData: Array.from({ length: 40 }, (_, i) => vdnInput(i + 1, [{ id: 'a', dialled: 1, connected: 1 }])) }));
    expect(digestFallbackText(many).length).toBeLessThanOrEqual(300);
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
    expect(digestHash(buildDigestView(input({ failures: [{ source: 'CMS', message: 'x' }] })))).not.toBe(base);
  });
});

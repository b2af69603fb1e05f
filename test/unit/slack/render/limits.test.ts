import type { KnownBlock, TableBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { actions, button, context, divider, fields, header, section } from '../../../../src/slack/render/blocks.js';
import { LIMITS, blocksJson, fallbackText, fitBlocks } from '../../../../src/slack/render/limits.js';
import { cell, table } from '../../../../src/slack/render/table.js';
import { messageJson } from '../../../../src/slack/answer.js';
import { renderStats } from '../../../../src/features/queries/render-stats.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { FETCHED_AT, TZ, campaign, stats } from '../../../support/render-fixtures.js';
import { translator } from '../../../../src/i18n/index.js';

const valid = (messages: KnownBlock[][]) => {
  for (const m of messages) {
    expect(m.length).toBeLessThanOrEqual(50);
    expect(blockProblems(m)).toEqual([]);
    expect(JSON.stringify(m).length).toBeLessThanOrEqual(LIMITS.messageChars);
  }
};

describe('fitBlocks', () => {
  it('keeps a small answer as one message, unchanged', () => {
    const blocks = [header('Hi'), section('text'), divider(), context('c')];
    expect(fitBlocks(blocks)).toEqual([blocks]);
  });

  it('cuts over-long header, section, field, context and button texts', () => {
    const [m] = fitBlocks([
      header('H'.repeat(500)),
      section(`&amp;${'s'.repeat(5000)}`),
      fields(Array.from({ length: 3 }, () => ['label', 'f'.repeat(3000)] as const)),
      context('c'.repeat(5000)),
      actions([button('B'.repeat(200), 'a', 'v'.repeat(3000))]),
    ]);
    valid([m!]);
    expect(m![0]).toMatchObject({ type: 'header' });
    expect((m![0] as { text: { text: string } }).text.text).toHaveLength(150);
  });

  it('splits sections with more than ten fields', () => {
    const [m] = fitBlocks([fields(Array.from({ length: 23 }, (_, i) => [`l${i}`, 'v'] as const))]);
    expect(m).toHaveLength(3);
    valid([m!]);
  });

  it('splits more than 50 blocks into several messages, without dividers at the edges', () => {
    const blocks: KnownBlock[] = Array.from({ length: 120 }, (_, i) => (i % 2 ? divider() : section(`row ${i}`)));
    const messages = fitBlocks(blocks);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    valid(messages);
    for (const m of messages) {
      expect(m[0]!.type).not.toBe('divider');
      expect(m.at(-1)!.type).not.toBe('divider');
    }
    expect(messages.flat().filter((b) => b.type === 'section')).toHaveLength(60);
  });

  it('splits by size before Slack would refuse a large payload', () => {
    const blocks = Array.from({ length: 40 }, () => section('x'.repeat(2900)));
    const messages = fitBlocks(blocks);
    expect(messages.length).toBeGreaterThan(1);
    valid(messages);
  });

  it('returns no messages for no blocks', () => {
    expect(fitBlocks([])).toEqual([]);
  });

  it('1000 campaigns of stats: every message ≤ 50 blocks, sections ≤ 3000, headers ≤ 150', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      campaign: campaign({ id: `c${i}`, name: `Campaign ${'名'.repeat(300)} ${i}` }),
      stats: stats({ campaignId: `c${i}`, dailyCalled: i % 97, batches: [{ batchId: `b${i}`, dailyCalled: 1 }] }),
    }));
    for (const maxLines of [30, 1000]) {
      const messages = fitBlocks(renderStats({ vdn: 1, timeZone: TZ, fetchedAt: FETCHED_AT, tr: translator(), rows, showBatches: true, maxLines }));
      valid(messages);
      for (const block of messages.flat()) {
        if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
        if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
      }
    }
  });
});

describe('fallbackText', () => {
  it('joins the header and first text without mrkdwn markers', () => {
    expect(fallbackText([header('Campaign stats'), section('*Spring* `123`\nmore'), section('ignored')])).toBe('Campaign stats: Spring 123 more');
  });
  it('is never empty and never long', () => {
    expect(fallbackText([divider()])).toBe('AICC bot');
    expect(fallbackText([section('y'.repeat(5000))]).length).toBeLessThanOrEqual(300);
  });
  it('escapes a plain-text header so the notification cannot mention', () => {
    expect(fallbackText([header('<!channel>')])).toBe('&lt;!channel&gt;');
  });
});

describe('fitting reused (fitBlocks memo, blocksJson, messageJson)', () => {
  const head = [cell('Campaign', true), cell('Dialled', true)];
  const tableOf = (n: number) => table([{ header: 'Campaign' }, { header: 'Dialled' }], Array.from({ length: n }, (_, i) => [`C${i}`, String(i)]));

  it('fits the same blocks the same way the second time, and a table at the limit as it is', () => {
    const blocks: KnownBlock[] = [section('*Today*'), tableOf(99), context('as of 09:00')];
    const first = fitBlocks(blocks);
    expect(fitBlocks(blocks)).toEqual(first);
    expect(first).toHaveLength(1);
    expect(first[0]![1]).toBe(blocks[1]);
    // One row more than a table may hold: split, the header repeated (the slow path still runs).
    const split = fitBlocks([tableOf(100)]);
    expect(split).toHaveLength(2);
    expect((split[1]![0] as TableBlock).rows[0]).toEqual(head);
  });

  it('serialises fitted blocks and messages exactly as JSON.stringify does', () => {
    const blocks: KnownBlock[] = [section('*Today* <b>'), tableOf(12), context('as of 09:00')];
    const [fitted] = fitBlocks(blocks);
    expect(blocksJson(fitted!)).toBe(JSON.stringify(fitted));
    // Blocks never fitted are serialised on the spot.
    const fresh = [section('not fitted')];
    expect(blocksJson(fresh)).toBe(JSON.stringify(fresh));
    const message = { response_type: 'ephemeral', replace_original: false, blocks: fitted, text: 'Today' };
    expect(JSON.parse(messageJson(message))).toEqual(message);
    expect(messageJson({ blocks: fitted })).toBe(JSON.stringify({ blocks: fitted }));
    expect(messageJson({ text: 'no blocks' })).toBe(JSON.stringify({ text: 'no blocks' }));
  });
});

/**
 * The Run now buttons of `/aicc digest list` (src/digest/render-list.ts): one per active digest,
 * each in its own section (Slack wants action ids unique per block), within Block Kit limits.
 */
import type { KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/index.js';
import { DIGEST_RUN_ACTION, digestRunId, renderDigestList, renderDigestRunOutcome, type DigestListItem } from '../../../../src/features/digests/render-list.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { fitBlocks } from '../../../../src/slack/render/limits.js';
import { withShareButton } from '../../../../src/slack/render/share.js';
import { allText } from '../../../support/render-fixtures.js';

const en = translator('en');

const item = (over: Partial<DigestListItem> = {}): DigestListItem => ({
  id: 3,
  channelId: 'C0ALERTS',
  vdn: 1,
  at: '09:00',
  days: 'daily',
  timeZone: 'UTC',
  campaigns: 'all',
  bots: [],
  whenMode: 'always',
  paused: false,
  nextRun: new Date('2026-11-21T09:00:00Z'),
  ...over,
});

/** Run now buttons as [block index, value]. */
function runButtons(blocks: readonly KnownBlock[]): Array<[number, string | undefined]> {
  const out: Array<[number, string | undefined]> = [];
  blocks.forEach((b, i) => {
    const elements = b.type === 'actions' ? b.elements : b.type === 'section' && (b as SectionBlock).accessory ? [(b as SectionBlock).accessory!] : [];
    for (const e of elements) if ('action_id' in e && e.action_id === DIGEST_RUN_ACTION) out.push([i, 'value' in e ? e.value : undefined]);
  });
  return out;
}

describe('Run now on the digest list', () => {
  it('every active digest gets a Run now button carrying its id; paused ones do not', () => {
    const blocks = renderDigestList(en, { items: [item({ id: 5 }), item({ id: 2, paused: true, nextRun: undefined }), item({ id: 9 })] });
    expect(runButtons(blocks).map(([, v]) => v)).toEqual(['5', '9']);
    // One per block, so a click names exactly one digest.
    const where = runButtons(blocks).map(([i]) => i);
    expect(new Set(where).size).toBe(where.length);
    const text = allText(blocks);
    expect(text.indexOf('*Digest 2*')).toBeLessThan(text.indexOf('*Digest 5*'));
    expect(text).toContain(':arrow_forward: Run now');
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('stays within 50 blocks with the Share button, however many digests (the first get buttons)', () => {
    for (const n of [1, 10, 46, 47, 60, 300]) {
      const items = Array.from({ length: n }, (_, i) => item({ id: i + 1, campaigns: n > 100 ? Array.from({ length: 30 }, (_, j) => `${i}${j}`) : 'all' }));
      const blocks = renderDigestList(en, { items });
      expect(blocks.length).toBeLessThanOrEqual(49);
      const shared = withShareButton(blocks, 'x', translator('en'));
      expect(blockProblems(shared)).toEqual([]);
      // Hundreds of long digests exceed Slack's message size whatever the layout: then several messages, each valid.
      if (n <= 60) expect(fitBlocks(shared)).toHaveLength(1);
      for (const m of fitBlocks(shared)) expect(blockProblems(m)).toEqual([]);
      const values = runButtons(blocks).map(([, v]) => v);
      expect(values).toEqual(Array.from({ length: values.length }, (_, i) => String(i + 1)));
      // Up to 46 digests each get a section and a button; beyond, the rest share sections.
      if (n <= 46) expect(values).toHaveLength(n);
      else expect(values.length).toBeGreaterThan(0);
      const text = allText(blocks);
      for (const id of [1, n]) expect(text).toContain(`*Digest ${id}*`);
    }
  });

  it('reads the id back from a button value, and nothing else', () => {
    expect(digestRunId('12')).toBe(12);
    for (const bad of [undefined, '', '1.5', '-1', '12a', '{"id":1}', '1234567890']) expect(digestRunId(bad)).toBeUndefined();
  });

  it('answers a click: posted, nothing changed, or failed with the reason (escaped)', () => {
    const sub = { id: 3, channelId: 'C0ALERTS' };
    expect(allText(renderDigestRunOutcome(en, sub, { status: 'posted', ts: '1.2' }))).toContain(':white_check_mark: Digest 3 posted to <#C0ALERTS>.');
    expect(allText(renderDigestRunOutcome(en, sub, { status: 'unchanged' }))).toContain('nothing changed');
    const failed = allText(renderDigestRunOutcome(en, sub, { status: 'failed', error: 'not_in_channel <!channel>' }));
    expect(failed).toContain('*Digest 3 could not be posted to <#C0ALERTS>.*');
    expect(failed).toContain('not_in_channel &lt;!channel&gt;');
    expect(failed).toContain('Invite the bot');
  });
});

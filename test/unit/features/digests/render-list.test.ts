import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/index.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { channelLink } from '../../../../src/slack/format.js';
import {
  renderDigestAdded,
  renderDigestList,
  renderDigestNotFound,
  renderDigestPauseChanged,
  renderDigestRemoved,
  renderDigestRunStarted,
  type DigestListItem,
} from '../../../../src/features/digests/render-list.js';
import { fitBlocks } from '../../../../src/slack/render/limits.js';
import { allText } from '../../../support/digest-fixtures.js';

const en = translator('en');

const item = (over: Partial<DigestListItem> = {}): DigestListItem => ({
  id: 3,
  channelId: 'C0123ABCD',
  vdn: 12,
  at: '09:00',
  days: 'mon-fri',
  timeZone: 'Asia/Shanghai',
  campaigns: 'all',
  bots: [],
  whenMode: 'always',
  paused: false,
  nextRun: new Date('2026-11-23T01:00:00Z'),
  ...over,
});

describe('renderDigestList', () => {
  it('shows each digest: id, channel, schedule in words, next run, scope, mode', () => {
    const blocks = renderDigestList(en, { items: [item()] });
    const text = allText(blocks);
    expect(text).toContain('*Digest 3*  ·  <#C0123ABCD>');
    expect(text).toContain('09:00 Mon–Fri (Asia/Shanghai)  ·  next Mon 2026-11-23 09:00');
    expect(text).toContain('Covers all campaigns of VDN 12  ·  posts every time');
    expect(text).toContain('1 digest');
    expect(blockProblems(blocks)).toEqual([]);
  });
  it('shows paused state, a campaign and bot scope, changed mode and the last delivery', () => {
    const text = allText(
      renderDigestList(en, {
        items: [
          item({
            id: 7,
            paused: true,
            nextRun: undefined,
            days: 'sat,sun',
            timeZone: 'America/New_York',
            campaigns: ['1798316116', '1798316117'],
            bots: ['943370855474270208'],
            whenMode: 'changed',
            lastDelivery: { status: 'posted-late', at: new Date('2026-11-21T15:10:00Z'), scheduledFor: new Date('2026-11-21T14:00:00Z') },
          }),
        ],
      }),
    );
    expect(text).toContain(':double_vertical_bar: *paused*');
    expect(text).toContain('09:00 Sat, Sun (America/New_York)  ·  no run while paused');
    expect(text).toContain('Covers 2 campaigns of VDN 12 (`1798316116`, `1798316117`); 1 bot (`943370855474270208`)  ·  posts only when the figures changed');
    expect(text).toContain('Last: :hourglass: posted late Sat 2026-11-21 10:10 EST (due Sat 2026-11-21 09:00 EST)');
  });
  it('words every delivery status and escapes failure details', () => {
    const last = (lastDelivery: DigestListItem['lastDelivery']) => allText(renderDigestList(en, { items: [item({ lastDelivery })] }));
    const at = new Date('2026-11-21T01:00:00Z');
    expect(last({ status: 'posted', at })).toContain('Last: :white_check_mark: posted Sat 2026-11-21 09:00');
    expect(last({ status: 'unchanged', at })).toContain('nothing changed');
    expect(last({ status: 'missed', at, scheduledFor: at })).toContain(':x: missed (due Sat 2026-11-21 09:00 GMT+8)');
    const failed = last({ status: 'failed', at, detail: 'not_in_channel <!channel>' });
    expect(failed).toContain(':warning: failed Sat 2026-11-21 09:00 GMT+8: not_in_channel &lt;!channel&gt;');
    expect(failed).not.toContain('<!channel>');
  });
  it('an empty list says how to add one', () => {
    const text = allText(renderDigestList(en, { items: [], channelId: 'C1' }));
    expect(text).toContain('No digests in <#C1> yet.');
    expect(text).toContain('/aicc digest add');
  });
  it('a bad stored schedule is shown, not thrown', () => {
    const text = allText(renderDigestList(en, { items: [item({ at: '<!here>', days: 'x' })] }));
    expect(text).toContain('not a valid schedule');
    expect(text).not.toContain('<!here>');
  });
  it('many digests stay valid (sorted by id, chunked)', () => {
    const items = Array.from({ length: 300 }, (_, i) => item({ id: 300 - i, campaigns: Array.from({ length: 30 }, (_, j) => `${i}${j}`) }));
    const blocks = renderDigestList(en, { items });
    expect(blockProblems(blocks)).toEqual([]);
    for (const m of fitBlocks(blocks)) expect(blockProblems(m)).toEqual([]);
    const text = allText(blocks);
    expect(text.indexOf('*Digest 1*')).toBeLessThan(text.indexOf('*Digest 2*'));
    expect(text).toContain('and 20 more');
  });
  it('channel links keep only id characters', () => {
    expect(channelLink('C123')).toBe('<#C123>');
    expect(channelLink('C1>|<!channel')).toBe('<#C1channel>');
    expect(channelLink('<>')).toBe('–');
  });
});

describe('digest confirmations', () => {
  it('add: where, when, first run, scope and how to undo', () => {
    const text = allText(renderDigestAdded(en, item()));
    expect(text).toContain('*Digest 3 added.* <#C0123ABCD> gets it at 09:00 Mon–Fri (Asia/Shanghai), first on Mon 2026-11-23 09:00 GMT+8.');
    expect(text).toContain('`/aicc digest remove 3`');
  });
  it('remove, pause, resume, run and not found', () => {
    expect(allText(renderDigestRemoved(en, 3, 'C9'))).toContain('*Digest 3 removed.* <#C9> will not get it any more.');
    expect(allText(renderDigestPauseChanged(en, item({ paused: true })))).toContain('*Digest 3 paused.*');
    expect(allText(renderDigestPauseChanged(en, item()))).toContain('*Digest 3 resumed.* Next: Mon 2026-11-23 09:00 GMT+8 (Asia/Shanghai).');
    expect(allText(renderDigestRunStarted(en, item()))).toContain('Posting digest 3 to <#C0123ABCD> now.');
    expect(allText(renderDigestNotFound(en, 42))).toContain('There is no digest 42.');
    for (const blocks of [renderDigestAdded(en, item()), renderDigestRemoved(en, 1), renderDigestNotFound(en, 1)]) expect(blockProblems(blocks)).toEqual([]);
  });
});

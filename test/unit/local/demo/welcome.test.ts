/** The demo's welcome message: what to type, what will happen when, and Run now for the digest. */
import type { KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderWelcome, welcomeText, type WelcomeView } from '../../../../local/demo/welcome.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { allText } from '../../../support/render-fixtures.js';

const view: WelcomeView = {
  vdn: 1,
  timeZone: 'Asia/Shanghai',
  campaign: { id: '1665730461', name: 'Demo: 回访 Follow-up (live)' },
  startAt: new Date('2026-11-20T03:00:07Z'),
  collapseAt: new Date('2026-11-20T03:02:07Z'),
  recoverAt: new Date('2026-11-20T03:08:07Z'),
  alertsChannelId: 'C0ALERTS',
  digest: { id: 1, channelId: 'C0ALERTS', at: '12:00', days: 'daily', timeZone: 'Asia/Shanghai' },
  rule: { id: 1, metric: 'success_rate', op: '<', threshold: 40, forS: 60, clearValue: 45, minVolume: 20, channelId: 'C0ALERTS' },
  forecast: { firesAt: new Date('2026-11-20T03:04:30Z'), resolvesAt: new Date('2026-11-20T03:12:00Z') },
  tickMs: 30_000,
};

const buttons = (blocks: KnownBlock[]) => blocks.flatMap((b) => (b.type === 'section' && (b as SectionBlock).accessory ? [(b as SectionBlock).accessory] : []));

describe('renderWelcome', () => {
  it('says what to try, when the campaign collapses and recovers, and when the alert fires and resolves', () => {
    const blocks = renderWelcome(view);
    expect(blockProblems(blocks)).toEqual([]);
    const text = allText(blocks);
    for (const cmd of ['/aicc help', '/aicc stats', '/aicc campaigns', '/aicc digest list']) expect(text).toContain(`\`${cmd}\``);
    expect(text).toContain('*Demo: 回访 Follow-up (live)* (`1665730461`, VDN 1) started dialling at 11:00');
    expect(text).toContain('collapses at *11:02*');
    expect(text).toContain('recovers at *11:08*');
    expect(text).toContain('Alert 1 (`success_rate &lt; 40` for 1 min, at least 20 dialled, clears at 45%) watches it: it should fire around *11:04–11:05* and resolve around *11:12*. Watch <#C0ALERTS>.');
    expect(text).toContain('*Digest 1* posts a summary of VDN 1 to <#C0ALERTS> at 12:00 daily (Asia/Shanghai)');
    expect(text).toContain('Times are Asia/Shanghai');
    expect(welcomeText(view)).toBe('Welcome to the AICC bot: the demo campaign collapses at 11:02 and recovers at 11:08.');
  });

  it('carries a Run now button for the digest (action digest_run, value = its id)', () => {
    expect(buttons(renderWelcome(view))).toEqual([expect.objectContaining({ type: 'button', action_id: 'digest_run', value: '1' })]);
  });

  it('without a digest or a rule (someone removed them): no button, and how to add the alert', () => {
    const { digest, rule, forecast, ...bare } = view;
    void [digest, rule, forecast];
    const blocks = renderWelcome(bare);
    expect(buttons(blocks)).toEqual([]);
    expect(allText(blocks)).toContain('`/aicc alert add connection_rate &lt; 40 campaign:1665730461 min:20 for:1m clear:45` in <#C0ALERTS>');
    expect(blockProblems(blocks)).toEqual([]);
  });
});

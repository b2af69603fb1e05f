/** The Home tab renderer: Slack's 100-block limit, the viewer's items first, buttons by permission, a fingerprint that ignores the clock. */
import { describe, expect, it } from 'vitest';
import { homeFingerprint, renderHome, type HomeData } from '../../../../src/features/home/render.js';
import { viewProblems } from '../../../../local/fakeslack/views.js';
import { blocksText } from '../../../support/blocks-text.js';

const IDS = { ack: 'alert_ack', mute: 'alert_mute_pick', newAlert: 'alert_new', editAlert: 'alert_edit', newDigest: 'digest_new', editDigest: 'digest_edit' };
const NOW = new Date('2026-11-20T03:00:00Z');

function data(n: { firing: number; rules: number; digests: number }, can = true): HomeData {
  return {
    userId: 'U1',
    now: NOW,
    timeZone: 'Asia/Shanghai',
    firing: Array.from({ length: n.firing }, (_, i) => ({ ruleId: i + 1, headline: `*Connection rate 5.0%* &lt; 40%  ·  campaign \`${i}\``, since: NOW, buttonValue: `{"r":${i + 1},"s":"${i}"}`, ...(i === 0 ? { ackedBy: 'U2' } : {}) })),
    sources: [
      { label: 'CC-iSales campaign list', ok: true, failures: 0 },
      { label: 'CC-CMS real-time', ok: false, failures: 3, lastOkAt: NOW, lastError: 'timeout' },
    ],
    rules: Array.from({ length: n.rules }, (_, i) => ({ id: i + 1, line: `\`waiting\` &gt; ${i}`, states: 'Not evaluated yet.', mine: i % 3 === 0 })),
    digests: Array.from({ length: n.digests }, (_, i) => ({ id: i + 1, channelId: 'C0OPS', schedule: '09:00 Mon–Fri (Asia/Shanghai)', scope: 'all campaigns of VDN 8', paused: false, nextRun: new Date(NOW.getTime() + i * 3_600_000), timeZone: 'Asia/Shanghai', mine: i === 5 })),
    can: { addAlerts: can, addDigests: can, changeAlerts: can, changeDigests: can },
    ids: IDS,
  };
}

describe('renderHome', () => {
  it('stays within 100 blocks and passes Slack’s checks however much there is', () => {
    for (const n of [{ firing: 0, rules: 0, digests: 0 }, { firing: 40, rules: 80, digests: 40 }, { firing: 3, rules: 200, digests: 0 }]) {
      const view = renderHome(data(n));
      expect(view.blocks.length, JSON.stringify(n)).toBeLessThanOrEqual(100);
      expect(viewProblems(view, 'home'), JSON.stringify(n)).toEqual([]);
    }
  });

  it('lists the viewer’s rules and digests first, and counts the rest', () => {
    const text = blocksText(renderHome(data({ firing: 12, rules: 40, digests: 25 })).blocks);
    expect(text.indexOf('*Alert 1* (yours)')).toBeLessThan(text.indexOf('*Alert 2*'));
    expect(text.indexOf('*Digest 6* (yours)')).toBeLessThan(text.indexOf('*Digest 1*'));
    expect(text).toContain('…and 2 more alerts');
    expect(text).toContain('…and 15 more rules');
    expect(text).toContain('…and 5 more digests');
    expect(text).toMatch(/CC-CMS real-time\*: failing for 3 ticks, last data 2026-11-20 11:00: timeout/);
  });

  it('shows Acknowledge only until someone acknowledged, and New/Edit only to those allowed', () => {
    const view = renderHome(data({ firing: 2, rules: 1, digests: 1 }));
    const json = JSON.stringify(view.blocks);
    expect(json.match(/"alert_ack"/g)).toHaveLength(1);
    expect(json.match(/"alert_mute_pick"/g)).toHaveLength(2);
    expect(json).toContain('"alert_new"');
    const readOnly = JSON.stringify(renderHome(data({ firing: 2, rules: 1, digests: 1 }, false)).blocks);
    expect(readOnly).not.toMatch(/alert_new|digest_new|alert_edit|digest_edit/);
    expect(readOnly).toContain('"alert_ack"');
  });

  it('its fingerprint ignores when it was rendered, not what it shows', () => {
    const a = renderHome(data({ firing: 1, rules: 1, digests: 1 }));
    const later = renderHome({ ...data({ firing: 1, rules: 1, digests: 1 }), now: new Date(NOW.getTime() + 300_000) });
    expect(JSON.stringify(later)).not.toBe(JSON.stringify(a));
    expect(homeFingerprint(later)).toBe(homeFingerprint(a));
    expect(homeFingerprint(renderHome(data({ firing: 2, rules: 1, digests: 1 })))).not.toBe(homeFingerprint(a));
  });
});

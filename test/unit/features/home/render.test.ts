/** The Home tab renderer: Slack's 100-block limit, the viewer's items first, buttons by permission, a fingerprint that ignores the clock, the viewer's language. */
import { describe, expect, it } from 'vitest';
import { homeFingerprint, renderHome as renderIn, type HomeData } from '../../../../src/features/home/render.js';
import { translator } from '../../../../src/i18n/index.js';
import { viewProblems } from '../../../../local/fakeslack/views.js';
import { blocksText } from '../../../support/blocks-text.js';

const IDS = { ack: 'alert_ack', mute: 'alert_mute_pick', newAlert: 'alert_new', editAlert: 'alert_edit', newDigest: 'digest_new', editDigest: 'digest_edit' };
const NOW = new Date('2026-11-20T03:00:00Z');
const en = translator('en');
const renderHome = (d: HomeData) => renderIn(en, d);

function data(n: { firing: number; rules: number; digests: number }, can = true): HomeData {
  return {
    userId: 'U1',
    now: NOW,
    timeZone: 'Asia/Shanghai',
    firing: Array.from({ length: n.firing }, (_, i) => ({ ruleId: i + 1, headline: `*Connection rate 5.0%* &lt; 40%  ·  campaign \`${i}\``, since: NOW, buttonValue: `{"r":${i + 1},"s":"${i}"}`, ...(i === 0 ? { ackedBy: 'U2' } : {}) })),
    sources: [
      { label: 'CC-iSales campaign list', ok: true, failures: 0 },
      { label: 'CC-CMS real-time', ok: false, failures: 3, lastOkAt: NOW, lastError: 'timeout: CC-CMS real-time timed out after 10 s' },
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
    expect(text).toMatch(/CC-CMS real-time\*: failing for 3 ticks, last data 2026-11-20 11:00: timed out \(`timeout: CC-CMS real-time timed out after 10 s`\)/);
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

  it('speaks the viewer’s language: Chinese', () => {
    const zh = translator('zh-CN');
    const view = renderIn(zh, data({ firing: 12, rules: 30, digests: 2 }));
    expect(viewProblems(view, 'home')).toEqual([]);
    const text = blocksText(view.blocks);
    expect(text).toContain('更新于 11:00（Asia/Shanghai）');
    expect(text).toContain('*正在告警*  ·  12 条告警');
    expect(text).toContain('自 11:00 起');
    expect(text).toContain('……另有 2 条告警：用 `/aicc alert list` 查看全部。');
    expect(text).toContain('*告警规则*  ·  30 条规则，我的在前');
    expect(text).toContain('*告警 1*（我的）');
    expect(text).toContain('*日报*  ·  2 份日报');
    expect(text).toMatch(/CC-CMS real-time\*：已连续 3 个采集周期失败，最近数据 2026\/11\/20 11:00：超时（`timeout: CC-CMS real-time timed out after 10 s`）/);
    const labels = JSON.stringify(view.blocks);
    for (const label of ['新建告警', '新建日报', '确认', '静默…', '编辑']) expect(labels).toContain(`"text":"${label}"`);
    expect(text).not.toMatch(/Firing now|Alert rules|yours first/);
    const empty = blocksText(renderIn(zh, data({ firing: 0, rules: 0, digests: 0 }, false)).blocks);
    expect(empty).toContain('当前没有告警。');
    expect(empty).toContain('暂无告警规则。');
    expect(empty).toContain('暂无日报。');
    expect(empty).toContain('只有机器人管理员（BOT_ADMIN_USERS）可以添加告警和日报。');
  });

  it('speaks the viewer’s language: Spanish and Portuguese, with their plurals', () => {
    const es = blocksText(renderIn(translator('es'), data({ firing: 1, rules: 26, digests: 1 })).blocks);
    expect(es).toContain('*Alertas activas*  ·  1 alerta');
    expect(es).toContain('*Reglas de alerta*  ·  26 reglas, primero las suyas');
    expect(es).toContain('…y 1 regla más: `/aicc alert list` las muestra todas.');
    expect(es).toContain('con fallas en 3 ciclos seguidos, últimos datos del 20/11/2026 11:00: sin respuesta a tiempo (`timeout: CC-CMS real-time timed out after 10 s`)');
    const pt = renderIn(translator('pt-BR'), data({ firing: 2, rules: 1, digests: 22 }));
    expect(viewProblems(pt, 'home')).toEqual([]);
    const text = blocksText(pt.blocks);
    expect(text).toContain('*Alertas disparados*  ·  2 alertas');
    expect(text).toContain('*Resumo 6* (seu)');
    expect(text).toContain('…e mais 2 resumos: `/aicc digest list` mostra todos.');
    expect(JSON.stringify(pt.blocks)).toContain('"text":"Reconhecer"');
  });
});

/** The demo's welcome message: what to type, what will happen when, and Run now for the digest. */
import type { KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderWelcome, welcomeText, type WelcomeView } from '../../../../local/demo/welcome.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { LOCALES, translator } from '../../../../src/i18n/index.js';
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

  it('names the people who read Slack in another language, in the message’s words', () => {
    const people = [
      { name: 'Mei Lin', locale: 'en' as const },
      { name: '王芳', locale: 'zh-CN' as const },
      { name: 'Lucía Fernández', locale: 'es' as const },
      { name: 'João Pereira', locale: 'pt-BR' as const },
    ];
    const en = allText(renderWelcome({ ...view, people }));
    expect(en).toContain('*In other languages:* 王芳 (简体中文), Lucía Fernández (Español (Latinoamérica)) and João Pereira (Português (Brasil)) read Slack in their own language');
    expect(en).not.toContain('Mei Lin');
    // In Chinese, 王芳 reads it in her own language already: the others are named.
    const zh = allText(renderWelcome({ ...view, people }, translator('zh-CN')));
    expect(zh).toContain('*其他语言：*Mei Lin (English)、Lucía Fernández (Español (Latinoamérica))和João Pereira (Português (Brasil)) 的 Slack');
    expect(allText(renderWelcome(view))).not.toContain('In other languages');
  });
});

describe('renderWelcome in other languages', () => {
  it('Chinese: the scenario, the alert and the digest in Chinese, with the button in Chinese', () => {
    const tr = translator('zh-CN');
    const blocks = renderWelcome(view, tr);
    const text = allText(blocks);
    expect(text).toContain('欢迎使用 AICC 机器人');
    expect(text).toContain('外呼任务 *Demo: 回访 Follow-up (live)*（`1665730461`，VDN 1）已于 11:00 开始外呼');
    expect(text).toContain('其成功率将在 *11:02* 骤降');
    expect(text).toContain('告警 1（`success_rate &lt; 40` 持续 1 分钟，至少 20 次呼叫，45% 时恢复）正在监控它：预计约 *11:04–11:05* 告警，约 *11:12* 恢复。请关注 <#C0ALERTS>。');
    expect(text).toContain('*日报 1* 会在');
    expect(text).toContain('立即发送');
    expect(welcomeText(view, tr)).toBe('欢迎使用 AICC 机器人：演示外呼任务将在 11:02 骤降，并在 11:08 恢复。');
  });

  it('Spanish and Portuguese: the scenario in their words', () => {
    const es = allText(renderWelcome(view, translator('es')));
    expect(es).toContain('la campaña *Demo: 回访 Follow-up (live)* (`1665730461`, VDN 1) empezó a marcar a las 11:00');
    expect(es).toContain('su tasa de éxito se desploma a las *11:02*');
    expect(es).toContain('debería activarse hacia las *11:04–11:05* y resolverse hacia las *11:12*');
    expect(es).toContain('Enviar ahora');
    const pt = allText(renderWelcome(view, translator('pt-BR')));
    expect(pt).toContain('a campanha *Demo: 回访 Follow-up (live)* (`1665730461`, VDN 1) começou a discar às 11:00');
    expect(pt).toContain('deve disparar por volta das *11:04–11:05* e se resolver por volta das *11:12*');
    expect(welcomeText(view, translator('pt-BR'))).toBe('Boas-vindas ao bot do AICC: a campanha de demonstração despenca às 11:02 e se recupera às 11:08.');
  });

  it.each(LOCALES)('passes Slack’s Block Kit checks in %s, with and without a digest and a rule', (locale) => {
    const tr = translator(locale);
    const people = [{ name: 'Lucía Fernández', locale: 'es' as const }, { name: '王芳', locale: 'zh-CN' as const }];
    expect(blockProblems(renderWelcome({ ...view, people }, tr))).toEqual([]);
    const { digest, rule, forecast, ...bare } = view;
    void [digest, rule, forecast];
    expect(blockProblems(renderWelcome(bare, tr))).toEqual([]);
    expect(allText(renderWelcome(bare, tr))).toContain('`/aicc alert add connection_rate &lt; 40 campaign:1665730461 min:20 for:1m clear:45`');
  });
});

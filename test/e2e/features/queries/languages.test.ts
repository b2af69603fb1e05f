/**
 * `/aicc campaigns|stats|task|call|bot` end to end in the reader's language: users whose Slack
 * language is Chinese, Brazilian Portuguese or Latin American Spanish get their answers, buttons,
 * "not found" lines and picker options in it; an English user's answers are unchanged; a public
 * answer is in the channel's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { translator } from '../../../../src/i18n/index.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';
import { viewsE2E } from '../../../support/views-e2e.js';

const clock = manualClock('2026-11-20T06:30:00Z'); // 14:30 in Asia/Shanghai
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ clock, env: { AICC_TIMEZONE: 'Asia/Shanghai' }, sim: { timeZone: 'Asia/Shanghai' } });
  e2e.slack.setUser({ id: 'UZH', locale: 'zh-CN' });
  e2e.slack.setUser({ id: 'UPT', locale: 'pt-BR' });
  e2e.slack.setUser({ id: 'UES', locale: 'es-LA' });
  await e2e.bot.store.languages.set('channel', 'CPT', 'pt-BR', 'UADMIN', clock().getTime());
});
afterAll(async () => {
  await e2e?.close();
});

const running = () => e2e.sim.world.campaigns(8).filter((c) => c.status === 2);
const text = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');

describe('query answers in the reader’s language', () => {
  it('stats: Chinese for a Chinese user, Portuguese figures for a Brazilian one, English unchanged', async () => {
    const zh = text(await e2e.slash('stats', { user: 'UZH' }));
    expect(zh).toContain('外呼任务统计');
    expect(zh).toContain('数据截至 14:30（Asia/Shanghai）');
    expect(zh).toContain('今日呼叫量');
    const c = running()[0]!;
    const n = e2e.sim.world.counts(c).total;
    const pt = text(await e2e.slash(`stats ${c.id}`, { user: 'UPT' }));
    expect(pt).toContain('Estatísticas das campanhas');
    expect(pt).toContain(`*Discadas hoje*\n${translator('pt-BR').count(n.dailyCalled)}`);
    expect(pt).toContain('Taxa de atendimento');
    const en = text(await e2e.slash('stats'));
    expect(en).toContain('Campaign stats');
    expect(en).toContain('as of 14:30 (Asia/Shanghai)');
  });

  it('campaigns: the page and its Next button in Chinese, and the next page too', async () => {
    const r = await e2e.slash('campaigns all', { user: 'UZH' });
    const t = text(r);
    expect(t).toContain('外呼任务');
    expect(t).toMatch(/第 1\/\d+ 页/);
    const blocks = r.responses[0]!.body.blocks as Array<{ elements?: Array<{ action_id?: string; value?: string; text?: { text: string } }> }>;
    const next = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'campaigns_next')!;
    expect(next.text!.text).toBe('下一页 ▶');
    const page2 = await e2e.click({ action_id: 'campaigns_next', value: next.value, user: 'UZH' });
    expect(blocksText(page2.responses[0]!.body.blocks)).toMatch(/第 2\/\d+ 页/);
    const es = text(await e2e.slash('campaigns', { user: 'UES' }));
    expect(es).toContain('Campañas · en curso');
    expect(es).toContain('en curso');
  });

  it('task: Chinese and Portuguese', async () => {
    const c = running()[1]!;
    const zh = text(await e2e.slash(`task ${c.id}`, { user: 'UZH' }));
    expect(zh).toContain('任务进度');
    expect(zh).toContain('*今日呼叫*');
    const pt = text(await e2e.slash(`task ${c.id}`, { user: 'UPT' }));
    expect(pt).toContain('Progresso da tarefa');
    expect(pt).toContain('Taxa de conclusão');
  });

  it('call: the answer and "no such call" in the reader’s language', async () => {
    const [callId] = e2e.sim.world.sampleCallIds(8, running()[0]!.id, 5);
    const detail = e2e.sim.world.callDetail(8, callId!)!;
    const zh = text(await e2e.slash(`call ${callId}`, { user: 'UZH' }));
    expect(zh).toContain('呼叫结果');
    expect(zh).toContain(`*被叫号码*\n****${detail.called.slice(-4)}`);
    const pt = text(await e2e.slash('call 1000000000-1', { user: 'UPT' }));
    expect(pt).toContain('Nenhuma chamada `1000000000-1` no VDN 8.');
    const en = text(await e2e.slash('call 1000000000-1'));
    expect(en).toMatch(/No call `1000000000-1` in VDN 8/);
  });

  it('bot: Spanish', async () => {
    const bot = e2e.sim.world.bots[0]!;
    const es = text(await e2e.slash(`bot ${bot.accessCode}`, { user: 'UES' }));
    expect(es).toContain('Tráfico del bot de voz');
    expect(es).toContain('20/11/2026, por hora');
  });

  it('a public answer is in the channel’s language, whoever asks', async () => {
    const r = await e2e.slash('stats public', { user: 'UZH', channel: 'CPT' });
    expect(r.responses[0]!.body.response_type).toBe('in_channel');
    expect(text(r)).toContain('Estatísticas das campanhas');
    expect(text(r)).not.toContain('外呼任务统计');
  });

  it('picker options are labelled in the language of the user typing', async () => {
    const v = viewsE2E(e2e);
    const zh = await v.suggest({ user: 'UZH', action_id: 'pick_bot', block_id: 'bot', value: '9433708' });
    expect(zh.options[0]).toEqual({ value: '9433708', text: '使用接入码 9433708' });
    const pt = await v.suggest({ user: 'UPT', action_id: 'pick_bot', block_id: 'bot', value: '9433708' });
    expect(pt.options[0]).toEqual({ value: '9433708', text: 'Usar o código de acesso 9433708' });
  });
});

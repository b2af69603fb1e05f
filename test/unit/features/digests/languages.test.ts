/**
 * A digest, its list and its form in Chinese, Spanish and Portuguese: the words a supervisor reads
 * (from the glossary), numbers and dates written their way, nothing left in English, and every
 * message still within Block Kit limits (Spanish and Portuguese run longer).
 */
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { readDigestForm, renderDigestForm } from '../../../../src/features/digests/form.js';
import { renderDigestAdded, renderDigestList, renderDigestRunOutcome, type DigestListItem } from '../../../../src/features/digests/render-list.js';
import { digestFallbackText, renderDigest } from '../../../../src/features/digests/render.js';
import { describeSchedule } from '../../../../src/features/digests/schedule.js';
import { buildDigestView, type DigestInput } from '../../../../src/features/digests/view.js';
import { AiccError } from '../../../../src/aicc/errors.js';
import { LOCALE_INFO, translator, type Locale } from '../../../../src/i18n/index.js';
import { LIMITS } from '../../../../src/slack/render/limits.js';
import { NOW, allText, botRow, input, vdnInput } from '../../../support/digest-fixtures.js';
import { chartsOf, richLimitProblems, tableRows, xyOf } from '../../../support/rich-blocks.js';

const zh = translator('zh-CN');
const es = translator('es');
const pt = translator('pt-BR');

const hours = {
  labels: ['07:00', '08:00'],
  timeZone: 'Asia/Shanghai',
  dialled: [120, 190],
  connected: [70, 100],
  yesterdayDialled: [100, 210],
  yesterdayConnected: [60, 110],
  unknown: 0,
};
/** The fixtures' digest, with a chart, a bot, a failed source and a late mark: every part a digest has. */
const everything = (over: Partial<DigestInput> = {}): DigestInput => {
  const base = input();
  return input({
    subscriptionId: 4,
    late: { scheduledFor: new Date('2026-11-21T00:30:00Z') },
    vdnData: [{ ...base.vdnData[0]!, hours }],
    bots: [{ accessCode: '943370855474270208', name: 'Renewal bot', rows: [botRow()], asOf: NOW }],
    filter: { campaigns: 'all', bots: ['943370855474270208'] },
    failures: [{ source: { kind: 'bot', service: 'OIFDE', code: '950287235549293680' }, message: 'timed out', since: new Date('2026-11-21T00:40:00Z') }],
    ...over,
  });
};
const textOf = (locale: Locale, over: Partial<DigestInput> = {}) => {
  const m = renderDigest(translator(locale), buildDigestView(everything(over)));
  return { m, text: [m.first, ...m.thread].map(allText).join('\n') };
};

/** English words of a digest: a translated digest has none of them left. */
const ENGLISH = /AICC daily digest|Dialled|[Cc]onnected|[Cc]onnection rate|Finished today|Best connection|Lowest connection|Voice bots|Not in this digest|Posted late|as of|yesterday|campaigns? of|to see or change/;

function expectValid(messages: KnownBlock[][]): void {
  for (const m of messages) {
    expect(m.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(blockProblems(m)).toEqual([]);
    expect(richLimitProblems(m)).toEqual([]);
  }
}

describe('a digest in Chinese', () => {
  const { m, text } = textOf('zh-CN');

  it('reads as a supervisor writes it: 外呼任务, 呼叫量, 接通率, 数据截至', () => {
    expect(m.first[0]).toMatchObject({ type: 'header', text: { text: 'AICC 每日汇总' } });
    expect(text).toContain(':calendar: *2026/11/21*  ·  Asia/Shanghai');
    expect(text).toContain('*VDN 12*  ·  3 个外呼任务，3 个执行中');
    expect(text).toContain('呼叫量 *310*  ·  接通量 *160*  ·  接通率 *51.6%*（较昨日同期下降 6.4 个百分点）');
    expect(text).toContain('*接通率最高*（今日呼叫量不少于 50 的外呼任务）');
    expect(text).toContain('1. *Spring follow-up* `101` — 呼叫 200 次，接通率 *60.0%*，较昨日同期下降 12.0 个百分点');
    expect(text).toContain('*延迟发送。* 本汇总原定 08:30 发送');
    expect(text).toContain('• *OIFDE 语音机器人 `950287235549293680`*：timed out（自 2026/11/21 08:40 起失败）');
    expect(text).toContain('VDN 12：外呼任务列表截至 09:00  ·  统计数据截至 09:00  ·  昨日数据截至 2026/11/20 09:00');
    expect(text).toContain('汇总 4  ·  用 `/aicc digest list` 查看或修改汇总');
    expect(text).not.toMatch(ENGLISH);
  });
  it('has its table, charts and their notes in Chinese', () => {
    const rows = [m.first, ...m.thread].flatMap(tableRows);
    expect(rows[0]).toEqual(['外呼任务', 'ID', '状态', '呼叫量', '接通量', '接通率', 'Δ 百分点', '完成率']);
    expect(rows[1]).toEqual(['Spring follow-up', '101', '执行中', '200', '120', '60.0%', '-12.0', '29.0%']);
    const charts = [m.first, ...m.thread].flatMap(chartsOf);
    expect(charts.map((c) => c.title)).toEqual(['VDN 12：每小时呼叫量与接通量', '语音机器人：每小时呼叫数', '语音机器人：每小时自助率（%）']);
    expect(xyOf(charts[0]).series.map((s) => s.name)).toEqual(['今日呼叫量', '今日接通量', '昨日呼叫量', '昨日接通量']);
    expect(text).toContain('*今日呼叫量*: 07:00 120 · 08:00 190');
    expect(text).toContain('Δ 百分点 = 接通率较昨日同期的变化');
  });
  it('stays valid, and its notification text is Chinese too', () => {
    expectValid([m.first, ...m.thread]);
    expect(digestFallbackText(zh, buildDigestView(everything()))).toBe('AICC 每日汇总 2026/11/21（延迟）：VDN 12：呼叫 310，接通率 51.6%；缺少 1 个数据源');
  });
});

describe('a digest in Spanish and in Portuguese', () => {
  it('Spanish: campañas, marcadas, contactadas, tasa de contacto, datos de las', () => {
    const { m, text } = textOf('es');
    expect(m.first[0]).toMatchObject({ type: 'header', text: { text: 'Resumen diario de AICC' } });
    expect(text).toContain('*VDN 12*  ·  3 campañas, 3 en curso');
    expect(text).toContain('Marcadas *310*  ·  contactadas *160*  ·  tasa de contacto *51.6%* (baja 6.4 puntos respecto de ayer)');
    expect(text).toContain('*Mejor tasa de contacto* (campañas con al menos 50 llamadas marcadas hoy)');
    expect(text).toContain('lista de campañas datos de las 09:00');
    expect(text).toContain('*Publicado con retraso.*');
    expect([m.first, ...m.thread].flatMap(tableRows)[0]).toEqual(['Campaña', 'ID', 'Estado', 'Marcadas', 'Contactadas', 'Tasa de contacto', 'Δ pts', 'Avance']);
    expect(text).not.toMatch(ENGLISH);
    expectValid([m.first, ...m.thread]);
  });
  it('Portuguese: campanhas, discadas, atendidas, taxa de atendimento, with a decimal comma', () => {
    const { m, text } = textOf('pt-BR');
    expect(text).toContain('*VDN 12*  ·  3 campanhas, 3 em andamento');
    expect(text).toContain('Discadas *310*  ·  atendidas *160*  ·  taxa de atendimento *51,6%* (caiu 6,4 pontos desde ontem)');
    expect(text).toContain('Concluídas hoje 310  ·  restantes 120');
    const rows = [m.first, ...m.thread].flatMap(tableRows);
    expect(rows[1]).toEqual(['Spring follow-up', '101', 'em andamento', '200', '120', '60,0%', '-12,0', '29,0%']);
    expect(text).not.toMatch(ENGLISH);
    expectValid([m.first, ...m.thread]);
  });
  it('a thousand campaigns in Spanish still fit: the first message points to the thread', () => {
    const specs = Array.from({ length: 1000 }, (_, i) => ({ id: String(1798316000 + i), name: `Campaña de renovación número ${i}`, dialled: i * 3, connected: i }));
    const m = renderDigest(es, buildDigestView(input({ vdnData: [vdnInput(12, specs)] })));
    expect(allText(m.first)).toContain(':thread: La tabla de las 1,000 campañas está en el hilo.');
    expectValid([m.first, ...m.thread]);
  });
});

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

describe("a failed source's reason", () => {
  it("is said in the digest's language when the failure is known; the vendor's own words stay as written", () => {
    const timeout = new AiccError({ service: 'oifde', endpoint: 'report', code: 'timeout', message: 'OIFDE report timed out after 10 s', retryable: true });
    const refused = new AiccError({ service: 'isales', endpoint: 'statistics', code: 'vendor', message: 'vendor said no', retryable: false, resultCode: '0200001', resultDesc: 'parameter <error>' });
    const failures = [
      { source: { kind: 'bot' as const, service: 'OIFDE', code: '950287235549293680' }, message: timeout.message, error: timeout },
      { source: { kind: 'statistics' as const, service: 'CC-iSales', vdn: 12 }, message: refused.message, error: refused },
    ];
    const zh = textOf('zh-CN', { failures }).text;
    expect(zh).toContain('OIFDE 未能及时响应');
    expect(zh).toContain('CC-iSales 拒绝了请求 — parameter &lt;error&gt;');
    expect(zh).not.toContain('timed out');
    expect(textOf('pt-BR', { failures }).text).toContain('OIFDE não respondeu a tempo');
    expect(textOf('en', { failures }).text).toContain('OIFDE did not answer in time');
  });
});

describe('a digest form that does not read', () => {
  it('says what is wrong on each field in the reader’s language', () => {
    const pick = (value: string) => ({ type: 'external_select', selected_option: { text: { type: 'plain_text', text: value }, value } });
    const values = { channel: { channel: { type: 'conversations_select', selected_conversation: 'C0OPS' } }, at: { at: { type: 'timepicker', selected_time: '09:00' } }, days: { days: { type: 'checkboxes', selected_options: [] } }, tz: { tz: pick('Mars/Olympus') } };
    const zh = readDigestForm(translator('zh-CN'), values as never, { vdnIds: [8] });
    const en = readDigestForm(translator('en'), values as never, { vdnIds: [8] });
    expect(zh.ok || en.ok).toBe(false);
    if (zh.ok || en.ok) return;
    expect(en.errors.byBlock['tz']).toBe('Must be an IANA time zone such as Asia/Shanghai or America/New_York');
    expect(zh.errors.byBlock['tz']).toMatch(/Asia\/Shanghai/);
    expect(zh.errors.byBlock['tz']).not.toMatch(/Must be|time zone/);
    expect(Object.keys(zh.errors.byBlock).sort()).toEqual(['days', 'tz']);
  });
});

describe('the digest list and confirmations', () => {
  it('say each digest’s language, or the channel’s, in the reader’s language', () => {
    const list = [item({ lang: 'zh-CN' }), item({ id: 4 })];
    const en = allText(renderDigestList(translator('en'), { items: list }));
    expect(en).toContain('posts every time  ·  in 简体中文');
    expect(en).toContain("posts every time  ·  in the channel's language");
    const chinese = allText(renderDigestList(zh, { items: list }));
    expect(chinese).toContain('*汇总 3*  ·  <#C0123ABCD>');
    expect(chinese).toContain('周一–周五 09:00（Asia/Shanghai）  ·  下次 2026/11/23 09:00 周一 GMT+8');
    expect(chinese).toContain('范围：VDN 12 的全部外呼任务  ·  每次都发送  ·  使用简体中文');
    expect(chinese).toContain('使用频道语言');
    const spanish = allText(renderDigestList(es, { items: [item({ lang: 'pt-BR', days: 'sat,sun' })] }));
    expect(spanish).toContain('09:00 sáb, dom (Asia/Shanghai)  ·  próximo: lun 23/11/2026 09:00 GMT+8');
    expect(spanish).toContain('Cubre todas las campañas de la VDN 12  ·  se publica siempre  ·  en Português (Brasil)');
    expect(spanish).toContain('*Enviar ahora*');
    for (const tr of [zh, es, pt]) expect(blockProblems(renderDigestList(tr, { items: list }))).toEqual([]);
  });
  it('the Run now button and the answers are in the reader’s language', () => {
    const blocks = renderDigestList(pt, { items: [item()] });
    expect(JSON.stringify(blocks)).toContain(':arrow_forward: Enviar agora');
    expect(allText(renderDigestAdded(zh, item()))).toContain('*已添加汇总 3。* <#C0123ABCD> 将在 周一–周五 09:00（Asia/Shanghai） 收到，首次为 2026/11/23 09:00 周一 GMT+8。');
    expect(allText(renderDigestAdded(es, item(), true))).toContain('*Resumen 3 guardado.* <#C0123ABCD> lo recibe a las 09:00 lun–vie (Asia/Shanghai)');
    expect(allText(renderDigestRunOutcome(pt, item(), { status: 'posted', ts: '1.2' }))).toContain('Resumo 3 enviado para <#C0123ABCD>.');
  });
  it('schedules in words', () => {
    expect(describeSchedule({ at: '9:00', days: 'daily', timeZone: 'Asia/Shanghai' }, zh)).toBe('每天 09:00（Asia/Shanghai）');
    expect(describeSchedule({ at: '9:00', days: 'mon,wed-fri', timeZone: 'UTC' }, zh)).toBe('周一、周三–周五 09:00（UTC）');
    expect(describeSchedule({ at: '17:30', days: 'weekends', timeZone: 'America/Sao_Paulo' }, pt)).toBe('17:30 sáb, dom (America/Sao_Paulo)');
    expect(describeSchedule({ at: '17:30', days: 'weekends', timeZone: 'UTC' }, translator('en'))).toBe('17:30 Sat, Sun (UTC)');
  });
});

describe('the digest form', () => {
  const form = (tr = zh, lang?: Locale) => renderDigestForm(tr, { meta: { subId: 7 }, vdnIds: [8], defaultTimeZone: 'Asia/Shanghai', values: lang ? { lang } : {} });
  const block = (v: ReturnType<typeof form>, id: string) => (v.blocks as Array<Record<string, any>>).find((b) => b['block_id'] === id)!;

  it('is in the reader’s language, with a language select: the channel’s, or each language in its own name', () => {
    const v = form();
    expect(v.title).toMatchObject({ text: '编辑汇总 7' });
    expect(v.close).toMatchObject({ text: '取消' });
    expect(form(translator('es')).close).toMatchObject({ text: 'Cancelar' });
    expect(block(v, 'days')['label']['text']).toBe('日期');
    expect(block(v, 'days')['element']['options'].map((o: { text: { text: string } }) => o.text.text)).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    const lang = block(v, 'lang');
    expect(lang['label']['text']).toBe('语言');
    expect(lang['element']['options'].map((o: { value: string; text: { text: string } }) => [o.value, o.text.text])).toEqual([
      ['channel', '跟随频道语言'],
      ['en', LOCALE_INFO.en.name],
      ['zh-CN', '简体中文'],
      ['es', 'Español (Latinoamérica)'],
      ['pt-BR', 'Português (Brasil)'],
    ]);
    expect(lang['element']['initial_option']['value']).toBe('channel');
    expect(block(form(es, 'pt-BR'), 'lang')['element']['initial_option']['value']).toBe('pt-BR');
  });
  it('titles and buttons fit Slack’s limits in every language', () => {
    for (const tr of [translator('en'), zh, es, pt]) {
      const v = form(tr);
      expect((v.title as { text: string }).text.length).toBeLessThanOrEqual(24);
      expect(tr.t('digests.form.titleAdded', { id: '1234' }).length).toBeLessThanOrEqual(24);
      expect(tr.t('digests.form.titleSaved', { id: '1234' }).length).toBeLessThanOrEqual(24);
      expect(tr.t('digests.form.submitAdd').length).toBeLessThanOrEqual(24);
      for (const key of ['digests.chart.dialledToday', 'digests.chart.connectedToday', 'digests.chart.dialledYesterday', 'digests.chart.connectedYesterday'] as const) {
        expect(tr.t(key).length, `${tr.locale} ${key}`).toBeLessThanOrEqual(20);
      }
    }
  });
});

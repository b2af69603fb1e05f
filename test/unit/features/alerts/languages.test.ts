/**
 * The alert renderers in every language: real words in Chinese, Spanish and Portuguese, numbers
 * written the reader's way, Block Kit limits kept (Spanish and Portuguese run longer), the rule's
 * `lang:` read and shown, and stored reasons put into the reader's words.
 */
import { describe, expect, it } from 'vitest';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { viewProblems } from '../../../../local/fakeslack/views.js';
import { alertAddProblem } from '../../../../src/features/alerts/command-values.js';
import { postLanguage } from '../../../../src/slack/language-input.js';
import { formValuesOf, readAlertForm, renderAlertForm } from '../../../../src/features/alerts/form.js';
import { renderMuteForm } from '../../../../src/features/alerts/mute-form.js';
import { formatThreshold, formatValue, METRIC_NAMES, METRICS } from '../../../../src/features/alerts/metrics.js';
import { alertFallbackText, renderAlertMessage, renderNotice, renderReminder, renderResolvedReply, type AlertMessageView } from '../../../../src/features/alerts/render.js';
import { renderBacktest } from '../../../../src/features/alerts/render-backtest.js';
import { renderAlertAdded, renderAlertList, renderAlertTest, type AlertRuleView } from '../../../../src/features/alerts/render-list.js';
import { alertHeadline, ruleStatesWords } from '../../../../src/features/alerts/summary.js';
import { metricLabel, reasonWords, ruleDuration } from '../../../../src/features/alerts/words.js';
import type { BacktestResult } from '../../../../src/features/alerts/backtest.js';
import { LOCALES, translator } from '../../../../src/i18n/index.js';
import { inEnglish, say } from '../../../../src/slack/commands/message.js';
import type { AlertRule } from '../../../../src/store/alert-rules.js';
import type { FormValues } from '../../../../src/slack/forms.js';
import { blocksText } from '../../../support/blocks-text.js';
import { richLimitProblems } from '../../../support/rich-blocks.js';

const TZ = 'Asia/Shanghai';
const T = new Date('2026-11-20T02:15:00Z'); // 10:15 in Shanghai
const zh = translator('zh-CN');
const es = translator('es');
const pt = translator('pt-BR');
const metric = METRICS.connection_rate;

function view(over: Partial<AlertMessageView> = {}): AlertMessageView {
  return {
    ruleId: 3,
    metric,
    op: '<',
    threshold: 40,
    clearValue: 45,
    vdn: 8,
    subject: { kind: 'campaign', id: '1798316116', name: 'Spring follow-up', status: 2, statusLabel: 'running' },
    state: 'firing',
    value: 31.2,
    volume: 1412,
    trend: [62, 55, 48, 40, 31.2].map((value, i) => ({ at: T.getTime() - (4 - i) * 5 * 60_000, value })),
    firingSince: T,
    mention: '<!subteam^S0OPS|@oncall>',
    timeZone: TZ,
    buttonValue: '{"r":3,"s":"1798316116"}',
    ...over,
  };
}

const rule: AlertRuleView = {
  id: 3,
  metric: 'connection_rate',
  op: '<',
  threshold: 40,
  scope: 'campaign',
  scopeId: '1798316116',
  vdn: 8,
  minVolume: 50,
  forS: 5400,
  clearValue: 45,
  repeatS: 14_400,
  channelId: 'C0OPS',
  createdBy: 'U1',
  createdAt: 0,
  lang: 'pt-BR',
  metricView: metric,
};

describe('the alert message in every language', () => {
  it('Chinese: the metric, the comparison, the status and the buttons in Chinese, punctuation full-width', () => {
    const text = blocksText(renderAlertMessage(zh, view()));
    expect(text).toContain('*接通率 31.2%，低于 40%*');
    expect(text).toContain('外呼任务 *Spring follow-up*（`1798316116`）');
    expect(text).toContain('31.2%（已呼叫 1,412）');
    expect(text).toContain('&lt; 40%  ·  恢复条件 ≥ 45%');
    expect(text).toContain('执行中  ·  VDN 8');
    expect(text).toContain('10:15（Asia/Shanghai）');
    expect(text).toContain('告警规则 3');
    expect(text).toContain('确认');
    expect(text).toContain('<!subteam^S0OPS|@oncall>');
    expect(alertFallbackText(zh, view())).toBe('告警：外呼任务 Spring follow-up 的接通率为 31.2%，低于 40% <!subteam^S0OPS|@oncall>');
  });

  it('Portuguese: decimal commas, the glossary’s words, the resolved form with its reason', () => {
    const text = blocksText(renderAlertMessage(pt, view()));
    expect(text).toContain('*Taxa de atendimento 31,2%, abaixo de 40%*');
    expect(text).toContain('31,2% (n=1.412 discadas)');
    expect(text).toContain('62,0% → 48,0% → 31,2%');
    expect(text).toContain('Reconhecer');
    const resolved = blocksText(renderAlertMessage(pt, view({ state: 'resolved', value: 52, resolvedAt: T, resolvedReason: 'campaign paused' })));
    expect(resolved).toContain('*Resolvido: taxa de atendimento 52,0%*');
    expect(resolved).toContain('10:15: campanha pausada');
  });

  it('Spanish thread replies: still firing, resolved after, with durations in Spanish', () => {
    expect(blocksText(renderReminder(es, view(), new Date(T.getTime() + 4 * 3600_000)))).toContain(':repeat: Sigue activa desde hace 4 h 00 min: tasa de contacto 31.2% (n=1,412 marcadas), &lt; 40%  ·  se resuelve en ≥ 45%.');
    expect(blocksText(renderResolvedReply(es, view({ state: 'resolved', value: 52 }), 70 * 60_000))).toContain('Resuelta después de 1 h 10 min');
    expect(blocksText(renderResolvedReply(zh, view({ state: 'resolved', resolvedReason: 'not in the campaign list of VDN 8' })))).toContain('规则不再适用：不在 VDN 8 的外呼任务列表中');
  });

  it('the chart is named in the reader’s language', () => {
    const text = blocksText(renderAlertMessage(zh, view()));
    expect(text).toContain('*接通率*: 09:55 62.0%');
    expect(text).toContain('阈值 40%，恢复值 45%');
  });

  it.each(LOCALES)('every variant keeps Block Kit limits (%s)', (locale) => {
    const tr = translator(locale);
    const long = view({ subject: { kind: 'campaign', id: '1'.repeat(64), name: 'N'.repeat(200), status: 3 }, ackedBy: 'U0ALICE', ackedAt: T });
    for (const blocks of [renderAlertMessage(tr, long), renderAlertMessage(tr, view({ mutedUntil: T })), renderAlertMessage(tr, view({ state: 'resolved', resolvedAt: T, resolvedReason: 'campaign completed' })), renderReminder(tr, view({ muteEndedAt: T }), T), renderResolvedReply(tr, view(), 1000)]) {
      expect(blockProblems(blocks)).toEqual([]);
      expect(richLimitProblems(blocks)).toEqual([]);
    }
  });
});

describe('notices, lists, tests and backtests in other languages', () => {
  it('the no-data notice: plurals and the resolved form', () => {
    const down = { service: 'CC-CMS', since: new Date('2026-11-20T02:05:00Z'), ruleCount: 1, timeZone: TZ };
    expect(blocksText(renderNotice(es, down))).toContain('1 regla de alerta no se puede evaluar. No se activa ni se resuelve hasta que vuelvan los datos.');
    expect(blocksText(renderNotice(pt, { ...down, ruleCount: 14 }))).toContain('14 regras de alerta não podem ser avaliadas');
    expect(blocksText(renderNotice(zh, { ...down, backAt: T }))).toContain('*CC-CMS：数据已恢复*，恢复时间 10:15（Asia/Shanghai）（自 10:05 起无数据）');
  });

  it('`alert list` and `alert add` show the rule’s own language by its name', () => {
    const list = blocksText(renderAlertList(zh, { items: [{ rule, states: [{ subject: '1798316116', state: 'firing', since: T, value: 31.2, volume: 412 }] }], now: T, timeZone: TZ }));
    expect(list).toContain('告警规则');
    expect(list).toContain('持续 1 小时 30 分钟  ·  呼叫量至少 50  ·  恢复条件 ≥ 45%  ·  每 4 小时 提醒一次  ·  :speech_balloon: 使用 Português (Brasil) 发送');
    expect(list).toContain(':red_circle: 告警中，自 10:15 起，31.2%（n=412）');
    expect(blocksText(renderAlertAdded(translator('en'), rule, T, TZ))).toContain(':speech_balloon: posts in Português (Brasil)');
    expect(blocksText(renderAlertAdded(es, { ...rule, lang: undefined }, T, TZ))).not.toContain(':speech_balloon:');
  });

  it('`alert test` explains in the reader’s language', () => {
    const blocks = renderAlertTest(pt, {
      rule: { ...rule, forS: 600 },
      lines: [{ subject: { kind: 'campaign', id: '1', name: 'Spring' }, verdict: 'breached', value: 31.2, volume: 412, prevState: 'pending', nextState: 'pending', since: new Date(T.getTime() - 5 * 60_000), firesAt: new Date(T.getTime() + 5 * 60_000), actions: [] }],
      listed: true,
      now: T,
      timeZone: TZ,
    });
    expect(blocksText(blocks)).toContain('`connection_rate` de campanha *Spring* (`1`) está em 31,2% (n=412 discadas) &lt; 40%: ultrapassado há 5 de 10 minutos; dispararia às 10:20.');
    expect(blocksText(blocks)).toContain('nada foi publicado nem alterado');
  });

  it('a backtest in Spanish: period, incidents and what it would have posted', () => {
    const result: BacktestResult = {
      rule: { metric: 'waiting', op: '>', threshold: 20, clearValue: 15, minVolume: 50, forS: 600, repeatS: 3600, scope: 'all', vdn: 8 },
      metric: METRICS.waiting,
      from: T.getTime() - 7 * 86_400_000,
      to: T.getTime(),
      firstTickAt: T.getTime() - 7 * 86_400_000,
      lastTickAt: T.getTime(),
      evaluations: 2016,
      subjects: 3,
      incidents: [{ subject: '1', campaign: { name: 'Spring', status: 2, statusLabel: 'running' }, firedAt: T.getTime() - 3600_000, resolvedAt: T.getTime() - 1800_000, firstValue: 25, worstValue: 31, resolvedReason: 'campaign paused' }],
      missingMs: 9_000_000,
      posts: { alerts: 1, reminders: 0, resolutions: 1 },
    };
    const blocks = renderBacktest(es, result, { timeZone: TZ, days: 7 });
    expect(blockProblems(blocks)).toEqual([]);
    const text = blocksText(blocks);
    expect(text).toContain('*1 incidente* en los últimos 7 días (13/11/2026 10:15 a 20/11/2026 10:15, Asia/Shanghai)');
    expect(text).toContain('Habría publicado 1 alerta, 0 recordatorios y 1 resolución.');
    expect(text).toContain('*2.5 horas sin datos*');
    expect(text).toContain('activada 20/11/2026 09:15 con 25 llamadas, peor valor 31 llamadas; resuelta 09:45 (campaña en pausa) tras *30 min 00 s*');
    expect(text).toContain('Se reprodujeron 2,016 ciclos del recolector sobre 3 campañas');
  });

  it('Home tab lines: a headline and the states, counted in the reader’s words', () => {
    const stored: AlertRule = { ...rule, metric: 'success_rate' };
    expect(alertHeadline(pt, stored, { subject: '1', lastValue: 5.2 }, 'Spring')).toBe('*Taxa de atendimento 5,2%* &lt; 40%  ·  campanha *Spring* (`1`)');
    expect(ruleStatesWords(zh, [{ state: 'firing' }, { state: 'ok' }, { state: 'ok' }])).toBe(':red_circle: 告警中 1  ·  :large_green_circle: 正常 2');
    expect(ruleStatesWords(es, [])).toBe('Aún sin evaluar.');
  });
});

describe('words', () => {
  it('every metric has its own name in every language', () => {
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      for (const name of METRIC_NAMES) expect(metricLabel(translator(locale), name), `${locale} ${name}`).not.toBe(metricLabel(translator('en'), name));
    }
    expect(metricLabel(pt, 'connection_rate')).toBe('taxa de atendimento');
    expect(metricLabel(zh, 'some_old_metric')).toBe('some_old_metric');
  });

  it('values, thresholds and a rule’s durations the reader’s way', () => {
    expect(formatValue(pt, METRICS.waiting, 14.5)).toBe('14,5 chamadas');
    expect(formatValue(zh, METRICS.waiting, 3)).toBe('3 通');
    expect(formatThreshold(pt, METRICS.connection_rate, 32.5)).toBe('32,5%');
    expect(ruleDuration(translator('en'), 5400)).toBe('1h 30m');
    expect(ruleDuration(es, 5400)).toBe('1 h 30 min');
    expect(ruleDuration(zh, 86_400)).toBe('1 天');
  });

  it('stored reasons become the reader’s words; anything else is shown escaped', () => {
    expect(reasonWords(zh, 'campaign paused')).toBe('外呼任务已暂停');
    expect(reasonWords(es, 'campaign completed')).toBe('campaña finalizada');
    expect(reasonWords(pt, 'not in the campaign list of VDN 9')).toBe('fora da lista de campanhas do VDN 9');
    expect(reasonWords(pt, 'a <b> reason')).toBe('a &lt;b&gt; reason');
  });
});

describe('`lang:` and the form’s language', () => {
  it('reads a language, `channel` for none, and refuses others naming the supported ones', () => {
    const spec = postLanguage();
    expect(spec.parse('pt-BR')).toEqual({ ok: true, value: 'pt-BR' });
    expect(spec.parse('zh')).toEqual({ ok: true, value: 'zh-CN' });
    expect(spec.parse('es-MX')).toEqual({ ok: true, value: 'es' });
    expect(spec.parse('channel')).toEqual({ ok: true, value: null });
    expect(spec.parse('default')).toEqual({ ok: true, value: null });
    const bad = spec.parse('xx');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(inEnglish(bad.expected)).toContain("or `channel` for the channel's language");
    expect(say(zh, bad.expected)).toContain('`channel` 表示使用频道语言');
  });

  it('cross-argument problems are worded in the reader’s language', () => {
    const problem = alertAddProblem({ positional: { metric: 'connection_rate', op: '<', threshold: 140 }, options: { campaign: '1' } })!;
    expect(problem.field).toBe('threshold');
    expect(inEnglish(problem.problem)).toBe('THRESHOLD must be from 0 to 100 (percent)');
    expect(say(pt, problem.problem)).not.toBe(inEnglish(problem.problem));
  });

  const option = (value: string) => ({ value, text: { type: 'plain_text' as const, text: value } });
  const values = (lang: string | undefined): FormValues => ({
    metric: { metric: { type: 'static_select', selected_option: option('connection_rate') } },
    op: { op: { type: 'static_select', selected_option: option('<') } },
    threshold: { threshold: { type: 'plain_text_input', value: '32,5' } },
    scope: { scope: { type: 'static_select', selected_option: option('all') } },
    channel: { channel: { type: 'conversations_select', selected_conversation: 'C0OPS' } },
    ...(lang ? { lang: { lang: { type: 'static_select', selected_option: option(lang) } } } : {}),
  });

  it('the form offers the channel’s language or one of ours by its own name, and reads the pick', () => {
    const form = renderAlertForm({ meta: {}, vdnIds: [8], tr: pt });
    const text = JSON.stringify(form);
    expect(text).toContain('Idioma das publicações');
    expect(text).toContain('O idioma do canal');
    for (const name of ['English', '简体中文', 'Español (Latinoamérica)', 'Português (Brasil)']) expect(text).toContain(name);
    expect(JSON.stringify(renderAlertForm({ values: formValuesOf({ ...rule, metric: 'connection_rate' }, undefined, zh), meta: { ruleId: 3 }, vdnIds: [8], tr: zh }))).toContain('"initial_option":{"text":{"type":"plain_text","text":"Português (Brasil)"');
    const read = readAlertForm(values('es'), { vdnIds: [8] }, zh);
    expect(read.ok && read.input).toMatchObject({ lang: 'es', rule: { threshold: 32.5 } });
    const channel = readAlertForm(values('channel'), { vdnIds: [8] }, translator('en'));
    expect(channel.ok && channel.input.lang).toBeNull();
  });

  it('form errors are in the reader’s language', () => {
    const read = readAlertForm({ ...values(undefined), threshold: { threshold: { type: 'plain_text_input', value: '140' } } }, { vdnIds: [8] }, zh);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.byBlock['threshold']).toMatch(/THRESHOLD 必须在 0 到 100 之间/);
  });

  it.each(LOCALES)('the forms keep Slack’s limits (%s)', (locale) => {
    const tr = translator(locale);
    expect(viewProblems(renderAlertForm({ values: formValuesOf({ ...rule, metric: 'interface_success_rate' }, undefined, tr), meta: { ruleId: 1234 }, vdnIds: [8, 9], tr }), 'modal')).toEqual([]);
    expect(viewProblems(renderMuteForm(tr, { id: 1234, line: 'x', mutedUntil: '10:15' }), 'modal')).toEqual([]);
  });
});

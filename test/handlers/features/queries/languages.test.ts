/**
 * The query answers in the reader's language: stats, campaigns, task, call and bot through their
 * handlers for a Chinese, a Brazilian and a Spanish-speaking reader, the same answers still in
 * English for an English one, the AICC `locale` each per-reader call asks for, the Prev/Next
 * buttons and the pickers in the clicker's language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Aicc } from '../../../../src/aicc/index.js';
import type { BotStatRow, CallDetail, Campaign, TaskRealtime } from '../../../../src/aicc/domain.js';
import type { OifdeQuery } from '../../../../src/aicc/oifde.js';
import type { CallOptions } from '../../../../src/aicc/transport.js';
import { createStatsGuard } from '../../../../src/aicc/stats-guard.js';
import { translator, type Locale } from '../../../../src/i18n/index.js';
import { handleBot } from '../../../../src/features/queries/bot.js';
import { handleCall } from '../../../../src/features/queries/call.js';
import { handleCampaigns } from '../../../../src/features/queries/campaigns.js';
import { registerCampaignsPaging } from '../../../../src/features/queries/campaigns-paging.js';
import type { CampaignDirectory } from '../../../../src/features/queries/campaign-directory.js';
import { QUERIES_COMMANDS } from '../../../../src/features/queries/commands.js';
import type { QueriesDeps } from '../../../../src/features/queries/deps.js';
import { botChoices, campaignChoice, campaignChoices } from '../../../../src/features/queries/pickers.js';
import { CAMPAIGNS_NEXT_ACTION, encodeCampaignsQuery } from '../../../../src/features/queries/render-campaigns.js';
import { handleStats } from '../../../../src/features/queries/stats.js';
import { handleTask } from '../../../../src/features/queries/task.js';
import type { TaskRealtimeQuery } from '../../../../src/features/queries/task-realtime.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { silentLogger } from '../../../../src/platform/log.js';
import type { Invocation } from '../../../../src/slack/commands/handler.js';
import { say } from '../../../../src/slack/commands/message.js';
import { NotFound } from '../../../../src/slack/commands/not-found.js';
import { parseCommand } from '../../../../src/slack/commands/parse.js';
import { fixedLocales, type Locales } from '../../../../src/slack/locales.js';
import type { Store } from '../../../../src/store/index.js';
import { fakeActions, fakeReplies } from '../../../support/bolt-fakes.js';
import { memoryStore } from '../../../support/memory-store.js';
import { allText, buttons, campaign, stats } from '../../../support/render-fixtures.js';
import { tableRows } from '../../../support/rich-blocks.js';

const TZ = 'Asia/Shanghai';
const NOW = '2026-11-20T06:30:00Z'; // 14:30 in Shanghai

const CAMPAIGNS: Campaign[] = [
  campaign({ id: '101', name: '春季回访', status: 2, deviceType: 1 }),
  campaign({ id: '102', name: 'Renewals', status: 3, deviceType: 2, endTime: undefined }),
  ...Array.from({ length: 10 }, (_, i) => campaign({ id: String(200 + i), name: `Running ${i}`, status: 2, deviceType: 5 })),
];

const TASK: TaskRealtime = { taskId: '101', total: 2600, connected: 2000, failed: 50, completed: 230, waiting: 150, inProgress: 30 };

const CALL: CallDetail = {
  callId: '1644464743-1388',
  vdnId: 8,
  called: '88881955',
  callStatus: 5,
  outcome: 'failed',
  failCode: '00001',
  resultCode: 'OB0001',
  ringTime: new Date('2026-11-20T03:00:00Z'),
  endTime: new Date('2026-11-20T03:01:05Z'),
};

const BOT_ROWS: BotStatRow[] = [9, 10].map((h) => ({
  recordTime: new Date(Date.UTC(2026, 10, 19, 16 + h)),
  type: 'hour',
  accessCode: '943370855474270208',
  calls: 1200,
  exitNoConsult: 100,
  staffNoConsult: 200,
  staffConsult: 100,
  exitConsulting: 700,
  interactCount: 4800,
  interfaceRequests: 80,
  interfaceSuccesses: 60,
}));

interface Setup {
  deps: QueriesDeps;
  /** The AICC `locale` each per-reader call asked for, by call. */
  locales: { call: (string | undefined)[]; task: (string | undefined)[]; bot: (string | undefined)[] };
}

function setup(over: Partial<QueriesDeps> = {}): Setup {
  const locales: Setup['locales'] = { call: [], task: [], bot: [] };
  const clock = manualClock(NOW);
  const upstream = [
    stats({ campaignId: '101', dailyCalled: 1234, dailyConnected: 823, dailyFinished: 1200, remaining: 5000, batches: [{ ...stats(), batchId: '77' }] }),
    stats({ campaignId: '102', dailyCalled: 100, dailyConnected: 40 }),
  ];
  const directory: CampaignDirectory = {
    list: async () => ({ campaigns: CAMPAIGNS, fetchedAt: clock() }),
    byId: async () => new Map(CAMPAIGNS.map((c) => [c.id, c])),
  };
  const tasks: TaskRealtimeQuery = {
    get: async (_vdn, taskId, locale) => (locales.task.push(locale), { task: { ...TASK, taskId }, fetchedAt: clock() }),
  };
  const aicc = {
    stats: createStatsGuard({ clock, intervalMs: 300_000, fetch: async () => upstream }),
    isales: {
      callResultDetail: async (_vdn: number, callId: string, opts?: CallOptions) => {
        locales.call.push(opts?.locale);
        return { ...CALL, callId };
      },
    },
    oifde: {
      callStatistics: async (_q: OifdeQuery, opts?: CallOptions) => {
        locales.bot.push(opts?.locale);
        return BOT_ROWS;
      },
    },
  } as unknown as Aicc;
  const deps: QueriesDeps = {
    aicc,
    directory,
    tasks,
    maskNumbers: true,
    clock,
    log: silentLogger,
    timeZone: TZ,
    store: {} as Store,
    adminUsers: [],
    allowedChannels: [],
    vdnIds: [8],
    ...over,
  };
  return { deps, locales };
}

const inv = (locale: Locale): Invocation => ({ userId: 'U1', channelId: 'C1', vdn: 8, isAdmin: false, isPublic: false, tr: translator(locale) });

/** Runs `/aicc <text>` through its handler for a reader of `locale`. */
async function ask(s: Setup, text: string, locale: Locale) {
  const parsed = parseCommand(text, QUERIES_COMMANDS);
  if (!parsed.ok) throw new Error(`not a command: ${text}`);
  const handlers = { stats: handleStats, campaigns: handleCampaigns, task: handleTask, call: handleCall, bot: handleBot } as const;
  const handler = handlers[parsed.command as keyof typeof handlers] as (p: typeof parsed, i: Invocation, d: QueriesDeps) => ReturnType<typeof handleStats>;
  return handler(parsed, inv(locale), s.deps);
}

async function notFound(p: Promise<unknown>): Promise<NotFound> {
  try {
    await p;
  } catch (e) {
    if (e instanceof NotFound) return e;
    throw e;
  }
  throw new Error('expected NotFound');
}

describe('/aicc stats in the reader’s language', () => {
  it('zh-CN: totals, table and coverage in Chinese', async () => {
    const blocks = await ask(setup(), 'stats', 'zh-CN');
    const text = allText(blocks);
    expect(text).toContain('外呼任务统计');
    expect(text).toContain('VDN 8  ·  2 个外呼任务  ·  数据截至 14:30（Asia/Shanghai）');
    expect(text).toContain('*今日呼叫量*\n1,334');
    expect(text).toContain('*接通率*\n64.7%');
    expect(text).toContain('*执行中*\n1');
    const rows = tableRows(blocks);
    expect(rows[0]).toEqual(['外呼任务', 'ID', '状态', '呼叫量', '接通量', '接通率', '已完成', '剩余']);
    expect(rows[1]).toEqual(['春季回访', '101', ':large_green_circle: 执行中', '1,234', '823', '66.7%', '1,200', '5,000']);
    expect(rows[2]![2]).toBe(':double_vertical_bar: 已暂停');
  });

  it('pt-BR: one campaign, with Brazilian numbers and batches', async () => {
    const text = allText(await ask(setup(), 'stats 101 batch:77', 'pt-BR'));
    expect(text).toContain('Estatísticas das campanhas');
    expect(text).toContain('dados das 14:30 (Asia/Shanghai)');
    expect(text).toContain('*Discadas hoje*\n1.234');
    expect(text).toContain('*Taxa de atendimento*\n66,7%');
    expect(text).toContain('*Restantes*\n5.000');
    expect(text).toContain('*Desde o início*');
    expect(text).toContain('*Status*\n:large_green_circle: em andamento');
    expect(text).toContain('↳ lote `77`: 3 discadas · 2 atendidas (66,7%) · 3 concluídas · 40 restantes');
  });

  it('an unknown campaign is worded in the reader’s language', async () => {
    const nf = await notFound(ask(setup(), 'stats 999', 'zh-CN'));
    expect(say(translator('zh-CN'), nf.title)).toBe('VDN 8 中没有外呼任务 `999` 的统计数据。');
    expect(say(translator('es'), nf.title)).toBe('No hay estadísticas de la campaña `999` en el VDN 8.');
    expect(nf.message).toBe('No statistics for campaign `999` in VDN 8.');
  });

  it('English is unchanged', async () => {
    const text = allText(await ask(setup(), 'stats', 'en'));
    expect(text).toContain('Campaign stats');
    expect(text).toContain('VDN 8  ·  2 campaigns  ·  as of 14:30 (Asia/Shanghai)');
    expect(text).toContain('*Dialled today*\n1,334');
    expect(text).toContain('*Connection rate*\n64.7%');
  });
});

describe('/aicc campaigns in the reader’s language', () => {
  it('zh-CN: title, table, statuses, device types, period and paging', async () => {
    const blocks = await ask(setup(), 'campaigns all', 'zh-CN');
    const text = allText(blocks);
    expect(text).toContain('外呼任务');
    expect(text).toContain('12 个外呼任务  ·  第 1/2 页');
    const rows = tableRows(blocks);
    expect(rows[0]).toEqual(['外呼任务', 'ID', '状态', '类型', '起止时间', '主叫号码']);
    expect(rows[1]).toEqual(['春季回访', '101', ':large_green_circle: 执行中', '智能外呼', '2026/11/01 → 2026/11/30 23:59', '4001234567']);
    expect(rows[2]!.slice(2, 5)).toEqual([':double_vertical_bar: 已暂停', '预测外呼', '2026/11/01 → …']);
    expect(buttons(blocks).map((b) => b.text)).toEqual(['下一页 ▶']);
  });

  it('es: the filter line and an empty answer', async () => {
    const text = allText(await ask(setup(), 'campaigns completed type:agent', 'es'));
    expect(text).toContain('Campañas · finalizadas');
    expect(text).toContain('0 campañas  ·  solo campañas con agentes  ·  datos de las 14:30');
    expect(text).toContain('Ninguna campaña finalizada coincide.');
    expect(text).toContain('Pruebe `/aicc campaigns all` para ver todos los estados.');
  });

  it('pt-BR: statuses and device types from the vendor codes, not the English labels', async () => {
    const rows = tableRows(await ask(setup(), 'campaigns all', 'pt-BR'));
    expect(rows[0]).toEqual(['Campanha', 'ID', 'Status', 'Tipo', 'Período', 'Número de origem']);
    expect(rows[1]!.slice(2, 5)).toEqual([':large_green_circle: em andamento', 'URA inteligente', '01/11/2026 → 30/11/2026 23:59']);
    expect(rows[3]![3]).toBe('prévia');
  });

  it('English is unchanged', async () => {
    const blocks = await ask(setup(), 'campaigns all', 'en');
    expect(allText(blocks)).toContain('12 campaigns  ·  page 1 of 2');
    expect(tableRows(blocks)[1]).toEqual(['春季回访', '101', ':large_green_circle: running', 'intelligent IVR', '2026-11-01 → 2026-11-30 23:59', '4001234567']);
    expect(buttons(blocks).map((b) => b.text)).toEqual(['Next ▶']);
  });
});

describe('/aicc task in the reader’s language', () => {
  it('zh-CN and pt-BR: fields and the sum in words', async () => {
    const zh = allText(await ask(setup(), 'task 101', 'zh-CN'));
    expect(zh).toContain('任务进度');
    expect(zh).toContain(':large_green_circle: *春季回访*  `101`');
    expect(zh).toContain('已完成 8.8%');
    expect(zh).toContain('*接通率*\n76.9%');
    expect(zh).toContain('接通 2,000 + 失败 50 = 2,050，呼叫量为 2,600；其余 550 个呼叫尚无结果。');
    const pt = allText(await ask(setup(), 'task 101', 'pt-BR'));
    expect(pt).toContain('Progresso da tarefa');
    expect(pt).toContain('*Taxa de conclusão*\n8,8%');
    expect(pt).toContain('Atendidas 2.000 + com falha 50 = 2.050 de 2.600 discadas; as outras 550 ainda não têm resultado.');
  });

  it('English is unchanged', async () => {
    const text = allText(await ask(setup(), 'task 101', 'en'));
    expect(text).toContain('Task progress');
    expect(text).toContain('Connected 2,000 + failed 50 = 2,050 of 2,600 dialled; the other 550 have no result yet.');
  });

  it('asks CMS in the reader’s vendor locale', async () => {
    const s = setup();
    for (const l of ['zh-CN', 'es', 'en'] as const) await ask(s, 'task 101', l);
    expect(s.locales.task).toEqual(['zh_CN', 'en_US', 'en_US']);
  });
});

describe('/aicc call in the reader’s language', () => {
  it('zh-CN, es and pt-BR: outcome, fields, durations and times', async () => {
    const zh = allText(await ask(setup(), 'call 1644464743-1388', 'zh-CN'));
    expect(zh).toContain('呼叫结果');
    expect(zh).toContain(':x: *呼叫失败*  ·  失败原因码 `00001`  ·  结果码 `OB0001`');
    expect(zh).toContain('*被叫号码*\n****1955');
    expect(zh).toContain('*振铃时长*\n1分05秒');
    expect(zh).toContain('*通话时长*\n未接通');
    expect(zh).toContain('*振铃开始*\n2026/11/20 11:00');
    const es = allText(await ask(setup(), 'call 1644464743-1388', 'es'));
    expect(es).toContain(':x: *Fallida*  ·  código de falla `00001`');
    expect(es).toContain('*Timbrado*\n1 min 05 s');
    expect(es).toContain('*Inicio del timbrado*\n20/11/2026 11:00');
    const pt = allText(await ask(setup(), 'call 1644464743-1388', 'pt-BR'));
    expect(pt).toContain('Resultado da chamada');
    expect(pt).toContain('*Conversa*\nnão atendida');
  });

  it('English is unchanged', async () => {
    const text = allText(await ask(setup(), 'call 1644464743-1388', 'en'));
    expect(text).toContain(':x: *Failed*  ·  fail code `00001`  ·  result code `OB0001`');
    expect(text).toContain('*Ring*\n1m 05s');
    expect(text).toContain('*Talk*\nnot answered');
    expect(text).toContain('*Ring started*\n2026-11-20 11:00');
  });

  it('asks iSales in the reader’s vendor locale, and words "no such call" for them', async () => {
    const s = setup();
    await ask(s, 'call 1644464743-1388', 'zh-CN');
    await ask(s, 'call 1644464743-1388', 'pt-BR');
    await ask(s, 'call 1644464743-1388', 'en');
    expect(s.locales.call).toEqual(['zh_CN', 'en_US', 'en_US']);
    const { AiccError } = await import('../../../../src/aicc/errors.js');
    const missing = setup({
      aicc: { isales: { callResultDetail: async () => Promise.reject(new AiccError({ service: 'isales', endpoint: 'call result', code: 'not_found' })) } } as unknown as Aicc,
    });
    const nf = await notFound(ask(missing, 'call 1000000000-1', 'zh-CN'));
    expect(say(translator('zh-CN'), nf.title)).toBe('VDN 8 中没有呼叫 `1000000000-1`。');
    expect(say(translator('pt-BR'), nf.hint!)).toBe('IDs de chamada têm o formato `1644464743-1388`; confira o VDN com `vdn:N`.');
  });
});

describe('/aicc bot in the reader’s language', () => {
  it('zh-CN: fields, table headings and the date; OIFDE asked in zh_CN', async () => {
    const s = setup();
    const text = allText(await ask(s, 'bot 943370855474270208', 'zh-CN'));
    expect(text).toContain('语音机器人话务量');
    expect(text).toContain(':robot_face: 机器人 `943370855474270208`  ·  2026/11/20，按小时');
    expect(text).toContain('*接入量*\n2,400');
    expect(text).toContain('*净自助解决率*\n70.0%');
    expect(text).toMatch(/```时段\s+接入\s+自助/);
    expect(s.locales.bot).toEqual(['zh_CN']);
  });

  it('es: the day and the figures', async () => {
    const text = allText(await ask(setup(), 'bot 943370855474270208', 'es'));
    expect(text).toContain(':robot_face: Bot `943370855474270208`  ·  20/11/2026, por hora');
    expect(text).toContain('*Tasa de autonomía*\n70.0%');
  });
});

describe('paging and pickers in the clicker’s language', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  /** UZH reads Chinese, UPT Portuguese, everyone else English. */
  const people: Locales = { ...fixedLocales('en'), forUser: async (u) => (u === 'UZH' ? 'zh-CN' : u === 'UPT' ? 'pt-BR' : 'en') };

  it('Next on a shared list answers the clicker in their language; an expired button too', async () => {
    store = await memoryStore();
    const actions = fakeActions();
    registerCampaignsPaging(actions, setup({ store, locales: people }).deps);
    const replies = fakeReplies();
    await actions.click(CAMPAIGNS_NEXT_ACTION, { value: encodeCampaignsQuery({ status: 'all', page: 2, vdn: 8 }), user: 'UZH' }, replies);
    const page = allText(replies.responses[0]!.blocks as never);
    expect(page).toContain('12 个外呼任务  ·  第 2/2 页');
    expect(buttons(replies.responses[0]!.blocks as never).map((b) => b.text)).toContain('◀ 上一页');
    await actions.click(CAMPAIGNS_NEXT_ACTION, { value: 'not a query', user: 'UPT' }, replies);
    expect(allText(replies.responses[1]!.blocks as never)).toContain('Este botão expirou');
    expect(replies.responses[1]!.text).toBe('Este botão expirou');
  });

  it('campaign and voice-bot options are labelled in the reader’s language', async () => {
    const deps = {
      ...setup().deps,
      vdnIds: [8, 9],
      store: {
        snapshots: { latest: async () => undefined, latestPerSubject: async () => [{ subject: '9433708' }] },
        digests: { list: async () => [] },
        alerts: { list: async () => [] },
      } as unknown as Store,
    };
    const zh = await campaignChoices(deps, 'renew', translator('zh-CN'));
    expect(zh).toContainEqual(['8:102', 'Renewals (102) · 已暂停 · VDN 8']);
    expect(await campaignChoice(deps, 8, '4242', translator('pt-BR'))).toEqual(['8:4242', 'Campanha 4242']);
    // The reader's language may still be on its way (the options listener looks it up beside the lists).
    expect(await botChoices(deps, '94', Promise.resolve(translator('es')))).toEqual([
      ['94', 'Usar el código de acceso 94'],
      ['9433708', 'Bot de voz 9433708'],
    ]);
    expect(await botChoices(deps, '555', translator('zh-CN'))).toEqual([['555', '使用接入码 555']]);
    expect(await campaignChoices(deps, 'renew', translator('en'))).toContainEqual(['8:102', 'Renewals (102) · paused · VDN 8']);
  });
});

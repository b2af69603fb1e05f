/**
 * The AICC `locale` header over real HTTP: a call made for one reader (call result, task real time,
 * voice-bot statistics) asks in that reader's vendor locale (zh_CN for Chinese, en_US otherwise),
 * so the vendor's own error text comes back in their language; what is shared between readers (the
 * VDN-wide statistics, the campaign directory) keeps the default. The real clients talk to a
 * scripted server that answers in the language it was asked in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAicc, type Aicc } from '../../../../src/aicc/index.js';
import { translator, type Locale } from '../../../../src/i18n/index.js';
import { handleBot } from '../../../../src/features/queries/bot.js';
import { handleCall } from '../../../../src/features/queries/call.js';
import { handleCampaigns } from '../../../../src/features/queries/campaigns.js';
import { createCampaignDirectory } from '../../../../src/features/queries/campaign-directory.js';
import { QUERIES_COMMANDS } from '../../../../src/features/queries/commands.js';
import type { QueriesDeps } from '../../../../src/features/queries/deps.js';
import { handleStats } from '../../../../src/features/queries/stats.js';
import { handleTask } from '../../../../src/features/queries/task.js';
import { createTaskRealtimeQuery } from '../../../../src/features/queries/task-realtime.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { loadConfig } from '../../../../src/platform/config.js';
import { silentLogger } from '../../../../src/platform/log.js';
import type { Invocation } from '../../../../src/slack/commands/handler.js';
import { parseCommand } from '../../../../src/slack/commands/parse.js';
import { explainError } from '../../../../src/slack/explain-error.js';
import { renderError } from '../../../../src/slack/render/error.js';
import type { Store } from '../../../../src/store/index.js';
import { fixtureJson } from '../../../support/fixtures.js';
import { allText } from '../../../support/render-fixtures.js';
import { json, startScriptedServer, type Received, type ScriptedServer } from '../../../support/scripted-server.js';

const sample = (name: string): unknown => fixtureJson(`samples/${name}.json`);

let server: ScriptedServer | undefined;
let aicc: Aicc | undefined;
afterEach(async () => {
  await aicc?.close();
  await server?.close();
  aicc = server = undefined;
});

/** The vendor's samples; a call id ending in `-0` is refused with a parameter error in the asked language. */
function vendor(r: Received, res: Parameters<Parameters<typeof startScriptedServer>[0]>[1]) {
  if (r.url.includes('/statistics')) return json(res, 200, sample('statistics'));
  if (r.url.includes('/callresultdetail/') && r.url.endsWith('-0')) {
    const desc = r.headers.locale === 'zh_CN' ? '参数异常：callId 格式不正确' : 'Parameter error: callId is malformed';
    return json(res, 200, { returnCode: '0200001', resultCode: '0200001', resultDesc: desc, returnDesc: desc });
  }
  if (r.url.includes('/callresultdetail/')) return json(res, 200, sample('call-detail'));
  if (r.url.startsWith('/rest/isales/v1/openapi/campaigns/8')) return json(res, 200, sample('campaign-list'));
  if (r.url.includes('realstatistic')) return json(res, 200, sample('cms-realtime'));
  if (r.url.endsWith('/gettoken')) return json(res, 200, { errorCode: '0', errorMsg: 'ok', authToken: 't1', expireTime: 3600 });
  if (r.url.endsWith('/queryCallStatisticsReport')) return json(res, 200, sample('oifde-report'));
  json(res, 404, {});
}

async function setup(): Promise<{ deps: QueriesDeps; server: ScriptedServer }> {
  server = await startScriptedServer(vendor);
  const config = loadConfig({
    AICC_ISALES_URL: server.url,
    AICC_CMS_URL: server.url,
    AICC_OIFDE_URL: server.url,
    AICC_AK: 'ak',
    AICC_SK: 'sk',
    AICC_OIFDE_TENANT_ID: '202104237142',
    AICC_OIFDE_APP_SECRET: 'pw',
    AICC_TIMEZONE: 'Asia/Shanghai',
  });
  const clock = manualClock('2021-08-13T04:00:00Z');
  aicc = createAicc(config.aicc, { clock, log: silentLogger, sleep: async () => undefined });
  const deps: QueriesDeps = {
    aicc,
    directory: createCampaignDirectory(aicc.isales, clock),
    tasks: createTaskRealtimeQuery(aicc.cms, clock),
    maskNumbers: true,
    clock,
    log: silentLogger,
    timeZone: 'Asia/Shanghai',
    // botCodesInUse is asked only when a report is empty; the sample is not.
    store: {} as Store,
    adminUsers: [],
    allowedChannels: [],
    vdnIds: [8],
  };
  return { deps, server };
}

function run(deps: QueriesDeps, text: string, locale: Locale) {
  const parsed = parseCommand(text, QUERIES_COMMANDS);
  if (!parsed.ok) throw new Error(`not a command: ${text}`);
  const inv: Invocation = { userId: 'U1', channelId: 'C1', vdn: 8, isAdmin: false, isPublic: false, tr: translator(locale) };
  const handlers = { stats: handleStats, campaigns: handleCampaigns, task: handleTask, call: handleCall, bot: handleBot } as const;
  const handler = handlers[parsed.command as keyof typeof handlers] as (p: typeof parsed, i: Invocation, d: QueriesDeps) => ReturnType<typeof handleStats>;
  return handler(parsed, inv, deps);
}

/** The `locale` header of each request whose URL contains `part`, in order. */
const localesOf = (s: ScriptedServer, part: string) => s.received.filter((r) => r.url.includes(part)).map((r) => r.headers.locale);

describe('the AICC locale header follows the reader', () => {
  it('call, task and voice-bot calls go out in zh_CN for a Chinese reader and en_US for an English one', async () => {
    const { deps, server } = await setup();
    for (const locale of ['zh-CN', 'en'] as const) {
      await run(deps, 'call 1644464743-1388', locale);
      await run(deps, 'task 1122104910', locale);
      await run(deps, 'bot 943370855474270208', locale);
    }
    expect(localesOf(server, '/callresultdetail/')).toEqual(['zh_CN', 'en_US']);
    // A task's figures, once they arrived, are the same in every language: shared for ten seconds.
    expect(localesOf(server, 'realstatistic')).toEqual(['zh_CN']);
    expect(localesOf(server, '/queryCallStatisticsReport')).toEqual(['zh_CN', 'en_US']);
    // The token is shared by every reader: asked once, in the default.
    expect(localesOf(server, '/gettoken')).toEqual(['en_US']);
  });

  it("a task's call goes out in the asker's locale when no figures are kept", async () => {
    const { deps, server } = await setup();
    await run(deps, 'task 1122104910', 'en');
    (deps.clock as ReturnType<typeof manualClock>).advance(11_000);
    await run(deps, 'task 1122104910', 'zh-CN');
    expect(localesOf(server, 'realstatistic')).toEqual(['en_US', 'zh_CN']);
  });

  it('Spanish and Portuguese readers ask in en_US, the other locale the vendor documents', async () => {
    const { deps, server } = await setup();
    await run(deps, 'call 1644464743-1388', 'es');
    await run(deps, 'call 1644464743-1388', 'pt-BR');
    expect(localesOf(server, '/callresultdetail/')).toEqual(['en_US', 'en_US']);
  });

  it('the vendor’s own error text reaches the reader in their language', async () => {
    const { deps } = await setup();
    const shown = async (locale: Locale) => {
      const tr = translator(locale);
      const error = await run(deps, 'call 1644464743-0', locale).then(() => undefined, (e: unknown) => e);
      expect(error).toBeDefined();
      return allText(renderError(tr, explainError(tr, error, { timeZone: deps.timeZone, reference: 'r1' })));
    };
    expect(await shown('zh-CN')).toContain('参数异常：callId 格式不正确');
    expect(await shown('en')).toContain('Parameter error: callId is malformed');
  });

  it('shared answers keep the default: the VDN-wide statistics and the campaign directory', async () => {
    const { deps, server } = await setup();
    const zh = allText(await run(deps, 'stats', 'zh-CN'));
    expect(zh).toContain('外呼任务统计');
    const campaigns = allText(await run(deps, 'campaigns all', 'zh-CN'));
    expect(campaigns).toContain('已暂停');
    expect(localesOf(server, '/statistics')).toEqual(['en_US']);
    expect(localesOf(server, '/rest/isales/v1/openapi/campaigns/8?')).toEqual(['en_US']);
  });
});

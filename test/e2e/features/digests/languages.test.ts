/**
 * A digest is posted in its own language (`lang:`), else in its channel's (`/aicc lang`), else in
 * the default: against real stores (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), the
 * simulator and the fake Slack Web API, on a fake clock, through the same language resolver the
 * bot builds. The creator's failure notice is in the creator's language.
 */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAicc } from '../../../../src/aicc/index.js';
import { createCollector } from '../../../../src/features/collector/runner.js';
import { createDigestService } from '../../../../src/features/digests/service.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { loadConfig } from '../../../../src/platform/config.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { createLocales } from '../../../../src/slack/locales.js';
import { createOutbound } from '../../../../src/slack/outbound.js';
import type { Store } from '../../../../src/store/index.js';
import { startFakeSlack, type FakeSlack } from '../../../../local/fakeslack/index.js';
import { botEnvFor } from '../../../../local/sim/bot-env.js';
import { startSimulator, type Simulator } from '../../../../local/sim/server.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { describeEachBackend } from '../../../support/backends.js';
import { blocksText } from '../../../support/e2e.js';

let sim: Simulator;
let slack: FakeSlack;
const clock = manualClock('2026-11-20T06:00:00Z'); // Friday 14:00 in Shanghai: campaigns are dialling
const CHANNELS = [
  { id: 'COPS', name: 'ops' },
  { id: 'CVENTAS', name: 'ventas' },
  { id: 'CZH', name: 'zh' },
];
beforeAll(async () => {
  sim = await startSimulator({ timeZone: 'Asia/Shanghai', clock });
  slack = await startFakeSlack({ channels: CHANNELS });
});
afterAll(async () => {
  await slack?.close();
  await sim?.close();
});

async function makeProcess(store: Store) {
  const config = loadConfig({ ...botEnvFor(sim), AICC_TIMEZONE: 'Asia/Shanghai' });
  const aicc = createAicc(config.aicc, { clock, log: silentLogger, statsLease: store.statsLease, statsCache: store.statsCache, sleep: async () => undefined });
  const outbound = createOutbound(new WebClient('xoxb-test', { slackApiUrl: slack.url }), { sleep: async () => undefined });
  // As bot.ts builds it, without Slack's per-user locale (the default is English).
  const locales = createLocales({ languages: store.languages, fallback: 'en', clock, log: silentLogger });
  const digests = createDigestService({ store, aicc, outbound, clock, log: silentLogger, graceMin: 120, freshMs: 600_000, timeZone: 'Asia/Shanghai', locales });
  const collector = createCollector({ aicc, store, clock, log: silentLogger, vdnIds: [8], botCodes: async () => [], intervalMs: 300_000, retentionDays: 35 });
  sim.resetLimits();
  await collector.tick();
  return { aicc, digests };
}

/** The digest posts (first message and thread) to `channel` since call `since`, as text; each passed the Block Kit checks. */
function postedText(channel: string, since: number): { text: string; fallback: string } {
  const posts = slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
  expect(posts.length).toBeGreaterThan(0);
  for (const p of posts) expect(blockProblems(p.body.blocks)).toEqual([]);
  const first = posts.find((p) => p.body.thread_ts === undefined)!;
  return { text: posts.map((p) => blocksText(p.body.blocks)).join('\n'), fallback: String(first.body.text) };
}

const subscribe = (store: Store, channelId: string, lang?: 'zh-CN' | 'es' | 'pt-BR' | 'en') =>
  store.digests.create({ channelId, vdn: 8, at: '09:00', days: 'daily', timeZone: 'Asia/Shanghai', createdBy: 'U1', createdAt: clock().getTime(), ...(lang ? { lang } : {}) });

describeEachBackend('digest languages', (backend) => {
  it('lang:zh-CN posts in Chinese, whatever the channel speaks', async () => {
    const store = await (await backend.fresh()).open();
    const p = await makeProcess(store);
    await store.languages.set('channel', 'CZH', 'es', 'U1', clock().getTime());
    const sub = await subscribe(store, 'CZH', 'zh-CN');
    expect((await store.digests.get(sub.id))?.lang).toBe('zh-CN');
    const before = slack.calls.length;
    expect(await p.digests.post(sub, { manual: true })).toMatchObject({ status: 'posted' });
    const { text, fallback } = postedText('CZH', before);
    expect(text).toContain('AICC 每日汇总');
    expect(text).toMatch(/\d+ 个外呼任务/);
    expect(text).toMatch(/接通率 \*\d+\.\d%\*/);
    expect(text).toContain('外呼任务列表截至');
    expect(text).toContain('状态');
    expect(text).not.toMatch(/AICC daily digest|Connection rate|Dialled|as of|Resumen|tasa de contacto/);
    expect(fallback).toMatch(/^AICC 每日汇总 2026\/11\/20：VDN 8：呼叫 [\d,]+，接通率 \d+\.\d%$/);
    await p.aicc.close();
  });

  it("without lang:, the channel's language (set by /aicc lang) is used", async () => {
    const store = await (await backend.fresh()).open();
    const p = await makeProcess(store);
    await store.languages.set('channel', 'CVENTAS', 'es', 'U1', clock().getTime());
    const sub = await subscribe(store, 'CVENTAS');
    const before = slack.calls.length;
    await p.digests.post(sub, { manual: true });
    const { text, fallback } = postedText('CVENTAS', before);
    expect(text).toContain('Resumen diario de AICC');
    expect(text).toMatch(/\d+ campañas, \d+ en curso/);
    expect(text).toMatch(/tasa de contacto \*\d+\.\d%\*/);
    expect(text).toContain('lista de campañas datos de las');
    expect(text).not.toMatch(/AICC daily digest|Connection rate|Dialled|as of/);
    expect(fallback).toMatch(/^Resumen diario de AICC 20\/11\/2026: VDN 8: [\d,]+ marcadas, \d+\.\d% contactadas$/);

    // Clearing the subscription's own language (the form's "channel's language") keeps following the channel;
    // giving it one overrides the channel.
    await store.digests.update(sub.id, { lang: 'pt-BR', updatedAt: clock().getTime() });
    const pt = slack.calls.length;
    await p.digests.post((await store.digests.get(sub.id))!, { manual: true });
    expect(postedText('CVENTAS', pt).text).toMatch(/taxa de atendimento \*\d+,\d%\*/);
    await store.digests.update(sub.id, { lang: null, updatedAt: clock().getTime() });
    expect((await store.digests.get(sub.id))?.lang).toBeUndefined();
    const again = slack.calls.length;
    await p.digests.post((await store.digests.get(sub.id))!, { manual: true });
    expect(postedText('CVENTAS', again).text).toContain('Resumen diario de AICC');
    await p.aicc.close();
  });

  it('no language anywhere: English, as before', async () => {
    const store = await (await backend.fresh()).open();
    const p = await makeProcess(store);
    const sub = await subscribe(store, 'COPS');
    const before = slack.calls.length;
    await p.digests.post(sub, { manual: true });
    const { text, fallback } = postedText('COPS', before);
    expect(text).toContain('AICC daily digest');
    expect(text).toMatch(/Dialled \*[\d,]+\* {2}· {2}connected \*[\d,]+\* {2}· {2}connection rate \*\d+\.\d%\*/);
    expect(text).toContain('campaign list as of');
    expect(text).toContain('Connection rate');
    expect(fallback).toMatch(/^AICC daily digest 2026-11-20: VDN 8: [\d,]+ dialled, \d+\.\d% connected$/);
    await p.aicc.close();
  });

  it("the creator is told of a failed post in the creator's language, not the channel's", async () => {
    const store = await (await backend.fresh()).open();
    const p = await makeProcess(store);
    await store.languages.set('user', 'UCREATOR', 'pt-BR', 'UCREATOR', clock().getTime());
    const sub = await store.digests.create({ channelId: 'CGONE', vdn: 8, at: '09:00', days: 'daily', timeZone: 'Asia/Shanghai', createdBy: 'UCREATOR', createdAt: clock().getTime(), lang: 'zh-CN' });
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const before = slack.calls.length;
    expect(await p.digests.post(sub, { manual: true })).toMatchObject({ status: 'failed' });
    const dm = slack.calls.slice(before).filter((c) => c.method === 'chat.postMessage').at(-1)!;
    expect(String(dm.body.text)).toMatch(/^Não foi possível enviar seu resumo \d+ do AICC para <#CGONE>: .*channel_not_found/);
    await p.aicc.close();
  });
});

/**
 * Scheduled digests against real stores (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), the
 * simulator and the fake Slack Web API, on a fake clock.
 */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAicc, type Aicc } from '../../../../src/aicc/index.js';
import { createCollector } from '../../../../src/features/collector/runner.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { loadConfig } from '../../../../src/platform/config.js';
import { createDigestService } from '../../../../src/features/digests/service.js';
import { createOutbound } from '../../../../src/slack/outbound.js';
import { startFakeSlack, type FakeSlack } from '../../../../local/fakeslack/index.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { startSimulator, type Simulator } from '../../../../local/sim/server.js';
import type { Store } from '../../../../src/store/index.js';
import { blocksText } from '../../../support/e2e.js';
import { describeEachBackend } from '../../../support/backends.js';
import { botEnvFor } from '../../../../local/sim/bot-env.js';

let sim: Simulator;
let slack: FakeSlack;
/** One clock for the simulator and the bot processes; each test sets it. */
const clock = manualClock('2026-11-20T00:00:00Z');
beforeAll(async () => {
  sim = await startSimulator({ timeZone: 'Asia/Shanghai', clock });
  slack = await startFakeSlack({ channels: [{ id: 'COPS', name: 'ops' }] });
});
afterAll(async () => {
  await slack?.close();
  await sim?.close();
});

const MIN = 60_000;

function makeProcess(store: Store) {
  const config = loadConfig({
    ...botEnvFor(sim),
    AICC_TIMEZONE: 'Asia/Shanghai',
  });
  const aicc: Aicc = createAicc(config.aicc, { clock, log: silentLogger, statsLease: store.statsLease, statsCache: store.statsCache, sleep: async () => undefined });
  const client = new WebClient('xoxb-test', { slackApiUrl: slack.url });
  const digests = createDigestService({ store, aicc, outbound: createOutbound(client, { sleep: async () => undefined }), clock, log: silentLogger, graceMin: 120, freshMs: 10 * MIN });
  const collector = createCollector({ aicc, store, clock, log: silentLogger, vdnIds: [8], botCodes: async () => [], intervalMs: 5 * MIN, retentionDays: 35 });
  return { aicc, digests, collector };
}

const postsTo = (channel: string, since: number) => slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel && !c.body.thread_ts);

describeEachBackend('digests', (backend) => {
  it('posts at 09:00 local time once, with two processes on one database', async () => {
    const db = await backend.fresh();
    // 08:50 in Shanghai on a Friday.
    clock.set('2026-11-20T00:50:00Z');
    const a = makeProcess(await db.open());
    const b = makeProcess(await db.open());
    const storeA = await db.open();
    const sub = await storeA.digests.create({ channelId: 'COPS', vdn: 8, at: '09:00', days: 'mon-fri', timeZone: 'Asia/Shanghai', createdBy: 'U1', createdAt: clock().getTime() });
    const before = slack.calls.length;
    await Promise.all([a.digests.runDue(), b.digests.runDue()]);
    expect(postsTo('COPS', before)).toHaveLength(0);
    clock.set('2026-11-20T01:00:20Z');
    await Promise.all([a.digests.runDue(), b.digests.runDue(), a.digests.runDue()]);
    const posts = postsTo('COPS', before);
    expect(posts).toHaveLength(1);
    expect(blocksText(posts[0]!.body.blocks)).toMatch(/2026-11-20/);
    const deliveries = await storeA.deliveries.bySubscription(sub.id);
    expect(deliveries.map((d) => d.status)).toEqual(['posted']);
    // Saturday: no digest.
    clock.set('2026-11-21T01:00:20Z');
    await a.digests.runDue();
    expect(postsTo('COPS', before)).toHaveLength(1);
    await a.aicc.close();
    await b.aicc.close();
  });

  it('after downtime posts late within the grace and records a miss beyond it; a restart keeps subscriptions', async () => {
    const db = await backend.fresh();
    clock.set('2026-11-16T00:00:00Z'); // Monday 08:00 Shanghai
    let store = await db.open();
    const sub = await store.digests.create({ channelId: 'COPS', vdn: 8, at: '09:00', days: 'daily', timeZone: 'Asia/Shanghai', createdBy: 'U1', createdAt: clock().getTime() });
    // The bot is down from Monday 08:00 to Monday 10:30 (within 120 minutes of 09:00).
    clock.set('2026-11-16T02:30:00Z');
    await store.close();
    store = await db.open(); // a restart
    expect((await store.digests.get(sub.id))?.at).toBe('09:00');
    let p = makeProcess(store);
    const before = slack.calls.length;
    await p.digests.runDue();
    const late = postsTo('COPS', before);
    expect(late).toHaveLength(1);
    expect(blocksText(late[0]!.body.blocks)).toMatch(/late/i);
    // Down again until Tuesday 12:00: Tuesday's 09:00 is beyond the grace.
    clock.set('2026-11-17T04:00:00Z');
    await p.aicc.close();
    p = makeProcess(store);
    const before2 = slack.calls.length;
    await p.digests.runDue();
    expect(postsTo('COPS', before2)).toHaveLength(0);
    const statuses = (await store.deliveries.bySubscription(sub.id)).map((d) => d.status);
    expect(statuses).toEqual(['missed', 'late']);
    await p.aicc.close();
  });

  it('says how figures moved since the same time yesterday, from stored snapshots', async () => {
    const db = await backend.fresh();
    const store = await db.open();
    clock.set('2026-11-19T06:00:00Z'); // Thursday 14:00
    const p = makeProcess(store);
    await p.collector.tick();
    clock.set('2026-11-20T06:00:00Z');
    sim.resetLimits();
    await p.collector.tick();
    const sub = await store.digests.create({ channelId: 'COPS', vdn: 8, at: '14:00', days: 'daily', timeZone: 'Asia/Shanghai', createdBy: 'U1', createdAt: clock().getTime() });
    const before = slack.calls.length;
    const outcome = await p.digests.post(sub, { manual: true });
    expect(outcome.status).toBe('posted');
    const all = slack.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    const text = all.map((c) => blocksText(c.body.blocks)).join('\n');
    expect(text).toMatch(/since yesterday|vs yesterday|Δ/);
    expect(text).toMatch(/as of/i);
    await p.aicc.close();
  });

  it('a delivery that Slack refuses is recorded and the creator is told by DM', async () => {
    const db = await backend.fresh();
    const store = await db.open();
    clock.set('2026-11-20T06:00:00Z');
    const p = makeProcess(store);
    const sub = await store.digests.create({ channelId: 'CGONE', vdn: 8, at: '09:00', days: 'daily', timeZone: 'Asia/Shanghai', createdBy: 'UCREATOR', createdAt: clock().getTime() });
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const before = slack.calls.length;
    const outcome = await p.digests.post(sub, { manual: true });
    expect(outcome).toMatchObject({ status: 'failed' });
    const dm = slack.calls.slice(before).find((c) => c.method === 'conversations.open');
    expect(dm?.body.users).toBe('UCREATOR');
    expect((await store.deliveries.bySubscription(sub.id))[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('channel_not_found') });
    await p.aicc.close();
  });
});

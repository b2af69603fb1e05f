/**
 * Slack 429 storm: the fake Web API answers 429 with Retry-After for a while; every digest message
 * arrives afterwards, in order, none lost.
 */
import { WebClient } from '@slack/web-api';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAicc } from '../../src/aicc/index.js';
import { manualClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { createDigestService } from '../../src/features/digests/service.js';
import { createOutbound } from '../../src/slack/outbound.js';
import { startFakeSlack, type FakeSlack } from '../../local/fakeslack/index.js';
import { silentLogger } from '../../src/platform/log.js';
import { startSimulator, type Simulator } from '../../local/sim/server.js';
import { openStore, type Store } from '../../src/store/index.js';

let sim: Simulator;
let slack: FakeSlack;
let store: Store;
const clock = manualClock('2026-11-20T09:00:30Z');
beforeAll(async () => {
  sim = await startSimulator({ clock, campaignsPerVdn: 300, runningShare: 0.6 });
  slack = await startFakeSlack({ channels: [{ id: 'CSTORM', name: 'storm' }] });
  store = await openStore({ url: join(mkdtempSync(join(tmpdir(), 'storm-')), 'db.sqlite') });
});
afterAll(async () => {
  await store?.close();
  await slack?.close();
  await sim?.close();
});

it('every digest message arrives after a storm of 429s, in order, none lost', async () => {
  const config = loadConfig({ AICC_ISALES_URL: sim.url, AICC_AK: sim.credentials.accessKey, AICC_SK: sim.credentials.secretKey });
  const aicc = createAicc(config.aicc, { clock, log: silentLogger, statsLease: store.statsLease, statsCache: store.statsCache });
  const client = new WebClient('xoxb-storm', { slackApiUrl: slack.url, logger: { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} } });
  const digests = createDigestService({ store, aicc, outbound: createOutbound(client), clock, log: silentLogger, graceMin: 120, freshMs: 600_000 });
  // Three digests due at 09:00 UTC, each long enough (300 campaigns) to need thread replies.
  const subs = [];
  for (let i = 0; i < 3; i++) subs.push(await store.digests.create({ channelId: 'CSTORM', vdn: 1, at: '09:00', days: 'daily', timeZone: 'UTC', createdBy: 'U1', createdAt: Date.parse('2026-11-20T08:00:00Z') }));
  for (let i = 0; i < 4; i++) slack.failNext('chat.postMessage', { status: 429, retryAfterS: 1 });

  const started = Date.now();
  await digests.runDue();
  expect(Date.now() - started).toBeGreaterThanOrEqual(4_000); // the client honoured Retry-After

  const statuses = await Promise.all(subs.map(async (s) => (await store.deliveries.bySubscription(s.id)).map((d) => d.status)));
  expect(statuses).toEqual([['posted'], ['posted'], ['posted']]);
  const top = slack.messages('CSTORM').filter((m) => !m.threadTs);
  expect(top).toHaveLength(3);
  expect(top.map((m) => (m.metadata?.event_payload as { job: string }).job)).toEqual(subs.map((s) => `digest:${s.id}@${Date.parse('2026-11-20T09:00:00Z')}`));
  for (const parent of top) {
    const replies = slack.messages('CSTORM').filter((m) => m.threadTs === parent.ts);
    expect(replies.length).toBe(parent.replyCount);
    // Replies in order: their ts increase, and they come after their parent.
    expect(replies.map((r) => Number(r.ts))).toEqual([...replies.map((r) => Number(r.ts))].sort((a, b) => a - b));
  }
  const rateLimited = slack.calls.filter((c) => c.method === 'chat.postMessage').length - slack.messages('CSTORM').length;
  expect(rateLimited).toBe(4);
  // The digest carried real figures, not an authentication failure.
  expect(JSON.stringify(top[0]!.blocks)).not.toMatch(/refused|could not/i);
  await aicc.close();
}, 90_000);

it('an alert that fires during a 429 storm arrives once, and its resolution after it, in order', async () => {
  const { startE2E } = await import('../support/e2e.js');
  const { DAY_START, START, env, healthyCampaign, slackSince, tickAfter, said } = await import('../support/alerts-e2e.js');
  const aclock = manualClock(START);
  const e2e = await startE2E({ clock: aclock, env: env(), sim: { timeZone: 'Asia/Shanghai' } });
  try {
    const c = healthyCampaign(e2e, aclock);
    await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:0 clear:45 <#COPS|ops>`, { user: 'UADMIN' });
    const mark = e2e.slack.calls.length;
    e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
    for (let i = 0; i < 3; i++) e2e.slack.failNext('chat.postMessage', { status: 429, retryAfterS: 1 });
    await tickAfter(e2e.bot, aclock, 0);
    e2e.sim.world.clearScenario();
    e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.99 });
    for (let i = 0; i < 2; i++) e2e.slack.failNext('chat.update', { status: 429, retryAfterS: 1 });
    await tickAfter(e2e.bot, aclock, 5);
    const s = slackSince(e2e, mark, 'COPS');
    // Four attempts at the post (three answered 429), one message in the channel.
    expect(s.top).toHaveLength(4);
    const top = e2e.slack.messages('COPS').filter((m) => !m.threadTs);
    expect(top).toHaveLength(1);
    const replies = e2e.slack.messages('COPS').filter((m) => m.threadTs === top[0]!.ts);
    expect(replies.some((r) => /resolved/i.test(JSON.stringify(r.blocks) + (r.text ?? '')))).toBe(true);
    expect(top[0]!.edited).toBe(true);
    expect(said(s.edits.at(-1))).toMatch(/resolved/i);
  } finally {
    await e2e.close();
  }
}, 90_000);

/**
 * Digests due together are posted up to four channels at once, each channel's in order: a post
 * Slack is slow to take holds up only its own channel. Simulator, fake Slack Web API, SQLite.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAicc } from '../../../../src/aicc/index.js';
import { createDigestService } from '../../../../src/features/digests/service.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { loadConfig } from '../../../../src/platform/config.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { createSlackClient } from '../../../../src/slack/client.js';
import { createOutbound, type Outbound } from '../../../../src/slack/outbound.js';
import { openStore, type Store } from '../../../../src/store/index.js';
import { startFakeSlack, type FakeSlack } from '../../../../local/fakeslack/index.js';
import { botEnvFor } from '../../../../local/sim/bot-env.js';
import { startSimulator, type Simulator } from '../../../../local/sim/server.js';

const clock = manualClock('2026-11-20T00:50:00Z'); // 08:50 in Shanghai, a Friday
let sim: Simulator;
let slack: FakeSlack;
let store: Store;
beforeAll(async () => {
  sim = await startSimulator({ timeZone: 'Asia/Shanghai', clock });
  slack = await startFakeSlack({ channels: [{ id: 'CSLOW', name: 'slow' }, { id: 'CFAST', name: 'fast' }] });
  store = await openStore({ url: join(mkdtempSync(join(tmpdir(), 'digest-channels-')), 'db.sqlite') });
});
afterAll(async () => {
  await store?.close();
  await slack?.close();
  await sim?.close();
});

const top = (channel: string) => slack.messages(channel).filter((m) => !m.threadTs);

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it("a stuck post holds up only its own channel; a channel's digests keep their order", async () => {
  const config = loadConfig({ ...botEnvFor(sim), AICC_TIMEZONE: 'Asia/Shanghai' });
  const aicc = createAicc(config.aicc, { clock, log: silentLogger, statsLease: store.statsLease, statsCache: store.statsCache, sleep: async () => undefined });
  const real = createOutbound(createSlackClient({ token: 'xoxb-test', apiUrl: slack.url }));
  // Slack is stuck for one channel only, until the test lets it through.
  let release!: () => void;
  const stuck = new Promise<void>((r) => (release = r));
  const outbound: Outbound = { ...real, postPlan: async (plan, o) => (plan.channel === 'CSLOW' ? stuck.then(() => real.postPlan(plan, o)) : real.postPlan(plan, o)) };
  const digests = createDigestService({ store, aicc, outbound, clock, log: silentLogger, graceMin: 120, freshMs: 600_000 });
  const sub = (channelId: string) => store.digests.create({ channelId, vdn: 8, at: '09:00', days: 'daily', timeZone: 'Asia/Shanghai', createdBy: 'U1', createdAt: clock().getTime() });
  // The stuck channel's subscription comes first: one at a time, it would hold up both others.
  const slow = await sub('CSLOW');
  const fast = [await sub('CFAST'), await sub('CFAST')];
  clock.set('2026-11-20T01:00:20Z');

  const run = digests.runDue();
  await until(() => top('CFAST').length === 2, "the other channel's digests");
  expect(top('CSLOW')).toHaveLength(0);
  expect(top('CFAST').map((m) => (m.metadata?.event_payload as { job: string }).job)).toEqual(fast.map((s) => `digest:${s.id}@${Date.parse('2026-11-20T01:00:00Z')}`));

  release();
  await run;
  expect(top('CSLOW')).toHaveLength(1);
  expect((await store.deliveries.bySubscription(slow.id)).map((d) => d.status)).toEqual(['posted']);
  await aicc.close();
});

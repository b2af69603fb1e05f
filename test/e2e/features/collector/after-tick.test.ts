/**
 * The work after a collector tick (alert evaluation, which waits on Slack) runs in the background:
 * the tick never waits for it, one run goes at a time, and stop() waits for the run in progress.
 * The collector runs against the simulator into a real SQLite store; the work is a stand-in the
 * test holds open.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createAicc, type Aicc } from '../../../../src/aicc/index.js';
import type { TickReport } from '../../../../src/features/collector/collect.js';
import { createCollector } from '../../../../src/features/collector/runner.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { loadConfig } from '../../../../src/platform/config.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { startSimulator, type Simulator } from '../../../../local/sim/server.js';
import { openStore, type Store } from '../../../../src/store/index.js';
import { botEnvFor } from '../../../../local/sim/bot-env.js';

let sim: Simulator | undefined;
const stores: Store[] = [];
const aiccs: Aicc[] = [];
afterEach(async () => {
  for (const a of aiccs.splice(0)) await a.close();
  for (const s of stores.splice(0)) await s.close();
  await sim?.close();
  sim = undefined;
});

const INTERVAL = 300_000;
const clock = manualClock('2026-11-20T06:00:00Z');

/** A collector whose after-tick work records what it was given and waits until `release()`. */
async function makeCollector() {
  sim ??= await startSimulator({ clock, timeZone: 'Asia/Shanghai' });
  const store = await openStore({ url: join(mkdtempSync(join(tmpdir(), 'after-')), 'db.sqlite') });
  stores.push(store);
  const config = loadConfig({ ...botEnvFor(sim), AICC_TIMEZONE: 'Asia/Shanghai' });
  const aicc = createAicc(config.aicc, { clock, log: silentLogger, statsLease: store.statsLease, statsCache: store.statsCache, sleep: async () => undefined });
  aiccs.push(aicc);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const work = { runs: [] as TickReport[], running: 0, most: 0, finished: 0 };
  const collector = createCollector({
    aicc,
    store,
    clock,
    log: silentLogger,
    vdnIds: [8],
    botCodes: async () => [],
    intervalMs: INTERVAL,
    retentionDays: 35,
    afterTick: async (report) => {
      work.runs.push(report);
      work.most = Math.max(work.most, ++work.running);
      await held;
      work.running--;
      work.finished++;
    },
  });
  return { store, collector, work, release };
}

const turn = () => new Promise((r) => setTimeout(r, 50));

it('a tick returns with its snapshots stored while the work after it is still running', async () => {
  const { store, collector, work, release } = await makeCollector();
  const report = await collector.tick();
  expect(report?.failures).toEqual([]);
  expect(await store.snapshots.latest('stats', 8, '', { okOnly: true })).toMatchObject({ takenAt: clock().getTime() });
  await turn();
  expect(work.runs).toEqual([report]);
  expect(work.finished).toBe(0);
  let settled = false;
  const settling = collector.settled().then(() => (settled = true));
  await turn();
  expect(settled).toBe(false);
  release();
  await settling;
  expect(work.finished).toBe(1);
});

it('runs one at a time; ticks that end meanwhile leave one more run, with the newest report', async () => {
  const { collector, work, release } = await makeCollector();
  clock.advance(INTERVAL);
  const first = await collector.tick();
  await turn();
  clock.advance(INTERVAL);
  await collector.tick();
  clock.advance(INTERVAL);
  const third = await collector.tick();
  await turn();
  expect(work.runs).toEqual([first]);
  release();
  await collector.settled();
  expect(work.runs.map((r) => r.at)).toEqual([first!.at, third!.at]);
  expect(work.most).toBe(1);
});

it('stop() waits for the run in progress and starts no other', async () => {
  const { collector, work, release } = await makeCollector();
  clock.advance(INTERVAL);
  await collector.tick();
  clock.advance(INTERVAL);
  await collector.tick(); // its run would follow the first
  await turn();
  let stopped = false;
  const stopping = collector.stop().then(() => (stopped = true));
  await turn();
  expect(stopped).toBe(false);
  release();
  await stopping;
  expect(work.finished).toBe(1);
  expect(work.runs).toHaveLength(1);
});

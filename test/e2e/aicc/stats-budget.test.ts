/**
 * The statistics budget over real HTTP: two bot processes (two stores on one SQLite file, two AICC
 * clients) against the simulator, which allows one statistics call per VDN per five minutes and
 * answers anything more with the vendor's 429. Counted from the simulator's own request record.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAicc, type Aicc } from '../../../src/aicc/index.js';
import type { StatsKey } from '../../../src/aicc/stats-guard.js';
import { manualClock } from '../../../src/platform/clock.js';
import { loadConfig } from '../../../src/platform/config.js';
import { silentLogger } from '../../../src/platform/log.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { botEnvFor } from '../../../local/sim/bot-env.js';
import { startSimulator, type StatisticsCall, type Simulator } from '../../../local/sim/server.js';

const INTERVAL = 300_000;
let sim: Simulator | undefined;
const stores: Store[] = [];
const aiccs: Aicc[] = [];
afterEach(async () => {
  for (const a of aiccs.splice(0)) await a.close();
  for (const s of stores.splice(0)) await s.close();
  await sim?.close();
  sim = undefined;
});

/** Per VDN, the statistics calls the simulator saw are an interval apart. */
function spacedPerVdn(calls: StatisticsCall[]): boolean {
  const last = new Map<number, number>();
  for (const c of calls) {
    const prev = last.get(c.vdn);
    if (prev !== undefined && c.at - prev < INTERVAL) return false;
    last.set(c.vdn, c.at);
  }
  return true;
}

describe('statistics budget, two processes against the simulator', () => {
  it('a dozen campaign and batch queries: one statistics call per VDN per interval, never a 429', async () => {
    const clock = manualClock('2026-11-20T06:00:00Z');
    sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai' });
    const db = join(mkdtempSync(join(tmpdir(), 'stats-budget-')), 'bot.sqlite');
    const config = loadConfig({ ...botEnvFor(sim), AICC_TIMEZONE: 'Asia/Shanghai', AICC_VDN_IDS: '8,9' }).aicc;
    const processes: Aicc[] = [];
    for (let i = 0; i < 2; i++) {
      const store = await openStore({ url: db });
      stores.push(store);
      const aicc = createAicc(config, { clock, log: silentLogger, statsLease: store.statsLease, statsCache: store.statsCache, sleep: async () => undefined });
      aiccs.push(aicc);
      processes.push(aicc);
    }
    const campaign = sim.world.campaigns(8).find((c) => c.status === 2 && c.batches.length > 1)!;
    const other = sim.world.campaigns(8).find((c) => c.id !== campaign.id)!;
    const id = String(campaign.id);
    const queries: StatsKey[] = [
      { vdn: 8, campaignId: id },
      { vdn: 8, campaignId: id, batchId: campaign.batches[0]!.batchId },
      { vdn: 8 },
      { vdn: 8, campaignId: String(other.id) },
      { vdn: 8, campaignId: id, batchId: campaign.batches[1]!.batchId },
      { vdn: 9 },
    ];

    for (let round = 0; round < 3; round++) {
      const answers = [];
      // Twelve queries, alternating processes, a few seconds apart.
      for (const [i, q] of [...queries, ...queries].entries()) {
        clock.advance(2_000);
        answers.push(await processes[i % 2]!.stats.get(q));
      }
      expect(answers.every((a) => !a.stale)).toBe(true);
      const batchAnswer = answers[1]!.campaigns;
      expect(batchAnswer.map((c) => c.campaignId)).toEqual([id]);
      expect(batchAnswer[0]!.batches.some((b) => b.batchId === campaign.batches[0]!.batchId)).toBe(true);
      // A batch the VDN-wide answer does not list needs its own call: refused, with the next slot.
      const refused = await processes[round % 2]!.stats.get({ vdn: 8, campaignId: id, batchId: '999999999' }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'rate_limited', httpStatus: undefined, retryAt: expect.any(Date) });
      clock.advance(INTERVAL);
    }

    const calls = sim.statisticsCalls();
    expect(calls.filter((c) => c.status === 429)).toEqual([]);
    expect(sim.requestCounts()['isales.statistics']).toEqual({ '200': 6 });
    expect(calls.map((c) => c.vdn)).toEqual([8, 9, 8, 9, 8, 9]);
    expect(calls.every((c) => c.campaignId === undefined && c.batchId === undefined)).toBe(true);
    expect(spacedPerVdn(calls)).toBe(true);
  });
});

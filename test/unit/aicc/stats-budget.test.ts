/**
 * The statistics budget: one call per VDN per interval whatever the query, spaced so that a server
 * enforcing exactly the interval (counting from when a call arrives) never answers 429, even with
 * a slow first call, a second process whose clock is behind, or a caller on the interval's grid.
 */
import { describe, expect, it } from 'vitest';
import type { CampaignStats } from '../../../src/aicc/domain.js';
import { AiccError } from '../../../src/aicc/errors.js';
import { createStatsGuard, memoryStatsCache, memoryStatsLease, type StatsKey } from '../../../src/aicc/stats-guard.js';
import { manualClock, type Clock, type ManualClock } from '../../../src/platform/clock.js';

const MIN = 60_000;
const INTERVAL = 5 * MIN;
const T0 = '2026-11-21T10:00:00Z';

/** Campaign 1 with batches A and B, campaign 2 without batches. */
const vdnAnswer = (n: number): CampaignStats[] => [
  { campaignId: '1', dailyCalled: n, batches: [{ batchId: 'A', dailyCalled: n }, { batchId: 'B', dailyCalled: 0 }] },
  { campaignId: '2', dailyCalled: 2 * n, batches: [] },
];

/**
 * A statistics server that enforces exactly `INTERVAL` per VDN on the true clock, counting from
 * when a call arrives (the vendor's "五分钟执行一次"), with network latency on the way in and out.
 */
function exactServer(trueClock: ManualClock) {
  const arrivals = new Map<number, number>();
  const log: Array<{ key: StatsKey; at: number; status: 200 | 429 }> = [];
  return {
    log,
    async call(key: StatsKey, latency: { in: number; out: number } = { in: 50, out: 50 }): Promise<CampaignStats[]> {
      trueClock.advance(latency.in);
      const at = trueClock().getTime();
      const last = arrivals.get(key.vdn);
      const ok = last === undefined || at - last >= INTERVAL;
      log.push({ key, at, status: ok ? 200 : 429 });
      if (ok) arrivals.set(key.vdn, at);
      trueClock.advance(latency.out);
      if (!ok) throw new AiccError({ service: 'isales', endpoint: 'statistics', code: 'rate_limited', httpStatus: 429 });
      return vdnAnswer(log.length);
    },
  };
}

/** A clock that reads `offsetMs` off another one, as a second process on another host would. */
function skewed(base: Clock, offsetMs: number): Clock {
  return () => new Date(base().getTime() + offsetMs);
}

describe('statistics budget per VDN', () => {
  it('a dozen VDN, campaign and batch queries within seconds make one call; a batch the answer lacks is refused with the next slot', async () => {
    const clock = manualClock(T0);
    const asked: StatsKey[] = [];
    const guard = createStatsGuard({
      clock,
      intervalMs: INTERVAL,
      sleep: async (ms) => clock.advance(ms),
      fetch: async (key) => {
        asked.push(key);
        clock.advance(200);
        return vdnAnswer(1);
      },
    });
    const queries: StatsKey[] = [
      { vdn: 8 },
      { vdn: 8, campaignId: '1' },
      { vdn: 8, campaignId: '1', batchId: 'A' },
      { vdn: 8, campaignId: '2' },
      { vdn: 8, campaignId: '1', batchId: 'B' },
      { vdn: 8 },
    ];
    // Concurrently and one after another, a second apart.
    const first = await Promise.all(queries.map((q) => guard.get(q)));
    for (const q of queries) {
      clock.advance(1000);
      await guard.get(q);
    }
    expect(asked).toEqual([{ vdn: 8 }]);
    expect(first[1]?.campaigns.map((c) => c.campaignId)).toEqual(['1']);
    expect(first[2]?.campaigns[0]?.batches.map((b) => b.batchId)).toEqual(['A', 'B']);
    expect(first.every((r) => !r.stale)).toBe(true);

    // A batch the VDN-wide answer does not list needs a call of its own: not now, and no call made.
    const refused = await guard.get({ vdn: 8, campaignId: '2', batchId: 'Z' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AiccError);
    expect(refused).toMatchObject({ code: 'rate_limited', httpStatus: undefined });
    // The answer arrived at 10:00:00.2; one interval and the 2-second margin later.
    expect((refused as AiccError).retryAt?.toISOString()).toBe('2026-11-21T10:05:02.200Z');
    expect((refused as AiccError).hint).toMatch(/one statistics call per 5 minutes for the whole VDN/);
    expect(asked).toHaveLength(1);

    // When the slot opens it makes that call, and only that one.
    clock.set('2026-11-21T10:05:03Z');
    await guard.get({ vdn: 8, campaignId: '2', batchId: 'Z' });
    expect(asked).toEqual([{ vdn: 8 }, { vdn: 8, campaignId: '2', batchId: 'Z' }]);
  });

  it('a slow first call and a fast second one: the server sees them an interval apart, no 429', async () => {
    const clock = manualClock(T0);
    const server = exactServer(clock);
    const latencies = [{ in: 3000, out: 100 }, { in: 50, out: 50 }];
    const guard = createStatsGuard({ clock, intervalMs: INTERVAL, sleep: async (ms) => clock.advance(ms), fetch: (key) => server.call(key, latencies.shift()) });
    await guard.get({ vdn: 8 });
    clock.set('2026-11-21T10:05:00Z');
    const second = await guard.get({ vdn: 8 });
    expect(second.stale).toBe(false);
    expect(server.log.map((c) => c.status)).toEqual([200, 200]);
    expect(server.log[1]!.at - server.log[0]!.at).toBeGreaterThanOrEqual(INTERVAL);
  });

  it('two processes sharing the lease, one with its clock 1.5 s behind: never a 429', async () => {
    const truth = manualClock(T0);
    const server = exactServer(truth);
    const lease = memoryStatsLease();
    const cache = memoryStatsCache();
    const sleep = async (ms: number) => truth.advance(ms);
    const fetch = (key: StatsKey) => server.call(key);
    const behind = createStatsGuard({ clock: skewed(truth, -1500), intervalMs: INTERVAL, lease, cache, sleep, fetch });
    const exact = createStatsGuard({ clock: truth, intervalMs: INTERVAL, lease, cache, sleep, fetch });
    await behind.get({ vdn: 8 });
    // The slow clock said 09:59:58.5 when it called: by its reckoning the slot is free again
    // at 10:04:58.5, a second and a half before the server's five minutes are over.
    truth.set('2026-11-21T10:04:59Z');
    const second = await exact.get({ vdn: 8 });
    expect(second.stale).toBe(false);
    expect(server.log.map((c) => c.status)).toEqual([200, 200]);
    expect(server.log[1]!.at - server.log[0]!.at).toBeGreaterThanOrEqual(INTERVAL);
  });

  it('on the collector’s five-minute grid, with jittery latency: never a 429, and nearly every tick fresh', async () => {
    const clock = manualClock(T0);
    const server = exactServer(clock);
    let n = 0;
    // Latency alternates between slow and fast, the case where "exactly five minutes apart" on
    // our side is less than five minutes on the server's.
    const guard = createStatsGuard({ clock, intervalMs: INTERVAL, sleep: async (ms) => clock.advance(ms), fetch: (key) => server.call(key, n++ % 2 === 0 ? { in: 400, out: 100 } : { in: 20, out: 20 }) });
    let fresh = 0;
    const ticks = 36; // three hours
    for (let tick = 0; tick < ticks; tick++) {
      clock.set(new Date(T0).getTime() + tick * INTERVAL + 50);
      const r = await guard.get({ vdn: 8 });
      if (clock().getTime() - r.fetchedAt.getTime() < 60_000) fresh++;
    }
    expect(server.log.filter((c) => c.status === 429)).toEqual([]);
    for (let i = 1; i < server.log.length; i++) expect(server.log[i]!.at - server.log[i - 1]!.at).toBeGreaterThanOrEqual(INTERVAL);
    // The 2-second margin and the answer time add up until one wait would exceed 15 s: that tick
    // serves the previous value, the next one is on time again.
    expect(fresh).toBeGreaterThanOrEqual(ticks - Math.ceil(ticks / 6));
  });

  it('a timed-out call spends the slot (the vendor may have counted it); a refused connection gives it back', async () => {
    const clock = manualClock(T0);
    const server = exactServer(clock);
    let mode: 'timeout' | 'refused' | 'ok' = 'timeout';
    const guard = createStatsGuard({
      clock,
      intervalMs: INTERVAL,
      sleep: async (ms) => clock.advance(ms),
      fetch: async (key) => {
        if (mode === 'refused') throw new AiccError({ service: 'isales', endpoint: 'statistics', code: 'network', requestSent: false });
        if (mode === 'timeout') {
          await server.call(key); // it arrived; the answer did not come back in time
          throw new AiccError({ service: 'isales', endpoint: 'statistics', code: 'timeout' });
        }
        return server.call(key);
      },
    });
    await expect(guard.get({ vdn: 8 })).rejects.toMatchObject({ code: 'timeout' });
    mode = 'ok';
    clock.advance(10_000);
    await expect(guard.get({ vdn: 8 })).rejects.toMatchObject({ code: 'rate_limited', httpStatus: undefined });
    expect(server.log.map((c) => c.status)).toEqual([200]);

    await expect(guard.get({ vdn: 9 }).then(() => 'ok')).resolves.toBe('ok');
    clock.advance(INTERVAL + 5_000);
    mode = 'refused';
    expect(await guard.get({ vdn: 9 })).toMatchObject({ stale: true, staleReason: { code: 'network' } });
    mode = 'ok';
    expect((await guard.get({ vdn: 9 })).stale).toBe(false);
    expect(server.log.map((c) => c.status)).toEqual([200, 200, 200]);
  });
});

import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/platform/clock.js';
import type { CampaignStats } from '../../../src/aicc/domain.js';
import { AiccError } from '../../../src/aicc/errors.js';
import { createStatsGuard, memoryStatsCache, memoryStatsLease } from '../../../src/aicc/stats-guard.js';

const stats = (dailyCalled: number): CampaignStats[] => [{ campaignId: '1', dailyCalled, batches: [] }];
const MIN = 60_000;

function setup(fetchImpl: () => Promise<CampaignStats[]>) {
  const clock = manualClock('2026-11-21T10:00:00Z');
  let calls = 0;
  const guard = createStatsGuard({
    fetch: () => {
      calls++;
      return fetchImpl();
    },
    intervalMs: 5 * MIN,
    clock,
    // Waiting for a slot about to open moves the clock, as real time would.
    sleep: async (ms) => clock.advance(ms),
  });
  return { clock, guard, calls: () => calls };
}

describe('statistics guard', () => {
  it('shares one in-flight call among concurrent identical requests', async () => {
    const { guard, calls } = setup(async () => stats(3));
    const results = await Promise.all(Array.from({ length: 50 }, () => guard.get({ vdn: 8 })));
    expect(calls()).toBe(1);
    expect(results.every((r) => r.campaigns[0]?.dailyCalled === 3 && !r.stale)).toBe(true);
  });

  it('serves the cached value within the interval and refreshes after it', async () => {
    let n = 0;
    const { guard, clock, calls } = setup(async () => stats(++n));
    const first = await guard.get({ vdn: 8 });
    clock.advance(4 * MIN);
    const second = await guard.get({ vdn: 8 });
    expect(second.campaigns[0]?.dailyCalled).toBe(1);
    expect(second.fetchedAt).toEqual(first.fetchedAt);
    // One interval plus the 2-second safety margin after the answer arrived.
    expect(second.nextRefreshAt.toISOString()).toBe('2026-11-21T10:05:02.000Z');
    clock.advance(MIN);
    expect((await guard.get({ vdn: 8 })).campaigns[0]?.dailyCalled).toBe(2);
    expect(calls()).toBe(2);
  });

  it('a call that took a while is still due one interval after it was asked for', async () => {
    const clock = manualClock('2026-11-21T10:00:00Z');
    let calls = 0;
    const guard = createStatsGuard({
      fetch: async () => {
        calls++;
        clock.advance(400); // the vendor took 400 ms
        return stats(calls);
      },
      intervalMs: 5 * MIN,
      clock,
    });
    expect((await guard.get({ vdn: 8 })).fetchedAt.toISOString()).toBe('2026-11-21T10:00:00.000Z');
    clock.set('2026-11-21T10:05:00Z');
    expect((await guard.get({ vdn: 8 })).campaigns[0]?.dailyCalled).toBe(2);
  });

  it('keeps one budget per VDN, whatever the query', async () => {
    const { guard, calls } = setup(async () => stats(1));
    await guard.get({ vdn: 8 });
    await guard.get({ vdn: 8, campaignId: '1' });
    // The VDN-wide answer does not list batch b, and the VDN's call is spent.
    await expect(guard.get({ vdn: 8, campaignId: '1', batchId: 'b' })).rejects.toMatchObject({ code: 'rate_limited' });
    await guard.get({ vdn: 9 });
    await guard.get({ vdn: 8, campaignId: '1' });
    expect(calls()).toBe(2);
  });

  it('on a 429 serves the last good value, marked stale with the next refresh time', async () => {
    let fail = false;
    const { guard, clock } = setup(async () => {
      if (fail) throw new AiccError({ service: 'isales', endpoint: 'statistics', code: 'rate_limited', httpStatus: 429 });
      return stats(7);
    });
    await guard.get({ vdn: 8 });
    clock.advance(6 * MIN);
    fail = true;
    const r = await guard.get({ vdn: 8 });
    expect(r).toMatchObject({ stale: true, campaigns: stats(7) });
    expect(r.staleReason?.code).toBe('rate_limited');
    expect(r.nextRefreshAt.toISOString()).toBe('2026-11-21T10:11:02.000Z');
  });

  it('on a 429 with no value yet, throws a rate-limit error saying when to retry', async () => {
    const { guard } = setup(async () => {
      throw new AiccError({ service: 'isales', endpoint: 'statistics', code: 'rate_limited', httpStatus: 429 });
    });
    await expect(guard.get({ vdn: 8 })).rejects.toMatchObject({ code: 'rate_limited', retryAt: new Date('2026-11-21T10:05:02Z') });
  });

  it('gives the lease back when the call never reached the vendor', async () => {
    let fail = true;
    const { guard, calls } = setup(async () => {
      if (fail) throw new AiccError({ service: 'isales', endpoint: 'statistics', code: 'network' });
      return stats(1);
    });
    await expect(guard.get({ vdn: 8 })).rejects.toMatchObject({ code: 'network' });
    fail = false;
    expect((await guard.get({ vdn: 8 })).stale).toBe(false);
    expect(calls()).toBe(2);
  });

  it('two guards sharing one lease and cache make one upstream call between them', async () => {
    const clock = manualClock('2026-11-21T10:00:00Z');
    const lease = memoryStatsLease();
    const cache = memoryStatsCache();
    let calls = 0;
    const fetch = async () => {
      calls++;
      return stats(5);
    };
    const a = createStatsGuard({ fetch, intervalMs: 5 * MIN, clock, lease, cache });
    const b = createStatsGuard({ fetch, intervalMs: 5 * MIN, clock, lease, cache });
    await a.get({ vdn: 8 });
    expect((await b.get({ vdn: 8 })).campaigns).toEqual(stats(5));
    expect(calls).toBe(1);
  });
});

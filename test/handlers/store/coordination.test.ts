import { beforeAll, expect, it } from 'vitest';
import type { CampaignStats } from '../../../src/aicc/domain.js';
import { createStatsGuard } from '../../../src/aicc/stats-guard.js';
import { manualClock } from '../../../src/platform/clock.js';
import type { Store } from '../../../src/store/index.js';
import { describeEachBackend } from '../../support/backends.js';

const T0 = Date.parse('2026-11-21T09:00:00Z');
const MIN = 60_000;

describeEachBackend('job claims, leases and the statistics budget', (backend) => {
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    const db = await backend.fresh();
    a = await db.open();
    b = await db.open();
  });

  it('20 concurrent claims of one run across two stores: exactly one wins', async () => {
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).jobs.claim('digest:1', T0, `holder-${i}`, T0 + i)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const run = await a.jobs.get('digest:1', T0);
    expect(run).toMatchObject({ job: 'digest:1', scheduledFor: T0, status: 'running', holder: `holder-${claims.indexOf(true)}` });
    expect(run?.finishedAt).toBeUndefined();
    // another scheduled time is another run
    expect(await a.jobs.claim('digest:1', T0 + 60 * MIN, 'h', T0)).toBe(true);
  });

  it('finishes runs and reports the last and recent ones', async () => {
    expect(await a.jobs.claim('collect', T0, 'h1', T0)).toBe(true);
    expect(await b.jobs.finish('collect', T0, 'done', 'ok 1000 rows', T0 + 5000)).toBe(true);
    expect(await a.jobs.claim('collect', T0 + 5 * MIN, 'h1', T0 + 5 * MIN)).toBe(true);
    expect(await a.jobs.finish('collect', T0 + 5 * MIN, 'failed', 'timeout')).toBe(true);
    expect(await a.jobs.finish('collect', T0 + 10 * MIN, 'missed')).toBe(false);
    expect(await b.jobs.lastRun('collect')).toMatchObject({ scheduledFor: T0 + 5 * MIN, status: 'failed', detail: 'timeout' });
    expect(await a.jobs.get('collect', T0)).toMatchObject({ status: 'done', detail: 'ok 1000 rows', finishedAt: T0 + 5000 });
    expect(await a.jobs.lastRun('never')).toBeUndefined();
    const recent = await a.jobs.recent(3);
    expect(recent).toHaveLength(3);
    expect(recent[0]?.scheduledFor).toBeGreaterThanOrEqual(recent[1]?.scheduledFor ?? 0);
  });

  it('leases: one holder at a time, renewal by the holder, expiry and release', async () => {
    const L = a.leases;
    const both = await Promise.all([a.leases.tryAcquire('collector', 'A', T0, MIN), b.leases.tryAcquire('collector', 'B', T0, MIN)]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const [winner, loser] = both[0] ? ['A', 'B'] : ['B', 'A'];
    expect(await L.heldUntil('collector')).toBe(T0 + MIN);
    expect(await L.tryAcquire('collector', loser, T0 + 30_000, MIN)).toBe(false);
    expect(await L.tryAcquire('collector', winner, T0 + 30_000, MIN)).toBe(true); // renewed
    expect(await L.get('collector')).toEqual({ key: 'collector', holder: winner, acquiredAt: T0 + 30_000, expiresAt: T0 + 90_000 });
    expect(await L.tryAcquire('collector', winner, T0 + 40_000, MIN, { reentrant: false })).toBe(false);
    expect(await L.tryAcquire('collector', loser, T0 + 89_999, MIN)).toBe(false);
    expect(await L.tryAcquire('collector', loser, T0 + 90_000, MIN)).toBe(true); // expired: taken over
    expect(await L.release('collector', winner)).toBe(false); // no longer theirs
    expect(await L.release('collector', loser)).toBe(true);
    expect(await L.heldUntil('collector')).toBeUndefined();
    expect(await L.tryAcquire('collector', winner, T0 + 91_000, MIN)).toBe(true);
  });

  it('stats lease: not re-entrant, shared across stores, released only by its holder', async () => {
    const now = new Date(T0);
    expect(await a.statsLease.tryAcquire('8||', now, 5 * MIN)).toBe(true);
    expect(await a.statsLease.tryAcquire('8||', now, 5 * MIN)).toBe(false);
    expect(await b.statsLease.tryAcquire('8||', new Date(T0 + 4 * MIN), 5 * MIN)).toBe(false);
    expect(await b.statsLease.heldUntil('8||')).toEqual(new Date(T0 + 5 * MIN));
    await b.statsLease.release('8||'); // not b's claim: nothing happens
    expect(await a.statsLease.heldUntil('8||')).toEqual(new Date(T0 + 5 * MIN));
    await a.statsLease.release('8||');
    expect(await b.statsLease.heldUntil('8||')).toBeUndefined();
    expect(await b.statsLease.tryAcquire('8||', new Date(T0 + 4 * MIN), 5 * MIN)).toBe(true);
    expect(await a.statsLease.heldUntil('missing')).toBeUndefined();
  });

  it('stats cache round-trips values with their Date', async () => {
    const campaigns: CampaignStats[] = [{ campaignId: '101', dailyCalled: 12, total: 100, batches: [{ batchId: 'b1', remaining: 3 }] }];
    expect(await a.statsCache.get('9||')).toBeUndefined();
    await a.statsCache.set('9||', { campaigns, fetchedAt: new Date(T0) });
    const got = await b.statsCache.get('9||');
    expect(got?.fetchedAt).toBeInstanceOf(Date);
    expect(got).toEqual({ campaigns, fetchedAt: new Date(T0) });
    await b.statsCache.set('9||', { campaigns: [], fetchedAt: new Date(T0 + MIN) });
    expect(await a.statsCache.get('9||')).toEqual({ campaigns: [], fetchedAt: new Date(T0 + MIN) });
  });

  it('two statistics guards on two stores make one upstream call per interval', async () => {
    const clock = manualClock(T0 + 3_600_000);
    let calls = 0;
    const fetch = async () => {
      calls++;
      return [{ campaignId: '5', dailyCalled: calls, batches: [] }];
    };
    const guardA = createStatsGuard({ fetch, intervalMs: 5 * MIN, clock, lease: a.statsLease, cache: a.statsCache });
    const guardB = createStatsGuard({ fetch, intervalMs: 5 * MIN, clock, lease: b.statsLease, cache: b.statsCache });
    const first = await guardA.get({ vdn: 77 });
    const second = await guardB.get({ vdn: 77 });
    expect(calls).toBe(1);
    expect(second.stale).toBe(false);
    expect(second.fetchedAt).toEqual(first.fetchedAt);
    clock.advance(5 * MIN);
    await guardB.get({ vdn: 77 });
    expect(calls).toBe(2);
  });
});

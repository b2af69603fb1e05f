/**
 * Timer-driven work when the database fails under it, and after a process died mid-tick: nothing
 * rejects out of a tick, the failure shows in /readyz and /aicc status, the next turn tries again,
 * and a claim whose process died is taken over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksText, startE2E, type E2E } from '../support/e2e.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const readyz = async () => {
  const res = await fetch(`${e2e.botUrl}/readyz`);
  return { status: res.status, body: (await res.json()) as { failingJobs?: string[] } };
};

describe('the collector when the database fails', () => {
  it('logs, records and retries: /readyz and /aicc status say so, and the next good turn clears it', async () => {
    const jobs = e2e.bot.store.jobs;
    const claim = jobs.claim.bind(jobs);
    jobs.claim = () => Promise.reject(new Error('SQLITE_FULL: database or disk is full'));
    try {
      for (let i = 0; i < 3; i++) await expect(e2e.bot.collector.tick(new Date(Date.now() + i * 60_000))).resolves.toBeUndefined();
      expect(e2e.logs.some((l) => l.includes('collector could not claim its tick') && l.includes('SQLITE_FULL'))).toBe(true);
      const r = await readyz();
      expect(r.status).toBe(503);
      expect(r.body.failingJobs).toContain('collector');
      const status = await e2e.slash('status');
      expect(blocksText(status.responses[0]!.body.blocks)).toMatch(/collector\*: failing, 3 time\(s\) in a row.*SQLITE_FULL/);
    } finally {
      jobs.claim = claim;
    }
    const report = await e2e.bot.collector.tick(new Date(Date.now() + 10 * 60_000));
    expect(report?.snapshots).toBeGreaterThan(0);
    const r = await readyz();
    expect(r.body.failingJobs).toEqual([]);
    expect(r.status).toBe(200);
  });
});

describe('a tick claimed by a process that died', () => {
  it('is taken over when the holder has no heartbeat, and left alone while it has one', async () => {
    const at = new Date(Date.now() + 60 * 60_000);
    const interval = e2e.bot.collector.intervalMs;
    const slot = Math.floor(at.getTime() / interval) * interval;
    await e2e.bot.store.leases.tryAcquire('alive:live-process', 'live-process', at.getTime(), 60_000);
    expect(await e2e.bot.store.jobs.claim('collect', slot, 'live-process', at.getTime() - 20_000)).toBe(true);
    expect(await e2e.bot.collector.tick(at)).toBeUndefined();

    const later = new Date(at.getTime() + interval);
    const nextSlot = slot + interval;
    // Claimed 20 s before, longer than a heartbeat lasts, by a process with none.
    expect(await e2e.bot.store.jobs.claim('collect', nextSlot, 'dead-process', later.getTime() - 20_000)).toBe(true);
    const report = await e2e.bot.collector.tick(later);
    expect(report?.snapshots).toBeGreaterThan(0);
    expect((await e2e.bot.store.jobs.get('collect', nextSlot))?.status).toBe('done');
    expect(e2e.logs.some((l) => l.includes('took over a collector tick whose process died'))).toBe(true);
  });
});

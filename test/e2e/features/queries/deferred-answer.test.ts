/**
 * A batch query while the VDN's statistics call is spent: answered at once with when, and again
 * through the same response_url once the next call is allowed (one statistics call per VDN per
 * interval all the same).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ env: { AICC_STATS_MIN_INTERVAL_S: '5', COLLECT_INTERVAL_S: '10' }, sim: { statsIntervalS: 5 } });
});
afterAll(async () => {
  await e2e?.close();
});

describe('a query that needs a statistics call the budget does not have yet', () => {
  it('says when it will answer, then answers through the same response_url', async () => {
    const campaign = e2e.sim.world.campaigns(8)[0]!;
    expect(blocksText((await e2e.slash('stats')).responses[0]!.body.blocks)).toContain(String(campaign.id));
    const started = Date.now();
    const r = await e2e.slash(`stats ${campaign.id} batch:999999`, { expect: 2, timeoutMs: 25_000 });
    const [now, later] = r.responses.map((x) => blocksText(x.body.blocks));
    expect(now).toContain('I will answer here at about');
    expect(later).not.toContain('I will answer here');
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
    // Two statistics calls in all, one per interval: the VDN-wide one and the batch's own.
    expect(e2e.sim.statisticsCalls().length).toBe(2);
  }, 30_000);
});

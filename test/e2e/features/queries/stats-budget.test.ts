/**
 * `/aicc stats` end to end against a simulator that allows one statistics call per VDN per five
 * minutes: a dozen campaign and batch queries make one call and earn no 429, and a batch that
 * needs a call of its own is told when it will be answered instead of making it now.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';

const clock = manualClock('2026-11-20T06:30:00Z'); // 14:30 in Asia/Shanghai
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ clock, env: { AICC_TIMEZONE: 'Asia/Shanghai' }, sim: { timeZone: 'Asia/Shanghai' } });
});
afterAll(async () => {
  await e2e?.close();
});

const text = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');

describe('/aicc stats within the vendor budget', () => {
  it('a dozen campaign and batch queries: one statistics call, no 429; an unlisted batch says when it will be answered', async () => {
    e2e.sim.resetRequestCounts();
    const campaigns = e2e.sim.world.campaigns(8).filter((c) => c.status === 2 && c.batches.length > 0);
    expect(campaigns.length).toBeGreaterThanOrEqual(2);
    const commands = campaigns.slice(0, 3).flatMap((c) => [`stats ${c.id}`, `stats ${c.id} batch:${c.batches[0]!.batchId}`]);
    const dozen = [...commands, ...commands, 'stats'].slice(0, 12);
    // Half at once, half one after another a few seconds apart.
    const together = await Promise.all(dozen.slice(0, 6).map((cmd) => e2e.slash(cmd)));
    const apart = [];
    for (const cmd of dozen.slice(6)) {
      clock.advance(3_000);
      apart.push(await e2e.slash(cmd));
    }
    for (const [i, r] of [...together, ...apart].entries()) {
      expect(text(r), dozen[i]).toMatch(/Campaign stats/);
      expect(text(r), dozen[i]).not.toMatch(/rate limited|cached/);
    }
    const batchAnswer = text(together[1]!);
    expect(batchAnswer).toContain(campaigns[0]!.batches[0]!.batchId);

    // A batch the VDN-wide answer does not list needs a call of its own, and the budget is spent.
    const refused = text(await e2e.slash(`stats ${campaigns[0]!.id} batch:424242424`));
    // It is not made now: the bot says when it will answer (and does then, through the response_url).
    expect(refused).toMatch(/one statistics call per VDN at a time and this one is spent/);
    expect(refused).toMatch(/I will answer here at about \d\d:\d\d \(Asia\/Shanghai\)/);

    const calls = e2e.sim.statisticsCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ vdn: 8, status: 200 });
    expect(e2e.sim.requestCounts()['isales.statistics']).toEqual({ '200': 1 });
  });
});

/**
 * Collector at scale: ticks over a VDN of N campaigns (half running) and 20 voice bots at 100 ms per
 * call, each against the bound its own calls set (calls ÷ connections per service × latency, as if
 * every call shared one service's connections); the bytes each tick stored; a command's call made
 * during a tick against "behind at most one collector call"; then the first size's digest built
 * from the stored snapshots and posted, and the peak RSS of the benchmark's own process.
 *
 * The first tick stores the campaign list; the next, five minutes later on the manual clocks of
 * bot and simulator, finds it unchanged and only confirms it: that is the steady state.
 */
import { decodeCampaigns } from '../src/features/collector/index.js';
import { manualClock } from '../src/platform/clock.js';
import { VDN } from './outside-world.js';
import { startStack } from './stack.js';
import { percentile, row, totalRequests, type Row } from './support.js';

export interface CollectorScaleOptions {
  /** Campaigns in the VDN, one stack each, in this order. */
  sizes: number[];
  bots: number;
  latencyMs: number;
}

const B = 'collector at scale';
/** Slack's limit on blocks in one message. */
const MAX_BLOCKS = 50;
const TICK_MS = 5 * 60_000;
const START = Date.parse('2026-11-20T02:00:00Z');
/** A command's call during a tick: one every this often. */
const PROBE_EVERY_MS = 250;
/** Issue 13: a tick within 1.15× its bound. */
const MAX_RATIO = 1.15;

export async function collectorScale(o: CollectorScaleOptions): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [i, campaigns] of o.sizes.entries()) rows.push(...(await oneSize(campaigns, o, i === 0)));
  return rows;
}

async function oneSize(campaigns: number, o: CollectorScaleOptions, full: boolean): Promise<Row[]> {
  const clock = manualClock(START);
  const stack = await startStack({ clock, clockStartMs: START, sim: { campaignsPerVdn: campaigns, runningShare: 0.5, bots: o.bots, faults: { all: { latencyMs: o.latencyMs } } } });
  try {
    const { bot, world, config } = stack;
    const connections = config.aicc.maxConcurrency;
    // A subscription naming every bot, so the tick collects OIFDE for them too.
    const sub = await bot.store.digests.create({ channelId: 'C0GENERAL', vdn: VDN, at: '09:00', days: 'daily', timeZone: 'UTC', bots: stack.started.sim.botCodes, createdBy: 'U0BENCH', createdAt: clock().getTime() });
    const rssBefore = process.memoryUsage().rss;
    const label = `${campaigns} campaigns, ${Math.round(campaigns / 2)} running, ${o.bots} bots, ${o.latencyMs} ms/call`;
    const out: Row[] = [];

    const tick = async (name: string) => {
      await world.counts(true);
      const started = performance.now();
      const report = await bot.collector.tick();
      const ms = performance.now() - started;
      const calls = totalRequests(await world.counts(true));
      const boundMs = (calls / connections) * o.latencyMs;
      out.push(
        row({ benchmark: B, figure: `${name} tick (${label})`, value: ms, unit: 'ms', ref: boundMs, refLabel: `${calls} calls ÷ ${connections} × ${o.latencyMs} ms =` }),
        row({ benchmark: B, figure: '  tick ÷ its bound', value: ms / boundMs, unit: 'per-command', max: MAX_RATIO }),
        row({ benchmark: B, figure: `  snapshot payload stored (kB; campaign lists ${report?.confirmed ?? 0} confirmed, not stored)`, value: (report?.payloadBytes ?? Number.NaN) / 1000, unit: 'count' }),
        row({ benchmark: B, figure: '  sources failed', value: report ? report.failures.length : Number.NaN, unit: 'count', equals: 0 }),
      );
      return ms;
    };
    const advance = async () => {
      clock.advance(TICK_MS);
      await world.advanceClock(TICK_MS);
    };

    await tick('first');
    await advance();
    const steadyMs = await tick('next, list unchanged,');

    if (full) {
      // A command during a tick: its CMS call may wait for one collector call, never for the queue.
      await advance();
      const list = decodeCampaigns((await bot.store.snapshots.latest('campaigns', VDN, '', { okOnly: true }))?.payload);
      const probeId = list.find((c) => c.status === 2)?.id;
      const waits: number[] = [];
      let ticking = true;
      const probing = (async () => {
        await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
        while (ticking && probeId) {
          const t0 = performance.now();
          await bot.aicc.cms.taskRealtimeStatistics(VDN, probeId);
          waits.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
        }
      })();
      await world.counts(true);
      const t0 = performance.now();
      await bot.collector.tick();
      const probedMs = performance.now() - t0;
      ticking = false;
      await probing;
      // A call's time on this machine now: the tick's length over its rounds of `connections` calls.
      const roundMs = probedMs / (totalRequests(await world.counts(true)) / connections);
      out.push(
        row({ benchmark: B, figure: `a command's CMS call during a tick, p50 (${waits.length} calls)`, value: percentile(waits, 50), unit: 'ms', ref: roundMs, refLabel: 'one collector call, this tick:' }),
        row({ benchmark: B, figure: '  the same, slowest: behind at most one collector call', value: Math.max(...waits), unit: 'ms', max: 2 * roundMs + 20 }),
      );

      await world.takePosts();
      await world.counts(true);
      const started = performance.now();
      const outcome = await bot.digests.post(sub, { manual: true });
      const digestMs = performance.now() - started;
      const posts = await world.takePosts();
      const blocks = posts.map((p) => p.blocks);
      out.push(
        row({ benchmark: B, figure: `digest built and posted (${outcome.status})`, value: digestMs, unit: 'ms', ref: steadyMs, refLabel: 'tick' }),
        row({ benchmark: B, figure: 'digest upstream calls (snapshots fresh)', value: totalRequests(await world.counts()), unit: 'count', equals: 0 }),
        row({ benchmark: B, figure: 'digest messages posted (first + thread)', value: posts.length, unit: 'count' }),
        row({ benchmark: B, figure: 'digest blocks in largest message', value: Math.max(0, ...blocks), unit: 'count', max: MAX_BLOCKS }),
        // The simulator and fake Slack share this process (in a worker); maxRSS is its lifetime peak.
        row({ benchmark: B, figure: 'peak RSS (whole process)', value: process.resourceUsage().maxRSS * 1024, unit: 'bytes', ref: rssBefore, refLabel: 'before the ticks' }),
      );
    }
    return out;
  } finally {
    await stack.close();
  }
}

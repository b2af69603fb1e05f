/**
 * Collector at scale: one tick over a VDN of 1,000 campaigns (half running) and 20 voice bots at
 * 100 ms per call, against the floor that the transport's concurrency sets; then that VDN's digest
 * built from the stored snapshots and posted; peak RSS of the benchmark's own process.
 */
import { VDN } from './outside-world.js';
import { startStack } from './stack.js';
import { row, totalRequests, type Row } from './support.js';

export interface CollectorScaleOptions {
  campaigns: number;
  bots: number;
  latencyMs: number;
}

const B = 'collector at scale';
/** Slack's limit on blocks in one message. */
const MAX_BLOCKS = 50;

export async function collectorScale(o: CollectorScaleOptions): Promise<Row[]> {
  const stack = await startStack({ sim: { campaignsPerVdn: o.campaigns, runningShare: 0.5, bots: o.bots, faults: { all: { latencyMs: o.latencyMs } } } });
  try {
    const { bot, world, config } = stack;
    // A subscription naming every bot, so the tick collects OIFDE for them too.
    const sub = await bot.store.digests.create({ channelId: 'C0GENERAL', vdn: VDN, at: '09:00', days: 'daily', timeZone: 'UTC', bots: stack.started.sim.botCodes, createdBy: 'U0BENCH', createdAt: Date.now() });
    const rssBefore = process.memoryUsage().rss;
    await world.counts(true);

    let started = performance.now();
    const report = await bot.collector.tick();
    const tickMs = performance.now() - started;
    const tickCalls = totalRequests(await world.counts(true));
    const floorMs = (tickCalls / config.aicc.maxConcurrency) * o.latencyMs;

    await world.takePosts();
    started = performance.now();
    const outcome = await bot.digests.post(sub, { manual: true });
    const digestMs = performance.now() - started;
    const posts = await world.takePosts();
    const blocks = posts.map((p) => p.blocks);
    const label = `${o.campaigns} campaigns, ${Math.round(o.campaigns / 2)} running, ${o.bots} bots, ${o.latencyMs} ms/call`;

    return [
      row({ benchmark: B, figure: `tick wall time (${label})`, value: tickMs, unit: 'ms', ref: floorMs, refLabel: `${tickCalls} calls ÷ ${config.aicc.maxConcurrency} × ${o.latencyMs} ms =` }),
      row({ benchmark: B, figure: 'tick sources failed', value: report ? report.failures.length : Number.NaN, unit: 'count', equals: 0 }),
      row({ benchmark: B, figure: `digest built and posted (${outcome.status})`, value: digestMs, unit: 'ms', ref: tickMs, refLabel: 'tick' }),
      row({ benchmark: B, figure: 'digest upstream calls (snapshots fresh)', value: totalRequests(await world.counts()), unit: 'count', equals: 0 }),
      row({ benchmark: B, figure: 'digest messages posted (first + thread)', value: posts.length, unit: 'count' }),
      row({ benchmark: B, figure: 'digest blocks posted', value: blocks.reduce((a, b) => a + b, 0), unit: 'count' }),
      row({ benchmark: B, figure: 'digest blocks in largest message', value: Math.max(0, ...blocks), unit: 'count', max: MAX_BLOCKS }),
      // The simulator and fake Slack share this process (in a worker); maxRSS is its lifetime peak.
      row({ benchmark: B, figure: 'peak RSS (whole process)', value: process.resourceUsage().maxRSS * 1024, unit: 'bytes', ref: rssBefore, refLabel: 'before the tick' }),
    ];
  } finally {
    await stack.close();
  }
}

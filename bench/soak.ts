/**
 * Soak: a simulated day (288 collector ticks of five minutes, on manual clocks that bot and
 * simulator advance together) with 20,000 commands spread across it, the store on a temporary
 * SQLite file. Memory should stay flat and the database small.
 *
 * Memory is read after a full GC when the process has one (run.ts starts children with
 * --expose-gc). The heap figures are the main thread's, which holds the bot alone; RSS is the whole
 * process, simulator and fake Slack (worker) included.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualClock } from '../src/platform/clock.js';
import { VDN } from './outside-world.js';
import { startStack, type Stack } from './stack.js';
import { row, totalRequests, type Row } from './support.js';

export interface SoakOptions {
  commands: number;
  concurrency: number;
  ticks: number;
}

const B = 'soak';
const TICK_MS = 5 * 60_000;
const START = Date.parse('2026-11-20T00:00:00Z');
const MIX = ['help', 'stats', 'campaigns', 'stats {id}', 'campaigns all'];

function memory(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

export async function soak(o: SoakOptions): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'aicc-bench-'));
  const clock = manualClock(START);
  // The bot's waits (a statistics slot opens 2 s after the interval) pass on the simulated clocks,
  // as they would in a real day, instead of taking seconds of the run.
  const outside: { world?: Stack['world'] } = {};
  const sleep = async (ms: number) => {
    clock.advance(ms);
    await outside.world?.advanceClock(ms);
  };
  const stack = await startStack({ clock, clockStartMs: START, sleep, sim: { bots: 3 }, env: { DATABASE_URL: join(dir, 'soak.sqlite') } }).catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  outside.world = stack.world;
  try {
    const { bot, world } = stack;
    await bot.store.digests.create({ channelId: 'C0GENERAL', vdn: VDN, at: '09:00', days: 'daily', timeZone: 'UTC', bots: stack.started.sim.botCodes, createdBy: 'U0BENCH', createdAt: clock().getTime() });
    let unanswered = 0;
    const burst = async (count: number) => {
      if (count === 0) return;
      const r = await world.drive({ url: stack.botUrl, count, concurrency: o.concurrency, texts: MIX, answers: true });
      unanswered += r.unanswered + r.non200;
    };

    // Warm up (one tick, a few hundred commands) before the starting figures.
    await bot.collector.tick();
    await burst(Math.min(500, o.commands));
    const start = memory();
    const harnessStart = await world.heapUsed();
    unanswered = 0;
    await world.counts(true);

    let failedTicks = 0;
    let half = start;
    const started = performance.now();
    for (let t = 0; t < o.ticks; t++) {
      clock.advance(TICK_MS);
      await world.advanceClock(TICK_MS);
      const report = await bot.collector.tick();
      if (!report || report.failures.length > 0) failedTicks += 1;
      // The commands spread evenly over the ticks.
      await burst(Math.floor(((t + 1) * o.commands) / o.ticks) - Math.floor((t * o.commands) / o.ticks));
      if (t + 1 === Math.floor(o.ticks / 2)) half = memory();
    }
    const elapsed = performance.now() - started;
    const end = memory();
    const harnessEnd = await world.heapUsed();
    const counts = await world.counts();
    const label = `${o.commands} cmds @${o.concurrency}, ${o.ticks} ticks`;
    return [
      row({ benchmark: B, figure: `run time (${label})`, value: elapsed, unit: 'ms' }),
      row({ benchmark: B, figure: 'commands without an answer', value: unanswered, unit: 'count', equals: 0 }),
      row({ benchmark: B, figure: 'ticks failed or skipped', value: failedTicks, unit: 'count', equals: 0 }),
      row({ benchmark: B, figure: '429s received', value: totalRequests(counts, '429'), unit: 'count', equals: 0 }),
      row({ benchmark: B, figure: 'statistics v2 calls', value: totalRequests({ s: counts['isales.statistics'] ?? {} }), unit: 'count', max: o.ticks }),
      row({ benchmark: B, figure: 'RSS at start (after warm-up)', value: start.rss, unit: 'bytes' }),
      row({ benchmark: B, figure: 'RSS at end (growth as ratio)', value: end.rss, unit: 'bytes', ref: start.rss, refLabel: 'start' }),
      // A leak keeps growing; a heap settling into its working size does not.
      row({ benchmark: B, figure: 'RSS at end, against half-time', value: end.rss, unit: 'bytes', ref: half.rss, refLabel: 'half-time' }),
      row({ benchmark: B, figure: 'bot heap used at end (after GC)', value: end.heap, unit: 'bytes', ref: start.heap, refLabel: 'start' }),
      row({ benchmark: B, figure: 'harness heap used at end (worker)', value: harnessEnd, unit: 'bytes', ref: harnessStart, refLabel: 'start' }),
      row({ benchmark: B, figure: `database size after ${o.ticks} ticks`, value: await bot.store.sizeBytes(), unit: 'bytes' }),
    ];
  } finally {
    await stack.close();
    await rm(dir, { recursive: true, force: true });
  }
}

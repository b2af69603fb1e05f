/**
 * The app under test on the main thread: the real bot (Bolt in HTTP mode, logs silenced, collector
 * and digests driven by hand) configured against the simulator and fake Slack of an outside world.
 */
import { startBot, type RunningBot } from '../src/bot.js';
import { systemClock, type Clock } from '../src/platform/clock.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import { silentLogger } from '../src/platform/log.js';
import { spawnOutsideWorld, VDN, type OutsideWorld, type Started, type WorldOptions } from './outside-world.js';
import { BOT_TOKEN, SIGNING_SECRET } from './slash-client.js';
import { botEnvFor } from '../local/sim/bot-env.js';

export interface Stack {
  world: OutsideWorld;
  started: Started & { sim: NonNullable<Started['sim']> };
  bot: RunningBot;
  config: Config;
  botUrl: string;
  /** Stops the bot, then the outside world's servers and worker. */
  close(): Promise<void>;
}

export interface StackOptions extends WorldOptions {
  sim: NonNullable<WorldOptions['sim']>;
  env?: Record<string, string>;
  /** The bot's clock; pair a manual one with `clockStartMs` and advance both. */
  clock?: Clock;
  /** The bot's waits (the statistics slot, Slack's Retry-After); with manual clocks, one that advances them. */
  sleep?: (ms: number) => Promise<void>;
}

/** Spawns an outside world with a simulator, and starts the bot against it. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const world = spawnOutsideWorld();
  try {
    const started = await world.start({ sim: opts.sim, ...(opts.clockStartMs !== undefined ? { clockStartMs: opts.clockStartMs } : {}) });
    const sim = started.sim!;
    const config = loadConfig({
      ...botEnvFor(sim),
      AICC_VDN_IDS: String(VDN),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: started.slackUrl,
      PORT: '0',
      DATABASE_URL: ':memory:',
      ...opts.env,
    });
    const bot = await startBot({ config, clock: opts.clock ?? systemClock, log: silentLogger, host: '127.0.0.1', startCollector: false, ...(opts.sleep ? { sleep: opts.sleep } : {}) });
    return {
      world,
      started: { ...started, sim },
      bot,
      config,
      botUrl: `http://127.0.0.1:${bot.port}`,
      async close() {
        await bot.stop();
        await world.close();
      },
    };
  } catch (error) {
    await world.close();
    throw error;
  }
}

const HOUR = 3_600_000;

/**
 * A collector tick, then its statistics snapshot again near each hour boundary of the last day, so
 * the hour-by-hour charts of `stats` and `stats CAMPAIGN` read a day of snapshots of every
 * campaign, as in production (the figures stay flat: it is the reading that is measured).
 */
export async function seedDay(stack: Stack): Promise<void> {
  await stack.bot.collector.tick();
  const store = stack.bot.store;
  const newest = await store.snapshots.latest('stats', VDN, '', { okOnly: true });
  if (!newest) throw new Error('the collector stored no statistics snapshot');
  const now = Date.now();
  const hourStart = now - (now % HOUR);
  const rows = Array.from({ length: 24 }, (_, h) => ({ vdn: VDN, source: 'stats' as const, subject: '', takenAt: hourStart - h * HOUR - 2 * 60_000, ok: true, payload: newest.payload }));
  await store.snapshots.insertMany(rows);
}

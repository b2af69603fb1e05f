/** End-to-end helpers for alerts: a campaign to collapse, collector ticks on the fake clock, a second bot process. */
import { startBot, type RunningBot } from '../../src/bot.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import type { RecordedCall } from '../../local/fakeslack/index.js';
import { silentLogger } from '../../src/platform/log.js';
import type { SimCampaign } from '../../local/sim/campaigns.js';
import { BOT_TOKEN, blocksText, SIGNING_SECRET, type E2E } from './e2e.js';
import { botEnvFor } from '../../local/sim/bot-env.js';

export const MIN = 60_000;
export const TZ = 'Asia/Shanghai';
/** Friday 2026-11-20, 11:00 in Shanghai: campaigns have dialled for two or three hours. */
export const START = '2026-11-20T03:00:00Z';
/** Midnight in Shanghai that day: a collapse from here drags today's whole rate down. */
export const DAY_START = new Date('2026-11-19T16:00:00Z');

export const env = (extra: Record<string, string> = {}) => ({ AICC_TIMEZONE: TZ, BOT_ADMIN_USERS: 'UADMIN', ...extra });

/** A running campaign with enough calls today and a healthy success rate (≥ 50%). */
export function healthyCampaign(e2e: E2E, clock: ManualClock): SimCampaign {
  const c = e2e.sim.world.campaigns(8).find((x) => {
    if (x.status !== 2) return false;
    const t = e2e.sim.world.counts(x, clock()).total;
    return t.dailyCalled >= 150 && t.dailyConnected / t.dailyCalled >= 0.5;
  });
  if (!c) throw new Error('the simulator has no healthy running campaign at this time');
  return c;
}

/** Advances the clock by `minutes`, runs a collector tick and waits for the alert evaluation after it. */
export async function tickAfter(bot: RunningBot, clock: ManualClock, minutes = 5): Promise<void> {
  clock.advance(minutes * MIN);
  const report = await bot.collector.tick();
  if (!report) throw new Error('the collector skipped a tick: advance the clock by a whole interval');
  await bot.collector.settled();
}

/** Slack posts since a mark: top-level ones and thread replies, and message edits. */
export function slackSince(e2e: E2E, mark: number, channel?: string) {
  const calls = e2e.slack.calls.slice(mark).filter((c) => channel === undefined || c.body.channel === channel);
  const posts = calls.filter((c) => c.method === 'chat.postMessage');
  return { top: posts.filter((c) => !c.body.thread_ts), replies: posts.filter((c) => c.body.thread_ts), edits: calls.filter((c) => c.method === 'chat.update') };
}

export const said = (c: RecordedCall | undefined): string => blocksText(c?.body.blocks);

export async function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Another bot process on the same simulator, fake Slack and database (a restart, or a replica). */
export async function anotherBot(e2e: E2E, clock: ManualClock, extra: Record<string, string>): Promise<RunningBot> {
  const config = loadConfig({
    ...botEnvFor(e2e.sim),
    AICC_VDN_IDS: '8',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: e2e.slack.url,
    PORT: '0',
    ...env(extra),
  });
  return startBot({ config, clock, log: silentLogger, host: '127.0.0.1', sleep: async () => undefined, startCollector: false });
}

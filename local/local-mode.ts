/**
 * Running without Slack credentials: a fake Slack Web API the bot talks to through the same paths
 * real Slack uses, the local console page on PORT, and (with the built-in simulator) the demo.
 */
import { randomBytes } from 'node:crypto';
import { startBot } from '../src/bot.js';
import { systemClock } from '../src/platform/clock.js';
import type { Config } from '../src/platform/config.js';
import { DEMO_CHANNELS, DEMO_PLACES, DEMO_USERS, startConsole } from './console/server.js';
import { startDemo } from './demo/start.js';
import { startFakeSlack } from './fakeslack/index.js';
import type { Logger } from '../src/platform/log.js';
import type { Simulator } from './sim/server.js';
import { boltLogger } from '../src/slack/app.js';
import { createSlackClient } from '../src/slack/client.js';

type Stopper = () => Promise<void>;

/** Starts the fake Slack, the bot against it, and the console; returns what stops them, in order. */
export async function startLocalMode(config: Config, log: Logger, sim: Simulator | undefined): Promise<Stopper[]> {
  const stops: Stopper[] = [];
  const signingSecret = randomBytes(16).toString('hex');
  const botToken = `xoxb-local-${randomBytes(8).toString('hex')}`;
  const fake = await startFakeSlack({ tokens: [botToken], channels: [...DEMO_CHANNELS], users: [...DEMO_USERS] });
  stops.unshift(() => fake.close());
  const bot = await startBot({ config: { ...config, port: 0, slack: { botToken, signingSecret, apiUrl: fake.url, mode: 'http' } }, clock: systemClock, log, host: '127.0.0.1' });
  stops.unshift(() => bot.stop());
  if (!config.console) return stops;

  const console = await startConsole({ port: config.port, fakeSlack: fake, botUrl: `http://127.0.0.1:${bot.port}`, signingSecret, log });
  stops.unshift(() => console.close());
  process.stdout.write(`\nAICC bot console: ${console.url}\n(no Slack credentials set: the console plays Slack; set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect a workspace)\n\n`);
  if (sim) {
    const client = createSlackClient({ token: botToken, apiUrl: fake.url, logger: boltLogger(log) });
    await startDemo({
      store: bot.store,
      client,
      world: sim.world,
      clock: systemClock,
      log,
      vdn: config.aicc.vdnIds[0] ?? 1,
      timeZone: config.aicc.timeZone,
      botTimeZone: config.bot.timeZone,
      intervalMs: config.storage.collectIntervalS * 1000,
      ...DEMO_PLACES,
      locale: config.bot.locale,
      people: DEMO_USERS,
    }).catch((error: unknown) => log.warn('the demo could not be set up', { error }));
  }
  return stops;
}

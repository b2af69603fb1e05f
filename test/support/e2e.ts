/**
 * End-to-end harness: the AICC simulator, the fake Slack Web API and the real bot (Bolt in HTTP
 * mode), all on 127.0.0.1 with ephemeral ports. Tests talk to the bot the way Slack does: signed
 * slash commands and block_actions to /slack/events, answers read from the fake's response_url.
 */
import { startBot, type RunningBot } from '../../src/bot.js';
import type { Clock } from '../../src/platform/clock.js';
import { systemClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { blockActionsBody, signSlackRequest, slashCommandBody, startFakeSlack, type FakeSlack, type RecordedResponse } from '../../local/fakeslack/index.js';
import { createLogger, type Logger } from '../../src/platform/log.js';
import { startSimulator, type SimOptions, type Simulator } from '../../local/sim/server.js';
import { botEnvFor } from '../../local/sim/bot-env.js';

// Kept importable from here for the end-to-end tests; unit tests import ./blocks-text.js, which pulls in no server.
export { blocksText } from './blocks-text.js';

export const SIGNING_SECRET = 'e2e-signing-secret';
export const BOT_TOKEN = 'xoxb-e2e-token';

export interface E2E {
  sim: Simulator;
  slack: FakeSlack;
  bot: RunningBot;
  /** Bot log lines (for asserting what is never logged). */
  logs: string[];
  botUrl: string;
  /**
   * Every request that got past the bot's checks to its listeners, in arrival order, by its
   * response_url; `done` once all its listeners have finished (answers included). Counting these
   * after a positive event tells "nothing ran" without sleeping.
   */
  handled: HandledRequest[];
  /** Sends `/aicc text` and waits for the answers posted to its response_url. */
  slash(text: string, opts?: { user?: string; channel?: string; expect?: number; timeoutMs?: number }): Promise<{ status: number; responses: RecordedResponse[]; ackMs: number }>;
  /** Clicks a button; waits for `expect` response_url posts (default 1). */
  click(action: { action_id: string; value?: string; user?: string; channel?: string }, opts?: { expect?: number; timeoutMs?: number }): Promise<{ status: number; responses: RecordedResponse[] }>;
  /** Posts a raw body with chosen headers to /slack/events. */
  raw(body: string, headers: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export interface HandledRequest {
  responseUrl: string | undefined;
  done: boolean;
}

export interface E2EOptions {
  env?: Record<string, string>;
  sim?: SimOptions;
  clock?: Clock;
  /** Run the collector on its timer (default false: tests call `bot.collector.tick()`). */
  startCollector?: boolean;
  /** How the bot waits between retries, to AICC and to Slack (default: not at all). */
  sleep?: (ms: number) => Promise<void>;
}

let seq = 0;

async function waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startE2E(opts: E2EOptions = {}): Promise<E2E> {
  const clock = opts.clock ?? systemClock;
  const sim = await startSimulator({ clock, ...opts.sim });
  const slack = await startFakeSlack();
  const logs: string[] = [];
  const log: Logger = createLogger({ level: 'debug', sink: (l) => logs.push(l), clock });
  const config = loadConfig({
    ...botEnvFor(sim),
    AICC_VDN_IDS: '8',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    PORT: '0',
    DATABASE_URL: ':memory:',
    ...opts.env,
  });
  const bot = await startBot({ config, clock, log, host: '127.0.0.1', sleep: opts.sleep ?? (async () => undefined), startCollector: opts.startCollector ?? false });
  const botUrl = `http://127.0.0.1:${bot.port}`;

  // Bolt runs global middleware before its listeners and `next()` resolves once they all settled,
  // so one appended here sees each request that reached the listeners, and when they are finished.
  const handled: HandledRequest[] = [];
  bot.slack.app.use(async ({ body, next }) => {
    const url = (body as { response_url?: unknown }).response_url;
    const entry: HandledRequest = { responseUrl: typeof url === 'string' ? url : undefined, done: false };
    handled.push(entry);
    try {
      await next();
    } finally {
      entry.done = true;
    }
  });

  const raw = (body: string, headers: Record<string, string>) =>
    fetch(`${botUrl}/slack/events`, { method: 'POST', headers, body });

  const signedPost = (body: string) => raw(body, { ...signSlackRequest({ body, signingSecret: SIGNING_SECRET }) });

  /** The answers to one request, once its listeners finished, so tests can assert on the exact count. */
  const collect = async (id: string, responseUrl: string, expect: number, timeoutMs: number) => {
    await waitFor(() => (slack.responses.filter((r) => r.id === id).length >= expect ? true : undefined), timeoutMs, `${expect} response(s) to ${id}`);
    await waitFor(() => (handled.some((h) => h.responseUrl === responseUrl && h.done) ? true : undefined), timeoutMs, `the listeners of ${id} to finish`);
    return slack.responses.filter((r) => r.id === id);
  };

  return {
    sim,
    slack,
    bot,
    logs,
    botUrl,
    handled,
    raw,
    async slash(text, o = {}) {
      const id = `cmd-${++seq}`;
      const channel = o.channel ?? 'C0GENERAL';
      const user = o.user ?? 'U0USER';
      const responseUrl = slack.responseUrl(id, { channel, user });
      const body = slashCommandBody({ text, user_id: user, channel_id: channel, response_url: responseUrl });
      const started = Date.now();
      const res = await signedPost(body);
      const ackMs = Date.now() - started;
      if (res.status !== 200) return { status: res.status, responses: [], ackMs };
      return { status: res.status, responses: await collect(id, responseUrl, o.expect ?? 1, o.timeoutMs ?? 10_000), ackMs };
    },
    async click(action, o = {}) {
      const id = `act-${++seq}`;
      const channel = action.channel ?? 'C0GENERAL';
      const responseUrl = slack.responseUrl(id, { channel, user: action.user ?? 'U0USER' });
      const body = blockActionsBody({ ...action, channel, response_url: responseUrl });
      const res = await signedPost(body);
      if (res.status !== 200) return { status: res.status, responses: [] };
      return { status: res.status, responses: (o.expect ?? 1) === 0 ? [] : await collect(id, responseUrl, o.expect ?? 1, o.timeoutMs ?? 10_000) };
    },
    async close() {
      await bot.stop();
      await slack.close();
      await sim.close();
    },
  };
}

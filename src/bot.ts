/**
 * Wires the bot from configuration and injected clock and logger: AICC clients, health, the
 * campaign directory and the Slack app. `main.ts` calls it; end-to-end tests call it too.
 */
import { createAicc, type Aicc } from './aicc/index.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { createHealth, type Health } from './platform/health.js';
import { startHeartbeat } from './platform/liveness.js';
import type { Logger } from './platform/log.js';
import { createCollector, decodeCampaigns, type Collector } from './features/collector/index.js';
import { createCampaignDirectory, createTaskRealtimeQuery } from './features/queries/index.js';
import { openStore, type Store } from './store/index.js';
import { WebClient } from '@slack/web-api';
import { createDigestService, type DigestService } from './features/digests/index.js';
import { createAlertEngine, type AlertEngine } from './features/alerts/index.js';
import { registerFeatures, type FeatureDeps } from './features/index.js';
import { boltLogger, startSlackApp, type RunningSlackApp } from './slack/app.js';

export interface BotOptions {
  config: Config;
  clock: Clock;
  log: Logger;
  host?: string;
  /** For tests: how the transport waits between retries. */
  sleep?: (ms: number) => Promise<void>;
  /** Run the collector and the digest schedule on their timers (default true; tests drive them by hand). */
  startCollector?: boolean;
}

export interface RunningBot {
  port: number;
  aicc: Aicc;
  health: Health;
  store: Store;
  collector: Collector;
  digests: DigestService;
  alerts: AlertEngine;
  slack: RunningSlackApp;
  stop(): Promise<void>;
}

const READY_WINDOW_MS = 5 * 60_000;
const PROBE_CACHE_MS = 30_000;

export async function startBot(opts: BotOptions): Promise<RunningBot> {
  const { config, clock, log } = opts;
  const { botToken, signingSecret } = config.slack;
  if (!botToken || !signingSecret) throw new Error('startBot needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
  const health = createHealth(clock);
  const store = await openStore({ url: config.storage.databaseUrl, log });
  const heartbeat = await startHeartbeat(store, clock, log);
  // The statistics lease and last values live in the store, so several processes share one budget.
  const aicc = createAicc(config.aicc, { clock, log, health, sleep: opts.sleep, statsLease: store.statsLease, statsCache: store.statsCache });
  const defaultVdn = config.aicc.vdnIds[0] ?? 1;
  // Scheduled posts use their own Web API client (same token and URL as Bolt's), built before the app.
  const client = new WebClient(botToken, { slackApiUrl: config.slack.apiUrl, logger: boltLogger(log) });
  const intervalMs = config.storage.collectIntervalS * 1000;
  const digests = createDigestService({ store, aicc, client, clock, log, graceMin: config.storage.digestGraceMin, freshMs: 2 * intervalMs, sleep: opts.sleep });
  const alerts = createAlertEngine({ store, client, clock, log: log.child({ component: 'alerts' }), timeZone: config.aicc.timeZone, intervalMs });
  const deps: FeatureDeps & { defaultVdn: number; allowedChannels: readonly string[] } = {
    aicc,
    // A campaign list the collector stored a moment ago saves a list call per answer.
    directory: createCampaignDirectory(aicc.isales, clock, 60_000, async (vdn, maxAgeMs) => {
      const snap = await store.snapshots.latest('campaigns', vdn, '', { okOnly: true, maxAgeMs, now: clock().getTime() });
      return snap ? { campaigns: decodeCampaigns(snap.payload), fetchedAt: new Date(snap.takenAt) } : undefined;
    }),
    tasks: createTaskRealtimeQuery(aicc.cms, clock),
    clock,
    log,
    timeZone: config.aicc.timeZone,
    maskNumbers: config.bot.maskNumbers,
    defaultVdn,
    adminUsers: config.bot.adminUsers,
    allowedChannels: config.bot.allowedChannels,
    store,
    digests,
    alerts,
    botTimeZone: config.bot.timeZone,
  };

  // Readiness probes AICC only when nothing has answered lately, and at most every 30 seconds.
  let lastProbe: { at: number; ok: boolean } | undefined;
  const ready = async () => {
    let reachable = health.reachableWithin(READY_WINDOW_MS);
    if (!reachable) {
      if (!lastProbe || clock().getTime() - lastProbe.at > PROBE_CACHE_MS) {
        const ok = await aicc.isales.listCampaigns(defaultVdn, { rowsPerPage: 1 }).then(() => true, () => false);
        lastProbe = { at: clock().getTime(), ok };
      }
      reachable = lastProbe.ok;
    }
    return { ready: reachable, detail: { config: 'loaded', aicc: reachable ? 'reachable' : 'unreachable', services: health.all() } };
  };

  const collector = createCollector({
    aicc,
    store,
    clock,
    log,
    vdnIds: config.aicc.vdnIds,
    botCodes: () => botCodesInUse(store),
    // Most of the per-service connections, leaving two for slash commands during a long tick.
    cmsConcurrency: Math.max(1, config.aicc.maxConcurrency - 2),
    intervalMs,
    retentionDays: config.storage.retentionDays,
    // Alerts are judged from what this tick stored; a failure there must not fail the tick.
    onTick: async () => {
      await alerts.evaluate().catch((error: unknown) => log.error('alert evaluation failed', { error }));
    },
  });

  const slack = await startSlackApp({
    botToken,
    signingSecret,
    appToken: config.slack.appToken,
    apiUrl: config.slack.apiUrl,
    log,
    ready,
    register: (app) => registerFeatures(app, deps),
    port: config.port,
    host: opts.host,
  });
  let stopping: Promise<void> | undefined;
  if (opts.startCollector ?? true) {
    collector.start();
    digests.start();
  }
  log.info(`bot listening`, { port: slack.port, mode: config.slack.mode, store: store.dialect });
  return {
    port: slack.port,
    aicc,
    health,
    store,
    collector,
    digests,
    alerts,
    slack,
    // Idempotent: a second call (a signal during shutdown, a test's cleanup) waits for the first.
    stop: () =>
      (stopping ??= (async () => {
        digests.stop();
        await collector.stop();
        await slack.stop();
        await aicc.close();
        await heartbeat.stop();
        await store.close();
      })()),
  };
}

/** Voice bots worth collecting: the ones digests and alert rules name. */
async function botCodesInUse(store: Store): Promise<string[]> {
  const [subs, rules] = await Promise.all([store.digests.list(), store.alerts.list()]);
  const codes = [...subs.flatMap((s) => s.bots), ...rules.filter((r) => r.scope === 'bot' && r.scopeId).map((r) => r.scopeId!)];
  return [...new Set(codes)];
}

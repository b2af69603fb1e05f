/**
 * Wires the bot from configuration and injected clock and logger: AICC clients, health, the
 * campaign directory and the Slack app. `main.ts` calls it; end-to-end tests call it too.
 */
import { createAicc, type Aicc } from './aicc/index.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { createHealth, failureOf, type Health } from './platform/health.js';
import { startHeartbeat } from './platform/liveness.js';
import type { Logger } from './platform/log.js';
import { createMetrics, type Metrics } from './platform/metrics.js';
import { createInFlight } from './platform/inflight.js';
import { createAnswerPath } from './slack/answer.js';
import { createCollector, decodeCampaigns, type Collector } from './features/collector/index.js';
import { createCampaignDirectory, createTaskRealtimeQuery } from './features/queries/index.js';
import { botCodesInUse, createSeenRequests, openStore, type Store } from './store/index.js';
import { createDigestService, type DigestService } from './features/digests/index.js';
import { createAlertEngine, type AlertEngine } from './features/alerts/index.js';
import { createHomeTab, type HomeTabService } from './features/home/index.js';
import { registerFeatures, type FeatureDeps } from './features/index.js';
import { boltLogger, startSlackApp, type RunningSlackApp } from './slack/app.js';
import { createSlackClient } from './slack/client.js';
import { createLocales } from './slack/locales.js';
import { createOutbound } from './slack/outbound.js';

export interface BotOptions {
  config: Config;
  clock: Clock;
  log: Logger;
  host?: string;
  /** For tests: how the transport waits between retries. */
  sleep?: (ms: number) => Promise<void>;
  /** Run the collector and the digest schedule on their timers (default true; tests drive them by hand). */
  startCollector?: boolean;
  /** The registry served at GET /metrics (default: a new one; each bot has its own). */
  metrics?: Metrics;
  /** How long `stop()` lets answers and posts in flight finish (default 10 s). */
  stopGraceMs?: number;
}

export interface RunningBot {
  port: number;
  aicc: Aicc;
  health: Health;
  store: Store;
  collector: Collector;
  digests: DigestService;
  alerts: AlertEngine;
  /** The Home tab's publisher (tests call `flush()` to run a pending refresh now). */
  home: HomeTabService;
  slack: RunningSlackApp;
  metrics: Metrics;
  /** Graceful: takes no new requests, lets the work in flight finish (bounded), releases leases, closes the store. */
  stop(): Promise<void>;
}

const READY_WINDOW_MS = 5 * 60_000;
const PROBE_CACHE_MS = 30_000;

export async function startBot(opts: BotOptions): Promise<RunningBot> {
  const { config, clock, log } = opts;
  const { botToken, signingSecret } = config.slack;
  if (!botToken || !signingSecret) throw new Error('startBot needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
  const metrics = opts.metrics ?? createMetrics();
  // Every AICC call's outcome passes through health; count it there too (429s are `rate_limited`).
  const health = counted(createHealth(clock), (service, endpoint, outcome) => {
    metrics.aiccCalls.inc({ service, endpoint, outcome });
    if (endpoint === 'statistics') metrics.statsBudget.inc({ result: outcome === 'rate_limited' ? 'spent' : 'called' });
  });
  // The timer-driven jobs' outcomes, for /readyz and /aicc status.
  const jobs = counted(createHealth(clock), (job, _op, outcome) => metrics.jobRuns.inc({ job, outcome }));
  const store = await openStore({ url: config.storage.databaseUrl, log });
  const heartbeat = await startHeartbeat(store, clock, log, jobs);
  // The statistics lease and last values live in the store, so several processes share one budget.
  const aicc = createAicc(config.aicc, { clock, log, health, sleep: opts.sleep, statsLease: store.statsLease, statsCache: store.statsCache });
  const defaultVdn = config.aicc.vdnIds[0] ?? 1;
  // Scheduled posts use their own Web API client (same token, URL and policy as Bolt's), built before
  // the app; digests and alerts share one outbound, so a 429's Retry-After holds for both.
  const client = createSlackClient({ token: botToken, apiUrl: config.slack.apiUrl, logger: boltLogger(log) });
  const outbound = createOutbound(client, {
    sleep: opts.sleep,
    observe: { attempt: (method, outcome) => metrics.slackCalls.inc({ method, outcome }), retry: (method) => metrics.slackRetries.inc({ method }) },
  });
  const answers = createAnswerPath({ metrics });
  // Who reads which language: stored choices, Slack's locale per user (`users:read`), BOT_LOCALE.
  const locales = createLocales({
    languages: store.languages,
    fallback: config.bot.locale,
    clock,
    log: log.child({ component: 'locales' }),
    slackLocale: async (userId) => (await client.users.info({ user: userId, include_locale: true })).user?.locale,
  });
  const inFlight = createInFlight((n) => metrics.inFlight.set(n));
  const intervalMs = config.storage.collectIntervalS * 1000;
  const digests = createDigestService({ store, aicc, outbound, clock, log, graceMin: config.storage.digestGraceMin, freshMs: 2 * intervalMs, jobs, timeZone: config.aicc.timeZone, locales, onDelivery: (outcome) => metrics.digestDeliveries.inc({ outcome }) });
  const alerts = createAlertEngine({ store, outbound, clock, log: log.child({ component: 'alerts' }), timeZone: config.aicc.timeZone, intervalMs, locales, onTransition: (to) => metrics.alertTransitions.inc({ to }) });
  const home = createHomeTab({
    store,
    clock,
    log: log.child({ component: 'home' }),
    timeZone: config.aicc.timeZone,
    adminUsers: config.bot.adminUsers,
    allowedChannels: config.bot.allowedChannels,
    vdnIds: config.aicc.vdnIds,
    digests,
    publish: async (userId, view) => void (await client.views.publish({ user_id: userId, view })),
    locales,
  });
  const deps: FeatureDeps = {
    aicc,
    // A campaign list the collector stored a moment ago saves a list call per answer.
    directory: createCampaignDirectory(aicc.isales, clock, 60_000, async (vdn, maxAgeMs) => {
      const snap = await store.snapshots.latest('campaigns', vdn, '', { okOnly: true, maxAgeMs, now: clock().getTime() });
      return snap ? { campaigns: decodeCampaigns(snap.payload), fetchedAt: new Date(snap.takenAt) } : undefined;
    }),
    tasks: createTaskRealtimeQuery(aicc.cms, clock),
    answers,
    locales,
    clock,
    log,
    timeZone: config.aicc.timeZone,
    maskNumbers: config.bot.maskNumbers,
    vdnIds: config.aicc.vdnIds,
    jobs,
    adminUsers: config.bot.adminUsers,
    allowedChannels: config.bot.allowedChannels,
    store,
    digests,
    alerts,
    botTimeZone: config.bot.timeZone,
    history: { intervalMs, retentionDays: config.storage.retentionDays },
    home,
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
    // A background job that failed three times in a row (the database full or gone, say) is not ready.
    const failingJobs = jobs.failing(3);
    return { ready: reachable && failingJobs.length === 0, detail: { config: 'loaded', aicc: reachable ? 'reachable' : 'unreachable', services: health.all(), jobs: jobs.all(), failingJobs } };
  };

  const collector = createCollector({
    aicc,
    store,
    clock,
    log,
    vdnIds: config.aicc.vdnIds,
    botCodes: () => botCodesInUse(store),
    // Every connection of each service: its calls are background calls, which commands overtake.
    concurrency: config.aicc.maxConcurrency,
    intervalMs,
    retentionDays: config.storage.retentionDays,
    jobs,
    // Alerts are judged from what this tick stored, after it and without holding it up: posting
    // waits on Slack, and a Slack outage must not stall collecting.
    afterTick: async (report) => {
      metrics.collectorTickSeconds.observe(Math.max(0, clock().getTime() - report.at.getTime()) / 1000);
      await alerts.evaluate().then(
        () => jobs.record('alerts', 'evaluate', { ok: true }),
        (error: unknown) => {
          log.error('alert evaluation failed', { error });
          jobs.record('alerts', 'evaluate', { ok: false, error: failureOf(error) });
        },
      );
      // States, health and next digests may have changed: recent Home tab viewers get a refresh.
      home.changed();
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
    // Request signatures carry Slack's wall-clock time, not the bot's (injectable) clock.
    firstSight: createSeenRequests(store.leases, Date.now),
    now: Date.now,
    port: config.port,
    host: opts.host,
    metrics,
    inFlight,
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
    home,
    slack,
    metrics,
    // Idempotent: a second call (a signal during shutdown, a test's cleanup) waits for the first.
    stop: () =>
      (stopping ??= (async () => {
        // No new requests; the answers, posts, digest run and alert evaluation in progress finish
        // (each Slack call within its deadline, answers within the grace) before anything they use
        // is closed. The heartbeat's lease is released last, so claims still held become free.
        const grace = opts.stopGraceMs ?? 10_000;
        const [drained] = await Promise.all([slack.stop(grace), digests.stop(), collector.stop()]);
        home.stop();
        if (!drained) log.warn('stopped with answers still in flight', { graceMs: grace, inFlight: inFlight.size });
        await answers.close();
        await aicc.close();
        await heartbeat.stop();
        await store.close();
      })()),
  };
}

/** `health` that also tells `count` of every outcome it records (`ok` or the error code). */
function counted(health: Health, count: (service: string, endpoint: string, outcome: string) => void): Health {
  return {
    ...health,
    record(service, endpoint, outcome) {
      health.record(service, endpoint, outcome);
      count(service, endpoint, outcome.ok ? 'ok' : outcome.error.code);
    },
  };
}

/**
 * The bot's Prometheus metrics. `createMetrics()` makes a registry of its own with every
 * instrument on it (no module-level default registry), so the composition root builds one and
 * passes it in, and a test can run two bots side by side. `GET /metrics` serves `text()`.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: Slack allows 3 s for an ack; answers wait on AICC (up to its 15 s deadline). */
const ACK_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const ANSWER_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];
const TICK_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120];

export interface Metrics {
  registry: Registry;
  /** Slash commands answered, by command row (`stats`, `digest add`) and outcome (`ok`, `usage`, `error`…). */
  commands: Counter<'command' | 'outcome'>;
  ackSeconds: Histogram<'kind'>;
  answerSeconds: Histogram<'command'>;
  /** AICC calls by service, endpoint and outcome (`ok` or the error code, e.g. `rate_limited`). */
  aiccCalls: Counter<'service' | 'endpoint' | 'outcome'>;
  /** Statistics-v2 calls made and refused because the VDN's call was spent. */
  statsBudget: Counter<'result'>;
  /** Timer-driven jobs (collector ticks, digests, alert evaluation, heartbeat) by outcome. */
  jobRuns: Counter<'job' | 'outcome'>;
  collectorTickSeconds: Histogram;
  digestDeliveries: Counter<'outcome'>;
  alertTransitions: Counter<'to'>;
  /** Slack Web API attempts by method and outcome; retries counted apart. */
  slackCalls: Counter<'method' | 'outcome'>;
  slackRetries: Counter<'method'>;
  /** Work in flight (answers, posts) that shutdown waits for. */
  inFlight: Gauge;
  /** Prometheus text exposition of everything above plus the process metrics. */
  text(): Promise<string>;
  contentType: string;
}

/** A fresh registry with the bot's instruments and Node's process metrics (event-loop lag included). */
export function createMetrics(opts: { prefix?: string; processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  const p = opts.prefix ?? 'aicc_bot_';
  if (opts.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: p, eventLoopMonitoringPrecision: 20 });
  const registers = [registry];
  return {
    registry,
    commands: new Counter({ name: `${p}commands_total`, help: 'Slash commands by command row and outcome', labelNames: ['command', 'outcome'], registers }),
    ackSeconds: new Histogram({ name: `${p}ack_seconds`, help: 'Time from receiving a Slack request to its acknowledgement', labelNames: ['kind'], buckets: ACK_BUCKETS, registers }),
    answerSeconds: new Histogram({ name: `${p}answer_seconds`, help: 'Time from receiving a slash command to its last answer delivered', labelNames: ['command'], buckets: ANSWER_BUCKETS, registers }),
    aiccCalls: new Counter({ name: `${p}aicc_calls_total`, help: 'AICC calls by service, endpoint and outcome (ok or error code)', labelNames: ['service', 'endpoint', 'outcome'], registers }),
    statsBudget: new Counter({ name: `${p}stats_budget_total`, help: 'Statistics-v2 calls made (called) and refused because the per-VDN budget was spent (spent)', labelNames: ['result'], registers }),
    jobRuns: new Counter({ name: `${p}job_runs_total`, help: 'Timer-driven job runs by job and outcome', labelNames: ['job', 'outcome'], registers }),
    collectorTickSeconds: new Histogram({ name: `${p}collector_tick_seconds`, help: 'Duration of one collector tick', buckets: TICK_BUCKETS, registers }),
    digestDeliveries: new Counter({ name: `${p}digest_deliveries_total`, help: 'Digest deliveries by outcome', labelNames: ['outcome'], registers }),
    alertTransitions: new Counter({ name: `${p}alert_transitions_total`, help: 'Alert state transitions by new state', labelNames: ['to'], registers }),
    slackCalls: new Counter({ name: `${p}slack_api_calls_total`, help: 'Slack Web API and response_url attempts by method and outcome', labelNames: ['method', 'outcome'], registers }),
    slackRetries: new Counter({ name: `${p}slack_api_retries_total`, help: 'Slack Web API retries by method', labelNames: ['method'], registers }),
    inFlight: new Gauge({ name: `${p}in_flight`, help: 'Answers and posts in progress', registers }),
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

/**
 * Composition root: load configuration, build dependencies, start. Nothing else lives here.
 *
 * Without AICC URLs the simulator runs in-process, with a demo campaign that collapses and
 * recovers a few minutes after start; without Slack credentials a local console plays Slack's part
 * (a fake Web API plus a web page) and the demo seeds a digest and an alert rule and says hello, so
 * `npm start` works on a fresh machine and shows what the bot does.
 */
import { startBot } from './bot.js';
import { systemClock } from './platform/clock.js';
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { createLogger } from './platform/log.js';
import { createMetrics } from './platform/metrics.js';

type Stopper = () => Promise<void>;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Logs go to stderr: JSON for a supervisor or a log shipper, readable lines at a terminal.
  const log = createLogger({ level: config.logLevel, format: process.stderr.isTTY ? 'text' : 'json' });
  // Process-wide policy. Every timer-driven job catches, records and retries its own failures, so an
  // unhandled rejection is a bug in one piece of work: log it with its stack and keep serving. An
  // uncaught exception leaves the process in an unknown state: log it and exit 1, so the
  // supervisor (systemd, Kubernetes) starts a clean one; claims and leases let it pick up the work.
  process.on('unhandledRejection', (reason) => log.error('unhandled promise rejection (a bug; the bot keeps running)', { error: reason }));
  process.on('uncaughtException', (error) => {
    log.error('uncaught exception: exiting so that the supervisor restarts the bot', { error });
    process.exit(1);
  });
  if (config.aicc.tlsInsecure) log.warn('AICC_TLS_INSECURE=true: AICC server certificates are NOT verified. Use AICC_CA_FILE instead in production.');
  const stops: Stopper[] = [];
  // Local tooling (simulator, fake Slack, console, demo) is loaded only when it is used, so a
  // production process never loads it.
  if (config.aicc.embeddedSimulator || config.slack.mode === 'none') {
    const local = await import('../local/index.js');
    const embedded = await local.withEmbeddedSimulator(config, log, stops);
    config = embedded.config;
    if (config.slack.mode === 'none') stops.unshift(...(await local.startLocalMode(config, log, embedded.sim)));
  }
  if (config.slack.mode !== 'none') {
    const bot = await startBot({ config, clock: systemClock, log, metrics: createMetrics() });
    stops.unshift(() => bot.stop());
  }

  // Graceful: the bot takes no new requests and lets the answers and posts in flight finish (at
  // most 10 s), releases its leases and closes the store. A second signal exits at once.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log.warn('second signal: exiting now', { signal });
      process.exit(1);
    }
    stopping = true;
    log.info('stopping', { signal });
    for (const s of stops) await s().catch((error: unknown) => log.warn('stop failed', { error }));
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`fatal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

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
import { startLocalMode } from '../local/local-mode.js';
import { createLogger, type Logger } from './platform/log.js';
import { SIM_DEFAULT_CREDENTIALS } from '../local/sim/defaults.js';
import { startSimulator, type Simulator } from '../local/sim/server.js';

type Stopper = () => Promise<void>;

async function withEmbeddedSimulator(config: Config, log: Logger, stops: Stopper[]): Promise<{ config: Config; sim?: Simulator }> {
  if (!config.aicc.embeddedSimulator) return { config };
  const a = config.aicc;
  const credentials = {
    accessKey: a.accessKey ?? SIM_DEFAULT_CREDENTIALS.accessKey,
    secretKey: a.secretKey ?? SIM_DEFAULT_CREDENTIALS.secretKey,
    oifdeTenantId: a.oifdeTenantId ?? SIM_DEFAULT_CREDENTIALS.oifdeTenantId,
    oifdeAppSecret: a.oifdeAppSecret ?? SIM_DEFAULT_CREDENTIALS.oifdeAppSecret,
  };
  const sim = await startSimulator({ clock: systemClock, timeZone: a.timeZone, credentials, statsIntervalS: a.statsMinIntervalS, demo: { startAt: systemClock() } });
  stops.push(() => sim.close());
  log.info('no AICC_*_URL set: using the built-in AICC simulator', { url: sim.url });
  const urls = { isales: sim.url, cms: sim.url, oifde: sim.url };
  return { config: { ...config, aicc: { ...a, ...credentials, urls, authMode: 'auth-v2' } }, sim };
}

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
  const log = createLogger({ level: config.logLevel });
  if (config.aicc.tlsInsecure) log.warn('AICC_TLS_INSECURE=true: AICC server certificates are NOT verified. Use AICC_CA_FILE instead in production.');
  const stops: Stopper[] = [];
  const embedded = await withEmbeddedSimulator(config, log, stops);
  config = embedded.config;

  if (config.slack.mode === 'none') {
    stops.unshift(...(await startLocalMode(config, log, embedded.sim)));
  } else {
    const bot = await startBot({ config, clock: systemClock, log });
    stops.unshift(() => bot.stop());
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    for (const s of stops) await s().catch((error: unknown) => log.warn('stop failed', { error }));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`fatal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

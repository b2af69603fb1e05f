/**
 * Local tooling the composition root loads by dynamic import, only when nothing real is configured:
 * the built-in AICC simulator, and without Slack credentials the fake Slack, console and demo.
 */
import { systemClock } from '../src/platform/clock.js';
import type { Config } from '../src/platform/config.js';
import type { Logger } from '../src/platform/log.js';
import { SIM_DEFAULT_CREDENTIALS } from './sim/defaults.js';
import { startSimulator, type Simulator } from './sim/server.js';

export { startLocalMode } from './local-mode.js';

type Stopper = () => Promise<void>;

/** Starts the built-in simulator when no AICC URL is configured, and points the config at it. */
export async function withEmbeddedSimulator(config: Config, log: Logger, stops: Stopper[]): Promise<{ config: Config; sim?: Simulator }> {
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


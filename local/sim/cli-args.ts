/**
 * Command-line flags and environment of `npm run sim`, parsed into simulator options. Pure (argv
 * and env come in as arguments) so it can be tested without starting anything.
 */
import { parseArgs } from 'node:util';
import { SIM_DEFAULT_CREDENTIALS, SIM_DEFAULTS, type SimCredentials } from './defaults.js';
import type { SimOptions } from './server.js';

export const CLI_USAGE = `Usage: npm run sim -- [options]

  --port N                 port to listen on (default 8089; 0 = any free port)
  --host HOST              interface to bind (default 127.0.0.1)
  --seed N                 world seed (default 42)
  --tz ZONE                tenant IANA time zone (default $AICC_TIMEZONE or UTC)
  --campaigns N            campaigns per VDN (default 12)
  --running-share R        share of campaigns running, 0..1 (default 7/12)
  --bots N                 OIFDE voice bots (default 3)
  --latency MS             add latency to every service call
  --error-rate R           answer this share (0..1) of service calls with HTTP 500
  --https                  serve HTTPS with a self-signed certificate made at start
  --stats-interval S       statistics v2 rate-limit window in seconds (default 300)
  --collapse [VDN:]CAMPAIGN_ID@MINUTES_FROM_NOW
                           that campaign's connect rate drops to 5% from then on
                           (VDN defaults to the example VDN, 1); repeatable
  --help                   show this text

Environment: AICC_AK, AICC_SK (auth-v2 keys; also the C1 token app_key/app_secret),
AICC_OIFDE_TENANT_ID, AICC_OIFDE_APP_SECRET (OIFDE gettoken), AICC_TIMEZONE.
Control (no auth): GET /__sim/state, PUT /__sim/faults/{isales,cms,oifde,token,all}, DELETE /__sim/faults,
POST /__sim/scenario/collapse, DELETE /__sim/scenario, GET /__sim/calls?vdn=&campaignId=&limit=,
GET|DELETE /__sim/requests, POST /__sim/reset-limits.`;

export interface CollapseRequest {
  vdn: number;
  campaignId: string;
  minutesFromNow: number;
}

export interface CliConfig {
  help: boolean;
  options: SimOptions & { port: number };
  collapses: CollapseRequest[];
  /** Where each credential and the time zone came from, safe to print (never a user's secret). */
  describe: string[];
}

/** The VDN the CLI prints examples for and `--collapse` uses by default. */
export const EXAMPLE_VDN = 1;

function number(name: string, raw: string | undefined, min: number, max: number, integer = true): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function parseCollapse(raw: string): CollapseRequest {
  const m = /^(?:(\d{1,4}):)?(\d{1,30})@(-?\d+(?:\.\d+)?)$/.exec(raw.trim());
  if (!m) throw new Error(`--collapse must look like CAMPAIGN_ID@MINUTES or VDN:CAMPAIGN_ID@MINUTES (got "${raw}")`);
  return { vdn: m[1] ? Number(m[1]) : EXAMPLE_VDN, campaignId: m[2] ?? '', minutesFromNow: Number(m[3]) };
}

/** Throws an Error with a user-facing message when a flag is invalid. */
export function parseCliArgs(argv: string[], env: Readonly<Record<string, string | undefined>>): CliConfig {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      tz: { type: 'string' },
      campaigns: { type: 'string' },
      'running-share': { type: 'string' },
      bots: { type: 'string' },
      latency: { type: 'string' },
      'error-rate': { type: 'string' },
      https: { type: 'boolean' },
      'stats-interval': { type: 'string' },
      collapse: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });

  const describe: string[] = [];
  const credentials: Partial<SimCredentials> = {};
  const fromEnv = (key: keyof SimCredentials, variable: string, secret: boolean) => {
    const value = env[variable]?.trim();
    if (value) {
      credentials[key] = value;
      describe.push(`${key.padEnd(15)} ${secret ? '' : `${value} `}(from ${variable})`);
    } else {
      describe.push(`${key.padEnd(15)} ${SIM_DEFAULT_CREDENTIALS[key]} (simulator default; set ${variable} to change)`);
    }
  };
  fromEnv('accessKey', 'AICC_AK', false);
  fromEnv('secretKey', 'AICC_SK', true);
  fromEnv('oifdeTenantId', 'AICC_OIFDE_TENANT_ID', false);
  fromEnv('oifdeAppSecret', 'AICC_OIFDE_APP_SECRET', true);
  const timeZone = values.tz ?? (env.AICC_TIMEZONE?.trim() || SIM_DEFAULTS.timeZone);
  describe.push(
    `${'timeZone'.padEnd(15)} ${timeZone} (${values.tz ? '--tz' : env.AICC_TIMEZONE?.trim() ? 'from AICC_TIMEZONE' : 'default; set AICC_TIMEZONE or --tz'})`,
  );

  const latencyMs = number('latency', values.latency, 0, 600_000);
  const errorRate = number('error-rate', values['error-rate'], 0, 1, false);
  const runningShare = number('running-share', values['running-share'], 0, 1, false);
  const options: CliConfig['options'] = {
    port: number('port', values.port, 0, 65535) ?? 8089,
    host: values.host ?? SIM_DEFAULTS.host,
    seed: number('seed', values.seed, 0, 2 ** 31) ?? SIM_DEFAULTS.seed,
    timeZone,
    campaignsPerVdn: number('campaigns', values.campaigns, 1, 100_000) ?? SIM_DEFAULTS.campaignsPerVdn,
    bots: number('bots', values.bots, 0, 10_000) ?? SIM_DEFAULTS.bots,
    statsIntervalS: number('stats-interval', values['stats-interval'], 0, 86_400) ?? SIM_DEFAULTS.statsIntervalS,
    https: values.https ?? false,
    credentials,
    ...(runningShare !== undefined ? { runningShare } : {}),
    ...(latencyMs !== undefined || errorRate !== undefined
      ? { faults: { all: { ...(latencyMs !== undefined ? { latencyMs } : {}), ...(errorRate !== undefined ? { errorRate } : {}) } } }
      : {}),
  };
  return { help: values.help ?? false, options, collapses: (values.collapse ?? []).map(parseCollapse), describe };
}

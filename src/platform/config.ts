/**
 * The one reader of `process.env`. Parsed once with zod; a bad or missing value stops start-up with
 * one line naming the variable and what it expects. Secret values never appear in that line.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LOCALES, parseLocale, type Locale } from './locales.js';
import { DATABASE_URL_EXPECTED, DatabaseUrlError, parseDatabaseUrl } from './database-url.js';

export interface AiccConfig {
  /**
   * Base URLs; a service without one is "not configured". All three absent → the embedded
   * simulator, which with Slack credentials needs AICC_SIMULATOR=on.
   */
  urls: { isales?: string; cms?: string; oifde?: string };
  embeddedSimulator: boolean;
  authMode: 'auth-v2' | 'bearer';
  accessKey?: string;
  secretKey?: string;
  tokenUrl?: string;
  oifdeTenantId?: string;
  oifdeAppSecret?: string;
  vdnIds: number[];
  ccId?: number;
  timeZone: string;
  ca?: Buffer;
  tlsInsecure: boolean;
  timeoutMs: number;
  maxConcurrency: number;
  statsMinIntervalS: number;
  /** Most bytes of one AICC answer the bot reads (AICC_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** BOT_MASK_NUMBERS, applied to phone numbers in vendor free text (campaign names) at the boundary. */
  maskNumbers: boolean;
}

export interface SlackConfig {
  botToken?: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  /** 'http' with a token and signing secret, 'socket' with an app token too, 'none' otherwise. */
  mode: 'http' | 'socket' | 'none';
}

export interface BotConfig {
  adminUsers: string[];
  allowedChannels: string[];
  maskNumbers: boolean;
  /** Default zone of new digest subscriptions (falls back to AICC_TIMEZONE). */
  timeZone: string;
  /** BOT_LOCALE: the workspace's language, for channels and users that chose none. */
  locale: Locale;
}

export interface StorageConfig {
  /** `postgres://…` or a SQLite file path (`sqlite:`/`file:` prefixes already removed). */
  databaseUrl: string;
  collectIntervalS: number;
  retentionDays: number;
  digestGraceMin: number;
}

export interface Config {
  aicc: AiccConfig;
  slack: SlackConfig;
  bot: BotConfig;
  storage: StorageConfig;
  port: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Serve the local console when there are no Slack credentials (`CONSOLE=off` turns it off). */
  console: boolean;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, expected: string) {
    super(`${variable}: ${expected}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Default statistics and collector interval (seconds) when the embedded simulator stands in for AICC. */
export const EMBEDDED_INTERVAL_S = 30;

/** AICC_MAX_BODY_BYTES default: 5 MiB, far above any documented answer (a page of 100 campaigns is ~30 KB). */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

const AICC_URL_VARS = 'AICC_ISALES_URL, AICC_CMS_URL, AICC_OIFDE_URL';

const httpUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && Boolean(u.host);
    } catch {
      return false;
    }
  }, 'expected an http(s) URL such as https://10.1.2.3:28080');

const ianaZone = z
  .string()
  .trim()
  .refine((v) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: v });
      return true;
    } catch {
      return false;
    }
  }, 'expected an IANA time zone such as Asia/Shanghai or UTC');

const localeTag = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const locale = parseLocale(v);
    if (!locale) ctx.addIssue({ code: 'custom', message: `expected one of ${LOCALES.join(', ')}` });
    return locale ?? 'en';
  });

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(v), 'expected true or false')
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const intIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `expected a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `expected a whole number from ${min} to ${max}`);

const list = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

const vdnList = list.refine(
  (ids) => ids.length > 0 && ids.every((id) => /^\d+$/.test(id) && Number(id) >= 1 && Number(id) <= 9999),
  'expected comma-separated VDN ids from 1 to 9999, e.g. 8 or 8,12',
).transform((ids) => ids.map(Number));

const nonEmpty = z.string().trim().min(1, 'expected a non-empty value');

/** Reads one variable through a schema; a failure names the variable and never echoes its value. */
function read<S extends z.ZodType>(env: Env, name: string, schema: S, fallback?: string): z.output<S> | undefined {
  const raw = env[name];
  const value = raw === undefined || raw.trim() === '' ? fallback : raw;
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ConfigError(name, parsed.error.issues[0]?.message ?? 'invalid value');
  return parsed.data;
}

function required<T>(value: T | undefined, name: string, why: string): T {
  if (value === undefined) throw new ConfigError(name, `required ${why}`);
  return value;
}

/**
 * Whether the built-in simulator stands in for AICC. Without Slack credentials (the local console)
 * it does whenever no AICC URL is set, so `npm start` works on a fresh machine. With them it runs
 * only on AICC_SIMULATOR=on: a misspelt URL variable must stop the bot, not post invented figures
 * to a real workspace.
 */
function simulatorWanted(env: Env, anyUrl: boolean, slack: SlackConfig): boolean {
  const asked = read(env, 'AICC_SIMULATOR', bool);
  if (asked === true && anyUrl) {
    throw new ConfigError('AICC_SIMULATOR', `cannot be on while an AICC URL is set (${AICC_URL_VARS}): unset one or the other`);
  }
  if (anyUrl) return false;
  if (asked === true) return true;
  if (asked === false) throw new ConfigError(AICC_URL_VARS, 'required when AICC_SIMULATOR=off: set the AICC server URLs');
  if (slack.mode !== 'none') {
    throw new ConfigError(
      AICC_URL_VARS,
      'required with Slack credentials: none is set, so the bot would answer from the built-in simulator with invented figures. Set the AICC server URLs (with AICC_AK and AICC_SK), or AICC_SIMULATOR=on to use the simulator on purpose',
    );
  }
  return true;
}

function loadAicc(env: Env, slack: SlackConfig): AiccConfig {
  const urls = {
    isales: read(env, 'AICC_ISALES_URL', httpUrl),
    cms: read(env, 'AICC_CMS_URL', httpUrl),
    oifde: read(env, 'AICC_OIFDE_URL', httpUrl),
  };
  const embeddedSimulator = simulatorWanted(env, Boolean(urls.isales || urls.cms || urls.oifde), slack);
  const authMode = read(env, 'AICC_AUTH_MODE', z.enum(['auth-v2', 'bearer'], 'expected auth-v2 or bearer'), 'auth-v2')!;
  const accessKey = read(env, 'AICC_AK', nonEmpty);
  const secretKey = read(env, 'AICC_SK', nonEmpty);
  const tokenUrl = read(env, 'AICC_TOKEN_URL', httpUrl);
  const oifdeTenantId = read(env, 'AICC_OIFDE_TENANT_ID', nonEmpty);
  const oifdeAppSecret = read(env, 'AICC_OIFDE_APP_SECRET', nonEmpty);
  if (!embeddedSimulator && (urls.isales || urls.cms)) {
    required(accessKey, 'AICC_AK', 'when AICC_ISALES_URL or AICC_CMS_URL is set');
    required(secretKey, 'AICC_SK', 'when AICC_ISALES_URL or AICC_CMS_URL is set');
    if (authMode === 'bearer') required(tokenUrl, 'AICC_TOKEN_URL', 'when AICC_AUTH_MODE=bearer');
  }
  if (urls.oifde) {
    required(oifdeTenantId, 'AICC_OIFDE_TENANT_ID', 'when AICC_OIFDE_URL is set');
    required(oifdeAppSecret, 'AICC_OIFDE_APP_SECRET', 'when AICC_OIFDE_URL is set');
  }
  const caFile = read(env, 'AICC_CA_FILE', nonEmpty);
  let ca: Buffer | undefined;
  if (caFile) {
    try {
      ca = readFileSync(caFile);
    } catch {
      throw new ConfigError('AICC_CA_FILE', `expected a readable PEM file (could not read ${caFile})`);
    }
  }
  // The vendor allows statistics every five minutes; the embedded simulator is our own, so the
  // demo refreshes every 30 seconds and a newcomer sees figures move within minutes.
  const statsDefault = embeddedSimulator ? String(EMBEDDED_INTERVAL_S) : '300';
  return {
    urls,
    embeddedSimulator,
    authMode,
    accessKey,
    secretKey,
    tokenUrl,
    oifdeTenantId,
    oifdeAppSecret,
    vdnIds: read(env, 'AICC_VDN_IDS', vdnList, '1')!,
    ccId: read(env, 'AICC_CC_ID', intIn(1, 65535)),
    timeZone: read(env, 'AICC_TIMEZONE', ianaZone, 'UTC')!,
    ca,
    tlsInsecure: read(env, 'AICC_TLS_INSECURE', bool, 'false')!,
    timeoutMs: read(env, 'AICC_TIMEOUT_MS', intIn(100, 120_000), '15000')!,
    maxConcurrency: read(env, 'AICC_MAX_CONCURRENCY', intIn(1, 256), '8')!,
    statsMinIntervalS: read(env, 'AICC_STATS_MIN_INTERVAL_S', intIn(1, 86_400), statsDefault)!,
    maxBodyBytes: read(env, 'AICC_MAX_BODY_BYTES', intIn(65_536, 1_073_741_824), String(DEFAULT_MAX_BODY_BYTES))!,
    maskNumbers: read(env, 'BOT_MASK_NUMBERS', bool, 'true')!,
  };
}

function loadSlack(env: Env): SlackConfig {
  const botToken = read(env, 'SLACK_BOT_TOKEN', z.string().trim().regex(/^xoxb-/, 'expected a bot token starting with xoxb-'));
  const signingSecret = read(env, 'SLACK_SIGNING_SECRET', nonEmpty);
  const appToken = read(env, 'SLACK_APP_TOKEN', z.string().trim().regex(/^xapp-/, 'expected an app-level token starting with xapp-'));
  const apiUrl = read(env, 'SLACK_API_URL', httpUrl);
  if (botToken && !signingSecret) throw new ConfigError('SLACK_SIGNING_SECRET', 'required when SLACK_BOT_TOKEN is set');
  if (signingSecret && !botToken) throw new ConfigError('SLACK_BOT_TOKEN', 'required when SLACK_SIGNING_SECRET is set');
  if (appToken && !botToken) throw new ConfigError('SLACK_BOT_TOKEN', 'required when SLACK_APP_TOKEN is set (Socket Mode)');
  const mode = botToken ? (appToken ? 'socket' : 'http') : 'none';
  return { botToken, signingSecret, appToken, apiUrl: apiUrl?.replace(/\/?$/, '/'), mode };
}

/** Parses the whole configuration; throws ConfigError naming the first bad variable. */
/** DATABASE_URL as the store reads it: a PostgreSQL URL, or a plain SQLite path. */
const databaseUrl = z.string().transform((v, ctx) => {
  try {
    const target = parseDatabaseUrl(v);
    return target.kind === 'postgres' ? target.url : target.path;
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof DatabaseUrlError ? error.message : DATABASE_URL_EXPECTED });
    return z.NEVER;
  }
});

export function loadConfig(env: Env): Config {
  const slack = loadSlack(env);
  const aicc = loadAicc(env, slack);
  // Embedded: never default below an explicit AICC_STATS_MIN_INTERVAL_S, which would fail the check below.
  const collectDefault = aicc.embeddedSimulator ? Math.max(EMBEDDED_INTERVAL_S, aicc.statsMinIntervalS) : 300;
  const collectIntervalS = read(env, 'COLLECT_INTERVAL_S', intIn(10, 86_400), String(collectDefault))!;
  if (collectIntervalS < aicc.statsMinIntervalS) {
    throw new ConfigError('COLLECT_INTERVAL_S', `must be at least AICC_STATS_MIN_INTERVAL_S (${aicc.statsMinIntervalS}): statistics cannot be fetched more often`);
  }
  return {
    aicc,
    slack,
    bot: {
      adminUsers: read(env, 'BOT_ADMIN_USERS', list, '')!,
      allowedChannels: read(env, 'BOT_ALLOWED_CHANNELS', list, '')!,
      maskNumbers: read(env, 'BOT_MASK_NUMBERS', bool, 'true')!,
      timeZone: read(env, 'BOT_TIMEZONE', ianaZone) ?? aicc.timeZone,
      locale: read(env, 'BOT_LOCALE', localeTag, 'en')!,
    },
    storage: {
      databaseUrl: read(env, 'DATABASE_URL', databaseUrl, './data/aicc-bot.sqlite')!,
      collectIntervalS,
      retentionDays: read(env, 'RETENTION_DAYS', intIn(1, 3650), '35')!,
      digestGraceMin: read(env, 'DIGEST_GRACE_MIN', intIn(0, 1440), '120')!,
    },
    port: read(env, 'PORT', intIn(0, 65535), '3000')!,
    logLevel: read(env, 'LOG_LEVEL', z.enum(['debug', 'info', 'warn', 'error'], 'expected debug, info, warn or error'), 'info')!,
    console: read(env, 'CONSOLE', bool, 'on')!,
  };
}

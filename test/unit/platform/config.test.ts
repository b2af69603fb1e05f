import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/platform/config.js';

const real = {
  AICC_ISALES_URL: 'https://10.22.26.181:28080',
  AICC_CMS_URL: 'https://10.22.26.181:28080',
  AICC_AK: 'ak',
  AICC_SK: 'very-secret-value',
};

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.aicc).toMatchObject({ embeddedSimulator: true, authMode: 'auth-v2', vdnIds: [1], timeZone: 'UTC', timeoutMs: 15000, maxConcurrency: 8, statsMinIntervalS: 30 });
    expect(c.slack.mode).toBe('none');
    expect(c.bot).toEqual({ adminUsers: [], allowedChannels: [], maskNumbers: true, timeZone: 'UTC', locale: 'en' });
    expect(c.storage).toEqual({ databaseUrl: './data/aicc-bot.sqlite', collectIntervalS: 30, retentionDays: 35, digestGraceMin: 120 });
    expect(c.port).toBe(3000);
  });

  it('keeps the vendor five-minute statistics interval against a real installation; explicit values win', () => {
    expect(loadConfig(real).aicc.statsMinIntervalS).toBe(300);
    expect(loadConfig(real).storage.collectIntervalS).toBe(300);
    expect(loadConfig({ AICC_STATS_MIN_INTERVAL_S: '60' }).storage.collectIntervalS).toBe(60);
    const c = loadConfig({ AICC_STATS_MIN_INTERVAL_S: '20', COLLECT_INTERVAL_S: '45' });
    expect([c.aicc.statsMinIntervalS, c.storage.collectIntervalS]).toEqual([20, 45]);
  });

  it('reads a real installation', () => {
    const c = loadConfig({ ...real, AICC_VDN_IDS: '8, 12', AICC_TIMEZONE: 'Asia/Shanghai', AICC_TLS_INSECURE: 'true', BOT_ADMIN_USERS: 'U1,U2' });
    expect(c.aicc).toMatchObject({ embeddedSimulator: false, vdnIds: [8, 12], timeZone: 'Asia/Shanghai', tlsInsecure: true });
    expect(c.bot.adminUsers).toEqual(['U1', 'U2']);
    expect(c.bot.timeZone).toBe('Asia/Shanghai');
  });

  it.each([
    [{ AICC_TIMEZONE: 'Mars/Olympus' }, 'AICC_TIMEZONE: expected an IANA time zone'],
    [{ AICC_VDN_IDS: '8,abc' }, 'AICC_VDN_IDS: expected comma-separated VDN ids'],
    [{ AICC_VDN_IDS: '10000' }, 'AICC_VDN_IDS'],
    [{ AICC_ISALES_URL: 'ftp://x' }, 'AICC_ISALES_URL: expected an http(s) URL'],
    [{ AICC_ISALES_URL: 'https://x:1' }, 'AICC_AK: required'],
    [{ ...real, AICC_AUTH_MODE: 'bearer' }, 'AICC_TOKEN_URL: required'],
    [{ ...real, AICC_AUTH_MODE: 'basic' }, 'AICC_AUTH_MODE: expected auth-v2 or bearer'],
    [{ AICC_OIFDE_URL: 'https://x:1' }, 'AICC_OIFDE_TENANT_ID: required'],
    [{ AICC_TIMEOUT_MS: 'soon' }, 'AICC_TIMEOUT_MS: expected a whole number'],
    [{ AICC_TLS_INSECURE: 'maybe' }, 'AICC_TLS_INSECURE: expected true or false'],
    [{ AICC_CA_FILE: '/nonexistent/ca.pem' }, 'AICC_CA_FILE: expected a readable PEM file'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET: required'],
    [{ SLACK_BOT_TOKEN: 'abc', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN: expected a bot token'],
    [{ PORT: '70000' }, 'PORT: expected a whole number from 0 to 65535'],
    [{ ...real, COLLECT_INTERVAL_S: '60' }, 'COLLECT_INTERVAL_S: must be at least AICC_STATS_MIN_INTERVAL_S (300)'],
    [{ COLLECT_INTERVAL_S: '20' }, 'COLLECT_INTERVAL_S: must be at least AICC_STATS_MIN_INTERVAL_S (30)'],
    [{ BOT_TIMEZONE: 'Nowhere/Land' }, 'BOT_TIMEZONE: expected an IANA time zone'],
    [{ RETENTION_DAYS: '0' }, 'RETENTION_DAYS: expected a whole number from 1'],
    [{ BOT_LOCALE: 'fr' }, 'BOT_LOCALE: expected one of en, zh-CN, es, pt-BR'],
  ])('names the variable in one line: %j', (env, expected) => {
    const err = errorOf(env as Record<string, string>);
    expect(err.message).toContain(expected);
    expect(err.message.split('\n')).toHaveLength(1);
  });

  it('reads BOT_LOCALE as people and Slack write language tags', () => {
    expect(loadConfig({ BOT_LOCALE: 'zh_CN' }).bot.locale).toBe('zh-CN');
    expect(loadConfig({ BOT_LOCALE: ' es-419 ' }).bot.locale).toBe('es');
    expect(loadConfig({ BOT_LOCALE: 'pt' }).bot.locale).toBe('pt-BR');
  });

  it('never echoes a secret value in its error', () => {
    const err = errorOf({ SLACK_BOT_TOKEN: 'not-a-token-but-secret', SLACK_SIGNING_SECRET: 's' });
    expect(err.message).not.toContain('not-a-token-but-secret');
  });

  it('picks Slack modes', () => {
    // With Slack credentials the simulator runs only when asked for.
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', AICC_SIMULATOR: 'on' }).slack.mode).toBe('http');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1', AICC_SIMULATOR: 'on' }).slack.mode).toBe('socket');
  });
});

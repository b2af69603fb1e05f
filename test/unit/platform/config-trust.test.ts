/** Configuration that cannot fool anyone: the simulator only on purpose with Slack, DATABASE_URL forms, the body cap. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/platform/config.js';

const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
const real = { AICC_ISALES_URL: 'https://10.22.26.181:28080', AICC_AK: 'ak', AICC_SK: 'sk' };

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('the built-in simulator', () => {
  it('with Slack credentials and no AICC URL, refuses to start, naming the missing variables', () => {
    for (const env of [slack, { ...slack, SLACK_APP_TOKEN: 'xapp-1' }, { ...slack, AICC_ISALES_URl: 'https://typo:1' }]) {
      const err = errorOf(env);
      expect(err.message).toMatch(/^AICC_ISALES_URL, AICC_CMS_URL, AICC_OIFDE_URL: required with Slack credentials/);
      expect(err.message).toContain('AICC_SIMULATOR=on');
      expect(err.message.split('\n')).toHaveLength(1);
    }
  });

  it('with Slack credentials runs only on AICC_SIMULATOR=on', () => {
    const c = loadConfig({ ...slack, AICC_SIMULATOR: 'on' });
    expect(c.aicc.embeddedSimulator).toBe(true);
    expect(c.slack.mode).toBe('http');
  });

  it('without Slack credentials (the local console) still starts by default', () => {
    expect(loadConfig({}).aicc.embeddedSimulator).toBe(true);
    expect(loadConfig({ AICC_SIMULATOR: 'on' }).aicc.embeddedSimulator).toBe(true);
  });

  it('never beside a real URL, and off means the URLs are needed', () => {
    expect(loadConfig({ ...slack, ...real }).aicc.embeddedSimulator).toBe(false);
    expect(loadConfig({ ...slack, ...real, AICC_SIMULATOR: 'off' }).aicc.embeddedSimulator).toBe(false);
    expect(errorOf({ ...slack, ...real, AICC_SIMULATOR: 'on' }).message).toMatch(/^AICC_SIMULATOR: cannot be on while an AICC URL is set/);
    expect(errorOf({ AICC_SIMULATOR: 'off' }).message).toMatch(/^AICC_ISALES_URL, AICC_CMS_URL, AICC_OIFDE_URL: required when AICC_SIMULATOR=off/);
    expect(errorOf({ AICC_SIMULATOR: 'maybe' }).message).toMatch(/^AICC_SIMULATOR: expected true or false/);
  });
});

describe('DATABASE_URL', () => {
  it.each([
    ['./data/bot.sqlite', './data/bot.sqlite'],
    ['/tmp/x.db', '/tmp/x.db'],
    ['sqlite:/tmp/x.db', '/tmp/x.db'],
    ['sqlite:data/x.db', 'data/x.db'],
    ['sqlite:///tmp/x.db', '/tmp/x.db'],
    ['sqlite://data/x.db', 'data/x.db'],
    ['SQLITE:/tmp/x.db', '/tmp/x.db'],
    ['file:/tmp/x.db', '/tmp/x.db'],
    ['file:///tmp/x.db', '/tmp/x.db'],
    [':memory:', ':memory:'],
    ['sqlite::memory:', ':memory:'],
    ['C:\\data\\bot.sqlite', 'C:\\data\\bot.sqlite'],
    ['postgres://bot:pw@db:5432/aicc', 'postgres://bot:pw@db:5432/aicc'],
    ['postgresql://bot@db/aicc', 'postgresql://bot@db/aicc'],
  ])('accepts %s', (value, stored) => {
    expect(loadConfig({ DATABASE_URL: value }).storage.databaseUrl).toBe(stored);
  });

  it.each(['mysql://root:hunter2@db/aicc', 'http://db:5432/x', 'sqlserver://db', 'redis://localhost', 'sqlite:', 'file:/tmp/x.db?mode=ro'])('refuses %s, naming DATABASE_URL and never the password', (value) => {
    const err = errorOf({ DATABASE_URL: value });
    expect(err.variable).toBe('DATABASE_URL');
    expect(err.message).toMatch(/^DATABASE_URL: /);
    expect(err.message).not.toContain('hunter2');
  });
});

describe('AICC_MAX_BODY_BYTES', () => {
  it('defaults to 5 MiB and takes whole numbers from 64 KiB to 1 GiB', () => {
    expect(loadConfig({}).aicc.maxBodyBytes).toBe(5 * 1024 * 1024);
    expect(loadConfig({ AICC_MAX_BODY_BYTES: '20971520' }).aicc.maxBodyBytes).toBe(20 * 1024 * 1024);
    for (const bad of ['1000', '5MB', '-1', String(2 ** 31)]) {
      expect(errorOf({ AICC_MAX_BODY_BYTES: bad }).message).toMatch(/^AICC_MAX_BODY_BYTES: expected a whole number from 65536 to 1073741824/);
    }
  });
});

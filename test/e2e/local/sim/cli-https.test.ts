import https from 'node:https';
import { describe, expect, it } from 'vitest';
import { signAuthV2 } from '../../../../src/aicc/signer.js';
import { parseCliArgs } from '../../../../local/sim/cli-args.js';
import { startSimulator } from '../../../../local/sim/server.js';

describe('sim CLI flags', () => {
  it('maps flags to options and prints defaults, but never a secret the user supplied', () => {
    const cfg = parseCliArgs(
      ['--port', '8089', '--seed', '7', '--tz', 'Asia/Shanghai', '--campaigns', '1000', '--bots', '20', '--latency', '50', '--error-rate', '0.1', '--https', '--stats-interval', '60', '--collapse', '1234567890@5', '--collapse', '9:42@-10'],
      { AICC_SK: 'user-secret-sk', AICC_AK: 'user-ak', AICC_OIFDE_APP_SECRET: 'user-oifde-secret' },
    );
    expect(cfg.options).toMatchObject({
      port: 8089,
      seed: 7,
      timeZone: 'Asia/Shanghai',
      campaignsPerVdn: 1000,
      bots: 20,
      https: true,
      statsIntervalS: 60,
      credentials: { accessKey: 'user-ak', secretKey: 'user-secret-sk', oifdeAppSecret: 'user-oifde-secret' },
      faults: { all: { latencyMs: 50, errorRate: 0.1 } },
    });
    expect(cfg.collapses).toEqual([
      { vdn: 1, campaignId: '1234567890', minutesFromNow: 5 },
      { vdn: 9, campaignId: '42', minutesFromNow: -10 },
    ]);
    const printed = cfg.describe.join('\n');
    expect(printed).not.toContain('user-secret-sk');
    expect(printed).not.toContain('user-oifde-secret');
    expect(printed).toContain('(from AICC_SK)');
    expect(printed).toContain('user-ak (from AICC_AK)');
    expect(printed).toContain('202104237142 (simulator default');
  });

  it('uses AICC_TIMEZONE and defaults, and rejects bad values', () => {
    const cfg = parseCliArgs([], { AICC_TIMEZONE: 'Europe/Berlin' });
    expect(cfg.options).toMatchObject({ port: 8089, host: '127.0.0.1', seed: 42, timeZone: 'Europe/Berlin', campaignsPerVdn: 12, bots: 3 });
    expect(cfg.options.faults).toBeUndefined();
    expect(cfg.describe.join('\n')).toContain('aicc-sim-sk (simulator default');
    expect(() => parseCliArgs(['--error-rate', '2'], {})).toThrow(/--error-rate/);
    expect(() => parseCliArgs(['--port', 'x'], {})).toThrow(/--port/);
    expect(() => parseCliArgs(['--collapse', 'abc'], {})).toThrow(/--collapse/);
    expect(() => parseCliArgs(['--nope'], {})).toThrow();
    expect(parseCliArgs(['--help'], {}).help).toBe(true);
  });
});

describe('HTTPS', () => {
  it('serves HTTPS with a self-signed certificate that clients can trust as their CA', async () => {
    const sim = await startSimulator({ https: true });
    try {
      expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.caCert).toMatch(/BEGIN CERTIFICATE/);
      const url = new URL('/rest/isales/v1/openapi/campaigns/8', sim.url);
      const headers = { host: url.host, 'content-type': 'application/json;charset=UTF-8' };
      const { authorization } = signAuthV2({ ...sim.credentials, method: 'GET', path: url.pathname, query: [], headers, body: '', now: new Date() });
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get(url, { ca: sim.caCert, headers: { ...headers, authorization } }, (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      expect(JSON.parse(body).resultCode).toBe('0200000');
      // Without the CA the certificate is refused, as a real self-signed installation would be.
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      await sim.close();
    }
  });
});

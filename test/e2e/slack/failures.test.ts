/**
 * What a supervisor sees when AICC misbehaves, and how the bot treats requests that are not from
 * Slack: all over real HTTP, with the simulator's faults.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blockProblems } from '../../../local/fakeslack/validate.js';
import { signSlackRequest, slashCommandBody } from '../../../local/fakeslack/index.js';
import { SIGNING_SECRET, blocksText, startE2E, type E2E } from '../../support/e2e.js';

let e2e: E2E;
beforeAll(async () => {
  // VDN 77 is served too, so one query meets an empty statistics cache.
  e2e = await startE2E({ env: { AICC_TIMEOUT_MS: '800', BOT_ALLOWED_CHANNELS: 'C0GENERAL,COPS', AICC_VDN_IDS: '8,77' } });
});
afterAll(async () => {
  await e2e?.close();
});
afterEach(() => {
  e2e.sim.clearFaults();
  e2e.sim.resetLimits();
});

const text = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');
const someRunning = () => String(e2e.sim.world.campaigns(8).find((c) => c.status === 2)!.id);

describe('upstream failures become clear messages', () => {
  it('a slow upstream: ack comes at once, the error arrives within the timeout plus a little', async () => {
    e2e.sim.setFaults('cms', { latencyMs: 5000 });
    const started = Date.now();
    const r = await e2e.slash(`task ${someRunning()}`);
    expect(r.ackMs).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(text(r)).toMatch(/CC-CMS did not answer in time/);
  });

  it('a dead upstream: says it is unreachable and what to check', async () => {
    e2e.sim.setFaults('cms', { down: true });
    const t = text(await e2e.slash(`task ${someRunning()}`));
    expect(t).toMatch(/CC-CMS is unreachable/);
    expect(t).toMatch(/reachable from the bot/);
  });

  it('401: names the service and the variables to check, and shows no secret', async () => {
    e2e.sim.setFaults('isales', { status: 401 });
    const r = await e2e.slash('call 1644464743-1388');
    const t = text(r);
    expect(t).toMatch(/CC-iSales refused the bot's credentials/);
    expect(t).toContain('AICC_SK');
    expect(JSON.stringify(r.responses)).not.toContain(e2e.sim.credentials.secretKey);
    expect(e2e.logs.join('\n')).not.toContain(e2e.sim.credentials.secretKey);
  });

  it('429 on statistics with nothing cached: says when the next refresh is possible', async () => {
    e2e.sim.setFaults('isales', { status: 429 });
    const t = text(await e2e.slash('stats vdn:77'));
    // Nothing to serve yet: the bot says when it will answer (through the same response_url).
    expect(t).toMatch(/one statistics call per VDN/);
    expect(t).toMatch(/I will answer here at about \d\d:\d\d/);
  });

  it('5xx is retried, then explained', async () => {
    e2e.sim.setFaults('isales', { status: 503 });
    const before = e2e.sim.requestCounts();
    const t = text(await e2e.slash('call 1644464743-1388'));
    expect(t).toMatch(/CC-iSales failed/);
    const after = e2e.sim.requestCounts();
    const calls = (m: typeof after) => Object.values(m['isales.callresultdetail'] ?? {}).reduce((a, b) => a + b, 0);
    expect(calls(after) - calls(before)).toBe(3);
  });

  it('a malformed body is reported as unreadable, not as a crash', async () => {
    e2e.sim.setFaults('cms', { malformed: true });
    const t = text(await e2e.slash(`task ${someRunning()}`));
    expect(t).toMatch(/cannot read/);
    // and the bot still answers the next command
    e2e.sim.clearFaults();
    expect(text(await e2e.slash('help'))).toContain('campaigns');
  });
});

describe('requests not from Slack', () => {
  it('a bad signature gets 401 and no handler runs', async () => {
    const handledBefore = e2e.handled.length;
    const url = e2e.slack.responseUrl('unsigned');
    const body = slashCommandBody({ text: 'stats', response_url: url });
    const res = await e2e.raw(body, { ...signSlackRequest({ body, signingSecret: 'wrong-secret' }) });
    expect(res.status).toBe(401);
    // The same command, signed, sent after it is answered; only that one reached a listener.
    const signed = await e2e.slash('stats');
    expect(signed.responses).toHaveLength(1);
    expect(e2e.handled.slice(handledBefore)).toHaveLength(1);
    expect(e2e.handled.some((h) => h.responseUrl === url)).toBe(false);
    expect(e2e.slack.responses.filter((r) => r.id === 'unsigned')).toHaveLength(0);
  });

  it('a signature older than five minutes gets 401', async () => {
    const body = slashCommandBody({ text: 'stats', response_url: e2e.slack.responseUrl('replayed') });
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await e2e.raw(body, { ...signSlackRequest({ body, signingSecret: SIGNING_SECRET, timestamp: old }) });
    expect(res.status).toBe(401);
  });
});

describe('policy', () => {
  it('answers only in allowed channels, politely', async () => {
    e2e.sim.resetRequestCounts();
    const t = text(await e2e.slash('stats', { channel: 'CRANDOM' }));
    expect(t).toMatch(/not answered in this channel/);
    expect(t).toContain('<#C0GENERAL>');
    expect(e2e.sim.requestCounts()).toEqual({});
  });
});

describe('Block Kit limits on a 1000-campaign VDN', () => {
  let big: E2E;
  beforeAll(async () => {
    big = await startE2E({ sim: { campaignsPerVdn: 1000, runningShare: 0.5 } });
  });
  afterAll(async () => {
    await big?.close();
  });

  it('stats and campaigns answer in valid messages', async () => {
    for (const cmd of ['stats', 'campaigns all', 'campaigns running page:50']) {
      const r = await big.slash(cmd);
      expect(r.responses.length).toBeGreaterThan(0);
      for (const resp of r.responses) expect(blockProblems(resp.body.blocks)).toEqual([]);
    }
    expect(text(await big.slash('stats'))).toMatch(/more campaigns/);
  });
});

describe('health endpoints', () => {
  it('/healthz says the process is up; /readyz probes AICC when nothing answered lately', async () => {
    const fresh = await startE2E({ sim: { faults: { isales: { down: true } } } });
    try {
      expect((await fetch(`${fresh.botUrl}/healthz`)).status).toBe(200);
      const down = await fetch(`${fresh.botUrl}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ ok: false, aicc: 'unreachable' });
      fresh.sim.clearFaults();
      await fresh.slash('campaigns'); // a successful call counts as "reachable recently"
      const up = await fetch(`${fresh.botUrl}/readyz`);
      expect(up.status).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});

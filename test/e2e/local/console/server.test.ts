/**
 * The console over real HTTP against the whole stack: simulator, fake Slack, the bot (Bolt, HTTP
 * mode) and the console. Commands and clicks go in through the console's API; answers are read
 * back from `/api/state` and `/events`, and what the console sent to the bot is checked against a
 * scripted server.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { startConsole, type ConsoleState, type RunningConsole } from '../../../../local/console/server.js';
import { signSlackRequest } from '../../../../local/fakeslack/index.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { ratio } from '../../../../src/slack/format.js';
import { translator } from '../../../../src/i18n/index.js';
import { SIGNING_SECRET, startE2E, type E2E } from '../../../support/e2e.js';
import { startScriptedServer } from '../../../support/scripted-server.js';

/** The English translator's formatters (they were format.ts's before the bot spoke other languages). */
const EN = translator('en');
const formatPercent = EN.percent;

const clock = manualClock('2026-11-20T06:30:00Z'); // 14:30 in Asia/Shanghai: campaigns are dialling
let e2e: E2E;
let konsole: RunningConsole;

beforeAll(async () => {
  e2e = await startE2E({ clock, env: { AICC_TIMEZONE: 'Asia/Shanghai' }, sim: { timeZone: 'Asia/Shanghai' } });
  konsole = await startConsole({ port: 0, fakeSlack: e2e.slack, botUrl: e2e.botUrl, signingSecret: SIGNING_SECRET, log: silentLogger });
});
afterAll(async () => {
  await konsole?.close();
  await e2e?.close();
});

const url = (path: string) => new URL(path, konsole.url).toString();
const postJson = (path: string, body: unknown, base = konsole.url) =>
  fetch(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const getState = async () => (await (await fetch(url('/api/state'))).json()) as ConsoleState;

async function until<T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const running = () => e2e.sim.world.campaigns(8).filter((c) => c.status === 2);

describe('console HTTP', () => {
  it('answers the bot\'s health and readiness on its own port, as the bot does without the console', async () => {
    const health = await fetch(url('/healthz'));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const ready = await fetch(url('/readyz'));
    expect([200, 503]).toContain(ready.status);
    expect(await ready.json()).toMatchObject({ config: 'loaded' });
  });

  it('serves the page with a strict CSP, its script and styles, and the demo workspace', async () => {
    const page = await fetch(konsole.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<html lang="en-US" dir="ltr">');
    // The page's words carry their catalogue keys, for the page script to put in its reader's language.
    expect(html.replace(/<span data-i18n="[^"]*">([^<]*)<\/span>/g, '$1')).toContain('try <code data-fill="/aicc help">/aicc help</code>, <code data-fill="/aicc stats">/aicc stats</code>, <code data-fill="/aicc campaigns">/aicc campaigns</code>');
    expect((await fetch(url('/console.js'))).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(url('/console-i18n.js'))).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(url('/console.css'))).headers.get('content-type')).toMatch(/text\/css/);
    const state = await getState();
    expect(state.channels.map((c) => c.name)).toEqual(['general', 'outbound-ops', 'alerts']);
    expect(state.channels[0]!.id).toBe('C0GENERAL');
    expect(state.users.map((u) => u.role)).toEqual(['supervisor', 'admin', 'supervisor', 'supervisor', 'supervisor']);
    expect(state.users.map((u) => u.locale)).toEqual(['en', 'en', 'zh-CN', 'es', 'pt-BR']);
  });

  it('/aicc stats: acked, echoed as the user’s line, and answered with the simulator’s numbers', async () => {
    const res = await postJson('/api/command', { channel: 'C0GENERAL', user: 'U0SUPERV', text: 'stats' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, botStatus: 200 });
    const first = running()[0]!;
    const answer = await until(async () => (await getState()).items.find((i) => i.html.includes(String(first.id)) && i.html.includes('Only visible to you')), 'the stats answer');
    const n = e2e.sim.world.counts(first).total;
    expect(answer.html).toContain(formatPercent(ratio(n.dailyConnected, n.dailyCalled)));
    expect(answer.html).toContain('data-ephemeral-to="U0SUPERV"');
    expect(answer.html).toContain('data-action-id="share_in_channel"');
    const items = (await getState()).items;
    const echo = items.find((i) => i.html.includes('<span class="command">/aicc stats</span>'));
    expect(echo && echo.order < answer.order).toBe(true);
  });

  it('a 5,000-character command reaches the bot, which answers in a plain sentence', async () => {
    const res = await postJson('/api/command', { channel: 'C0GENERAL', user: 'U0ADMIN', text: `stats ${'x'.repeat(5000)}` });
    expect(res.status).toBe(200);
    const answer = await until(async () => (await getState()).items.find((i) => i.html.includes('characters long') && i.html.includes('data-ephemeral-to="U0ADMIN"')), 'the answer');
    expect(answer.html).toMatch(/5,006 characters long; a command is at most 500/);
    expect(answer.html).not.toMatch(/Too big|received/);
  });

  it('Share in channel posts the answer publicly and removes the ephemeral copy', async () => {
    await postJson('/api/command', { channel: 'C0OUTBOUND', user: 'U0SUPERV', text: 'stats' });
    const eph = await until(() => e2e.slack.messages('C0OUTBOUND').find((m) => m.ephemeralTo === 'U0SUPERV' && JSON.stringify(m.blocks).includes('share_in_channel')), 'an ephemeral answer');
    const res = await postJson('/api/action', { channel: 'C0OUTBOUND', user: 'U0SUPERV', messageTs: eph.ts, actionId: 'share_in_channel', isEphemeral: true });
    expect(res.status).toBe(200);
    const shared = await until(() => e2e.slack.messages('C0OUTBOUND').find((m) => m.ephemeralTo === undefined && JSON.stringify(m.blocks).includes('Shared by')), 'the shared message');
    expect(JSON.stringify(shared.blocks)).toContain(String(running()[0]!.id));
    await until(() => (e2e.slack.messages('C0OUTBOUND').some((m) => m.ts === eph.ts) ? undefined : true), 'the ephemeral copy to go');
    const html = (await getState()).items.find((i) => i.html.includes(`data-ts="${shared.ts}"`))!.html;
    expect(html).toContain('@Mei Lin');
    expect(html).not.toContain('Only visible to you');
  });

  it('streams the state, then each change, over server-sent events', async () => {
    const abort = new AbortController();
    const res = await fetch(url('/events'), { signal: abort.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(buffer)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
      }
    };
    await readUntil(/event: state\ndata: .*\n\n/);
    await postJson('/api/command', { channel: 'C0ALERTS', user: 'U0ADMIN', text: 'help' });
    await readUntil(/event: upsert\ndata: .*"channel":"C0ALERTS".*\/aicc help/);
    await readUntil(/event: upsert\ndata: .*"channel":"C0ALERTS".*campaigns/);
    abort.abort();
    // A dropped stream leaves the console healthy.
    expect((await fetch(url('/api/state'))).status).toBe(200);
  });
});

describe('console API refuses junk with 4xx and keeps running', () => {
  it.each([
    ['text/plain body', () => fetch(url('/api/command'), { method: 'POST', body: 'stats' }), 415],
    ['invalid JSON', () => postJson('/api/command', '{"channel":'), 400],
    ['missing fields', () => postJson('/api/command', { channel: 'C0GENERAL' }), 400],
    ['wrong types', () => postJson('/api/command', { channel: 'C0GENERAL', user: 'U0SUPERV', text: 42 }), 400],
    ['an array', () => postJson('/api/command', '[1,2]'), 400],
    ['a lowercase id', () => postJson('/api/command', { channel: 'general', user: 'U0SUPERV', text: 'x' }), 400],
    ['an unknown channel', () => postJson('/api/command', { channel: 'C0NOPE', user: 'U0SUPERV', text: 'help' }), 404],
    ['an unknown user', () => postJson('/api/command', { channel: 'C0GENERAL', user: 'U0NOPE', text: 'help' }), 404],
    ['a body over 64 KB', () => postJson('/api/command', { channel: 'C0GENERAL', user: 'U0SUPERV', text: 'x'.repeat(70_000) }), 413],
    ['GET on a POST route', () => fetch(url('/api/command')), 405],
    ['an unknown path', () => fetch(url('/nope')), 404],
    ['a path naming an object property', () => fetch(url('/__proto__')), 404],
    ['an action with a bad ts', () => postJson('/api/action', { channel: 'C0GENERAL', user: 'U0SUPERV', messageTs: 'x', actionId: 'a' }), 400],
    ['an action on a missing message', () => postJson('/api/action', { channel: 'C0GENERAL', user: 'U0SUPERV', messageTs: '1.000001', actionId: 'a' }), 404],
  ])('%s', async (_, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as { ok: boolean; error: string };
    expect(body.ok).toBe(false);
    expect(body.error).toEqual(expect.any(String));
  });

  it('a page reaching the console under another domain name (DNS rebinding) is refused', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(url('/api/state'), { headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status('attacker.example:80')).toBe(403);
    expect(await status(`localhost:${new URL(konsole.url).port}`)).toBe(200);
    expect(await status('[::1]:3000')).toBe(200);
  });

  it('a click on a button the message does not have, or on someone else’s ephemeral message, is refused', async () => {
    await postJson('/api/command', { channel: 'C0ALERTS', user: 'U0SUPERV', text: 'stats' });
    const eph = await until(() => e2e.slack.messages('C0ALERTS').find((m) => m.ephemeralTo === 'U0SUPERV' && JSON.stringify(m.blocks).includes('share_in_channel')), 'an ephemeral answer');
    expect((await postJson('/api/action', { channel: 'C0ALERTS', user: 'U0SUPERV', messageTs: eph.ts, actionId: 'delete_everything' })).status).toBe(404);
    expect((await postJson('/api/action', { channel: 'C0ALERTS', user: 'U0ADMIN', messageTs: eph.ts, actionId: 'share_in_channel' })).status).toBe(403);
    expect((await fetch(url('/api/state'))).status).toBe(200);
  });
});

describe('what the console sends to the bot', () => {
  it('a signed slash command with Slack’s escaping (channels and people as links) and a response_url on the fake, and the bot’s errors passed back', async () => {
    const bot = await startScriptedServer((_, res) => {
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('invalid signature');
    });
    const other = await startConsole({ port: 0, fakeSlack: e2e.slack, botUrl: bot.url, signingSecret: 'test-secret', log: silentLogger });
    try {
      const res = await postJson('/api/command', { channel: 'C0OUTBOUND', user: 'U0ADMIN', text: '/aicc call 12 <b>& #alerts @ravi @here #nope' }, other.url);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ ok: false, botStatus: 401, error: 'The bot answered HTTP 401: invalid signature' });
      const [sent] = bot.received;
      expect(sent!.url).toBe('/slack/events');
      const ts = Number(sent!.headers['x-slack-request-timestamp']);
      expect(sent!.headers['x-slack-signature']).toBe(signSlackRequest({ body: sent!.body, signingSecret: 'test-secret', timestamp: ts })['x-slack-signature']);
      const form = new URLSearchParams(sent!.body);
      expect(form.get('command')).toBe('/aicc');
      expect(form.get('text')).toBe('call 12 &lt;b&gt;&amp; <#C0ALERTS|alerts> <@U0ADMIN|ravi> <!here> #nope');
      expect(form.get('user_id')).toBe('U0ADMIN');
      expect(form.get('channel_id')).toBe('C0OUTBOUND');
      expect(form.get('channel_name')).toBe('outbound-ops');
      expect(form.get('response_url')).toMatch(new RegExp(`^${e2e.slack.url.replace(/api\/$/, '')}response/console-`));
    } finally {
      await other.close();
      await bot.close();
    }
  });

  it('answers 502 when the bot is not running', async () => {
    const bot = await startScriptedServer(() => undefined);
    const deadUrl = bot.url;
    await bot.close();
    const other = await startConsole({ port: 0, fakeSlack: e2e.slack, botUrl: deadUrl, signingSecret: 's', log: silentLogger });
    try {
      const res = await postJson('/api/command', { channel: 'C0GENERAL', user: 'U0SUPERV', text: 'help' }, other.url);
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: string }).error).toMatch(/did not answer/);
    } finally {
      await other.close();
    }
  });
});

/**
 * Signed requests an attacker (or a careless client) could send: bodies that used to crash the
 * process or get a 500, replays of a signed request, a VDN the bot does not serve, paging a shared
 * list, and a Run now click from a channel where commands are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActionsBody, signSlackRequest, slashCommandBody } from '../../local/fakeslack/index.js';
import { SIGNING_SECRET, blocksText, startE2E, type E2E } from '../support/e2e.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ env: { AICC_VDN_IDS: '8', BOT_ALLOWED_CHANNELS: 'C0GENERAL,C0OPS' } });
});
afterAll(async () => {
  await e2e?.close();
});

const sign = (body: string, contentType = 'application/x-www-form-urlencoded') => ({ ...signSlackRequest({ body, signingSecret: SIGNING_SECRET }), 'content-type': contentType });
const texts = (r: { responses: Array<{ body: { blocks?: unknown } }> }) => r.responses.map((x) => blocksText(x.body.blocks as never)).join('\n');

describe('signed bodies that are not Slack payloads', () => {
  it('payload=null, a JSON null, an array and an action without a user get a 4xx, and nothing reaches a listener', async () => {
    const before = e2e.handled.length;
    const cases: Array<[string, string]> = [
      ['payload=null', 'application/x-www-form-urlencoded'],
      ['null', 'application/json'],
      ['[]', 'application/json'],
      ['payload=%5B1%5D', 'application/x-www-form-urlencoded'],
      [`payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'campaigns_next', value: '{}' }] }))}`, 'application/x-www-form-urlencoded'],
      [`payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', user: { id: 'U1' } }))}`, 'application/x-www-form-urlencoded'],
      ['command=%2Faicc&text=help', 'application/x-www-form-urlencoded'],
    ];
    for (const [body, type] of cases) {
      const res = await e2e.raw(body, sign(body, type));
      expect(res.status, body).toBe(400);
    }
    expect(e2e.handled.length).toBe(before);
    // The process is up and still answers.
    expect(texts(await e2e.slash('help'))).toContain('campaigns');
  });

  it('a timestamp from the future is refused', async () => {
    const body = slashCommandBody({ text: 'help' });
    const headers = signSlackRequest({ body, signingSecret: SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) + 240 });
    expect((await e2e.raw(body, headers)).status).toBe(401);
  });
});

describe('a replayed signed request', () => {
  it('adds an alert rule once, however often it is replayed', async () => {
    const url = e2e.slack.responseUrl('replay-add', { channel: 'C0OPS', user: 'U0USER' });
    const body = slashCommandBody({ text: 'alert add success_rate < 40 all', channel_id: 'C0OPS', response_url: url });
    const headers = sign(body);
    expect((await e2e.raw(body, headers)).status).toBe(200);
    const before = e2e.handled.length;
    for (let i = 0; i < 3; i++) expect((await e2e.raw(body, headers)).status).toBe(200);
    expect(e2e.handled.length).toBe(before);
    await expect.poll(() => e2e.slack.responses.filter((r) => r.id === 'replay-add').length).toBe(1);
    expect((await e2e.bot.store.alerts.list()).filter((r) => r.channelId === 'C0OPS')).toHaveLength(1);
  });
});

describe('VDNs the bot does not serve', () => {
  it('are refused without asking AICC, on a command and on a forged Prev/Next click', async () => {
    e2e.sim.resetRequestCounts();
    expect(texts(await e2e.slash('campaigns all vdn:42'))).toContain('VDN 42 is not one this bot serves');
    expect(texts(await e2e.slash('call 1644464743-1388 vdn:4242'))).toContain('VDN 4242 is not one this bot serves');
    const forged = await e2e.click({ action_id: 'campaigns_next', value: JSON.stringify({ vdn: 42, status: 'all', page: 2 }) });
    expect(texts(forged)).toContain('VDN 42 is not one this bot serves');
    expect(forged.status).toBe(200);
    expect(e2e.sim.requestCounts()).toEqual({});
  });
});

describe('paging a shared campaign list', () => {
  it('answers the clicker privately and leaves the shared message alone', async () => {
    const list = await e2e.slash('campaigns all');
    const next = JSON.stringify(list.responses[0]!.body.blocks).match(/"action_id":"campaigns_next","value":"((?:[^"\\]|\\.)*)"/);
    expect(next).not.toBeNull();
    const value = JSON.parse(`"${next![1]}"`) as string;
    const url = e2e.slack.responseUrl('page-shared', { channel: 'C0GENERAL', user: 'U0OTHER' });
    const body = blockActionsBody({ action_id: 'campaigns_next', value, user: 'U0OTHER', response_url: url, message: { ts: '1700000000.000200', text: 'shared', blocks: [] } });
    expect((await e2e.raw(body, sign(body))).status).toBe(200);
    await expect.poll(() => e2e.slack.responses.filter((r) => r.id === 'page-shared').length).toBe(1);
    const [answer] = e2e.slack.responses.filter((r) => r.id === 'page-shared');
    expect(answer!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });
});

describe('Run now', () => {
  it('is refused from a channel where commands are refused, and limited to one run a minute', async () => {
    expect(texts(await e2e.slash('digest add <#C0OPS|ops> at:09:00', { channel: 'C0OPS' }))).toMatch(/Digest \d+ added|added/i);
    const [sub] = await e2e.bot.store.digests.list();
    const outside = await e2e.click({ action_id: 'digest_run', value: String(sub!.id), channel: 'C0RANDOM' });
    expect(texts(outside)).toContain('not answered in this channel');
    const posts = () => e2e.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0OPS').length;
    const before = posts();
    expect(texts(await e2e.click({ action_id: 'digest_run', value: String(sub!.id), channel: 'C0GENERAL' }))).toContain(`Digest ${sub!.id} posted`);
    const afterFirst = posts();
    expect(afterFirst).toBeGreaterThan(before);
    expect(texts(await e2e.slash(`digest run ${sub!.id}`))).toContain('a moment ago');
    expect(posts()).toBe(afterFirst);
  });
});

describe('Share in channel', () => {
  const shareButton = (r: { responses: Array<{ body: { blocks?: unknown } }> }) =>
    (r.responses[0]!.body.blocks as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'share_in_channel');
  const posts = () => e2e.slack.calls.filter((c) => c.method === 'chat.postMessage').length;

  it('is offered on read-only answers only: never on a change, a refusal, a usage error or a failure', async () => {
    expect(shareButton(await e2e.slash('stats'))).toBeDefined();
    expect(shareButton(await e2e.slash('digest list'))).toBeDefined();
    for (const text of ['alert add waiting > 500 all', 'digest add at:07:00', 'stats batch:1', 'call nope-nope vdn:99', 'alert mute 999 1h']) {
      expect(shareButton(await e2e.slash(text, { channel: 'C0OPS' })), text).toBeUndefined();
    }
  });

  it('posts the answer the user saw, once, and only by that user where commands are answered', async () => {
    const answer = await e2e.slash('stats');
    const value = shareButton(answer)!.value!;
    e2e.sim.resetRequestCounts();
    expect(texts(await e2e.click({ action_id: 'share_in_channel', value, user: 'U0OTHER' }))).toContain('That button has expired');
    expect(texts(await e2e.click({ action_id: 'share_in_channel', value, channel: 'C0RANDOM' }))).toContain('not answered in this channel');
    const before = posts();
    const click = await e2e.click({ action_id: 'share_in_channel', value });
    expect(click.responses[0]!.body.delete_original).toBe(true);
    expect(posts()).toBe(before + 1);
    const [posted] = e2e.slack.calls.filter((c) => c.method === 'chat.postMessage').slice(-1);
    // The very blocks the user was shown, without the button: nothing was asked of AICC again.
    const shown = JSON.stringify(answer.responses[0]!.body.blocks);
    for (const block of (posted!.body.blocks as unknown[]).slice(0, -1)) expect(shown).toContain(JSON.stringify(block));
    expect(e2e.sim.requestCounts()).toEqual({});
    // Shared once: the kept answer is gone, so a second click shares nothing.
    expect(texts(await e2e.click({ action_id: 'share_in_channel', value }))).toContain('That button has expired');
    expect(posts()).toBe(before + 1);
    const forged = JSON.stringify({ a: '00000000-0000-4000-8000-000000000000' });
    expect(texts(await e2e.click({ action_id: 'share_in_channel', value: forged }))).toContain('That button has expired');
    expect(texts(await e2e.click({ action_id: 'share_in_channel', value: JSON.stringify({ c: 'digest run 1' }) }))).toContain('That button has expired');
    expect(posts()).toBe(before + 1);
  });
});

/**
 * outbound.ts over a real Web API client (built by createSlackClient) against a tiny scripted HTTP
 * server: how many requests each kind of failure costs, how long the caller waits, and what it is
 * told. Then the calls themselves against the fake Slack, asserting on what was sent.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/logger';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../../local/fakeslack/index.js';
import { createSlackClient } from '../../../src/slack/client.js';
import { createOutbound, SlackCallError, slackError, type SlackPolicy } from '../../../src/slack/outbound.js';
import { json, startScriptedServer, type Script, type ScriptedServer } from '../../support/scripted-server.js';

const servers: Array<ScriptedServer | FakeSlack> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const quiet: BoltLogger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

/** Short numbers with the production shape: two retries, growing backoff, a deadline. */
const FAST: SlackPolicy = { timeoutMs: 300, retries: 2, backoffMs: [50, 150], deadlineMs: 2_000 };

async function outboundAgainst(script: Script, policy: Partial<SlackPolicy> = {}) {
  const server = await startScriptedServer(script);
  servers.push(server);
  const merged = { ...FAST, ...policy };
  const client = createSlackClient({ token: 'xoxb-test', apiUrl: `${server.url}/api/`, timeoutMs: merged.timeoutMs, logger: quiet });
  return { server, outbound: createOutbound(client, { policy: merged }) };
}

const ok = (ts = '1700000000.000100') => (_req: unknown, res: Parameters<Script>[1]) => json(res, 200, { ok: true, channel: 'C1', ts });

/** The error a call failed with, and how long it took. */
async function failure(call: () => Promise<unknown>): Promise<{ error: SlackCallError; ms: number }> {
  const started = Date.now();
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SlackCallError)) throw new Error(`expected a SlackCallError, got ${String(error)}`);
  return { error, ms: Date.now() - started };
}

describe('the retry policy', () => {
  it('retries a 5xx at most twice, with backoff, then fails well within the deadline', async () => {
    const { server, outbound } = await outboundAgainst((_req, res) => json(res, 503, 'unavailable'));
    const { error, ms } = await failure(() => outbound.post({ channel: 'C1', text: 'hi' }));
    expect(server.received).toHaveLength(3);
    expect(error).toMatchObject({ code: 'http_503', attempts: 3, final: false, method: 'chat.postMessage' });
    expect(slackError(error)).toBe('http_503');
    expect(ms).toBeGreaterThanOrEqual(200 - 5); // 50 + 150 ms of backoff
    expect(ms).toBeLessThan(FAST.deadlineMs);
  });

  it('succeeds when a retry gets through', async () => {
    let n = 0;
    const { server, outbound } = await outboundAgainst((req, res) => (++n === 1 ? json(res, 502, 'bad gateway') : ok()(req, res)));
    expect(await outbound.post({ channel: 'C1', text: 'hi' })).toEqual({ ts: '1700000000.000100', attempts: 2 });
    expect(server.received).toHaveLength(2);
  });

  it('does not retry an error Slack names', async () => {
    const { server, outbound } = await outboundAgainst((_req, res) => json(res, 200, { ok: false, error: 'channel_not_found' }));
    const { error } = await failure(() => outbound.post({ channel: 'CGONE', text: 'hi' }));
    expect(server.received).toHaveLength(1);
    expect(error).toMatchObject({ code: 'channel_not_found', attempts: 1, final: true });
    expect(error.message).toContain('channel_not_found');
  });

  it("honours a 429's Retry-After, without using up the retries", async () => {
    const at: number[] = [];
    let n = 0;
    const { server, outbound } = await outboundAgainst(
      (req, res) => {
        at.push(Date.now());
        if (++n <= 2) return json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
        ok()(req, res);
      },
      { retries: 1, deadlineMs: 5_000 },
    );
    expect(await outbound.post({ channel: 'C1', text: 'hi' })).toMatchObject({ attempts: 3 });
    expect(server.received).toHaveLength(3);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(1000 - 5);
  });

  it('holds every call of the rate-limited method until Retry-After has passed', async () => {
    const at: number[] = [];
    let n = 0;
    const { outbound } = await outboundAgainst((req, res) => {
      at.push(Date.now());
      if (++n === 1) return json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      ok()(req, res);
    });
    await outbound.post({ channel: 'C1', text: 'first' });
    // A second caller that was never refused still waits out the window the first was given.
    const second = Date.now();
    await outbound.post({ channel: 'C1', text: 'second' });
    expect(at).toHaveLength(3);
    expect(at[2]! - at[0]!).toBeGreaterThanOrEqual(1000 - 5);
    expect(Date.now() - second).toBeLessThan(1000);
  });

  it('fails at once when Retry-After does not fit in the deadline, rather than blocking', async () => {
    const { server, outbound } = await outboundAgainst((_req, res) => json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '60' }));
    const { error, ms } = await failure(() => outbound.post({ channel: 'C1', text: 'hi' }));
    expect(server.received).toHaveLength(1);
    expect(error).toMatchObject({ code: 'ratelimited', attempts: 1, final: false });
    expect(ms).toBeLessThan(500);
  });

  it('times a stalled request out, and settles within the deadline however many retries are left', async () => {
    // Never answers. Each attempt ends at the 300 ms timeout; a third would not fit in 800 ms.
    const { server, outbound } = await outboundAgainst(() => undefined, { deadlineMs: 800 });
    const { error, ms } = await failure(() => outbound.post({ channel: 'C1', text: 'hi' }));
    expect(error).toMatchObject({ code: 'timeout', attempts: 2, final: false });
    expect(server.received).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(2 * FAST.timeoutMs - 10);
    // No third attempt was started (two requests, attempts: 2): it could not have finished within
    // the 800 ms deadline. Elapsed time is not bounded here: timers fire late on a loaded machine.
  });

  it('makes one request per attempt: the client does not retry behind outbound', async () => {
    // Each attempt awaits the client's call, retries included: had the client retried the 500s
    // itself, more requests than attempts would have arrived by the time the call failed.
    const { server, outbound } = await outboundAgainst((_req, res) => json(res, 500, 'boom'), { retries: 1 });
    const { error } = await failure(() => outbound.update({ channel: 'C1', ts: '1.2', text: 'x' }));
    expect(error).toMatchObject({ code: 'http_500', attempts: 2, method: 'chat.update' });
    expect(server.received).toHaveLength(2);
  });
});

describe('the calls', () => {
  async function fake() {
    const slack = await startFakeSlack({ channels: [{ id: 'COPS', name: 'ops' }], users: [{ id: 'UANN', name: 'ann' }] });
    servers.push(slack);
    return { slack, outbound: createOutbound(createSlackClient({ token: 'xoxb-test', apiUrl: slack.url, logger: quiet }), { policy: FAST }) };
  }

  it('posts a plan: the first message with its metadata, then the thread replies in order', async () => {
    const { slack, outbound } = await fake();
    const section = (t: string) => [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: t } }];
    const seen: string[] = [];
    const posted = await outbound.postPlan(
      { channel: 'COPS', first: section('one'), thread: [section('two'), section('three')], text: 'Digest', threadText: 'Digest, continued', metadata: { eventType: 'test_event', payload: { job: 'j1' } } },
      { onFirstPosted: async (ts) => void seen.push(ts) },
    );
    expect(posted.attempts).toBe(3);
    expect(seen).toEqual([posted.ts]);
    const sent = slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.body);
    expect(sent[0]).toMatchObject({ channel: 'COPS', text: 'Digest', metadata: { event_type: 'test_event', event_payload: { job: 'j1' } } });
    expect(sent.slice(1)).toMatchObject([
      { thread_ts: posted.ts, text: 'Digest, continued', blocks: section('two') },
      { thread_ts: posted.ts, text: 'Digest, continued', blocks: section('three') },
    ]);
    expect(sent[1]).not.toHaveProperty('metadata');
  });

  it('finds a post by its metadata type and payload, and nothing else', async () => {
    const { slack, outbound } = await fake();
    const { ts } = await outbound.post({ channel: 'COPS', text: 'alert', metadata: { eventType: 'test_alert', payload: { key: 'k1' } } });
    await outbound.post({ channel: 'COPS', text: 'other', metadata: { eventType: 'test_alert', payload: { key: 'k2' } } });
    expect(await outbound.findPosted({ channel: 'COPS', eventType: 'test_alert', payload: { key: 'k1' } })).toBe(ts);
    expect(await outbound.findPosted({ channel: 'COPS', eventType: 'test_alert', payload: { key: 'k3' } })).toBeUndefined();
    expect(await outbound.findPosted({ channel: 'COPS', eventType: 'other_type', payload: { key: 'k1' } })).toBeUndefined();
    const history = slack.calls.filter((c) => c.method === 'conversations.history').map((c) => c.body);
    expect(history[0]).toMatchObject({ channel: 'COPS', include_all_metadata: 'true' });
    expect(history[0]).not.toHaveProperty('oldest');
    await outbound.findPosted({ channel: 'COPS', eventType: 'test_alert', payload: { key: 'k1' }, since: new Date(1_700_000_060_000) });
    expect(slack.calls.at(-1)?.body.oldest).toBe('1700000000');
  });

  it('sends a DM by opening the conversation first; a failure names Slack’s error', async () => {
    const { slack, outbound } = await fake();
    await outbound.dm('UANN', 'your digest could not be posted');
    const calls = slack.calls.map((c) => c.method);
    expect(calls).toEqual(['conversations.open', 'chat.postMessage']);
    expect(slack.calls[0]?.body.users).toBe('UANN');
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const { error } = await failure(() => outbound.post({ channel: 'COPS', text: 'x' }));
    expect(slackError(error)).toBe('not_in_channel');
  });

  it('posts once more without charts when a workspace refuses them, and not for other refusals', async () => {
    const { slack, outbound } = await fake();
    const chart = { type: 'data_visualization', title: 'Calls by hour', chart: { type: 'bar', series: [] } };
    const text = { type: 'section', text: { type: 'mrkdwn', text: 'Calls: 12' } };
    slack.failNext('chat.postMessage', { error: 'invalid_blocks' });
    await outbound.post({ channel: 'COPS', text: 'digest', blocks: [text, chart] as never });
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(JSON.stringify(posts[1]!.body.blocks)).not.toContain('data_visualization');
    expect(JSON.stringify(posts[1]!.body.blocks)).toContain('Calls: 12');
    slack.failNext('chat.postMessage', { error: 'invalid_blocks' });
    const { error } = await failure(() => outbound.post({ channel: 'COPS', text: 'plain', blocks: [text] as never }));
    expect(slackError(error)).toBe('invalid_blocks');
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(3);
  });
});

import { LogLevel, WebClient, WebClientEvent, type WebAPIPlatformError } from '@slack/web-api';
import { translator } from '../../../../src/i18n/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack, type MessageChange } from '../../../../local/fakeslack/server.js';
import { fallbackText, fitBlocks } from '../../../../src/slack/render/limits.js';
import { withShareButton } from '../../../../src/slack/render/share.js';
import { renderStats } from '../../../../src/features/queries/render-stats.js';
import { FETCHED_AT, TZ, campaign, stats } from '../../../support/render-fixtures.js';

let fake: FakeSlack;
let client: WebClient;
const TOKEN = 'xoxb-test';

beforeEach(async () => {
  fake = await startFakeSlack({ users: [{ id: 'U0ADMIN', name: 'ada', tz: 'Asia/Shanghai', isAdmin: true }] });
  client = new WebClient(TOKEN, { slackApiUrl: fake.url, logLevel: LogLevel.ERROR, retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 10 } });
});
afterEach(async () => {
  await fake.close();
});

const platformError = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
  } catch (err) {
    return (err as WebAPIPlatformError).data?.error;
  }
  throw new Error('expected a platform error');
};

describe('fake Slack Web API over HTTP', () => {
  it('serves on 127.0.0.1 with a base URL ending in /api/', () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('auth.test records the bearer token', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({ ok: true, user_id: 'U0AICCBOT', team_id: 'T0FAKE' });
    expect(fake.calls).toMatchObject([{ method: 'auth.test', token: TOKEN }]);
  });

  it('posts, threads, updates and deletes messages; blocks arrive decoded', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }];
    const first = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'hi', blocks });
    const second = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'two' });
    expect(first).toMatchObject({ ok: true, channel: 'C0GENERAL', message: { text: 'hi', blocks } });
    // Like Slack's: epoch seconds with microseconds, strictly increasing.
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Math.abs(Number(first.ts) - Date.now() / 1000)).toBeLessThan(60);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(fake.calls[0]!.body).toEqual({ channel: 'C0GENERAL', text: 'hi', blocks });

    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'reply', thread_ts: first.ts! });
    const updated = await client.chat.update({ channel: 'C0GENERAL', ts: first.ts!, text: 'edited', blocks: [] });
    expect(updated).toMatchObject({ ok: true, ts: first.ts, text: 'edited' });
    await client.chat.delete({ channel: 'C0GENERAL', ts: second.ts! });

    const msgs = fake.messages('C0GENERAL');
    expect(msgs.map((m) => m.text)).toEqual(['edited', 'reply']);
    expect(msgs[0]).toMatchObject({ edited: true, replyCount: 1, blocks: [] });
    expect(msgs[1]).toMatchObject({ threadTs: first.ts });
    expect(await platformError(client.chat.update({ channel: 'C0GENERAL', ts: second.ts!, text: 'x' }))).toBe('message_not_found');
  });

  it('a 429 with Retry-After is retried by the client after the wait, then succeeds', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfterS: 1 });
    const limited: number[] = [];
    client.on(WebClientEvent.RATE_LIMITED, (s: number) => limited.push(s));
    const started = Date.now();
    const res = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'after the wait' });
    expect(res.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(limited).toEqual([1]);
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(2);
    expect(fake.messages()).toHaveLength(1);
  });

  it('failNext with an error answers ok:false once', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    expect(await platformError(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' }))).toBe('channel_not_found');
    expect((await client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).ok).toBe(true);
  });

  it('failAlways answers a 5xx to every call of the method, without applying it, until clearFaults', async () => {
    fake.failAlways('chat.postMessage', { status: 500 });
    const once = new WebClient(TOKEN, { slackApiUrl: fake.url, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });
    for (let i = 0; i < 3; i++) await expect(once.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).rejects.toMatchObject({ statusCode: 500 });
    expect(await once.auth.test()).toMatchObject({ ok: true });
    fake.clearFaults('chat.postMessage');
    expect(await once.chat.postMessage({ channel: 'C0GENERAL', text: 'after' })).toMatchObject({ ok: true });
    expect(fake.messages('C0GENERAL').map((m) => m.text)).toEqual(['after']);
  });

  it('posts ephemeral messages visible to one user', async () => {
    const res = await client.chat.postEphemeral({ channel: 'C0GENERAL', user: 'U0ADMIN', text: 'just you' });
    expect(res.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(fake.messages('C0GENERAL')).toMatchObject([{ text: 'just you', ephemeralTo: 'U0ADMIN' }]);
  });

  it('opens DMs, and posting to a user id lands in the DM', async () => {
    const open = await client.conversations.open({ users: 'U0ADMIN' });
    const dm = open.channel!.id!;
    const posted = await client.chat.postMessage({ channel: 'U0ADMIN', text: 'digest' });
    expect(posted.channel).toBe(dm);
    expect(fake.messages(dm)).toHaveLength(1);
    expect((await client.conversations.info({ channel: dm })).channel).toMatchObject({ is_im: true, user: 'U0ADMIN' });
  });

  it('answers conversations.info and users.info', async () => {
    expect((await client.conversations.info({ channel: 'C0GENERAL' })).channel).toMatchObject({ id: 'C0GENERAL', name: 'general', is_member: true });
    expect(await platformError(client.conversations.info({ channel: 'C0NOPE' }))).toBe('channel_not_found');
    expect((await client.users.info({ user: 'U0ADMIN' })).user).toMatchObject({ name: 'ada', tz: 'Asia/Shanghai', is_admin: true });
    expect((await client.users.info({ user: 'U0OTHER' })).user).toMatchObject({ is_admin: false, tz: 'UTC' });
  });

  it('users.info says a user\'s Slack language only with include_locale, as Slack does; setUser changes it', async () => {
    // Without include_locale Slack leaves the locale out.
    expect((await client.users.info({ user: 'U0ADMIN' })).user).not.toHaveProperty('locale');
    // Someone who never picked a language reads Slack in US English.
    expect((await client.users.info({ user: 'U0ADMIN', include_locale: true })).user?.locale).toBe('en-US');
    expect((await client.users.info({ user: 'U0NEVERSEEN', include_locale: true })).user?.locale).toBe('en-US');
    const changes: string[] = [];
    fake.on('user', (u) => changes.push(`${u.id}:${u.locale}`));
    for (const [id, locale] of [['U0WANG', 'zh-CN'], ['U0LUCIA', 'es-LA'], ['U0JOAO', 'pt-BR']] as const) fake.setUser({ id, realName: id, locale });
    expect((await client.users.info({ user: 'U0WANG', include_locale: true })).user).toMatchObject({ locale: 'zh-CN', real_name: 'U0WANG' });
    expect((await client.users.info({ user: 'U0LUCIA', include_locale: true })).user?.locale).toBe('es-LA');
    expect((await client.users.info({ user: 'U0JOAO', include_locale: true })).user?.locale).toBe('pt-BR');
    // A change keeps what it does not name: Ada picks Chinese and is still an admin in Shanghai.
    fake.setUser({ id: 'U0ADMIN', locale: 'zh-CN' });
    expect((await client.users.info({ user: 'U0ADMIN', include_locale: true })).user).toMatchObject({ name: 'ada', tz: 'Asia/Shanghai', is_admin: true, locale: 'zh-CN' });
    expect(fake.user('U0ADMIN')).toMatchObject({ locale: 'zh-CN', isAdmin: true });
    expect(changes).toEqual(['U0WANG:zh-CN', 'U0LUCIA:es-LA', 'U0JOAO:pt-BR', 'U0ADMIN:zh-CN']);
    // The user_change event carries the same user, locale included.
    expect(fake.userObject('U0LUCIA')).toMatchObject({ id: 'U0LUCIA', locale: 'es-LA' });
  });

  it('notes on each call and response_url post why it was refused, so a test can assert that none was', async () => {
    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'fine', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'ok' } }] });
    await platformError(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Resumen diario '.repeat(11) } }] }));
    const [good, bad] = fake.calls;
    expect(good!.error).toBeUndefined();
    expect(bad).toMatchObject({ error: 'invalid_blocks', problems: [expect.stringMatching(/less than 151 characters/)] });
    const url = fake.responseUrl('R1', { channel: 'C0GENERAL', user: 'U0ADMIN' });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ blocks: [{ type: 'section' }] }) });
    expect(res.status).toBe(400);
    expect(fake.responses[0]).toMatchObject({ id: 'R1', error: 'invalid_blocks' });
  });

  it('uploads files through the external upload flow', async () => {
    await client.filesUploadV2({ channel_id: 'C0GENERAL', filename: 'report.csv', title: 'Report', content: 'a,b\n1,2\n', initial_comment: 'daily report' });
    expect(fake.calls.map((c) => c.method)).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(fake.files).toHaveLength(1);
    expect(fake.files[0]).toMatchObject({ filename: 'report.csv', title: 'Report', completed: true, channel: 'C0GENERAL' });
    expect(fake.files[0]!.content!.toString()).toBe('a,b\n1,2\n');
    expect(fake.messages('C0GENERAL')).toMatchObject([{ text: 'daily report', files: [{ name: 'report.csv', title: 'Report' }] }]);
  });

  it('refuses blocks Slack would refuse', async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect(await platformError(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', blocks }))).toBe('invalid_blocks');
    const long = [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }];
    expect(await platformError(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', blocks: long }))).toBe('invalid_blocks');
    expect(await platformError(client.apiCall('chat.postMessage', { channel: 'C0GENERAL' }))).toBe('no_text');
  });

  it('refuses a chart or a table that breaks Slack’s limits, on post, update and response_url alike', async () => {
    const chart = (title: string) => ({ type: 'data_visualization', title, chart: { type: 'line', series: [{ name: 'a', data: [{ label: 'x', value: 1 }] }], axis_config: { categories: ['x'] } } });
    const cell = { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'a' }] }] };
    const ok = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'chart', blocks: [chart('fine'), { type: 'table', rows: [[cell]] }] as never });
    expect(ok.ok).toBe(true);
    expect(await platformError(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', blocks: [chart('t'.repeat(51))] as never }))).toBe('invalid_blocks');
    expect(await platformError(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', blocks: [chart('a'), chart('b'), chart('c')] as never }))).toBe('invalid_blocks');
    expect(await platformError(client.chat.update({ channel: 'C0GENERAL', ts: ok.ts!, text: 'x', blocks: [{ type: 'table', rows: [[cell]] }, { type: 'table', rows: [[cell]] }] as never }))).toBe('invalid_blocks');
    const url = fake.responseUrl('charts', { channel: 'C0GENERAL', user: 'U1' });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x', blocks: [{ type: 'table', rows: Array.from({ length: 101 }, () => [cell]) }] }) });
    expect(await res.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
  });

  it('accepts the stats answer for a 1000-campaign VDN, whatever the line budget', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      campaign: campaign({ id: `c${i}`, name: `<!channel> ${'名'.repeat(100)} ${i}` }),
      stats: stats({ campaignId: `c${i}`, dailyCalled: i, batches: [{ batchId: `b${i}`, dailyCalled: 1 }] }),
    }));
    for (const maxLines of [30, 5000]) {
      const blocks = withShareButton(renderStats({ vdn: 1, timeZone: TZ, fetchedAt: FETCHED_AT, tr: translator(), rows, showBatches: true, maxLines }), 'k', translator('en'));
      for (const message of fitBlocks(blocks)) {
        const res = await client.chat.postMessage({ channel: 'C0GENERAL', blocks: message, text: fallbackText(message) });
        expect(res.ok).toBe(true);
      }
    }
    expect(fake.messages('C0GENERAL').length).toBeGreaterThan(2);
  });

  it('unknown methods answer unknown_method; a missing token not_authed', async () => {
    expect(await platformError(client.apiCall('nope.never'))).toBe('unknown_method');
    const res = await fetch(`${fake.url}auth.test`, { method: 'POST' });
    expect(await res.json()).toEqual({ ok: false, error: 'not_authed' });
  });

  it('accepts JSON bodies and a token field', async () => {
    const res = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'xoxb-json', channel: 'C0GENERAL', text: 'json', blocks: [{ type: 'divider' }] }),
    });
    expect(await res.json()).toMatchObject({ ok: true, channel: 'C0GENERAL' });
    expect(fake.calls.at(-1)).toMatchObject({ method: 'chat.postMessage', token: 'xoxb-json', body: { channel: 'C0GENERAL', text: 'json', blocks: [{ type: 'divider' }] } });
  });

  it('records response_url posts and applies them to the conversation', async () => {
    const plain = fake.responseUrl();
    const res = await fetch(plain, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hello', response_type: 'ephemeral' }) });
    expect(res.status).toBe(200);
    expect(fake.responses).toMatchObject([{ id: 'R000001', body: { text: 'hello', response_type: 'ephemeral' } }]);

    const original = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'page 1' });
    const url = fake.responseUrl('act-1', { channel: 'C0GENERAL', user: 'U0ADMIN', messageTs: original.ts! });
    const post = (body: object) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post({ text: 'only you' });
    await post({ text: 'everyone', response_type: 'in_channel' });
    await post({ text: 'page 2', replace_original: true });
    expect(fake.messages('C0GENERAL').map((m) => [m.text, m.ephemeralTo, m.via])).toEqual([
      ['page 2', undefined, 'api'],
      ['only you', 'U0ADMIN', 'response_url'],
      ['everyone', undefined, 'response_url'],
    ]);
    await post({ delete_original: true });
    expect(fake.messages('C0GENERAL').map((m) => m.text)).toEqual(['only you', 'everyone']);
    expect(fake.responses.filter((r) => r.id === 'act-1')).toHaveLength(4);
  });

  it('emits live events', async () => {
    const seen: MessageChange[] = [];
    const stop = fake.on('message', (c) => seen.push(c));
    const posted = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'a' });
    await client.chat.update({ channel: 'C0GENERAL', ts: posted.ts!, text: 'b' });
    stop();
    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'c' });
    expect(seen.map((c) => [c.kind, c.message.text])).toEqual([
      ['posted', 'a'],
      ['updated', 'b'],
    ]);
  });
});

/**
 * The console in four languages, over real HTTP against the whole stack: the people it types as
 * have Slack languages (users.info's `locale` in the fake workspace); the page's words come in each
 * language; picking one changes the person's Slack language and tells the bot with Slack's
 * `user_change` event, so the bot answers them in it; the console's own refusals are in the
 * person's language too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { startConsole, type ConsoleState, type RunningConsole } from '../../../../local/console/server.js';
import { signSlackRequest } from '../../../../local/fakeslack/index.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { blocksText, SIGNING_SECRET, startE2E, type E2E } from '../../../support/e2e.js';
import { startScriptedServer } from '../../../support/scripted-server.js';

const clock = manualClock('2026-11-20T06:30:00Z');
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

const url = (path: string, base = konsole.url) => new URL(path, base).toString();
const postJson = (path: string, body: unknown, base = konsole.url) => fetch(url(path, base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const getState = async () => (await (await fetch(url('/api/state'))).json()) as ConsoleState;

async function until<T>(check: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The text of the bot's latest answer to `user` in the channel (an ephemeral message). */
async function answerTo(user: string, channel: string, after: number): Promise<string> {
  const m = await until(() => e2e.slack.messages(channel).filter((x) => x.ephemeralTo === user && Number(x.ts) > after).pop(), `an answer to ${user}`);
  return blocksText(m.blocks);
}
const lastTs = (channel: string) => Number(e2e.slack.messages(channel).at(-1)?.ts ?? 0);

describe('the console’s languages', () => {
  it('the demo people read Slack in four languages, and the fake workspace says so', async () => {
    const state = await getState();
    expect(state.users.map((u) => [u.id, u.locale])).toEqual([
      ['U0SUPERV', 'en'],
      ['U0ADMIN', 'en'],
      ['U0WANG', 'zh-CN'],
      ['U0LUCIA', 'es'],
      ['U0JOAO', 'pt-BR'],
    ]);
    expect(state.users.find((u) => u.id === 'U0WANG')!.labels).toEqual({ en: '王芳 (supervisor)', 'zh-CN': '王芳（班长）', es: '王芳 (supervisor)', 'pt-BR': '王芳 (supervisor)' });
    expect(state.users.find((u) => u.id === 'U0ADMIN')!.labels['es']).toBe('Ravi Kumar (administrador)');
    // Slack's own tag for Latin American Spanish.
    expect(e2e.slack.userObject('U0LUCIA').locale).toBe('es-LA');
  });

  it('/console-i18n.js carries the page’s words in every language, placeholders left for the page', async () => {
    const res = await fetch(url('/console-i18n.js'));
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const js = await res.text();
    for (const words of ['当前身份', '发消息到 #{channel}（/aicc help）', 'Escribiendo como', 'Mensaje a #{channel} (/aicc help)', 'Digitando como', 'Typing as']) expect(js).toContain(words);
    for (const lang of ['"lang":"zh-CN"', '"lang":"es-419"', '"lang":"pt-BR"', '"lang":"en-US"', '"dir":"ltr"']) expect(js).toContain(lang);
    expect(js).not.toContain('</');
  });

  it('a person whose Slack is in Chinese gets the bot’s answers in Chinese', async () => {
    const before = lastTs('C0GENERAL');
    expect((await postJson('/api/command', { channel: 'C0GENERAL', user: 'U0WANG', text: 'lang' })).status).toBe(200);
    expect(await answerTo('U0WANG', 'C0GENERAL', before)).toMatch(/语言/);
  });

  it('picking a language makes it the person’s Slack language, and the bot answers them in it', async () => {
    const res = await postJson('/api/language', { user: 'U0SUPERV', locale: 'es' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, locale: 'es' });
    expect(e2e.slack.user('U0SUPERV')?.locale).toBe('es-LA');
    expect((await getState()).users.find((u) => u.id === 'U0SUPERV')!.locale).toBe('es');
    const before = lastTs('C0GENERAL');
    await postJson('/api/command', { channel: 'C0GENERAL', user: 'U0SUPERV', text: 'lang' });
    expect(await answerTo('U0SUPERV', 'C0GENERAL', before)).toMatch(/Idiomas/);
  });

  it('picking another later reaches the bot too (it hears Slack’s user_change and forgets the old language)', async () => {
    expect((await postJson('/api/language', { user: 'U0SUPERV', locale: 'zh-CN' })).status).toBe(200);
    const before = lastTs('C0GENERAL');
    await postJson('/api/command', { channel: 'C0GENERAL', user: 'U0SUPERV', text: 'lang' });
    expect(await answerTo('U0SUPERV', 'C0GENERAL', before)).toMatch(/语言/);
  });

  it('the console’s own refusals are in the person’s language', async () => {
    const zh = await postJson('/api/command', { channel: 'C0NOPE', user: 'U0WANG', text: 'help' });
    expect(zh.status).toBe(404);
    expect(await zh.json()).toEqual({ ok: false, error: '未知频道 C0NOPE' });
    const pt = await postJson('/api/command', { channel: 'C0GENERAL', user: 'U0JOAO', text: `stats ${'x'.repeat(12_001)}` });
    expect(pt.status).toBe(400);
    expect(await pt.json()).toEqual({ ok: false, error: 'o comando é longo demais para enviar (no máximo 12.000 caracteres)' });
    const en = await postJson('/api/language', { user: 'U0ADMIN', locale: 'klingon' });
    expect(en.status).toBe(400);
    expect(await en.json()).toEqual({ ok: false, error: 'unknown language klingon' });
    expect((await postJson('/api/language', { user: 'U0NOPE', locale: 'es' })).status).toBe(404);
  });
});

describe('what the console sends to the bot when a language is picked', () => {
  it('a signed user_change event (JSON, as Slack sends events) with the person and their new locale', async () => {
    const bot = await startScriptedServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('');
    });
    const other = await startConsole({ port: 0, fakeSlack: e2e.slack, botUrl: bot.url, signingSecret: 'test-secret', log: silentLogger });
    try {
      const res = await postJson('/api/language', { user: 'U0JOAO', locale: 'pt-BR' }, other.url);
      expect(await res.json()).toEqual({ ok: true, locale: 'pt-BR', botStatus: 200 });
      const [sent] = bot.received;
      expect(sent!.url).toBe('/slack/events');
      expect(sent!.headers['content-type']).toBe('application/json');
      const ts = Number(sent!.headers['x-slack-request-timestamp']);
      expect(sent!.headers['x-slack-signature']).toBe(signSlackRequest({ body: sent!.body, signingSecret: 'test-secret', timestamp: ts })['x-slack-signature']);
      const body = JSON.parse(sent!.body) as { type: string; event: { type: string; user: Record<string, unknown> } };
      expect(body.type).toBe('event_callback');
      expect(body.event.type).toBe('user_change');
      expect(body.event.user).toMatchObject({ id: 'U0JOAO', name: 'joao', real_name: 'João Pereira', locale: 'pt-BR' });
    } finally {
      await other.close();
      await bot.close();
    }
  });

  it('the language changes even when the bot is not running', async () => {
    const bot = await startScriptedServer(() => undefined);
    const deadUrl = bot.url;
    await bot.close();
    const other = await startConsole({ port: 0, fakeSlack: e2e.slack, botUrl: deadUrl, signingSecret: 's', log: silentLogger });
    try {
      const res = await postJson('/api/language', { user: 'U0LUCIA', locale: 'pt-BR' }, other.url);
      expect(res.status).toBe(200);
      expect(e2e.slack.user('U0LUCIA')?.locale).toBe('pt-BR');
    } finally {
      await other.close();
    }
  });
});

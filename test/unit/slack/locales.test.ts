/**
 * Who reads which language: stored choices first, then Slack's locale (asked once, kept a day),
 * then BOT_LOCALE; a slow or failing Slack, or a store that is gone, never stops an answer.
 */
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/i18n/index.js';
import { silentLogger } from '../../../src/platform/log.js';
import { CHOICE_TTL_MS, SLACK_LOOKUP_TIMEOUT_MS, createLocales } from '../../../src/slack/locales.js';
import type { LanguageRepo, LanguageScope } from '../../../src/store/languages.js';

function repo(initial: Record<string, Locale> = {}) {
  const rows = new Map(Object.entries(initial));
  let reads = 0;
  let broken = false;
  const languages: LanguageRepo = {
    async get(scope: LanguageScope, id: string) {
      reads++;
      if (broken) throw new Error('SQLITE_CANTOPEN');
      return rows.get(`${scope}:${id}`);
    },
    async set(scope, id, locale) {
      rows.set(`${scope}:${id}`, locale);
    },
    async clear(scope, id) {
      return rows.delete(`${scope}:${id}`);
    },
  };
  return { languages, rows, reads: () => reads, breakIt: () => void (broken = true) };
}

function setup(opts: { slack?: (userId: string) => Promise<string | undefined>; initial?: Record<string, Locale>; fallback?: Locale } = {}) {
  let now = Date.parse('2026-11-27T10:00:00Z');
  const r = repo(opts.initial);
  const locales = createLocales({ languages: r.languages, fallback: opts.fallback ?? 'en', clock: () => new Date(now), log: silentLogger, slackLocale: opts.slack });
  return { locales, r, advance: (ms: number) => void (now += ms) };
}

describe('locales', () => {
  it("a user's own choice wins over Slack's locale; Slack's over the default", async () => {
    const asked: string[] = [];
    const { locales } = setup({ initial: { 'user:U1': 'pt-BR' }, slack: async (u) => (asked.push(u), u === 'U1' ? 'zh-CN' : u === 'U2' ? 'es-LA' : 'fr-FR') });
    expect(await locales.forUser('U1')).toBe('pt-BR');
    expect(await locales.forUser('U2')).toBe('es');
    // A Slack language the bot does not speak falls back to BOT_LOCALE.
    expect(await locales.forUser('U3')).toBe('en');
    expect(asked).toEqual(['U2', 'U3']);
  });

  it("asks Slack once per user, also when several answers ask at once, and again after a day", async () => {
    let calls = 0;
    const { locales, advance } = setup({ slack: async () => (calls++, 'zh-CN') });
    expect(await Promise.all([locales.forUser('U1'), locales.forUser('U1'), locales.forUser('U1')])).toEqual(['zh-CN', 'zh-CN', 'zh-CN']);
    advance(23 * 3600_000);
    await locales.forUser('U1');
    expect(calls).toBe(1);
    advance(2 * 3600_000);
    await locales.forUser('U1');
    expect(calls).toBe(2);
  });

  it("Slack's user_change replaces the kept locale at once, or makes the bot ask again", async () => {
    let says = 'zh-CN';
    let calls = 0;
    const { locales } = setup({ slack: async () => (calls++, says) });
    expect(await locales.forUser('U1')).toBe('zh-CN');
    locales.slackChanged('U1', 'pt-BR');
    expect(await locales.forUser('U1')).toBe('pt-BR');
    says = 'es-LA';
    locales.slackChanged('U1', undefined);
    expect(await locales.forUser('U1')).toBe('es');
    expect(calls).toBe(2);
  });

  it('a failing Slack gives the default, and is asked again after five minutes, not per message', async () => {
    let calls = 0;
    const { locales, advance } = setup({ fallback: 'es', slack: async () => (calls++, Promise.reject(new Error('missing_scope'))) });
    expect(await locales.forUser('U1')).toBe('es');
    expect(await locales.forUser('U1')).toBe('es');
    expect(calls).toBe(1);
    advance(5 * 60_000 + 1);
    await locales.forUser('U1');
    expect(calls).toBe(2);
  });

  it(`a Slack that does not answer holds an answer at most ${SLACK_LOOKUP_TIMEOUT_MS} ms`, async () => {
    const { locales } = setup({ slack: () => new Promise(() => undefined) });
    const started = Date.now();
    expect(await locales.forUser('U1')).toBe('en');
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(SLACK_LOOKUP_TIMEOUT_MS - 50);
    expect(waited).toBeLessThan(SLACK_LOOKUP_TIMEOUT_MS + 1000);
  });

  it("a channel post: the post's own language, else the channel's, else the default", async () => {
    const { locales } = setup({ initial: { 'channel:COPS': 'zh-CN' }, fallback: 'pt-BR' });
    expect(await locales.forPost('COPS', 'es')).toBe('es');
    expect(await locales.forPost('COPS', undefined)).toBe('zh-CN');
    expect(await locales.forPost('CNEW', undefined)).toBe('pt-BR');
  });

  it('reads a choice through a short cache; forget() makes a change in this process visible at once', async () => {
    const { locales, r, advance } = setup();
    expect(await locales.forChannel('C1')).toBe('en');
    await r.languages.set('channel', 'C1', 'es', 'U1', 0);
    expect(await locales.forChannel('C1')).toBe('en');
    locales.forget('channel', 'C1');
    expect(await locales.forChannel('C1')).toBe('es');
    // Another process's change is seen once the cache expires.
    await r.languages.set('channel', 'C1', 'zh-CN', 'U1', 0);
    advance(CHOICE_TTL_MS + 1);
    expect(await locales.forChannel('C1')).toBe('zh-CN');
    expect(r.reads()).toBe(3);
  });

  it('a store that is gone gives the default instead of failing the answer', async () => {
    const { locales, r } = setup({ fallback: 'zh-CN' });
    r.breakIt();
    expect(await locales.forChannel('C1')).toBe('zh-CN');
    expect(await locales.forUser('U1')).toBe('zh-CN');
  });
});

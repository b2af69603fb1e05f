/**
 * `/aicc lang` through the router, on a real (in-memory SQLite) store and the real resolver with a
 * scripted Slack locale: what is stored, who may change a channel's language, and that the next
 * answers follow the choice.
 */
import type { KnownBlock } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LANGUAGE_COMMANDS, LANGUAGE_HANDLERS } from '../../../../src/features/language/index.js';
import { silentLogger } from '../../../../src/platform/log.js';
import type { CommandSet, Invocation } from '../../../../src/slack/commands/handler.js';
import { defineCommand } from '../../../../src/slack/commands/spec.js';
import { runCommand, type RunnerDeps } from '../../../../src/slack/commands/run.js';
import { createLocales, type Locales } from '../../../../src/slack/locales.js';
import type { Store } from '../../../../src/store/index.js';
import { memoryStore } from '../../../support/memory-store.js';
import { allText } from '../../../support/render-fixtures.js';

/** A command that answers with the language it was given, to see what the router chose. */
const probe = defineCommand({ name: 'probe', summary: 'help.lang.summary', positional: [], options: {}, vdn: false, examples: ['probe'] });
const table = {
  commands: [...LANGUAGE_COMMANDS, probe],
  handlers: { ...LANGUAGE_HANDLERS, probe: async (_input: unknown, inv: Invocation): Promise<KnownBlock[]> => [{ type: 'section', text: { type: 'mrkdwn', text: `locale=${inv.tr.locale}` } }] },
} as unknown as CommandSet<unknown>;

/** Slack's locale per user, as users.info would say it. */
const slackSays: Record<string, string> = { UZH: 'zh-CN', UES: 'es-LA', UEN: 'en-US' };
let slackCalls: string[];
let store: Store;
let locales: Locales;
let deps: RunnerDeps;

beforeEach(async () => {
  store = await memoryStore();
  slackCalls = [];
  locales = createLocales({
    languages: store.languages,
    fallback: 'en',
    clock: () => new Date('2026-11-27T10:00:00Z'),
    log: silentLogger,
    slackLocale: async (userId) => {
      slackCalls.push(userId);
      return slackSays[userId];
    },
  });
  deps = { clock: () => new Date('2026-11-27T10:00:00Z'), log: silentLogger, timeZone: 'Asia/Shanghai', store, adminUsers: ['UADMIN'], allowedChannels: [], vdnIds: [8], locales, table };
});
afterEach(async () => {
  await store.close();
});

const run = async (text: string, userId: string, channelId = 'C1') => {
  const reply = await runCommand({ text, userId, channelId }, deps);
  return { ...reply, text: reply.messages.map(allText).join('\n') };
};

describe('/aicc lang', () => {
  it("answers each user in their Slack language, asking Slack once per user", async () => {
    expect((await run('probe', 'UZH')).text).toBe('locale=zh-CN');
    expect((await run('probe', 'UES')).text).toBe('locale=es');
    expect((await run('probe', 'UEN')).text).toBe('locale=en');
    expect((await run('probe', 'UZH')).text).toBe('locale=zh-CN');
    expect(slackCalls).toEqual(['UZH', 'UES', 'UEN']);
  });

  it('shows where each language comes from, in the asker\'s language', async () => {
    const zh = await run('lang', 'UZH');
    expect(zh.text).toContain('跟随你的 Slack 语言');
    expect(zh.text).toContain('简体中文');
    expect(zh.text).toContain('工作区默认语言');
    const en = await run('lang', 'UEN');
    expect(en.text).toContain('from your Slack language');
    expect(en.text).toContain("This channel's posts:* English (`en`), the workspace default");
  });

  it('a user overrides their own language; `me auto` follows Slack again', async () => {
    const set = await run('lang me pt-BR', 'UZH');
    expect(set.text).toContain('Suas respostas agora estão em Português (Brasil)');
    expect(await store.languages.get('user', 'UZH')).toBe('pt-BR');
    expect((await run('probe', 'UZH')).text).toBe('locale=pt-BR');
    const back = await run('lang me auto', 'UZH');
    expect(back.text).toContain('给你的回复已恢复跟随 Slack 语言');
    expect(await store.languages.get('user', 'UZH')).toBeUndefined();
    expect((await run('probe', 'UZH')).text).toBe('locale=zh-CN');
  });

  it("sets the channel's language for public answers, not for private ones; an admin's change, audited", async () => {
    const refused = await run('lang es', 'UEN', 'COPS');
    expect(refused.outcome).toBe('not_found');
    expect(await store.languages.get('channel', 'COPS')).toBeUndefined();

    const set = await run('lang es', 'UADMIN', 'COPS');
    expect(set.text).toContain('Español (Latinoamérica)');
    expect(await store.languages.get('channel', 'COPS')).toBe('es');
    expect((await store.audit.recent(5)).map((a) => [a.action, a.target])).toEqual([['lang.channel.set', 'COPS']]);

    expect((await run('probe public', 'UZH', 'COPS')).text).toBe('locale=es');
    expect((await run('probe', 'UZH', 'COPS')).text).toBe('locale=zh-CN');
    expect((await run('probe public', 'UZH', 'COTHER')).text).toBe('locale=en');

    await run('lang default', 'UADMIN', 'COPS');
    expect(await store.languages.get('channel', 'COPS')).toBeUndefined();
    expect((await run('probe public', 'UZH', 'COPS')).text).toBe('locale=en');
  });

  it('an unknown language is refused with the list, in the asker\'s language; nothing stored', async () => {
    const zh = await run('lang me klingon', 'UZH');
    expect(zh.outcome).toBe('not_found');
    expect(zh.text).toContain('无法识别语言 `klingon`');
    expect(zh.text).toContain('en, zh-CN, es, pt-BR');
    const es = await run('lang xx', 'UADMIN');
    expect(es.text).toContain("I do not know the language `xx`");
    expect(await store.languages.get('user', 'UZH')).toBeUndefined();
  });
});

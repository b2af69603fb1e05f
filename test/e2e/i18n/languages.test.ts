/**
 * The bot in four languages, end to end: the real bot (Bolt, HTTP mode), the AICC simulator and the
 * fake Slack on 127.0.0.1. Four people whose Slack language is Chinese, Latin American Spanish
 * (Slack says `es-LA`), Brazilian Portuguese and English type the same commands; each reads the
 * answers in their own language, with numbers written their way. A channel set to Spanish gets
 * its digest and its public answers in Spanish, whoever asked. Every message the bot sent in these
 * runs passed the fake Slack's Block Kit checks, in every language (Spanish and Portuguese run
 * about a quarter longer than English).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator, type Locale } from '../../../src/i18n/index.js';
import { manualClock } from '../../../src/platform/clock.js';
import { blockProblems } from '../../../local/fakeslack/validate.js';
import { blocksText, startE2E, type E2E } from '../../support/e2e.js';

const clock = manualClock('2026-11-20T06:30:00Z'); // Friday 14:30 in Asia/Shanghai: campaigns are dialling
const ZONE = 'Asia/Shanghai';
let e2e: E2E;

interface Person {
  user: string;
  name: string;
  /** What Slack's `users.info` says (`include_locale=true`). */
  slackLocale: string;
  /** The bot's language for that Slack locale. */
  locale: Locale;
  /** Words a supervisor reading that language must find (from the glossary), and English that must be gone. */
  words: { campaigns: RegExp; stats: RegExp; help: RegExp; usage: RegExp };
  english: { campaigns: RegExp; stats: RegExp; help: RegExp; usage: RegExp } | undefined;
}

/** English phrases of each answer: a translated answer has none of them left. */
const ENGLISH = {
  campaigns: /\bCampaigns\b|\bCaller\b|\bPeriod\b/,
  stats: /Campaign stats|Connection rate|Dialled|Connected today|Remaining/,
  help: /List the commands|Post a digest now|Today's and all-time/,
  usage: /is not an option|\bUsage\b|\bExamples\b|for more/,
};

const PEOPLE: Person[] = [
  {
    user: 'U0WANG',
    name: '王芳',
    slackLocale: 'zh-CN',
    locale: 'zh-CN',
    words: { campaigns: /外呼任务/, stats: /接通率/, help: /外呼任务/, usage: /选项/ },
    english: ENGLISH,
  },
  {
    user: 'U0LUCIA',
    name: 'Lucía Fernández',
    slackLocale: 'es-LA',
    locale: 'es',
    words: { campaigns: /campañas?/i, stats: /tasa de contacto/i, help: /campaña/i, usage: /opción/i },
    english: ENGLISH,
  },
  {
    user: 'U0JOAO',
    name: 'João Pereira',
    slackLocale: 'pt-BR',
    locale: 'pt-BR',
    words: { campaigns: /campanhas?/i, stats: /taxa de atendimento/i, help: /campanha/i, usage: /opção/i },
    english: ENGLISH,
  },
  {
    user: 'U0MEI',
    name: 'Mei Lin',
    slackLocale: 'en-US',
    locale: 'en',
    words: { campaigns: /Campaigns/, stats: /Connection rate/, help: /campaign/i, usage: /is not an option/ },
    english: undefined,
  },
];

/** Lucía also administers the bot: she sets the channel's language and its digest. */
const ADMIN = 'U0LUCIA';
/** A channel whose posts are in Spanish. */
const VENTAS = 'C0VENTAS';

beforeAll(async () => {
  e2e = await startE2E({ clock, env: { AICC_TIMEZONE: ZONE, BOT_ADMIN_USERS: ADMIN }, sim: { timeZone: ZONE } });
  for (const p of PEOPLE) e2e.slack.setUser({ id: p.user, name: p.name.split(' ')[0]!.toLowerCase(), realName: p.name, tz: ZONE, locale: p.slackLocale });
}, 30_000);
afterAll(async () => {
  await e2e?.close();
});

const textOf = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');
const running = () => e2e.sim.world.campaigns(8).filter((c) => c.status === 2);
/** "as of" in the reader's words, without the time: `数据截至`, `datos de las`, `dados das`, `as of`. */
const asOfWords = (locale: Locale) => translator(locale).t('common.asOf', { time: '\u0000', zone: ZONE }).split('\u0000')[0]!.trim();

describe.each(PEOPLE)('$slackLocale: $name', (p) => {
  const tr = translator(p.locale);

  it('/aicc help is in their language', async () => {
    const r = await e2e.slash('help', { user: p.user });
    expect(r.responses).toHaveLength(1);
    const t = textOf(r);
    // Command words stay English in every language.
    for (const cmd of ['campaigns', 'stats', 'digest add', 'lang']) expect(t).toContain(cmd);
    expect(t).toMatch(p.words.help);
    if (p.english) expect(t).not.toMatch(p.english.help);
  });

  it('/aicc campaigns is in their language', async () => {
    const t = textOf(await e2e.slash('campaigns', { user: p.user }));
    expect(t).toContain(String(running()[0]!.id));
    expect(t).toMatch(p.words.campaigns);
    if (p.english) expect(t).not.toMatch(p.english.campaigns);
  });

  it('/aicc stats is in their language, the rates written their way', async () => {
    const t = textOf(await e2e.slash('stats', { user: p.user }));
    expect(t).toMatch(p.words.stats);
    expect(t).toContain(asOfWords(p.locale));
    const c = running()[0]!;
    const n = e2e.sim.world.counts(c).total;
    expect(n.dailyCalled).toBeGreaterThan(0);
    // 66.7% in English and Spanish (Latin America), 66,7% in Portuguese.
    expect(t).toContain(tr.percent(n.dailyConnected / n.dailyCalled));
    expect(t).toContain(tr.count(n.dailyCalled));
    if (p.english) expect(t).not.toMatch(p.english.stats);
  });

  it('a usage error (/aicc stats campaign:) is in their language, the option names in English', async () => {
    const r = await e2e.slash('stats campaign:', { user: p.user });
    expect(r.responses).toHaveLength(1);
    const t = textOf(r);
    expect(t).toContain('campaign');
    expect(t).toContain('/aicc stats');
    expect(t).toMatch(p.words.usage);
    if (p.english) expect(t).not.toMatch(p.english.usage);
  });
});

describe('a channel set to Spanish', () => {
  let digestId = 0;

  it('/aicc lang es sets it (an administrator), answered in Spanish', async () => {
    const t = textOf(await e2e.slash('lang es', { user: ADMIN, channel: VENTAS }));
    expect(t).toMatch(/Español/);
    expect(await e2e.bot.store.languages.get('channel', VENTAS)).toBe('es');
  });

  it('a digest subscribed there posts in Spanish when run', async () => {
    const added = textOf(await e2e.slash('digest add at:09:00 days:mon-fri', { user: ADMIN, channel: VENTAS }));
    const [sub] = (await e2e.bot.store.digests.list()).filter((s) => s.channelId === VENTAS);
    expect(sub).toBeDefined();
    digestId = sub!.id;
    expect(added).toMatch(/resumen/i);

    const before = e2e.slack.calls.length;
    const run = textOf(await e2e.slash(`digest run ${digestId}`, { user: ADMIN, channel: VENTAS }));
    expect(run).toMatch(/resumen/i);
    const posts = e2e.slack.calls.slice(before).filter((c) => c.method === 'chat.postMessage' && c.body.channel === VENTAS);
    expect(posts.length).toBeGreaterThan(0);
    const first = posts.find((c) => c.body.thread_ts === undefined)!;
    const digest = blocksText(first.body.blocks);
    expect(digest).toMatch(/resumen/i);
    expect(digest).toMatch(/tasa de contacto/i);
    expect(digest).toContain(asOfWords('es'));
    expect(digest).not.toMatch(/AICC daily digest|Connection rate|Dialled|Best connection rate|to see or change digests/);
    // The notification text (what a phone shows) too.
    expect(String(first.body.text)).toMatch(/resumen/i);
    expect(String(first.body.text)).not.toMatch(/digest/i);
  });

  it('a public answer there is in Spanish whoever asks; the same person reads Chinese privately', async () => {
    const pub = await e2e.slash('stats public', { user: 'U0WANG', channel: VENTAS });
    expect(pub.responses[0]!.body.response_type).toBe('in_channel');
    expect(textOf(pub)).toMatch(/tasa de contacto/i);
    expect(textOf(pub)).not.toMatch(/接通率/);
    const own = await e2e.slash('stats', { user: 'U0WANG', channel: VENTAS });
    expect(textOf(own)).toMatch(/接通率/);
  });
});

describe('Slack languages the bot has no catalogue for', () => {
  it('Spanish from Spain reads Latin American Spanish; Japanese reads the workspace default (English)', async () => {
    e2e.slack.setUser({ id: 'U0PABLO', locale: 'es-ES' });
    e2e.slack.setUser({ id: 'U0AKIRA', locale: 'ja-JP' });
    expect(textOf(await e2e.slash('stats', { user: 'U0PABLO' }))).toMatch(/tasa de contacto/i);
    expect(textOf(await e2e.slash('stats', { user: 'U0AKIRA' }))).toMatch(/Connection rate/);
  });
});

describe('Block Kit', () => {
  it('every message the bot sent in these runs passed the fake Slack’s checks, in every language', () => {
    const refusedCalls = e2e.slack.calls.filter((c) => c.error === 'invalid_blocks').map((c) => ({ method: c.method, channel: c.body.channel, problems: c.problems }));
    const refusedAnswers = e2e.slack.responses.filter((r) => r.error !== undefined).map((r) => ({ id: r.id, error: r.error, problems: r.problems }));
    expect(refusedCalls).toEqual([]);
    expect(refusedAnswers).toEqual([]);
    // And, checked again here, each answer's blocks as they were sent.
    for (const r of e2e.slack.responses) expect(blockProblems(r.body.blocks)).toEqual([]);
    for (const c of e2e.slack.calls.filter((x) => x.method.startsWith('chat.'))) expect(blockProblems(c.body.blocks)).toEqual([]);
    // Each person got answers (so the checks above covered every language).
    expect(e2e.slack.responses.length).toBeGreaterThanOrEqual(PEOPLE.length * 4);
    // Slack was asked each person's language, as real Slack is: users.info with include_locale.
    const asked = new Set(e2e.slack.calls.filter((c) => c.method === 'users.info' && c.body.include_locale === 'true').map((c) => c.body.user));
    for (const p of PEOPLE) expect(asked).toContain(p.user);
  });
});

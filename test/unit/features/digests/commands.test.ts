import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseCommand } from '../../../../src/slack/commands/parse.js';
import { usageLine, type ParseFailure } from '../../../../src/slack/commands/spec.js';
import { digestAddCommand } from '../../../../src/features/digests/commands.js';
import { COMMANDS } from '../../../../src/features/index.js';
import { campaignScope, timeOfDay, timeZone, weekdays } from '../../../../src/features/digests/command-values.js';
import { postLanguage } from '../../../../src/slack/language-input.js';
import { channel, csv, type ValueResult } from '../../../../src/slack/commands/spec.js';
import { inEnglish, say } from '../../../../src/slack/commands/message.js';
import { translator } from '../../../../src/i18n/index.js';
import { identifier } from '../../../../src/slack/commands/spec.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { renderHelp } from '../../../../src/slack/render/help.js';
import { allText } from '../../../support/render-fixtures.js';

const parse = (text: string) => parseCommand(text, COMMANDS);
const ok = (text: string) => {
  const r = parse(text);
  if (!r.ok) throw new Error(`expected ok for ${text}: ${r.message}`);
  return r;
};
/** What a refused value should have been, in English. */
const expected = (r: ValueResult<unknown>): string | undefined => (r.ok ? undefined : inEnglish(r.expected));
const failure = (text: string): ParseFailure => {
  const r = parse(text);
  if (r.ok) throw new Error(`expected failure for ${text}`);
  return r;
};

describe('value specs', () => {
  it('channel: a Slack link or a bare id yields the id; a typed #name is refused with a hint', () => {
    const c = channel();
    expect(c.parse('<#C0123ABCD|ops>')).toEqual({ ok: true, value: 'C0123ABCD' });
    expect(c.parse('<#C0123ABCD>')).toEqual({ ok: true, value: 'C0123ABCD' });
    expect(c.parse('<#G0123ABCD|>')).toEqual({ ok: true, value: 'G0123ABCD' });
    expect(c.parse('C0123ABCD')).toEqual({ ok: true, value: 'C0123ABCD' });
    for (const bad of ['#ops', 'ops', 'CHANNEL', '<@U0123ABCD>', '<!channel>', '<#C012|a|b>', '<#c0123abcd>']) {
      const r = c.parse(bad);
      expect(r.ok, bad).toBe(false);
    }
    expect(expected(c.parse('#ops'))).toContain("Slack's # suggestions");
  });
  it('csv: trims, drops empties and duplicates, checks each item', () => {
    const ids = csv(identifier('ID'));
    expect(ids.parse('a, b,,a')).toEqual({ ok: true, value: ['a', 'b'] });
    expect(ids.parse(',')).toMatchObject({ ok: false });
    expect(ids.parse('a,b c')).toMatchObject({ ok: false });
    expect(expected(csv(identifier('ID'), { max: 2 }).parse('a,b,c'))).toBe('at most 2 items');
  });
  it('campaigns: all or ids', () => {
    expect(campaignScope().parse('ALL')).toEqual({ ok: true, value: 'all' });
    expect(campaignScope().parse('1,2')).toEqual({ ok: true, value: ['1', '2'] });
  });
  it('at, days and tz normalise what they accept', () => {
    expect(timeOfDay().parse('9:05')).toEqual({ ok: true, value: '09:05' });
    expect(weekdays().parse('weekdays')).toEqual({ ok: true, value: 'mon-fri' });
    expect(weekdays().parse('Sun,Sat')).toEqual({ ok: true, value: 'sat,sun' });
    expect(timeZone().parse('asia/shanghai')).toEqual({ ok: true, value: 'Asia/Shanghai' });
  });
  it('lang: any tag the bot reads as one of its languages; channel or default for none', () => {
    const lang = postLanguage();
    for (const [raw, value] of [['zh-CN', 'zh-CN'], ['zh', 'zh-CN'], ['ZH_cn', 'zh-CN'], ['es', 'es'], ['es-419', 'es'], ['pt', 'pt-BR'], ['pt-BR', 'pt-BR'], ['en', 'en'], ['en-GB', 'en']] as const) {
      expect(lang.parse(raw), raw).toEqual({ ok: true, value });
    }
    expect(lang.parse('channel')).toEqual({ ok: true, value: null });
    expect(lang.parse('Default')).toEqual({ ok: true, value: null });
    for (const bad of ['xx', 'fr', 'klingon', '']) expect(lang.parse(bad).ok, bad).toBe(false);
    // The refusal names every supported language, each in its own name, in the reader's language.
    const r = lang.parse('xx');
    expect(expected(r)).toBe(
      "a supported language: `en` (English), `zh-CN` (简体中文), `es` (Español (Latinoamérica)), `pt-BR` (Português (Brasil)); or `channel` for the channel's language",
    );
    if (!r.ok) expect(say(translator('zh-CN'), r.expected)).toContain('支持的语言：`en` (English), `zh-CN` (简体中文)');
  });
});

describe('digest rows', () => {
  it('digest add with every option, typed', () => {
    const r = parse('digest add <#C0123ABCD|ops> at:8:30 days:weekdays tz:america/new_york campaigns:1798316116,1798316117 bots:943370855474270208 when:changed vdn:12');
    expect(r).toMatchObject({
      ok: true,
      command: 'digest add',
      vdn: 12,
      positional: { channel: 'C0123ABCD' },
      options: { at: '08:30', days: 'mon-fri', tz: 'America/New_York', campaigns: ['1798316116', '1798316117'], bots: ['943370855474270208'], when: 'changed' },
    });
    expect(ok('digest add lang:zh').options).toEqual({ lang: 'zh-CN' });
    expect(ok('digest add lang:channel').options).toEqual({ lang: null });
    if (r.ok && r.command === 'digest add') {
      expectTypeOf(r.positional.channel).toEqualTypeOf<string | undefined>();
      expectTypeOf(r.options.campaigns).toEqualTypeOf<'all' | string[] | undefined>();
      expectTypeOf(r.options.bots).toEqualTypeOf<string[] | undefined>();
      expectTypeOf(r.options.when).toEqualTypeOf<'always' | 'changed' | undefined>();
      expectTypeOf(r.options.lang).toEqualTypeOf<'en' | 'zh-CN' | 'es' | 'pt-BR' | null | undefined>();
    }
  });
  it('digest add with nothing: the handler applies the defaults', () => {
    expect(ok('digest add')).toMatchObject({ command: 'digest add', positional: {}, options: {} });
    expect(ok('digest add days:sat,sun campaigns:all').options).toEqual({ days: 'sat,sun', campaigns: 'all' });
  });
  it('digest add refuses bad values with the usage line', () => {
    expect(failure('digest add at:25:00').message).toBe('`at` must be a 24-hour time HH:MM, e.g. `09:00` or `17:30`, not `25:00`');
    expect(failure('digest add days:funday').message).toContain('`days` must be `daily`, `weekdays`, `weekends`');
    expect(failure('digest add tz:Mars/Olympus').message).toContain('`tz` must be an IANA time zone');
    expect(failure('digest add #ops').message).toContain("`channel` must be a channel picked from Slack's # suggestions");
    expect(failure('digest add when:sometimes').message).toBe('`when` must be one of always or changed, not `sometimes`');
    expect(failure('digest add <#C0123ABCD|a> <#C0123ABCE|b>').message).toBe('unexpected `&lt;#C0123ABCE|b&gt;`');
    expect(failure('digest add lang:xx').message).toBe(
      "`lang` must be a supported language: `en` (English), `zh-CN` (简体中文), `es` (Español (Latinoamérica)), `pt-BR` (Português (Brasil)); or `channel` for the channel's language, not `xx`",
    );
    const f = failure('digest add at:x');
    expect(f.usage).toBe(
      '/aicc digest add [#CHANNEL] [at:HH:MM] [days:mon-fri|daily|sat,sun] [tz:ZONE] [campaigns:ID,ID|all] [bots:CODE,CODE] [when:always|changed] [lang:en|zh-CN|es|pt-BR|channel] [vdn:N]',
    );
    expect(f.examples).toContain('digest add #ops at:08:30 days:daily tz:Asia/Shanghai');
  });
  it('list, remove, pause, resume, run', () => {
    expect(ok('digest list')).toMatchObject({ command: 'digest list', positional: {} });
    expect(ok('digest list <#C9ABCDEF1|x>').positional).toEqual({ channel: 'C9ABCDEF1' });
    for (const sub of ['remove', 'pause', 'resume', 'run'] as const) {
      expect(ok(`digest ${sub} 3`)).toMatchObject({ command: `digest ${sub}`, positional: { id: 3 } });
      expect(failure(`digest ${sub}`).message).toBe(`\`digest ${sub}\` needs ID`);
      expect(failure(`digest ${sub} x`).message).toBe('ID must be a whole number ≥ 1, not `x`');
    }
    const r = parse('digest run 3');
    if (r.ok && r.command === 'digest run') expectTypeOf(r.positional.id).toEqualTypeOf<number>();
  });
  it('digest alone lists its subcommands', () => {
    expect(failure('digest').message).toBe('`digest` needs one of `add`, `list`, `remove`, `pause`, `resume`, `run`');
  });
  it('status takes nothing', () => {
    expect(ok('status')).toMatchObject({ command: 'status', positional: {}, options: {} });
    expect(failure('status now').message).toBe('unexpected `now`');
    expect(usageLine(COMMANDS.find((c) => c.name === 'status')!)).toBe('/aicc status');
  });
  it('the new rows come after the original six', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual([
      'help', 'campaigns', 'stats', 'task', 'call', 'bot',
      'digest add', 'digest list', 'digest remove', 'digest pause', 'digest resume', 'digest run',
      'alert add', 'alert list', 'alert remove', 'alert mute', 'alert unmute', 'alert test', 'status', 'lang',
    ]);
    expect(digestAddCommand.examples.every((e) => parse(e.replace('#ops', '<#C0123ABCD|ops>')).ok)).toBe(true);
  });
  it('help explains the digest group and each row, within limits', () => {
    const group = renderHelp(translator('en'), COMMANDS, 'digest');
    expect(blockProblems(group)).toEqual([]);
    for (const sub of ['add', 'list', 'remove', 'pause', 'resume', 'run']) expect(allText(group)).toContain(`*digest ${sub}*`);
    const add = renderHelp(translator('en'), COMMANDS, 'digest add');
    expect(blockProblems(add)).toEqual([]);
    expect(allText(add)).toContain('• `days:mon-fri|daily|sat,sun` (optional)');
    expect(allText(add)).toContain('• `lang:en|zh-CN|es|pt-BR|channel` (optional)');
    expect(allText(renderHelp(translator('en'), COMMANDS, 'status'))).toContain('collector health, next digests, recent deliveries');
  });
});

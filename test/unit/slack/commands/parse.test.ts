import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseCommand } from '../../../../src/slack/commands/parse.js';
import { choice, defineCommand, integer, text, type ParseFailure } from '../../../../src/slack/commands/spec.js';
import { COMMANDS } from '../../../../src/features/index.js';

const parse = (input: string) => parseCommand(input, COMMANDS);
const ok = (input: string) => {
  const r = parse(input);
  if (!r.ok) throw new Error(`expected ok for ${input}: ${r.message}`);
  return r;
};
const failure = (input: string): ParseFailure => {
  const r = parse(input);
  if (r.ok) throw new Error(`expected failure for ${input}`);
  return r;
};

describe('parseCommand: the six query commands', () => {
  it('help, with and without a command', () => {
    expect(ok('help')).toMatchObject({ command: 'help', positional: {}, isPublic: false });
    expect(ok('help campaigns').positional).toEqual({ command: 'campaigns' });
    expect(ok('help digest add').positional).toEqual({ command: 'digest add' });
  });
  it('empty text means help', () => {
    expect(ok('').command).toBe('help');
    expect(ok('   ').command).toBe('help');
  });
  it('campaigns with status and every option', () => {
    const r = ok('campaigns paused name:"spring follow" type:ivr page:2');
    expect(r).toMatchObject({ command: 'campaigns', positional: { status: 'paused' }, options: { name: 'spring follow', type: 'ivr', page: 2 } });
    expect(ok('campaigns').positional).toEqual({});
    expect(ok('CAMPAIGNS ALL').positional).toEqual({ status: 'all' });
  });
  it('stats with and without a campaign and batch', () => {
    expect(ok('stats')).toMatchObject({ command: 'stats', positional: {}, options: {} });
    expect(ok('stats 1798316116 batch:123456')).toMatchObject({ positional: { campaignId: '1798316116' }, options: { batch: '123456' } });
  });
  it('task, call and bot', () => {
    expect(ok('task 1798316116')).toMatchObject({ command: 'task', positional: { taskId: '1798316116' } });
    expect(ok('call 1644464743-1388')).toMatchObject({ command: 'call', positional: { callId: '1644464743-1388' } });
    expect(ok('bot 943370855474270208 day date:2026-11-20')).toMatchObject({
      command: 'bot',
      positional: { accessCode: '943370855474270208', period: 'day' },
      options: { date: '2026-11-20' },
    });
  });
  it('vdn on any command, key=value, and the public flag anywhere', () => {
    expect(ok('stats vdn:12')).toMatchObject({ vdn: 12, isPublic: false });
    expect(ok('public task 42 vdn=7')).toMatchObject({ command: 'task', vdn: 7, isPublic: true });
    expect(ok('campaigns PUBLIC').isPublic).toBe(true);
  });
  it('a quoted "public" is a value, not the flag', () => {
    const r = ok('campaigns name:"public"');
    expect(r.isPublic).toBe(false);
    expect(r.options).toEqual({ name: 'public' });
  });
  it('gives handlers typed values', () => {
    const r = parse('campaigns page:3');
    if (r.ok && r.command === 'campaigns') {
      expectTypeOf(r.options.page).toEqualTypeOf<number | undefined>();
      expectTypeOf(r.positional.status).toEqualTypeOf<'running' | 'paused' | 'completed' | 'all' | undefined>();
      expect(r.options.page).toBe(3);
    } else {
      throw new Error('expected campaigns');
    }
    const t = parse('task 1');
    if (t.ok && t.command === 'task') expectTypeOf(t.positional.taskId).toEqualTypeOf<string>();
  });
});

describe('parseCommand: bad input gets the usage line', () => {
  it('unknown command → short help list, with a suggestion for typos', () => {
    const f = failure('foo');
    expect(f.message).toBe('unknown command `foo`');
    expect(f.command).toBeUndefined();
    expect(f.usage.split('\n')).toHaveLength(COMMANDS.length);
    expect(failure('stat 1').message).toBe('unknown command `stat`. Did you mean `stats`?');
  });
  it('missing argument', () => {
    const f = failure('task');
    expect(f).toMatchObject({ command: 'task', message: '`task` needs TASK_ID', usage: '/aicc task TASK_ID [vdn:N]' });
    expect(failure('call').message).toBe('`call` needs CALL_ID');
    expect(failure('bot').message).toBe('`bot` needs ACCESS_CODE');
  });
  it('malformed values', () => {
    expect(failure('campaigns page:0').message).toBe('`page` must be a whole number from 1 to 1000, not `0`');
    expect(failure('campaigns page:abc').message).toContain('`page` must be a whole number');
    expect(failure('campaigns page:-1').message).toContain('`page` must be a whole number');
    expect(failure('bot 1 date:2026-13-01').message).toBe('`date` must be a real date, YYYY-MM-DD, not `2026-13-01`');
    expect(failure('bot 1 date:yesterday').message).toBe('`date` must be YYYY-MM-DD, not `yesterday`');
    expect(failure('bot 1 date:2026-02-30').message).toContain('`date` must be');
    expect(failure('campaigns type:robot').message).toBe('`type` must be one of ivr or agent, not `robot`');
    expect(failure('campaigns sleeping').message).toBe('`status` must be one of running, paused, completed or all, not `sleeping`');
    expect(failure('bot 1 week').message).toContain('`period` must be one of hour or day');
    expect(failure('stats vdn:0').message).toBe('`vdn` must be a whole number from 1 to 9999, not `0`');
    expect(failure('stats vdn:10000').message).toContain('`vdn` must be');
    expect(failure('task 1234567890123456789012345678901').message).toContain('TASK_ID must be');
  });
  it('unknown options, duplicates, extra words and cross-argument rules', () => {
    expect(failure('task 1 colour:red').message).toBe('`colour` is not an option of `task`');
    expect(failure('campaigns colour:red').message).toBe('`colour` is not an option of `campaigns`; it takes `name`, `type`, `page`');
    expect(failure('campaigns page:1 page:2').message).toBe('`page` is given twice');
    expect(failure('task 1 2').message).toBe('unexpected `2`');
    expect(failure('stats batch:7').message).toBe('`batch` needs a CAMPAIGN_ID');
  });
  it('an unclosed quote', () => {
    expect(failure('campaigns name:"spring')).toMatchObject({ command: 'campaigns', message: 'a double quote is not closed' });
  });
  it('refuses long input without echoing it', () => {
    const junk = `campaigns ${'x'.repeat(3000)}`;
    const f = failure(junk);
    expect(f.message).toBe('That is 3,010 characters long; a command is at most 500.');
    expect(f.command).toBe('campaigns');
    expect(failure('é'.repeat(501)).message).toContain('at most 500');
  });
  it('escapes echoed user text, so it cannot mention or link', () => {
    const f = failure('<!channel> hi');
    expect(f.message).toBe('unknown command `&lt;!channel&gt;`');
    expect(failure('task <@U123>').message).toContain('`&lt;@U123&gt;`');
    expect(failure('&lt;!here&gt;').message).toBe('unknown command `&lt;!here&gt;`');
    expect(failure('campaigns `<!channel>`').message).toBe("`status` must be one of running, paused, completed or all, not `'&lt;!channel&gt;'`");
  });
  it('handles Unicode junk', () => {
    expect(failure('活动 🚀').message).toBe('unknown command `活动`');
    expect(failure('task 任务').message).toContain('TASK_ID must be');
    const f = failure(`campaigns name:"${'春'.repeat(120)}"`);
    expect(f.message).toContain('`name` must be at most 100 characters');
    expect(f.message.length).toBeLessThan(200);
  });
  it('a random 3,000-character string never throws', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 200; i++) {
      const len = Math.floor(rnd() * 600);
      const s = Array.from({ length: len }, () => String.fromCodePoint(Math.floor(rnd() * 0x2fff))).join('');
      const r = parse(s);
      if (!r.ok) {
        expect(r.message).not.toMatch(/<[!@#]/);
        expect(r.usage.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('parseCommand: subcommands and new rows', () => {
  // A made-up group, so these tests of the parser do not depend on the real `digest` rows.
  const table = [
    ...COMMANDS,
    defineCommand({
      name: 'report add',
      summary: 'help.digest.add.summary',
      positional: [{ name: 'campaignId', value: text({ placeholder: 'CAMPAIGN_ID' }), required: true }],
      options: { time: { value: text({ placeholder: 'HH:MM' }), required: true }, every: { value: choice(['day', 'weekday']) } },
      examples: ['report add 1798316116 time:09:00'],
    }),
    defineCommand({ name: 'report list', summary: 'help.digest.list.summary', positional: [], options: { page: { value: integer({ min: 1 }) } }, examples: [] }),
  ] as const;

  it('routes two-word commands with typed values', () => {
    const r = parseCommand('report add 17 time:09:00 every:weekday', table);
    expect(r).toMatchObject({ ok: true, command: 'report add', positional: { campaignId: '17' }, options: { time: '09:00', every: 'weekday' } });
    if (r.ok && r.command === 'report add') {
      expectTypeOf(r.options.time).toEqualTypeOf<string>();
      expectTypeOf(r.options.every).toEqualTypeOf<'day' | 'weekday' | undefined>();
    }
    expect(parseCommand('REPORT LIST page:2', table)).toMatchObject({ ok: true, command: 'report list', options: { page: 2 } });
  });
  it('explains a group word without a subcommand', () => {
    const r = parseCommand('report', table);
    expect(r).toMatchObject({ ok: false, message: 'needs one of `add`, `list`'.replace(/^/, '`report` ') });
    if (!r.ok) expect(r.usage.split('\n')).toEqual(['/aicc report add CAMPAIGN_ID time:HH:MM [every:day|weekday] [vdn:N]', '/aicc report list [page:N] [vdn:N]']);
    expect(parseCommand('report frob', table)).toMatchObject({ ok: false, message: '`report frob` is not a command; `report` takes `add`, `list`' });
  });
  it('requires required options', () => {
    expect(parseCommand('report add 17', table)).toMatchObject({ ok: false, command: 'report add', message: '`report add` needs `time:HH:MM`' });
  });
  it('usage lines come from the table', () => {
    const f = failure('campaigns page:x');
    expect(f.usage).toBe('/aicc campaigns [running|paused|completed|all] [name:TEXT] [type:ivr|agent] [page:N] [vdn:N]');
    expect(f.examples).toContain('campaigns paused type:ivr');
    expect(failure('help a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg').command).toBe('help');
  });
  it('honours a different slash command name', () => {
    const r = parseCommand('task', COMMANDS, { slashCommand: '/aicc-test' });
    expect(r.ok ? '' : r.usage).toBe('/aicc-test task TASK_ID [vdn:N]');
  });
});

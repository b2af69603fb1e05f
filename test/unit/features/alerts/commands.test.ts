/** The `/aicc alert …` rows of the command table: typed values, escaped Slack tokens, refusals. */
import { translator } from '../../../../src/i18n/index.js';
import { describe, expect, it } from 'vitest';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { parseCommand } from '../../../../src/slack/commands/parse.js';
import { alertAddCommand } from '../../../../src/features/alerts/commands.js';
import { COMMANDS } from '../../../../src/features/index.js';
import { renderHelp } from '../../../../src/slack/render/help.js';
import { blocksText } from '../../../support/blocks-text.js';

const parse = (text: string) => parseCommand(text, COMMANDS);
const ok = (text: string) => {
  const r = parse(text);
  if (!r.ok) throw new Error(`expected ok for ${text}: ${r.message}`);
  return r;
};
const add = (text: string) => {
  const r = ok(text);
  if (r.command !== 'alert add') throw new Error(`expected alert add for ${text}`);
  return r;
};
const fails = (text: string) => {
  const r = parse(text);
  if (r.ok) throw new Error(`expected a failure for ${text}`);
  return r.message;
};

describe('alert add', () => {
  it('takes metric, comparison and threshold, with Slack escaping (`&lt;`) decoded', () => {
    const r = ok('alert add success_rate &lt; 40 campaign:1798316116');
    expect(r).toMatchObject({ command: 'alert add', positional: { metric: 'connection_rate', op: '<', threshold: 40 }, options: { campaign: '1798316116' } });
    expect(add('alert add success_rate < 40% campaign:1').positional.threshold).toBe(40);
    expect(ok('alert add waiting &gt;= 20 all').positional).toMatchObject({ op: '>=', target: { all: true } });
  });

  it('every option, and the channel and mention as Slack sends them', () => {
    const r = ok('alert add connect_rate <= 30.5 all <#C0OPS|ops> min:100 for:15m clear:35% repeat:1h30m mention:<!subteam^S0OPS|@oncall> vdn:9');
    expect(r.positional).toMatchObject({ metric: 'task_connection_rate', op: '<=', threshold: 30.5, target: { all: true, channel: 'C0OPS' } });
    expect(r.options).toEqual({ min: 100, for: 900, clear: 35, repeat: 5400, mention: '<!subteam^S0OPS|@oncall>' });
    expect(r.vdn).toBe(9);
    expect(ok('alert add success_rate < 40 <#C0OPS> campaign:1 mention:<@U0BOB> repeat:off').options).toMatchObject({ mention: '<@U0BOB>', repeat: 0 });
    expect(add('alert add success_rate < 40 campaign:1 mention:@here').options.mention).toBe('<!here>');
  });

  it('refuses what could never work', () => {
    expect(fails('alert add success_rate < 40')).toMatch(/campaign:ID.*or `all`/);
    expect(fails('alert add success_rate < 40 campaign:1 all')).toMatch(/not several/);
    expect(fails('alert add autonomy_rate < 40 campaign:1')).toMatch(/voice-bot metric/);
    expect(fails('alert add waiting > 5 bot:943')).toMatch(/campaign metric/);
    expect(fails('alert add success_rate < 140 campaign:1')).toMatch(/from 0 to 100/);
    expect(fails('alert add success_rate < 40 campaign:1 clear:35')).toMatch(/healthy side.*at least 40/);
    expect(fails('alert add waiting > 20 campaign:1 clear:25')).toMatch(/at most 20/);
    expect(fails('alert add success_rat < 40 campaign:1')).toMatch(/METRIC must be one of/);
    expect(fails('alert add success_rate = 40 campaign:1')).toMatch(/OP must be one of `&lt;`/);
    expect(fails('alert add success_rate < 40 campaign:1 for:soon')).toMatch(/duration/);
    expect(fails('alert add success_rate < 40 campaign:1 mention:oncall')).toMatch(/@ suggestions/);
    expect(fails('alert add success_rate < 40 campaign:1 #ops')).toMatch(/# suggestions/);
  });

  it('its examples parse, and help explains it within Block Kit limits', () => {
    for (const e of alertAddCommand.examples) expect(parse(e.replace('#ops', '<#C0OPS|ops>').replace('@oncall', '<!subteam^S0OPS|@oncall>')).ok, e).toBe(true);
    const help = renderHelp(translator('en'), COMMANDS, 'alert add');
    expect(blockProblems(help)).toEqual([]);
    expect(blocksText(help)).toContain('Rates are in percent');
    expect(blockProblems(renderHelp(translator('en'), COMMANDS, 'alert'))).toEqual([]);
  });
});

describe('alert list, remove, mute, unmute, test', () => {
  it('parse their ids and lengths', () => {
    expect(ok('alert list <#C0OPS|ops>').positional).toEqual({ channel: 'C0OPS' });
    expect(ok('alert remove 3').positional).toEqual({ id: 3 });
    expect(ok('alert mute 3 2h').positional).toEqual({ id: 3, length: 7200 });
    expect(ok('alert mute 3 tomorrow').positional).toEqual({ id: 3, length: 'tomorrow' });
    expect(fails('alert mute 3 0m')).toMatch(/longer than 0/);
    expect(fails('alert mute 3')).toMatch(/needs/);
    expect(ok('alert unmute 3').positional).toEqual({ id: 3 });
    expect(ok('alert test 3').positional).toEqual({ rule: { id: 3 } });
    expect(ok('alert test 3 days:2').options).toMatchObject({ days: 2 });
    expect(ok('alert test connection_rate &lt; 40 campaign:1798316116 for:15m').positional).toEqual({ rule: { metric: 'connection_rate' }, op: '<', threshold: 40 });
    expect(fails('alert test 3 for:5m')).toMatch(/takes only `days:N`/);
    expect(fails('alert test waiting &gt; 20')).toMatch(/say what `waiting` is watched on/);
    expect(fails('alert')).toBe('`alert` needs one of `add`, `list`, `remove`, `mute`, `unmute`, `test`');
  });
});

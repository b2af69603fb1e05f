/** The command-table rows of `/aicc digest …`: arguments, usage and help text. */
import { channel, choice, csv, defineCommand, identifier, integer } from '../../slack/commands/spec.js';
import { campaignScope, timeOfDay, timeZone, weekdays } from './command-values.js';

const digestId = [{ name: 'id', value: integer({ min: 1, placeholder: 'ID' }), required: true, help: 'the digest number `digest list` shows' }] as const;

export const digestAddCommand = defineCommand({
  name: 'digest add',
  summary: 'Post a daily digest of campaign and bot figures to a channel',
  details:
    'Every option has a default: the current channel, `at:09:00`, `days:mon-fri`, the bot’s time zone, all campaigns of the VDN, no bots, `when:always`. ' +
    'Times follow the time zone, daylight saving included. With `when:changed` a digest is skipped when its figures are the same as the last one posted. ' +
    'Typed with no arguments, `digest add` opens a form with these fields and pickers (give any argument, e.g. `digest add at:09:00`, to subscribe at once).',
  positional: [{ name: 'channel', value: channel(), required: false, help: 'where to post it (default: this channel)' }],
  options: {
    at: { value: timeOfDay(), help: 'local time, 24-hour (default `09:00`)' },
    days: { value: weekdays(), help: '`daily`, `weekdays`, `weekends`, or days and ranges such as `mon-fri` or `mon,wed` (default `mon-fri`)' },
    tz: { value: timeZone(), help: 'IANA time zone, e.g. `Asia/Shanghai` (default: the bot’s)' },
    campaigns: { value: campaignScope(), help: 'campaign ids, comma-separated, or `all` (default)' },
    bots: { value: csv(identifier('CODE'), { placeholder: 'CODE,CODE', max: 50 }), help: 'voice-bot access codes to include' },
    when: { value: choice(['always', 'changed']), help: '`changed` skips a digest whose figures did not change (default `always`)' },
  },
  examples: ['digest add', 'digest add #ops at:08:30 days:daily tz:Asia/Shanghai', 'digest add #ops campaigns:1730021037,1598416168 bots:950287235549293680 when:changed'],
});

export const digestListCommand = defineCommand({
  name: 'digest list',
  shareable: true,
  summary: 'List digests with their schedule, next run and last delivery',
  positional: [{ name: 'channel', value: channel(), required: false, help: 'only the digests of this channel' }],
  options: {},
  vdn: false,
  examples: ['digest list', 'digest list #ops'],
});

export const digestRemoveCommand = defineCommand({
  name: 'digest remove',
  summary: 'Stop and delete a digest',
  positional: digestId,
  options: {},
  vdn: false,
  examples: ['digest remove 3'],
});

export const digestPauseCommand = defineCommand({
  name: 'digest pause',
  summary: 'Pause a digest; it keeps its settings',
  positional: digestId,
  options: {},
  vdn: false,
  examples: ['digest pause 3'],
});

export const digestResumeCommand = defineCommand({
  name: 'digest resume',
  summary: 'Resume a paused digest from its next scheduled time',
  positional: digestId,
  options: {},
  vdn: false,
  examples: ['digest resume 3'],
});

export const digestRunCommand = defineCommand({
  name: 'digest run',
  summary: 'Post a digest now, outside its schedule',
  positional: digestId,
  options: {},
  vdn: false,
  examples: ['digest run 3'],
});

/** These rows, in the order help lists them. */
export const DIGESTS_COMMANDS = [digestAddCommand, digestListCommand, digestRemoveCommand, digestPauseCommand, digestResumeCommand, digestRunCommand] as const;

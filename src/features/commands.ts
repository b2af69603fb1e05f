/**
 * The `/aicc` command table: the one place that says which commands exist, what they take, and how
 * they are described. Routing, validation, usage lines and help are all derived from it.
 *
 * Adding a command (including a two-word one such as `digest add`) is adding a row here and a
 * handler for it; nothing else needs to learn its name.
 */
import { alertMetric, alertTarget, checkAlertAdd, comparison, duration, mention, muteLength, thresholdValue } from './alerts/command-values.js';
import { campaignScope, channel, csv, timeOfDay, timeZone, weekdays } from './digests/command-values.js';
import { choice, defineCommand, identifier, integer, isoDate, text, type CommandInput } from '../slack/commands/spec.js';

export const helpCommand = defineCommand({
  name: 'help',
  summary: 'List the commands, or explain one',
  positional: [{ name: 'command', value: text({ placeholder: 'COMMAND', maxLength: 40 }), required: false, rest: true, help: 'a command name, e.g. `stats`' }],
  options: {},
  vdn: false,
  examples: ['help', 'help campaigns'],
});

export const campaignsCommand = defineCommand({
  name: 'campaigns',
  summary: 'List outbound campaigns with status, type, period and caller number',
  positional: [
    {
      name: 'status',
      value: choice(['running', 'paused', 'completed', 'all']),
      required: false,
      help: 'which campaigns to list (default `running`)',
    },
  ],
  options: {
    name: { value: text({ placeholder: 'TEXT', maxLength: 100 }), help: 'only names containing this text; quote it to include spaces' },
    type: { value: choice(['ivr', 'agent']), help: '`ivr` for voice-bot campaigns, `agent` for campaigns that dial for agents' },
    page: { value: integer({ min: 1, max: 1000 }), help: 'which page of results (default 1)' },
  },
  examples: ['campaigns', 'campaigns paused type:ivr', 'campaigns all name:"spring follow" page:2'],
});

export const statsCommand = defineCommand({
  name: 'stats',
  summary: "Today's and all-time dialling figures, per campaign or for one",
  details: 'Without CAMPAIGN_ID it covers every campaign of the VDN. The vendor allows one refresh every five minutes, so an answer may be a few minutes old; it says so.',
  positional: [{ name: 'campaignId', value: identifier('CAMPAIGN_ID'), required: false, help: 'one campaign (default: all)' }],
  options: {
    batch: { value: identifier('ID'), help: 'also show this batch of the campaign' },
  },
  examples: ['stats', 'stats 1798316116', 'stats 1798316116 batch:123456'],
  check: ({ positional, options }) =>
    options['batch'] !== undefined && positional['campaignId'] === undefined ? '`batch` needs a CAMPAIGN_ID' : undefined,
});

export const taskCommand = defineCommand({
  name: 'task',
  summary: 'Real-time progress of one outbound task (a campaign id)',
  positional: [{ name: 'taskId', value: identifier('TASK_ID', 30), required: true, help: 'the campaign id' }],
  options: {},
  examples: ['task 1798316116'],
});

export const callCommand = defineCommand({
  name: 'call',
  summary: 'The result of one call: outcome, codes, durations, times',
  positional: [{ name: 'callId', value: identifier('CALL_ID'), required: true, help: 'e.g. `1644464743-1388`' }],
  options: {},
  examples: ['call 1644464743-1388'],
});

export const botCommand = defineCommand({
  name: 'bot',
  summary: 'A voice bot’s traffic: self-service, transfers, turns, autonomy rate',
  positional: [
    { name: 'accessCode', value: identifier('ACCESS_CODE'), required: true, help: 'the bot’s access code' },
    { name: 'period', value: choice(['hour', 'day']), required: false, help: '`hour`: one day by hour (default); `day`: the 30 days before, by day' },
  ],
  options: {
    date: { value: isoDate(), help: 'the day to report (default today)' },
  },
  examples: ['bot 943370855474270208', 'bot 943370855474270208 day', 'bot 943370855474270208 hour date:2026-11-20'],
});

const digestId = [{ name: 'id', value: integer({ min: 1, placeholder: 'ID' }), required: true, help: 'the digest number `digest list` shows' }] as const;

export const digestAddCommand = defineCommand({
  name: 'digest add',
  summary: 'Post a daily digest of campaign and bot figures to a channel',
  details:
    'Every option has a default: the current channel, `at:09:00`, `days:mon-fri`, the bot’s time zone, all campaigns of the VDN, no bots, `when:always`. ' +
    'Times follow the time zone, daylight saving included. With `when:changed` a digest is skipped when its figures are the same as the last one posted.',
  positional: [{ name: 'channel', value: channel(), required: false, help: 'where to post it (default: this channel)' }],
  options: {
    at: { value: timeOfDay(), help: 'local time, 24-hour (default `09:00`)' },
    days: { value: weekdays(), help: '`daily`, `weekdays`, `weekends`, or days and ranges such as `mon-fri` or `mon,wed` (default `mon-fri`)' },
    tz: { value: timeZone(), help: 'IANA time zone, e.g. `Asia/Shanghai` (default: the bot’s)' },
    campaigns: { value: campaignScope(), help: 'campaign ids, comma-separated, or `all` (default)' },
    bots: { value: csv(identifier('CODE'), { placeholder: 'CODE,CODE', max: 50 }), help: 'voice-bot access codes to include' },
    when: { value: choice(['always', 'changed']), help: '`changed` skips a digest whose figures did not change (default `always`)' },
  },
  examples: ['digest add', 'digest add #ops at:08:30 days:daily tz:Asia/Shanghai', 'digest add #ops campaigns:1798316116,1798316117 bots:943370855474270208 when:changed'],
});

export const digestListCommand = defineCommand({
  name: 'digest list',
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

const alertId = { name: 'id', value: integer({ min: 1, placeholder: 'ID' }), required: true, help: 'the alert rule number `alert list` shows' } as const;

export const alertAddCommand = defineCommand({
  name: 'alert add',
  summary: 'Alert a channel when a campaign or voice-bot metric crosses a threshold',
  details:
    'Metrics: `success_rate` (connected / dialled today, statistics), `connect_rate` and `completion_rate` (CMS real-time), `waiting` (calls waiting, CMS), ' +
    '`autonomy_rate` and `interface_success_rate` (voice bots, OIFDE, today so far). Rates are in percent: `success_rate &lt; 40` means 40%. ' +
    'Defaults: `min:50` (no verdict on fewer dialled or bot calls today), `for:10m`, `clear` 5 points on the healthy side (for `waiting`, 5 calls or a tenth of the threshold, whichever is more), `repeat:4h`, this channel. ' +
    'An alert posts one message and keeps its updates in that message’s thread.',
  positional: [
    { name: 'metric', value: alertMetric(), required: true, help: '`success_rate`, `connect_rate`, `completion_rate`, `waiting`, `autonomy_rate` or `interface_success_rate`' },
    { name: 'op', value: comparison(), required: true, help: 'fire when the value is `&lt;`, `&lt;=`, `&gt;` or `&gt;=` the threshold' },
    { name: 'threshold', value: thresholdValue(), required: true, help: 'rates in percent (`40` or `40%`), `waiting` in calls' },
    { name: 'target', value: alertTarget(), required: false, rest: true, help: '`all` (every running campaign of the VDN, or every bot named in rules) and/or the channel to post to (default: this one)' },
  ],
  options: {
    campaign: { value: identifier('ID'), help: 'the campaign to watch' },
    bot: { value: identifier('CODE'), help: 'the voice bot (access code) to watch' },
    min: { value: integer({ min: 0, max: 1_000_000 }), help: 'no verdict below this many dialled (or bot) calls today (default 50)' },
    for: { value: duration({ max: 86_400 }), help: 'how long the threshold must be crossed before firing (default `10m`)' },
    clear: { value: thresholdValue('VALUE'), help: 'the value at which a firing alert resolves (default: 5 points on the healthy side)' },
    repeat: { value: duration({ max: 7 * 86_400, allowOff: true }), help: 'remind in the thread this often while firing (default `4h`; `off` for never)' },
    mention: { value: mention(), help: 'who to notify, picked from Slack’s @ suggestions' },
  },
  // Written as Slack sends them (and as help shows them): `<` is a mrkdwn control character.
  examples: ['alert add success_rate &lt; 40 campaign:1798316116', 'alert add connect_rate &lt; 30% all for:15m clear:35 #ops mention:@oncall', 'alert add waiting &gt; 20 all', 'alert add interface_success_rate &lt; 90 bot:943370855474270208 repeat:1h'],
  check: checkAlertAdd,
});

export const alertListCommand = defineCommand({
  name: 'alert list',
  summary: 'List alert rules with their current state',
  positional: [{ name: 'channel', value: channel(), required: false, help: 'only the rules posting to this channel' }],
  options: {},
  vdn: false,
  examples: ['alert list', 'alert list #ops'],
});

export const alertRemoveCommand = defineCommand({
  name: 'alert remove',
  summary: 'Delete an alert rule',
  positional: [alertId],
  options: {},
  vdn: false,
  examples: ['alert remove 3'],
});

export const alertMuteCommand = defineCommand({
  name: 'alert mute',
  summary: 'Mute an alert rule for a while: it is still evaluated but posts nothing',
  positional: [alertId, { name: 'length', value: muteLength(), required: true, help: 'e.g. `2h`, `30m`, or `tomorrow` (the next midnight)' }],
  options: {},
  vdn: false,
  examples: ['alert mute 3 2h', 'alert mute 3 tomorrow'],
});

export const alertUnmuteCommand = defineCommand({
  name: 'alert unmute',
  summary: 'Unmute an alert rule; a still-firing alert gets one reminder',
  positional: [alertId],
  options: {},
  vdn: false,
  examples: ['alert unmute 3'],
});

export const alertTestCommand = defineCommand({
  name: 'alert test',
  summary: 'Evaluate an alert rule now and say what it would do',
  positional: [alertId],
  options: {},
  vdn: false,
  examples: ['alert test 3'],
});

export const statusCommand = defineCommand({
  name: 'status',
  summary: 'Bot health: collector health, next digests, recent deliveries',
  positional: [],
  options: {},
  vdn: false,
  examples: ['status'],
});

/** Every `/aicc` command, in the order help lists them. */
export const COMMANDS = [
  helpCommand,
  campaignsCommand,
  statsCommand,
  taskCommand,
  callCommand,
  botCommand,
  digestAddCommand,
  digestListCommand,
  digestRemoveCommand,
  digestPauseCommand,
  digestResumeCommand,
  digestRunCommand,
  alertAddCommand,
  alertListCommand,
  alertRemoveCommand,
  alertMuteCommand,
  alertUnmuteCommand,
  alertTestCommand,
  statusCommand,
] as const;

export type Commands = typeof COMMANDS;
/** The name of a command of {@link COMMANDS}. */
export type CommandName = Commands[number]['name'];
/** What a handler of `/aicc NAME` receives, typed: `AiccInput<'campaigns'>['options']['page']` is `number | undefined`. */
export type AiccInput<N extends CommandName> = CommandInput<Commands, N>;

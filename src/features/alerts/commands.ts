/** The command-table rows of `/aicc alert …`: arguments, usage and help text. */
import { channel, defineCommand, identifier, integer } from '../../slack/commands/spec.js';
import { alertMetric, alertTarget, checkAlertAdd, checkAlertTest, comparison, duration, mention, muteLength, ruleOrMetric, thresholdValue } from './command-values.js';

const alertId = { name: 'id', value: integer({ min: 1, placeholder: 'ID' }), required: true, help: 'the alert rule number `alert list` shows' } as const;

export const alertAddCommand = defineCommand({
  name: 'alert add',
  summary: 'Alert a channel when a campaign or voice-bot metric crosses a threshold',
  details:
    'Metrics: `connection_rate` (connected ÷ dialled today, statistics), `task_connection_rate` and `completion_rate` (CMS real-time), `waiting` (calls waiting, CMS), ' +
    '`autonomy_rate` and `interface_success_rate` (voice bots, OIFDE, today so far). Rates are in percent: `connection_rate &lt; 40` means 40%. ' +
    'Defaults: `min:50` (no verdict on fewer dialled or bot calls today), `for:10m`, `clear` 5 points on the healthy side (for `waiting`, 5 calls or a tenth of the threshold, whichever is more), `repeat:4h`, this channel. ' +
    'An alert posts one message and keeps its updates in that message’s thread. ' +
    'Typed with no arguments, `alert add` opens a form with pickers and a preview of what the rule would have done; `alert test METRIC OP THRESHOLD …` shows that without saving.',
  positional: [
    { name: 'metric', value: alertMetric(), required: true, help: '`connection_rate` (formerly `success_rate`), `task_connection_rate` (formerly `connect_rate`), `completion_rate`, `waiting`, `autonomy_rate` or `interface_success_rate`' },
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
  examples: ['alert add connection_rate &lt; 40 campaign:1730021037', 'alert add task_connection_rate &lt; 30% all for:15m clear:35 #ops mention:@oncall', 'alert add waiting &gt; 20 all', 'alert add interface_success_rate &lt; 90 bot:950287235549293680 repeat:1h'],
  check: checkAlertAdd,
});

export const alertListCommand = defineCommand({
  name: 'alert list',
  shareable: true,
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
  summary: 'Evaluate an alert rule now, and replay it over the stored history before or after saving it',
  details:
    '`alert test ID` says what rule ID would do now and what it did over the stored history. ' +
    '`alert test METRIC OP THRESHOLD …` takes a rule as `alert add` does, without saving it, and replays it over the stored snapshots ' +
    '(default the last 7 days, at most RETENTION_DAYS) through the same state machine as the live alerts: the incidents, when each fired and resolved, ' +
    'how long it stayed firing, what it would have posted, and how many hours the data was missing.',
  positional: [
    { name: 'rule', value: ruleOrMetric(), required: true, help: 'the alert rule number `alert list` shows, or a metric as in `alert add`' },
    { name: 'op', value: comparison(), required: false, help: 'with a metric: `&lt;`, `&lt;=`, `&gt;` or `&gt;=`' },
    { name: 'threshold', value: thresholdValue(), required: false, help: 'with a metric: the threshold, as in `alert add`' },
    { name: 'target', value: alertTarget(), required: false, rest: true, help: 'with a metric: `all` (a channel is accepted and ignored)' },
  ],
  options: {
    campaign: alertAddCommand.options.campaign,
    bot: alertAddCommand.options.bot,
    min: alertAddCommand.options.min,
    for: alertAddCommand.options.for,
    clear: alertAddCommand.options.clear,
    repeat: alertAddCommand.options.repeat,
    days: { value: integer({ min: 1, max: 400 }), help: 'how many days back to replay (default 7, at most RETENTION_DAYS)' },
  },
  examples: ['alert test 3', 'alert test connection_rate &lt; 40 campaign:1730021037 for:15m', 'alert test waiting &gt; 20 all days:2'],
  check: checkAlertTest,
});

/** These rows, in the order help lists them. */
export const ALERTS_COMMANDS = [alertAddCommand, alertListCommand, alertRemoveCommand, alertMuteCommand, alertUnmuteCommand, alertTestCommand] as const;

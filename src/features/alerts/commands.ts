/** The command-table rows of `/aicc alert …`: arguments, usage and help text. */
import { channel, defineCommand, identifier, integer } from '../../slack/commands/spec.js';
import { postLanguage } from '../../slack/language-input.js';
import { alertMetric, alertTarget, checkAlertAdd, checkAlertTest, comparison, duration, mention, muteLength, ruleOrMetric, thresholdValue } from './command-values.js';

const alertId = { name: 'id', value: integer({ min: 1, placeholder: 'ID' }), required: true, help: 'help.alert.arg.id' } as const;

export const alertAddCommand = defineCommand({
  name: 'alert add',
  summary: 'help.alert.add.summary',
  details: 'help.alert.add.details',
  positional: [
    { name: 'metric', value: alertMetric(), required: true, help: 'help.alert.add.arg.metric' },
    { name: 'op', value: comparison(), required: true, help: 'help.alert.add.arg.op' },
    { name: 'threshold', value: thresholdValue(), required: true, help: 'help.alert.add.arg.threshold' },
    { name: 'target', value: alertTarget(), required: false, rest: true, help: 'help.alert.add.arg.target' },
  ],
  options: {
    campaign: { value: identifier('ID'), help: 'help.option.campaign' },
    bot: { value: identifier('CODE'), help: 'help.option.bot' },
    min: { value: integer({ min: 0, max: 1_000_000 }), help: 'help.option.min' },
    for: { value: duration({ max: 86_400 }), help: 'help.option.for' },
    clear: { value: thresholdValue('VALUE'), help: 'help.option.clear' },
    repeat: { value: duration({ max: 7 * 86_400, allowOff: true }), help: 'help.option.repeat' },
    mention: { value: mention(), help: 'help.option.mention' },
    lang: { value: postLanguage(), help: 'help.option.lang' },
  },
  // Written as Slack sends them (and as help shows them): `<` is a mrkdwn control character.
  examples: ['alert add connection_rate &lt; 40 campaign:1730021037', 'alert add task_connection_rate &lt; 30% all for:15m clear:35 #ops mention:@oncall', 'alert add waiting &gt; 20 all', 'alert add interface_success_rate &lt; 90 bot:950287235549293680 repeat:1h'],
  check: checkAlertAdd,
});

export const alertListCommand = defineCommand({
  name: 'alert list',
  shareable: true,
  summary: 'help.alert.list.summary',
  positional: [{ name: 'channel', value: channel(), required: false, help: 'help.alert.list.arg.channel' }],
  options: {},
  vdn: false,
  examples: ['alert list', 'alert list #ops'],
});

export const alertRemoveCommand = defineCommand({
  name: 'alert remove',
  summary: 'help.alert.remove.summary',
  positional: [alertId],
  options: {},
  vdn: false,
  examples: ['alert remove 3'],
});

export const alertMuteCommand = defineCommand({
  name: 'alert mute',
  summary: 'help.alert.mute.summary',
  positional: [alertId, { name: 'length', value: muteLength(), required: true, help: 'help.alert.mute.arg.length' }],
  options: {},
  vdn: false,
  examples: ['alert mute 3 2h', 'alert mute 3 tomorrow'],
});

export const alertUnmuteCommand = defineCommand({
  name: 'alert unmute',
  summary: 'help.alert.unmute.summary',
  positional: [alertId],
  options: {},
  vdn: false,
  examples: ['alert unmute 3'],
});

export const alertTestCommand = defineCommand({
  name: 'alert test',
  summary: 'help.alert.test.summary',
  details: 'help.alert.test.details',
  positional: [
    { name: 'rule', value: ruleOrMetric(), required: true, help: 'help.alert.test.arg.rule' },
    { name: 'op', value: comparison(), required: false, help: 'help.alert.test.arg.op' },
    { name: 'threshold', value: thresholdValue(), required: false, help: 'help.alert.test.arg.threshold' },
    { name: 'target', value: alertTarget(), required: false, rest: true, help: 'help.alert.test.arg.target' },
  ],
  options: {
    campaign: alertAddCommand.options.campaign,
    bot: alertAddCommand.options.bot,
    min: alertAddCommand.options.min,
    for: alertAddCommand.options.for,
    clear: alertAddCommand.options.clear,
    repeat: alertAddCommand.options.repeat,
    days: { value: integer({ min: 1, max: 400 }), help: 'help.alert.test.option.days' },
  },
  examples: ['alert test 3', 'alert test connection_rate &lt; 40 campaign:1730021037 for:15m', 'alert test waiting &gt; 20 all days:2'],
  check: checkAlertTest,
});

/** These rows, in the order help lists them. */
export const ALERTS_COMMANDS = [alertAddCommand, alertListCommand, alertRemoveCommand, alertMuteCommand, alertUnmuteCommand, alertTestCommand] as const;

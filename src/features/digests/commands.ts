/** The command-table rows of `/aicc digest …`: arguments, usage and help text. */
import { channel, choice, csv, defineCommand, identifier, integer } from '../../slack/commands/spec.js';
import { postLanguage } from '../../slack/language-input.js';
import { campaignScope, timeOfDay, timeZone, weekdays } from './command-values.js';

const digestId = [{ name: 'id', value: integer({ min: 1, placeholder: 'ID' }), required: true, help: 'help.digest.arg.id' }] as const;

export const digestAddCommand = defineCommand({
  name: 'digest add',
  summary: 'help.digest.add.summary',
  details: 'help.digest.add.details',
  positional: [{ name: 'channel', value: channel(), required: false, help: 'help.digest.add.arg.channel' }],
  options: {
    at: { value: timeOfDay(), help: 'help.option.at' },
    days: { value: weekdays(), help: 'help.digest.add.option.days' },
    tz: { value: timeZone(), help: 'help.option.tz' },
    campaigns: { value: campaignScope(), help: 'help.option.campaigns' },
    bots: { value: csv(identifier('CODE'), { placeholder: 'CODE,CODE', max: 50 }), help: 'help.option.bots' },
    when: { value: choice(['always', 'changed']), help: 'help.option.when' },
    lang: { value: postLanguage(), help: 'help.option.lang' },
  },
  examples: ['digest add', 'digest add #ops at:08:30 days:daily tz:Asia/Shanghai', 'digest add #ops campaigns:1730021037,1598416168 bots:950287235549293680 when:changed'],
});

export const digestListCommand = defineCommand({
  name: 'digest list',
  shareable: true,
  summary: 'help.digest.list.summary',
  positional: [{ name: 'channel', value: channel(), required: false, help: 'help.digest.list.arg.channel' }],
  options: {},
  vdn: false,
  examples: ['digest list', 'digest list #ops'],
});

export const digestRemoveCommand = defineCommand({
  name: 'digest remove',
  summary: 'help.digest.remove.summary',
  positional: digestId,
  options: {},
  vdn: false,
  examples: ['digest remove 3'],
});

export const digestPauseCommand = defineCommand({
  name: 'digest pause',
  summary: 'help.digest.pause.summary',
  positional: digestId,
  options: {},
  vdn: false,
  examples: ['digest pause 3'],
});

export const digestResumeCommand = defineCommand({
  name: 'digest resume',
  summary: 'help.digest.resume.summary',
  positional: digestId,
  options: {},
  vdn: false,
  examples: ['digest resume 3'],
});

export const digestRunCommand = defineCommand({
  name: 'digest run',
  summary: 'help.digest.run.summary',
  positional: digestId,
  options: {},
  vdn: false,
  examples: ['digest run 3'],
});

/** These rows, in the order help lists them. */
export const DIGESTS_COMMANDS = [digestAddCommand, digestListCommand, digestRemoveCommand, digestPauseCommand, digestResumeCommand, digestRunCommand] as const;

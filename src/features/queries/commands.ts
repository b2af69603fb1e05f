/** The command-table rows of the query commands (campaigns, stats, task, call, bot): arguments, usage and help text. */
import { choice, defineCommand, identifier, integer, isoDate, text } from '../../slack/commands/spec.js';

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

/** These rows, in the order help lists them. */
export const QUERIES_COMMANDS = [campaignsCommand, statsCommand, taskCommand, callCommand, botCommand] as const;

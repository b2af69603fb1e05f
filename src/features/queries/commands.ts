/** The command-table rows of the query commands (campaigns, stats, task, call, bot): arguments, usage and help text. */
import { choice, defineCommand, identifier, integer, isoDate, pattern, text } from '../../slack/commands/spec.js';

export const campaignsCommand = defineCommand({
  name: 'campaigns',
  shareable: true,
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
  shareable: true,
  summary: "Today's and all-time dialling figures, per campaign or for one",
  details: 'Without CAMPAIGN_ID it covers every campaign of the VDN. The vendor allows one refresh every five minutes, so an answer may be a few minutes old; it says so.',
  positional: [{ name: 'campaignId', value: identifier('CAMPAIGN_ID'), required: false, help: 'one campaign (default: all)' }],
  options: {
    batch: { value: identifier('ID'), help: 'also show this batch of the campaign' },
  },
  examples: ['stats', 'stats 1730021037', 'stats 1730021037 batch:883429'],
  check: ({ positional, options }) =>
    options['batch'] !== undefined && positional['campaignId'] === undefined ? '`batch` needs a CAMPAIGN_ID' : undefined,
});

export const taskCommand = defineCommand({
  name: 'task',
  shareable: true,
  summary: 'Real-time progress of one outbound task (a campaign id)',
  positional: [{ name: 'taskId', value: identifier('TASK_ID', 30), required: true, help: 'the campaign id' }],
  options: {},
  examples: ['task 1730021037'],
});

export const callCommand = defineCommand({
  name: 'call',
  shareable: true,
  summary: 'The result of one call: outcome, codes, durations, times',
  // AICC call ids are the CTI's `<seconds>-<sequence>`; anything else is refused before AICC is asked.
  positional: [{ name: 'callId', value: pattern(/^\d{6,20}-\d{1,20}$/, 'CALL_ID', 'a call id such as `1644464743-1388` (digits, a dash, digits)'), required: true, help: 'e.g. `1644464743-1388`' }],
  options: {},
  examples: ['call 1644464743-1388'],
});

export const botCommand = defineCommand({
  name: 'bot',
  shareable: true,
  summary: 'A voice bot’s traffic: self-service, transfers, turns, autonomy rate',
  positional: [
    { name: 'accessCode', value: identifier('ACCESS_CODE'), required: true, help: 'the bot’s access code' },
    { name: 'period', value: choice(['hour', 'day']), required: false, help: '`hour`: one day by hour (default); `day`: the 30 days before `date`, one line a day' },
  ],
  options: {
    date: { value: isoDate(), help: 'with `hour`, the day to report; with `day`, the day the 30 days lead up to (default today)' },
  },
  examples: ['bot 950287235549293680', 'bot 950287235549293680 day', 'bot 950287235549293680 hour date:2026-11-20'],
});

/** These rows, in the order help lists them. */
export const QUERIES_COMMANDS = [campaignsCommand, statsCommand, taskCommand, callCommand, botCommand] as const;

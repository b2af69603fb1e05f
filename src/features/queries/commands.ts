/** The command-table rows of the query commands (campaigns, stats, task, call, bot): arguments, usage and help text. */
import { msg } from '../../slack/commands/message.js';
import { choice, defineCommand, identifier, integer, isoDate, pattern, text } from '../../slack/commands/spec.js';

export const campaignsCommand = defineCommand({
  name: 'campaigns',
  shareable: true,
  summary: 'help.campaigns.summary',
  positional: [
    {
      name: 'status',
      value: choice(['running', 'paused', 'completed', 'all']),
      required: false,
      help: 'help.campaigns.arg.status',
    },
  ],
  options: {
    name: { value: text({ placeholder: 'TEXT', maxLength: 100 }), help: 'help.option.name' },
    type: { value: choice(['ivr', 'agent']), help: 'help.option.type' },
    page: { value: integer({ min: 1, max: 1000 }), help: 'help.option.page' },
  },
  examples: ['campaigns', 'campaigns paused type:ivr', 'campaigns all name:"spring follow" page:2'],
});

export const statsCommand = defineCommand({
  name: 'stats',
  shareable: true,
  summary: 'help.stats.summary',
  details: 'help.stats.details',
  positional: [{ name: 'campaignId', value: identifier('CAMPAIGN_ID'), required: false, help: 'help.stats.arg.campaignId' }],
  options: {
    batch: { value: identifier('ID'), help: 'help.option.batch' },
  },
  examples: ['stats', 'stats 1730021037', 'stats 1730021037 batch:883429'],
  check: ({ positional, options }) =>
    options['batch'] !== undefined && positional['campaignId'] === undefined ? msg('errors.usage.batchNeedsCampaign') : undefined,
});

export const taskCommand = defineCommand({
  name: 'task',
  shareable: true,
  summary: 'help.task.summary',
  positional: [{ name: 'taskId', value: identifier('TASK_ID', 30), required: true, help: 'help.task.arg.taskId' }],
  options: {},
  examples: ['task 1730021037'],
});

export const callCommand = defineCommand({
  name: 'call',
  shareable: true,
  summary: 'help.call.summary',
  // AICC call ids are the CTI's `<seconds>-<sequence>`; anything else is refused before AICC is asked.
  positional: [{ name: 'callId', value: pattern(/^\d{6,20}-\d{1,20}$/, 'CALL_ID', msg('help.expected.callId')), required: true, help: 'help.call.arg.callId' }],
  options: {},
  examples: ['call 1644464743-1388'],
});

export const botCommand = defineCommand({
  name: 'bot',
  shareable: true,
  summary: 'help.bot.summary',
  positional: [
    { name: 'accessCode', value: identifier('ACCESS_CODE'), required: true, help: 'help.bot.arg.accessCode' },
    { name: 'period', value: choice(['hour', 'day']), required: false, help: 'help.bot.arg.period' },
  ],
  options: {
    date: { value: isoDate(), help: 'help.option.date' },
  },
  examples: ['bot 950287235549293680', 'bot 950287235549293680 day', 'bot 950287235549293680 hour date:2026-11-20'],
});

/** These rows, in the order help lists them. */
export const QUERIES_COMMANDS = [campaignsCommand, statsCommand, taskCommand, callCommand, botCommand] as const;

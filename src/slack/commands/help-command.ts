/** `/aicc help`: answered by the runner from the command table itself. */
import { defineCommand, text } from './spec.js';

export const helpCommand = defineCommand({
  name: 'help',
  summary: 'help.help.summary',
  positional: [{ name: 'command', value: text({ placeholder: 'COMMAND', maxLength: 40 }), required: false, rest: true, help: 'help.help.arg.command' }],
  options: {},
  vdn: false,
  examples: ['help', 'help campaigns'], // i18n-ok: command words
});

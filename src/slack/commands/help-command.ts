/** `/aicc help`: answered by the runner from the command table itself. */
import { defineCommand, text } from './spec.js';

export const helpCommand = defineCommand({
  name: 'help',
  summary: 'List the commands, or explain one',
  positional: [{ name: 'command', value: text({ placeholder: 'COMMAND', maxLength: 40 }), required: false, rest: true, help: 'a command name, e.g. `stats`' }],
  options: {},
  vdn: false,
  examples: ['help', 'help campaigns'],
});

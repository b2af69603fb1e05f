/** The command-table row of `/aicc lang`: which language answers and posts are written in. */
import { defineCommand, text } from '../../slack/commands/spec.js';

export const langCommand = defineCommand({
  name: 'lang',
  summary: 'help.lang.summary',
  details: 'help.lang.details',
  positional: [
    { name: 'target', value: text({ placeholder: 'LANG|me|default', maxLength: 20 }), required: false, help: 'help.lang.arg.target' },
    { name: 'choice', value: text({ placeholder: 'LANG|auto', maxLength: 20 }), required: false, help: 'help.lang.arg.choice' },
  ],
  options: {},
  vdn: false,
  examples: ['lang', 'lang zh-CN', 'lang default', 'lang me pt-BR', 'lang me auto'],
});

/** These rows, in the order help lists them. */
export const LANGUAGE_COMMANDS = [langCommand] as const;

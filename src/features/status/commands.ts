/** The command-table rows of `/aicc status`: arguments, usage and help text. */
import { defineCommand } from '../../slack/commands/spec.js';

export const statusCommand = defineCommand({
  name: 'status',
  shareable: true,
  summary: 'help.status.summary',
  positional: [],
  options: {},
  vdn: false,
  examples: ['status'],
});

/** These rows, in the order help lists them. */
export const STATUS_COMMANDS = [statusCommand] as const;

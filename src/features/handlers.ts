/**
 * Which function answers which command. The names come from the command table, so a command
 * without a handler does not compile.
 */
import type { AiccInput, CommandName } from './commands.js';
import { handleBot } from './queries/bot.js';
import { handleCall } from './queries/call.js';
import { handleCampaigns } from './queries/campaigns.js';
import { handleStats } from './queries/stats.js';
import { handleTask } from './queries/task.js';
import { handleDigestAdd } from './digests/handle-add.js';
import { handleDigestList } from './digests/handle-list.js';
import { handleDigestPause, handleDigestRemove, handleDigestResume, handleDigestRun } from './digests/handle-manage.js';
import { handleStatus } from './status/handle-status.js';
import { handleAlertAdd } from './alerts/handle-add.js';
import { handleAlertList } from './alerts/handle-list.js';
import { handleAlertMute, handleAlertRemove, handleAlertUnmute } from './alerts/handle-manage.js';
import { handleAlertTest } from './alerts/handle-test.js';
import type { HandlerDeps, HandlerResult, Invocation } from '../slack/commands/handler.js';

type Handler<N extends CommandName> = (input: AiccInput<N>, inv: Invocation, deps: HandlerDeps) => Promise<HandlerResult>;

/** Data commands; `help` is answered by the runner from the table itself. */
export const HANDLERS: { [N in Exclude<CommandName, 'help'>]: Handler<N> } = {
  campaigns: handleCampaigns,
  stats: handleStats,
  task: handleTask,
  call: handleCall,
  bot: handleBot,
  'digest add': handleDigestAdd,
  'digest list': handleDigestList,
  'digest remove': handleDigestRemove,
  'digest pause': handleDigestPause,
  'digest resume': handleDigestResume,
  'digest run': handleDigestRun,
  'alert add': handleAlertAdd,
  'alert list': handleAlertList,
  'alert remove': handleAlertRemove,
  'alert mute': handleAlertMute,
  'alert unmute': handleAlertUnmute,
  'alert test': handleAlertTest,
  status: handleStatus,
};

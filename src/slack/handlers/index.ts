/**
 * Which function answers which command. The names come from the command table, so a command
 * without a handler does not compile.
 */
import type { AiccInput, CommandName } from '../commands/table.js';
import { handleBot } from './bot.js';
import { handleCall } from './call.js';
import { handleCampaigns } from './campaigns.js';
import { handleStats } from './stats.js';
import { handleTask } from './task.js';
import { handleDigestAdd } from './digest-add.js';
import { handleDigestList } from './digest-list.js';
import { handleDigestPause, handleDigestRemove, handleDigestResume, handleDigestRun } from './digest-manage.js';
import { handleStatus } from './status.js';
import { handleAlertAdd } from './alert-add.js';
import { handleAlertList } from './alert-list.js';
import { handleAlertMute, handleAlertRemove, handleAlertUnmute } from './alert-manage.js';
import { handleAlertTest } from './alert-test.js';
import type { HandlerDeps, HandlerResult, Invocation } from './types.js';

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

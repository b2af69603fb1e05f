/** Queries: `/aicc campaigns|stats|task|call|bot` and the campaign list's Prev/Next buttons. */
import type { ActionRegistry } from '../../slack/actions.js';
import { handleBot } from './bot.js';
import { handleCall } from './call.js';
import { handleCampaigns } from './campaigns.js';
import { registerCampaignsPaging } from './campaigns-paging.js';
import type { QueriesDeps } from './deps.js';
import { handleStats } from './stats.js';
import { handleTask } from './task.js';

export { QUERIES_COMMANDS } from './commands.js';
export { createCampaignDirectory, type CampaignDirectory } from './campaign-directory.js';
export { createTaskRealtimeQuery } from './task-realtime.js';
export type { QueriesDeps } from './deps.js';

export const QUERIES_HANDLERS = { campaigns: handleCampaigns, stats: handleStats, task: handleTask, call: handleCall, bot: handleBot };

export function registerQueriesActions(actions: ActionRegistry, deps: QueriesDeps): void {
  registerCampaignsPaging(actions, deps);
}

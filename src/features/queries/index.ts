/** Queries: `/aicc campaigns|stats|task|call|bot`, the campaign list's Prev/Next buttons, and the campaign and voice-bot pickers forms use. */
import type { ActionRegistry } from '../../slack/actions.js';
import { handleBot } from './bot.js';
import { handleCall } from './call.js';
import { handleCampaigns } from './campaigns.js';
import { registerCampaignsPaging } from './campaigns-paging.js';
import type { QueriesDeps } from './deps.js';
import { handleStats } from './stats.js';
import { handleTask } from './task.js';
import { registerPickers } from './pickers.js';

export { QUERIES_COMMANDS } from './commands.js';
export { createCampaignDirectory, type CampaignDirectory } from './campaign-directory.js';
export { createTaskRealtimeQuery } from './task-realtime.js';
export type { QueriesDeps } from './deps.js';
export { BOT_PICK_ACTION, CAMPAIGN_PICK_ACTION, botChoices, campaignChoice, campaignChoices, campaignPickValue, decodeCampaignPick } from './pickers.js';

export const QUERIES_HANDLERS = { campaigns: handleCampaigns, stats: handleStats, task: handleTask, call: handleCall, bot: handleBot };

export function registerQueriesActions(actions: ActionRegistry, deps: QueriesDeps): void {
  registerCampaignsPaging(actions, deps);
  registerPickers(actions, deps);
}

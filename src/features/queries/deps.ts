/** What the query commands (campaigns, stats, task, call, bot) need. */
import type { Aicc } from '../../aicc/index.js';
import type { CommandContext } from '../../slack/commands/handler.js';
import type { CampaignDirectory } from './campaign-directory.js';
import type { TaskRealtimeQuery } from './task-realtime.js';

export interface QueriesDeps extends CommandContext {
  aicc: Aicc;
  directory: CampaignDirectory;
  /** CMS real-time per task, shared among concurrent and recent identical requests. */
  tasks: TaskRealtimeQuery;
  maskNumbers: boolean;
}

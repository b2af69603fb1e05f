/** Registers every listener on the app. */
import type { App } from '@slack/bolt';
import type { RunnerDeps } from '../run-command.js';
import { registerAiccCommand } from './aicc-command.js';
import { registerCampaignsPaging } from './campaigns-paging.js';
import { registerShareAction } from './share-action.js';
import { CAMPAIGNS_NEXT_ACTION, CAMPAIGNS_PREV_ACTION } from '../render/campaigns.js';
import { SHARE_ACTION_ID } from '../render/share.js';

/** Action ids some listener handles; anything else is acknowledged and ignored. */
const KNOWN_ACTIONS = [SHARE_ACTION_ID, CAMPAIGNS_PREV_ACTION, CAMPAIGNS_NEXT_ACTION];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNKNOWN_ACTION = new RegExp(`^(?!(?:${KNOWN_ACTIONS.map(escapeRe).join('|')})$)`);

export function registerListeners(app: App, deps: RunnerDeps): void {
  registerAiccCommand(app, deps);
  registerShareAction(app, deps);
  registerCampaignsPaging(app, deps);
  // Buttons the bot no longer knows (an old message after an upgrade) are acknowledged, not left to time out.
  app.action(UNKNOWN_ACTION, async ({ ack }) => {
    await ack();
  });
  app.error(async (error) => {
    deps.log.error('unhandled listener error', { error: error.message, code: error.code });
  });
}

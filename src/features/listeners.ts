/** Registers every listener on the app. */
import type { App } from '@slack/bolt';
import type { RunnerDeps } from '../slack/commands/run.js';
import { registerAiccCommand } from '../slack/commands/listener.js';
import { registerAlertActions } from './alerts/buttons.js';
import { registerCampaignsPaging } from './queries/campaigns-paging.js';
import { registerDigestActions } from './digests/run-button.js';
import { registerShareAction } from '../slack/share-action.js';
import { CAMPAIGNS_NEXT_ACTION, CAMPAIGNS_PREV_ACTION } from './queries/render-campaigns.js';
import { SHARE_ACTION_ID } from '../slack/render/share.js';
import { ALERT_ACTIONS } from './alerts/render.js';
import { DIGEST_RUN_ACTION } from './digests/render-list.js';
import { isRejectedRequest, requestGate } from '../slack/request-gate.js';

/** Action ids some listener handles; the request gate answers 400 to any other. */
const KNOWN_ACTIONS = [SHARE_ACTION_ID, CAMPAIGNS_PREV_ACTION, CAMPAIGNS_NEXT_ACTION, ...ALERT_ACTIONS, DIGEST_RUN_ACTION];

export function registerListeners(app: App, deps: RunnerDeps): void {
  app.use(requestGate({ command: '/aicc', knownActions: () => KNOWN_ACTIONS }));
  registerAiccCommand(app, deps);
  registerShareAction(app, deps);
  registerCampaignsPaging(app, deps);
  registerAlertActions(app, deps);
  registerDigestActions(app, deps);
  app.error(async (error) => {
    // Rethrown so the receiver answers 400 (see app.ts); everything else is logged here.
    if (isRejectedRequest(error)) throw error;
    deps.log.error('unhandled listener error', { error: error.message, code: error.code });
  });
}

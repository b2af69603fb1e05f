/** Registers every listener on the app. */
import type { App } from '@slack/bolt';
import type { RunnerDeps } from '../run-command.js';
import { registerAiccCommand } from './aicc-command.js';
import { registerAlertActions } from './alert-actions.js';
import { registerCampaignsPaging } from './campaigns-paging.js';
import { registerDigestActions } from './digest-actions.js';
import { registerShareAction } from './share-action.js';
import { CAMPAIGNS_NEXT_ACTION, CAMPAIGNS_PREV_ACTION } from '../render/campaigns.js';
import { SHARE_ACTION_ID } from '../render/share.js';
import { ALERT_ACTIONS } from '../render/alert.js';
import { DIGEST_RUN_ACTION } from '../../digest/render-list.js';
import { isRejectedRequest, requestGate } from '../request-gate.js';

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

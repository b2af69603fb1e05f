/** Threshold alerts: `/aicc alert …`, the alert buttons and forms, the backtest, and the engine that evaluates and notifies. */
import { handleAlertAdd } from './handle-add.js';
import { handleAlertList } from './handle-list.js';
import { handleAlertMute, handleAlertRemove, handleAlertUnmute } from './handle-manage.js';
import { handleAlertTest } from './handle-test.js';

export { ALERTS_COMMANDS } from './commands.js';
export { registerAlertsListeners as registerAlertsActions } from './register.js';
export { openAlertFormFromCommand, type AlertFormDeps } from './form-listeners.js';
export { ALERT_EDIT_ACTION, ALERT_NEW_ACTION } from './form.js';
export { ALERT_ACK_ACTION, ALERT_MUTE_PICK_ACTION } from './render.js';
export { alertButtonValue } from './view.js';
export { ruleLine } from './render-list.js';
export { ruleView } from './handle-common.js';
export { alertHeadline, ruleStatesWords } from './summary.js';
export { createAlertEngine, type AlertEngine } from './engine.js';
export type { AlertsDeps } from './deps.js';

export const ALERTS_HANDLERS = {
  'alert add': handleAlertAdd,
  'alert list': handleAlertList,
  'alert remove': handleAlertRemove,
  'alert mute': handleAlertMute,
  'alert unmute': handleAlertUnmute,
  'alert test': handleAlertTest,
};

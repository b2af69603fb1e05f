/** Threshold alerts: `/aicc alert …`, the alert buttons, and the engine that evaluates and notifies. */
import { handleAlertAdd } from './handle-add.js';
import { handleAlertList } from './handle-list.js';
import { handleAlertMute, handleAlertRemove, handleAlertUnmute } from './handle-manage.js';
import { handleAlertTest } from './handle-test.js';

export { ALERTS_COMMANDS } from './commands.js';
export { registerAlertActions as registerAlertsActions } from './buttons.js';
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

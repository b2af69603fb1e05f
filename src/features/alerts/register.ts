/** Every listener of the alerts feature: the alert message's buttons, the alert form and the mute picker. */
import type { ActionRegistry } from '../../slack/actions.js';
import { registerAlertActions } from './buttons.js';
import { registerAlertForms, type AlertFormDeps } from './form-listeners.js';
import { registerMuteForm } from './mute-form.js';

export function registerAlertsListeners(actions: ActionRegistry, deps: AlertFormDeps): void {
  registerAlertActions(actions, deps);
  registerAlertForms(actions, deps);
  registerMuteForm(actions, deps);
}

/** Every listener of the digests feature: Run now, and the digest form with its time-zone picker. */
import type { ActionRegistry } from '../../slack/actions.js';
import { registerDigestForms, type DigestFormDeps } from './form-listeners.js';
import { registerDigestActions } from './run-button.js';

export function registerDigestsListeners(actions: ActionRegistry, deps: DigestFormDeps): void {
  registerDigestActions(actions, deps);
  registerDigestForms(actions, deps);
}

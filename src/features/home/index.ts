/** The Home tab: published when a user opens it, refreshed when what it shows changes. */
import type { ActionRegistry } from '../../slack/actions.js';
import type { HomeDeps } from './deps.js';

export { createHomeTab, type HomeTabService, type HomeTabOptions } from './service.js';
export type { HomeDeps } from './deps.js';

export function registerHomeListeners(actions: ActionRegistry, deps: HomeDeps): void {
  actions.event('app_home_opened', async ({ event }) => {
    // The event also fires for the Messages tab; only the Home tab is the bot's to draw.
    if (event.tab !== undefined && event.tab !== 'home') return;
    await deps.home.opened(event.user);
  });
}

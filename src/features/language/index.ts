/** `/aicc lang`: the language of a user's answers and of a channel's posts. */
import type { ActionRegistry } from '../../slack/actions.js';
import { localesOf } from '../../slack/locales.js';
import type { LanguageDeps } from './deps.js';
import { handleLang } from './handle-lang.js';

export { LANGUAGE_COMMANDS } from './commands.js';
export type { LanguageDeps } from './deps.js';

export const LANGUAGE_HANDLERS = { lang: handleLang };

/** A user who changes their Slack language is answered in the new one from their next command. */
export function registerLanguageListeners(actions: ActionRegistry, deps: LanguageDeps): void {
  actions.event('user_change', async ({ event }) => {
    const user = event.user as { id: string; locale?: unknown };
    localesOf(deps).slackChanged(user.id, typeof user.locale === 'string' ? user.locale : undefined);
  });
}

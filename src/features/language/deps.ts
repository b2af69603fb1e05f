/** What `/aicc lang` needs: the store's language choices and the resolver (context's `locales`). */
import type { CommandContext } from '../../slack/commands/handler.js';

export type LanguageDeps = CommandContext;

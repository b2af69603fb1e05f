/**
 * Button listeners register here rather than on the app directly, so the set of action ids the bot
 * handles is derived from the registrations: the request gate answers 400 to any other id.
 */
import type { App, BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';

export type ButtonListener = Middleware<SlackActionMiddlewareArgs<BlockButtonAction>>;

export interface ActionRegistry {
  /** Registers the listener of one button's action id. */
  on(actionId: string, listener: ButtonListener): void;
  /** Every action id registered so far. */
  readonly ids: ReadonlySet<string>;
}

export function createActionRegistry(app: App): ActionRegistry {
  const ids = new Set<string>();
  return {
    ids,
    on(actionId, listener) {
      ids.add(actionId);
      app.action<BlockButtonAction>(actionId, listener);
    },
  };
}

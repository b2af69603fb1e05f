/**
 * Every listener registers here rather than on the app directly — buttons by action id, form
 * submissions by callback id, option lists (external selects) by action id, events by type — so
 * what the bot handles is derived from the registrations: the request gate answers 400 to
 * anything else.
 */
import type {
  App,
  BlockButtonAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';

export type ButtonListener = Middleware<SlackActionMiddlewareArgs<BlockButtonAction>>;
/** A modal's submission (`view_submission`). */
export type ViewListener = Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>>;
/** An external select's options (`block_suggestion`); must answer within three seconds. */
export type OptionsListener = Middleware<SlackOptionsMiddlewareArgs<'block_suggestion'>>;
/** The events the bot subscribes to. */
export type EventType = 'app_home_opened' | 'user_change';
export type EventListener<E extends EventType> = Middleware<SlackEventMiddlewareArgs<E>>;

export interface ActionRegistry {
  /** Registers the listener of one button's action id. */
  on(actionId: string, listener: ButtonListener): void;
  /** Registers the submission listener of a modal by its callback id. */
  view(callbackId: string, listener: ViewListener): void;
  /** Registers the options listener of an external select's action id. */
  options(actionId: string, listener: OptionsListener): void;
  /** Registers an event listener. */
  event<E extends EventType>(type: E, listener: EventListener<E>): void;
  /** Every button action id registered so far. */
  readonly ids: ReadonlySet<string>;
  /** Every modal callback id registered so far. */
  readonly views: ReadonlySet<string>;
  /** Every external select action id registered so far. */
  readonly optionIds: ReadonlySet<string>;
  /** Every event type registered so far. */
  readonly events: ReadonlySet<string>;
}

export function createActionRegistry(app: App): ActionRegistry {
  const ids = new Set<string>();
  const views = new Set<string>();
  const optionIds = new Set<string>();
  const events = new Set<string>();
  return {
    ids,
    views,
    optionIds,
    events,
    on(actionId, listener) {
      ids.add(actionId);
      app.action<BlockButtonAction>(actionId, listener);
    },
    view(callbackId, listener) {
      views.add(callbackId);
      app.view<ViewSubmitAction>({ callback_id: callbackId, type: 'view_submission' }, listener);
    },
    options(actionId, listener) {
      optionIds.add(actionId);
      app.options<'block_suggestion'>({ action_id: actionId, type: 'block_suggestion' }, listener);
    },
    event(type, listener) {
      events.add(type);
      app.event(type, listener);
    },
  };
}

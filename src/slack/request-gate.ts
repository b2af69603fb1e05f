/**
 * Turns away signed requests the bot has no business with (unknown action ids, payload types it
 * does not handle, junk that happens to be signed) with a 400 at once, instead of leaving them to
 * Bolt's three-second "nobody acknowledged" timeout. Runs as the first global middleware.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

export class RejectedRequest extends Error {
  /** Bolt passes errors with a `code` through unchanged, so the receiver can map it to a status. */
  readonly code = 'aicc_rejected_request';
  constructor(readonly reason: string) {
    super(`rejected request: ${reason}`);
    this.name = 'RejectedRequest';
  }
}

export function isRejectedRequest(error: unknown): error is RejectedRequest {
  return (error as { code?: unknown } | undefined)?.code === 'aicc_rejected_request';
}

/** What the bot knows how to handle, derived from its registrations (see actions.ts). */
export interface KnownRequests {
  command: string;
  /** Button action ids (also buttons inside modals and the Home tab). */
  knownActions: ReadonlySet<string>;
  /** Modal callback ids (`view_submission`, `view_closed`). */
  knownViews?: ReadonlySet<string>;
  /** External select action ids (`block_suggestion`). */
  knownOptions?: ReadonlySet<string>;
  /** Event types (`event_callback`). */
  knownEvents?: ReadonlySet<string>;
}

const none: ReadonlySet<string> = new Set();

/** What the bot handles: its slash command, and interactions and events whose ids some listener knows. */
export function requestGate(opts: KnownRequests): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const b = body as {
      command?: unknown;
      type?: unknown;
      actions?: Array<{ action_id?: unknown }>;
      view?: { callback_id?: unknown };
      action_id?: unknown;
      event?: { type?: unknown };
    };
    if (typeof b.command === 'string') {
      if (b.command !== opts.command) throw new RejectedRequest(`unknown command ${b.command.slice(0, 40)}`); // i18n-ok: for the log; Slack gets a bare 400
      return next();
    }
    const known = (set: ReadonlySet<string> | undefined, id: unknown) => typeof id === 'string' && (set ?? none).has(id);
    switch (b.type) {
      case 'block_actions': {
        const ids = (b.actions ?? []).map((a) => a.action_id);
        if (ids.length === 0 || ids.some((id) => !known(opts.knownActions, id))) throw new RejectedRequest('unknown action'); // i18n-ok: for the log; Slack gets a bare 400
        return next();
      }
      case 'view_submission':
      case 'view_closed':
        if (!known(opts.knownViews, b.view?.callback_id)) throw new RejectedRequest('unknown view'); // i18n-ok: for the log; Slack gets a bare 400
        return next();
      case 'block_suggestion':
        if (!known(opts.knownOptions, b.action_id)) throw new RejectedRequest('unknown options request'); // i18n-ok: for the log; Slack gets a bare 400
        return next();
      case 'event_callback':
        if (!known(opts.knownEvents, b.event?.type)) throw new RejectedRequest('unsubscribed event'); // i18n-ok: for the log; Slack gets a bare 400
        return next();
      default:
        throw new RejectedRequest(`unsupported payload type ${String(b.type ?? 'none').slice(0, 40)}`); // i18n-ok: for the log; Slack gets a bare 400
    }
  };
}

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

/** What the bot handles: its slash command, and block actions whose ids some listener knows. */
export function requestGate(opts: { command: string; knownActions: ReadonlySet<string> }): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const b = body as { command?: unknown; type?: unknown; actions?: Array<{ action_id?: unknown }> };
    if (typeof b.command === 'string') {
      if (b.command !== opts.command) throw new RejectedRequest(`unknown command ${b.command.slice(0, 40)}`);
      return next();
    }
    if (b.type === 'block_actions') {
      const ids = (b.actions ?? []).map((a) => a.action_id);
      if (ids.length === 0 || ids.some((id) => typeof id !== 'string' || !opts.knownActions.has(id))) throw new RejectedRequest('unknown action');
      return next();
    }
    throw new RejectedRequest(`unsupported payload type ${String(b.type ?? 'none').slice(0, 40)}`);
  };
}

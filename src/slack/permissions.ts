/** "Changes need BOT_ADMIN_USERS membership when that list is set", and every change is audited. */
import { NotFound } from './commands/not-found.js';
import type { CommandContext, Invocation } from './commands/handler.js';

/** Throws a polite refusal when an admin list is set and the user is not on it. */
export function requireAdmin(inv: Invocation, deps: CommandContext, what: string): void {
  if (deps.adminUsers.length > 0 && !deps.adminUsers.includes(inv.userId)) {
    throw new NotFound(`Only the bot's administrators can ${what}.`, 'Ask one of the users in BOT_ADMIN_USERS.');
  }
}

/** Records who changed what. */
export function audit(deps: CommandContext, inv: Invocation, action: string, target: string, detail?: unknown): Promise<number> {
  return deps.store.audit.append(deps.clock().getTime(), inv.userId, action, target, detail);
}

/**
 * The one permission table: who may do what, and where. A slash command and the button that does
 * the same thing name the same permission, so they cannot drift apart; the channel allow-list and
 * the VDNs the bot serves are checked here too. Every change is audited.
 */
import type { CommandContext, Invocation } from './commands/handler.js';
import { NotFound } from './commands/not-found.js';

/** Who may: `anyone`; `admins` (BOT_ADMIN_USERS, or anyone while that list is empty); `listed` (only users on the list: empty means nobody). */
type Who = 'anyone' | 'admins' | 'listed';

interface Rule {
  who: Who;
  /** Refused outside BOT_ALLOWED_CHANNELS (when set), like every command. */
  allowedChannelsOnly: boolean;
  /** Completes "Only the bot's administrators can …". */
  what: string;
}

export const PERMISSIONS = {
  /** Read-only queries and lists. */
  query: { who: 'anyone', allowedChannelsOnly: true, what: 'ask' },
  /** See recording links (never in public answers). */
  'view-recordings': { who: 'listed', allowedChannelsOnly: true, what: 'see recording links' },
  'add-digests': { who: 'admins', allowedChannelsOnly: true, what: 'add digests' },
  'change-digests': { who: 'admins', allowedChannelsOnly: true, what: 'change digests' },
  /** Post a digest now, to its own channel (`digest run`, **Run now**). */
  'run-digests': { who: 'admins', allowedChannelsOnly: true, what: 'post digests now' },
  'add-alerts': { who: 'admins', allowedChannelsOnly: true, what: 'add alert rules' },
  'change-alerts': { who: 'admins', allowedChannelsOnly: true, what: 'change alert rules' },
  /** Mute and unmute, by command or by the buttons on an alert (which live in the alert's channel). */
  'mute-alerts': { who: 'admins', allowedChannelsOnly: false, what: 'mute alerts' },
  /** Anyone who sees an alert may acknowledge it, where it was posted. */
  'acknowledge-alerts': { who: 'anyone', allowedChannelsOnly: false, what: 'acknowledge alerts' },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

/** The access settings the table is read against. */
export interface AccessPolicy {
  adminUsers: readonly string[];
  allowedChannels: readonly string[];
  /** AICC_VDN_IDS: the only VDNs the bot asks AICC about. */
  vdnIds: readonly number[];
}

export interface Actor {
  userId: string;
  channelId: string;
  /** The VDN the request is about, when it names one. */
  vdn?: number;
}

export type Decision = { ok: true } | { ok: false; reason: 'user' | 'channel' | 'vdn'; title: string; hint: string };

function userAllowed(who: Who, userId: string, admins: readonly string[]): boolean {
  if (who === 'anyone') return true;
  if (who === 'listed') return admins.includes(userId);
  return admins.length === 0 || admins.includes(userId);
}

/** Whether `actor` may do `permission`; `what` rewords the refusal ("remove digests"). */
export function decide(permission: Permission, actor: Actor, policy: AccessPolicy, what?: string): Decision {
  const rule: Rule = PERMISSIONS[permission];
  if (rule.allowedChannelsOnly && policy.allowedChannels.length > 0 && !policy.allowedChannels.includes(actor.channelId)) {
    return { ok: false, reason: 'channel', title: 'AICC commands are not answered in this channel.', hint: 'Ask in one of the channels in BOT_ALLOWED_CHANNELS.' };
  }
  if (actor.vdn !== undefined && !policy.vdnIds.includes(actor.vdn)) {
    const served = policy.vdnIds.join(', ');
    return { ok: false, reason: 'vdn', title: `VDN ${actor.vdn} is not one this bot serves.`, hint: `It answers for VDN ${served} (AICC_VDN_IDS).` };
  }
  if (!userAllowed(rule.who, actor.userId, policy.adminUsers)) {
    return { ok: false, reason: 'user', title: `Only the bot's administrators can ${what ?? rule.what}.`, hint: 'Ask one of the users in BOT_ADMIN_USERS.' };
  }
  return { ok: true };
}

/**
 * Whether a user may do `permission` anywhere: for a form opened outside a channel (the Home tab),
 * whose channel is picked in the form and checked with {@link decide} when it is submitted.
 */
export function decideUser(permission: Permission, userId: string, policy: AccessPolicy, what?: string): Decision {
  const rule: Rule = PERMISSIONS[permission];
  if (!userAllowed(rule.who, userId, policy.adminUsers)) {
    return { ok: false, reason: 'user', title: `Only the bot's administrators can ${what ?? rule.what}.`, hint: 'Ask one of the users in BOT_ADMIN_USERS.' };
  }
  return { ok: true };
}

/** Whether `actor` may do `permission`, as a boolean (e.g. to show a recording link or not). */
export function allows(permission: Permission, actor: Actor, policy: AccessPolicy): boolean {
  return decide(permission, actor, policy).ok;
}

/** Throws a polite refusal (shown as a plain message) when `actor` may not do `permission`. */
export function authorize(permission: Permission, actor: Actor, policy: AccessPolicy, what?: string): void {
  const d = decide(permission, actor, policy, what);
  if (!d.ok) throw new NotFound(d.title, d.hint);
}

/** Records who changed what. */
export function audit(deps: CommandContext, inv: Pick<Invocation, 'userId'>, action: string, target: string, detail?: unknown): Promise<number> {
  return deps.store.audit.append(deps.clock().getTime(), inv.userId, action, target, detail);
}

/**
 * The one permission table: who may do what, and where. A slash command and the button that does
 * the same thing name the same permission, so they cannot drift apart; the channel allow-list and
 * the VDNs the bot serves are checked here too. Every change is audited.
 */
import type { MessageKey } from '../i18n/index.js';
import type { CommandContext, Invocation } from './commands/handler.js';
import { msg, type Message } from './commands/message.js';
import { NotFound } from './commands/not-found.js';

/**
 * What a refusal says the user may not do ("Only the bot's administrators can remove digests."),
 * each a whole sentence in the `errors` catalogue.
 */
const ACTIONS = {
  ask: 'errors.refused.admins.ask',
  'see-recordings': 'errors.refused.admins.seeRecordings',
  'add-digests': 'errors.refused.admins.addDigests',
  'change-digests': 'errors.refused.admins.changeDigests',
  'remove-digests': 'errors.refused.admins.removeDigests',
  'pause-digests': 'errors.refused.admins.pauseDigests',
  'resume-digests': 'errors.refused.admins.resumeDigests',
  'run-digests': 'errors.refused.admins.runDigests',
  'add-alerts': 'errors.refused.admins.addAlerts',
  'change-alerts': 'errors.refused.admins.changeAlerts',
  'remove-alerts': 'errors.refused.admins.removeAlerts',
  'mute-alerts': 'errors.refused.admins.muteAlerts',
  'unmute-alerts': 'errors.refused.admins.unmuteAlerts',
  'acknowledge-alerts': 'errors.refused.admins.acknowledgeAlerts',
  'set-channel-language': 'errors.refused.admins.setChannelLanguage',
} as const satisfies Record<string, MessageKey>;

/** An action a refusal can name: a permission's own, or a narrower one (`remove-digests`). */
export type Action = keyof typeof ACTIONS;

/** Who may: `anyone`; `admins` (BOT_ADMIN_USERS, or anyone while that list is empty); `listed` (only users on the list: empty means nobody). */
type Who = 'anyone' | 'admins' | 'listed';

interface Rule {
  who: Who;
  /** Refused outside BOT_ALLOWED_CHANNELS (when set), like every command. */
  allowedChannelsOnly: boolean;
  /** What the refusal says the user may not do. */
  what: Action;
}

export const PERMISSIONS = {
  /** Read-only queries and lists. */
  query: { who: 'anyone', allowedChannelsOnly: true, what: 'ask' },
  /** See recording links (never in public answers). */
  'view-recordings': { who: 'listed', allowedChannelsOnly: true, what: 'see-recordings' },
  'add-digests': { who: 'admins', allowedChannelsOnly: true, what: 'add-digests' },
  'change-digests': { who: 'admins', allowedChannelsOnly: true, what: 'change-digests' },
  /** Post a digest now, to its own channel (`digest run`, **Run now**). */
  'run-digests': { who: 'admins', allowedChannelsOnly: true, what: 'run-digests' },
  'add-alerts': { who: 'admins', allowedChannelsOnly: true, what: 'add-alerts' },
  'change-alerts': { who: 'admins', allowedChannelsOnly: true, what: 'change-alerts' },
  /** Mute and unmute, by command or by the buttons on an alert (which live in the alert's channel). */
  'mute-alerts': { who: 'admins', allowedChannelsOnly: false, what: 'mute-alerts' },
  /** Anyone who sees an alert may acknowledge it, where it was posted. */
  'acknowledge-alerts': { who: 'anyone', allowedChannelsOnly: false, what: 'acknowledge-alerts' },
  /** `/aicc lang zh-CN`: the language the channel's posts are written in. */
  'set-channel-language': { who: 'admins', allowedChannelsOnly: true, what: 'set-channel-language' },
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

/** A refusal says why and what to do, worded in the reader's language (`renderError(tr, decision)`). */
export type Decision = { ok: true } | { ok: false; reason: 'user' | 'channel' | 'vdn'; title: Message; hint: Message };

/** The refusal of an action only administrators may do. */
function adminsOnly(action: Action): Decision {
  return { ok: false, reason: 'user', title: msg(ACTIONS[action]), hint: msg('errors.refused.admins.hint') };
}

function userAllowed(who: Who, userId: string, admins: readonly string[]): boolean {
  if (who === 'anyone') return true;
  if (who === 'listed') return admins.includes(userId);
  return admins.length === 0 || admins.includes(userId);
}

/** Whether `actor` may do `permission`; `what` names a narrower action in the refusal (`remove-digests`). */
export function decide(permission: Permission, actor: Actor, policy: AccessPolicy, what?: Action): Decision {
  const rule: Rule = PERMISSIONS[permission];
  if (rule.allowedChannelsOnly && policy.allowedChannels.length > 0 && !policy.allowedChannels.includes(actor.channelId)) {
    return { ok: false, reason: 'channel', title: msg('errors.refused.channel.title'), hint: msg('errors.refused.channel.hint') };
  }
  if (actor.vdn !== undefined && !policy.vdnIds.includes(actor.vdn)) {
    const served = policy.vdnIds.join(', ');
    return { ok: false, reason: 'vdn', title: msg('errors.refused.vdn.title', { vdn: String(actor.vdn) }), hint: msg('errors.refused.vdn.hint', { served }) };
  }
  if (!userAllowed(rule.who, actor.userId, policy.adminUsers)) return adminsOnly(what ?? rule.what);
  return { ok: true };
}

/**
 * Whether a user may do `permission` anywhere: for a form opened outside a channel (the Home tab),
 * whose channel is picked in the form and checked with {@link decide} when it is submitted.
 */
export function decideUser(permission: Permission, userId: string, policy: AccessPolicy, what?: Action): Decision {
  const rule: Rule = PERMISSIONS[permission];
  return userAllowed(rule.who, userId, policy.adminUsers) ? { ok: true } : adminsOnly(what ?? rule.what);
}

/** Whether `actor` may do `permission`, as a boolean (e.g. to show a recording link or not). */
export function allows(permission: Permission, actor: Actor, policy: AccessPolicy): boolean {
  return decide(permission, actor, policy).ok;
}

/** Throws a polite refusal (shown as a plain message, in the reader's language) when `actor` may not do `permission`. */
export function authorize(permission: Permission, actor: Actor, policy: AccessPolicy, what?: Action): void {
  const d = decide(permission, actor, policy, what);
  if (!d.ok) throw new NotFound(d.title, d.hint);
}

/** Records who changed what. */
export function audit(deps: CommandContext, inv: Pick<Invocation, 'userId'>, action: string, target: string, detail?: unknown): Promise<number> {
  return deps.store.audit.append(deps.clock().getTime(), inv.userId, action, target, detail);
}

/**
 * The demo workspace the console shows: a few channels and people to type as, in four Slack
 * languages so a newcomer sees the bot answer each in theirs. The shapes fit
 * the fake Slack's seeds (`startFakeSlack({ channels, users })`), so the composition root can seed
 * the fake with the same lists; the fake also creates a channel on its first post, so the console
 * works either way.
 */

export interface ConsoleChannel {
  /** Slack channel id, e.g. `C0GENERAL`. */
  id: string;
  /** Name without `#`. */
  name: string;
  topic?: string;
}

export interface ConsoleUser {
  /** Slack user id, e.g. `U0SUPERV`. */
  id: string;
  /** Handle, sent as `user_name`. */
  name: string;
  realName: string;
  /** Shown beside the name in the "typing as" selector: `supervisor` or `admin`. */
  role: string;
  isAdmin?: boolean;
  /** Their Slack language (`users.info`'s `locale`, e.g. `zh-CN`, `es-LA`); default `en-US`. */
  locale?: string;
}

export const DEMO_CHANNELS: readonly ConsoleChannel[] = [
  { id: 'C0GENERAL', name: 'general', topic: 'Everyone. Try /aicc help here.' },
  { id: 'C0OUTBOUND', name: 'outbound-ops', topic: 'Outbound campaigns: stats, tasks and calls' },
  { id: 'C0ALERTS', name: 'alerts', topic: 'Digests and threshold alerts from the bot' },
];

export const DEMO_USERS: readonly ConsoleUser[] = [
  { id: 'U0SUPERV', name: 'mei', realName: 'Mei Lin', role: 'supervisor', locale: 'en-US' },
  // An admin for the bot only when BOT_ADMIN_USERS lists this id.
  { id: 'U0ADMIN', name: 'ravi', realName: 'Ravi Kumar', role: 'admin', isAdmin: true, locale: 'en-US' },
  // Supervisors whose Slack is in Chinese, Latin American Spanish and Brazilian Portuguese.
  { id: 'U0WANG', name: 'wangfang', realName: '王芳', role: 'supervisor', locale: 'zh-CN' },
  { id: 'U0LUCIA', name: 'lucia', realName: 'Lucía Fernández', role: 'supervisor', locale: 'es-LA' },
  { id: 'U0JOAO', name: 'joao', realName: 'João Pereira', role: 'supervisor', locale: 'pt-BR' },
];

/** User groups, as Slack's @ suggestions offer them (the README's `mention:@supervisors` example). */
export interface ConsoleGroup {
  /** Slack user group id, e.g. `S0SUPERVISORS`. */
  id: string;
  /** Handle without `@`. */
  handle: string;
}

export const DEMO_GROUPS: readonly ConsoleGroup[] = [
  { id: 'S0SUPERVISORS', handle: 'supervisors' },
  { id: 'S0ONCALL', handle: 'oncall' },
];

/** Where the demo's welcome message, digest and alerts go, and who made the seeded digest and rule. */
export const DEMO_PLACES = Object.freeze({ welcomeChannelId: 'C0GENERAL', alertsChannelId: 'C0ALERTS', adminUserId: 'U0ADMIN' });

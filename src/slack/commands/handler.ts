/**
 * What every `/aicc` handler receives besides its parsed input, and the shape of a command table
 * with its handlers. Features name the dependencies they need by extending {@link CommandContext};
 * the composition root passes one object that satisfies them all.
 */
import type { KnownBlock } from '@slack/types';
import type { Clock } from '../../platform/clock.js';
import type { Translator } from '../../i18n/index.js';
import type { Logger } from '../../platform/log.js';
import type { Store } from '../../store/index.js';
import type { AnyCommandSpec, CommandTable, ParsedCommand } from './spec.js';
import type { AnswerPath } from '../answer.js';
import type { Locales } from '../locales.js';

/** What every handler may use: time, logging, the tenant's zone, the store and the admin list. */
export interface CommandContext {
  clock: Clock;
  log: Logger;
  /** The tenant's zone: defines "today" and how times are shown. */
  timeZone: string;
  store: Store;
  /** BOT_ADMIN_USERS: read through the permission table (slack/permissions.ts). */
  adminUsers: readonly string[];
  /** BOT_ALLOWED_CHANNELS (empty: everywhere): read through the permission table. */
  allowedChannels: readonly string[];
  /** AICC_VDN_IDS: the VDNs the bot serves; the first is the default. */
  vdnIds: readonly number[];
  /** BOT_MASK_NUMBERS: mask phone numbers in what users see, vendor error text included (default true). */
  maskNumbers?: boolean;
  /** Where slash-command answers go (a keep-alive pool to `response_url`, and metrics); Bolt's `respond()` when absent. */
  answers?: AnswerPath;
  /** Who reads which language (slack/locales.ts); absent: everyone reads English. */
  locales?: Locales;
}

/** Who asked, where, and for which VDN. */
export interface Invocation {
  userId: string;
  channelId: string;
  vdn: number;
  /** May see recording links (the permission table's `view-recordings`). */
  isAdmin: boolean;
  isPublic: boolean;
  /** The language of this answer: the user's for a private one, the channel's for a public one. */
  tr: Translator;
}

/** A handler returns blocks; a known "not found" is signalled with NotFound so the router can word it. */
export type HandlerResult = KnownBlock[];

/** The handler of one row, typed by that row. */
export type Handler<S extends AnyCommandSpec, D> = (input: ParsedCommand<S>, inv: Invocation, deps: D) => Promise<HandlerResult>;

/** The handler of any row, as the router calls it. */
export type AnyHandler<D> = (input: ParsedCommand, inv: Invocation, deps: D) => Promise<HandlerResult>;

/** A table of rows and the handler of each row by name (`help` is the router's own). */
export interface CommandSet<D> {
  commands: CommandTable;
  handlers: Readonly<Record<string, AnyHandler<D>>>;
}

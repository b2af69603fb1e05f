/**
 * Which language a reader gets, decided in one place:
 * - a private answer (a command's reply, a modal, the Home tab): the user's own choice
 *   (`/aicc lang me es`), else their Slack locale (`users.info` with `include_locale`), else the
 *   workspace default (BOT_LOCALE);
 * - a channel post (a public answer, a digest, an alert): the post's own `lang:` (digest
 *   subscriptions and alert rules), else the channel's choice (`/aicc lang zh-CN`), else BOT_LOCALE.
 *
 * Choices are stored (store.languages) and read through a short cache, so a change made in one
 * process reaches the others within {@link CHOICE_TTL_MS}. Slack locales are cached for a day, and
 * replaced when Slack sends `user_change` for the user (each process receives it in turn); when
 * Slack cannot say (down, slow, `users:read` missing) the default is used and asked again later,
 * and an answer never waits more than {@link SLACK_LOOKUP_TIMEOUT_MS} for it.
 */
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import { parseLocale, translator, type Locale, type Translator } from '../i18n/index.js';
import type { LanguageRepo, LanguageScope } from '../store/languages.js';

export interface Locales {
  /** BOT_LOCALE. */
  readonly fallback: Locale;
  forUser(userId: string): Promise<Locale>;
  forChannel(channelId: string): Promise<Locale>;
  /** A digest's or an alert rule's posts: its own language, else the channel's. */
  forPost(channelId: string, own: Locale | undefined): Promise<Locale>;
  /** The user's Slack locale as far as the bot knows it (undefined when Slack has not said). */
  slackLocaleOf(userId: string): Promise<Locale | undefined>;
  /** Drops a cached choice after it changed in this process. */
  forget(scope: LanguageScope, subjectId: string): void;
  /** Slack said the user changed (`user_change`): keep the locale it carries, else ask again. */
  slackChanged(userId: string, tag: string | undefined): void;
}

export const CHOICE_TTL_MS = 30_000;
const SLACK_TTL_MS = 24 * 3600_000;
const SLACK_FAILED_TTL_MS = 5 * 60_000;
export const SLACK_LOOKUP_TIMEOUT_MS = 2_000;
const CACHE_LIMIT = 10_000;

export interface LocalesDeps {
  languages: LanguageRepo;
  fallback: Locale;
  clock: Clock;
  log: Logger;
  /** The user's Slack locale tag (`users.info` with `include_locale`); absent: Slack is not asked. */
  slackLocale?: (userId: string) => Promise<string | undefined>;
}

interface Cached<T> {
  value: T;
  until: number;
}

/** A small expiring map, emptied when full (which bounds it). */
function cache<T>() {
  const entries = new Map<string, Cached<T>>();
  return {
    get(key: string, now: number): T | undefined {
      const hit = entries.get(key);
      return hit && hit.until > now ? hit.value : undefined;
    },
    has(key: string, now: number): boolean {
      const hit = entries.get(key);
      return hit !== undefined && hit.until > now;
    },
    set(key: string, value: T, until: number): void {
      if (entries.size >= CACHE_LIMIT) entries.clear();
      entries.set(key, { value, until });
    },
    delete(key: string): void {
      entries.delete(key);
    },
  };
}

export function createLocales(deps: LocalesDeps): Locales {
  const choices = cache<Locale | undefined>();
  const slack = cache<Locale | undefined>();
  const pending = new Map<string, Promise<Locale | undefined>>();
  const now = () => deps.clock().getTime();

  async function choice(scope: LanguageScope, id: string): Promise<Locale | undefined> {
    const key = `${scope}:${id}`;
    const t = now();
    if (choices.has(key, t)) return choices.get(key, t);
    try {
      const value = await deps.languages.get(scope, id);
      choices.set(key, value, t + CHOICE_TTL_MS);
      return value;
    } catch (error) {
      // The store is down: answer in the default rather than not at all.
      deps.log.warn('a language choice could not be read; using the default', { scope, error });
      return undefined;
    }
  }

  async function askSlack(userId: string): Promise<Locale | undefined> {
    const ask = deps.slackLocale;
    if (!ask) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), SLACK_LOOKUP_TIMEOUT_MS);
      timer.unref?.();
    });
    try {
      const tag = await Promise.race([ask(userId), timeout]);
      if (tag === 'timeout') {
        deps.log.warn("Slack did not say a user's locale in time; using the default", { userId });
        slack.set(userId, undefined, now() + SLACK_FAILED_TTL_MS);
        return undefined;
      }
      const locale = parseLocale(tag);
      slack.set(userId, locale, now() + SLACK_TTL_MS);
      return locale;
    } catch (error) {
      deps.log.warn("a user's Slack locale could not be read; using the default", { userId, error });
      slack.set(userId, undefined, now() + SLACK_FAILED_TTL_MS);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  async function slackLocaleOf(userId: string): Promise<Locale | undefined> {
    const t = now();
    if (slack.has(userId, t)) return slack.get(userId, t);
    let p = pending.get(userId);
    if (!p) {
      p = askSlack(userId).finally(() => pending.delete(userId));
      pending.set(userId, p);
    }
    return p;
  }

  const forChannel = async (channelId: string) => (await choice('channel', channelId)) ?? deps.fallback;
  return {
    fallback: deps.fallback,
    async forUser(userId) {
      return (await choice('user', userId)) ?? (await slackLocaleOf(userId)) ?? deps.fallback;
    },
    forChannel,
    forPost: async (channelId, own) => own ?? forChannel(channelId),
    slackLocaleOf,
    forget(scope, id) {
      choices.delete(`${scope}:${id}`);
    },
    slackChanged(userId, tag) {
      if (tag === undefined) slack.delete(userId);
      else slack.set(userId, parseLocale(tag), now() + SLACK_TTL_MS);
    },
  };
}

/** Everyone gets one language: tests, and callers that were given no resolver. */
export function fixedLocales(locale: Locale): Locales {
  const same = async () => locale;
  return { fallback: locale, forUser: same, forChannel: same, forPost: async (_c, own) => own ?? locale, slackLocaleOf: async () => undefined, forget: () => undefined, slackChanged: () => undefined };
}

const ENGLISH = fixedLocales('en');

/** The resolver a context was given, or English for everyone when it has none. */
export function localesOf(ctx: { locales?: Locales }): Locales {
  return ctx.locales ?? ENGLISH;
}

/** The translator of what `userId` reads privately: an answer, a form, a button's reply, a DM. */
export async function userReader(ctx: { locales?: Locales }, userId: string): Promise<Translator> {
  return translator(await localesOf(ctx).forUser(userId));
}

/** The translator of a post in `channelId`: its own language when it has one, else the channel's. */
export async function postReader(ctx: { locales?: Locales }, channelId: string, own?: Locale): Promise<Translator> {
  return translator(await localesOf(ctx).forPost(channelId, own));
}

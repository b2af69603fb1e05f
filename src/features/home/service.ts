/**
 * Keeps the Home tab current without flooding Slack: publishes at once when a user opens it
 * (`app_home_opened`), and after a change (a collector tick's alert evaluation, a command, a click,
 * a form) republishes — debounced, so a burst of changes is one refresh — only to users who opened
 * it within the last hour, and only when their view actually changed (a fingerprint per user is
 * kept in the store, so several processes agree). `views.publish` is Tier 4 (100+ a minute); the
 * refreshes stay under a budget a minute and wait out a 429's Retry-After.
 */
import { localesOf } from '../../slack/locales.js';
import { createHash } from 'node:crypto';
import type { HomeView } from '@slack/types';
import type { Logger } from '../../platform/log.js';
import { translator, type Locale } from '../../i18n/index.js';
import type { Locales } from '../../slack/locales.js';
import { slackError } from '../../slack/outbound.js';
import { forUser, inLanguage, loadShared, type HomeDataDeps, type SharedHomeData, type WordedHomeData } from './data.js';
import { homeFingerprint, renderHome } from './render.js';

export interface HomeTabService {
  /** A user opened the Home tab: remember it and publish their view now. */
  opened(userId: string): Promise<void>;
  /** Something the Home tab shows may have changed: refresh recent viewers soon. */
  changed(): void;
  /** Runs a pending refresh now and waits for it (tests, shutdown). */
  flush(): Promise<void>;
  /** Drops the pending refresh timer. */
  stop(): void;
}

export interface HomeTabOptions extends HomeDataDeps {
  log: Logger;
  /** `views.publish` for one user. */
  publish(userId: string, view: HomeView): Promise<void>;
  /** Changes within this long make one refresh (default 2 s). */
  debounceMs?: number;
  /** Only users who opened the tab this recently are refreshed (default an hour). */
  activeMs?: number;
  /** Refresh publishes a minute at most (default 50: half of Tier 4, the rest for users opening it). */
  perMinute?: number;
  /** The language of each user's tab (their choice, else their Slack locale, else BOT_LOCALE); absent: English. */
  locales?: Locales;
}

/** The language is part of the hash: choosing another one republishes the tab even where no word differs. */
const hashOf = (view: HomeView, locale: Locale) => createHash('sha256').update(`${locale}\n${homeFingerprint(view)}`).digest('base64url').slice(0, 22);

interface Rendered {
  view: HomeView;
  hash: string;
}

export function createHomeTab(opts: HomeTabOptions): HomeTabService {
  const { store, log } = opts;
  const debounceMs = opts.debounceMs ?? 2000;
  const activeMs = opts.activeMs ?? 3_600_000;
  const perMinute = opts.perMinute ?? 50;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  /** Wall-clock times of this minute's refresh publishes; a 429 holds refreshes until `holdUntil`. */
  let sent: number[] = [];
  let holdUntil = 0;

  /**
   * One viewer's tab in their language. `worded` keeps the shared facts worded once per language
   * within one refresh.
   */
  async function render(shared: SharedHomeData, userId: string, worded = new Map<Locale, WordedHomeData>()): Promise<Rendered> {
    const locale = await localesOf(opts).forUser(userId);
    const tr = translator(locale);
    let words = worded.get(locale);
    if (!words) {
      words = inLanguage(shared, tr);
      worded.set(locale, words);
    }
    const view = renderHome(tr, forUser(words, userId, opts));
    return { view, hash: hashOf(view, locale) };
  }

  async function publish(userId: string, { view, hash }: Rendered): Promise<boolean> {
    try {
      await opts.publish(userId, view);
      await store.homeTabs.published(userId, opts.clock().getTime(), hash);
      return true;
    } catch (error) {
      const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
      if (typeof retryAfter === 'number') holdUntil = Date.now() + retryAfter * 1000;
      log.warn('could not publish a Home tab', { user: userId, error: slackError(error) });
      return false;
    }
  }

  async function refreshAll(): Promise<void> {
    const now = opts.clock().getTime();
    const viewers = await store.homeTabs.recent(now - activeMs, 200);
    if (viewers.length === 0) return;
    const shared = await loadShared(opts);
    const worded = new Map<Locale, WordedHomeData>();
    for (const viewer of viewers) {
      const rendered = await render(shared, viewer.userId, worded);
      if (viewer.viewHash === rendered.hash) continue;
      const wall = Date.now();
      sent = sent.filter((t) => wall - t < 60_000);
      if (wall < holdUntil || sent.length >= perMinute) {
        // Out of budget: the rest wait for the next change, or for the next tick's refresh.
        again = true;
        break;
      }
      sent.push(wall);
      await publish(viewer.userId, rendered);
    }
  }

  function run(): Promise<void> {
    running ??= refreshAll()
      .catch((error: unknown) => log.warn('Home tab refresh failed', { error }))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule(Math.max(debounceMs, holdUntil - Date.now(), 5_000));
        }
      });
    return running;
  }

  function schedule(ms: number): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (running) again = true;
      else void run();
    }, ms);
    timer.unref?.();
  }

  return {
    async opened(userId) {
      await store.homeTabs.opened(userId, opts.clock().getTime());
      await publish(userId, await render(await loadShared(opts), userId));
    },
    changed: () => schedule(debounceMs),
    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
        again = false;
        await running;
        await run();
      } else {
        await running;
      }
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

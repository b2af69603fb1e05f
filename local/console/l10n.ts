/**
 * The console's own words (the `consoleUi` catalogue) in the language of the person it types as,
 * which is also that person's Slack language, so the bot answers them in it.
 *
 * Two ways reach the page, both keeping its script simple:
 * - the page's own texts (sidebar, composer, notes) go out once as a table per language in
 *   `/console-i18n.js` ({@link i18nScript}); elements carry `data-i18n="key"`, and messages with
 *   a `{name}` are filled in by the page;
 * - texts inside server-rendered messages and views (Only visible to you, (edited), 2 replies) are
 *   written in English with every language beside them in a `data-l10n` attribute
 *   ({@link localized}), so one rendering serves every viewer and a count keeps its plural.
 */
import { DEFAULT_LOCALE, LOCALE_INFO, LOCALES, parseLocale, translator, type Locale, type MessageValues, type Translator } from '../../src/i18n/index.js';
import type { consoleUi } from '../../src/i18n/messages/en/console-ui.js';
import { DEFAULT_SLACK_LOCALE } from '../fakeslack/workspace.js';

export type ConsoleKey = keyof typeof consoleUi & string;

/** Slack's tag for a language where it is not ours (Slack says `es-LA` for Latin American Spanish). */
const SLACK_TAGS: Partial<Record<Locale, string>> = { en: DEFAULT_SLACK_LOCALE, es: 'es-LA' };

/** The Slack locale a person has when they pick `locale` in the console. */
export function slackTagOf(locale: Locale): string {
  return SLACK_TAGS[locale] ?? locale;
}

/** The console language of a Slack locale (`users.info`'s `locale`); English when Slack has none. */
export function localeOfSlackTag(tag: string | undefined): Locale {
  return parseLocale(tag ?? DEFAULT_SLACK_LOCALE) ?? DEFAULT_LOCALE;
}

/** A console message in one language. */
export function ui(tr: Translator, key: ConsoleKey, values?: MessageValues): string {
  return tr.t(`consoleUi.${key}`, values);
}

const ATTR_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => ATTR_ESCAPES[c] ?? c);

/** Where a localized text goes on its element. */
export type L10nTarget = 'text' | 'title' | 'placeholder' | 'aria-label';

export interface Localized {
  /** ` data-l10n="…"`: every language, for the page to pick its reader's (starts with a space). */
  attr: string;
  /** The English text, escaped for HTML. */
  html: string;
}

/**
 * A console text for server-rendered HTML: English in place, every language in a `data-l10n`
 * attribute (`data-l10n-title` and so on for an attribute) that the page swaps in.
 */
export function localized(key: ConsoleKey, values?: MessageValues, target: L10nTarget = 'text'): Localized {
  const all = Object.fromEntries(LOCALES.map((l) => [l, ui(translator(l), key, values)]));
  const name = target === 'text' ? 'data-l10n' : `data-l10n-${target}`;
  return { attr: ` ${name}="${escapeAttr(JSON.stringify(all))}"`, html: escapeAttr(all[DEFAULT_LOCALE] ?? key) };
}

/** The tooltip of a link the console will not open. */
export const NO_LINK: Localized = localized('msg.linkNotAllowed', undefined, 'title');

/**
 * The page's own texts and the placeholders the page fills in itself. A message is sent with its
 * `{name}`s left in, formatted otherwise, so plurals and selects never reach the browser.
 */
const PAGE_TEXTS = {
  'page.title': [],
  'page.workspace': [],
  'conn.connecting': [],
  'conn.live': [],
  'conn.polling': [],
  'conn.offline': [],
  'conn.failed': [],
  'conn.reconnecting': [],
  'nav.channels': [],
  'nav.apps': [],
  'nav.home': [],
  'user.typingAs': [],
  'language.label': [],
  'language.hint': [],
  'home.label': [],
  'home.opening': [],
  'home.topic': ['name'],
  'composer.label': [],
  'composer.send': [],
  'composer.try': [],
  'composer.keys': [],
  'composer.placeholder': ['channel'],
  'channel.intro': [],
  'note.notSlash': [],
  'note.unknownCommand': ['command'],
  'note.unreachable': [],
  'note.notSent': [],
  'note.noOptions': [],
} as const satisfies Partial<Record<ConsoleKey, readonly string[]>>;

export type PageKey = keyof typeof PAGE_TEXTS;

/** The page's texts in one language. */
export function pageStrings(tr: Translator): Record<PageKey, string> {
  const entries = Object.entries(PAGE_TEXTS).map(([key, names]) => [key, ui(tr, key as PageKey, Object.fromEntries(names.map((n) => [n, `{${n}}`])))]);
  return Object.fromEntries(entries) as Record<PageKey, string>;
}

/** A language as the picker offers it. */
export interface ConsoleLanguage {
  locale: Locale;
  /** Its own name (LOCALE_INFO). */
  name: string;
  /** For `<html lang>` and `dir`. */
  lang: string;
  dir: 'ltr' | 'rtl';
}

export const CONSOLE_LANGUAGES: readonly ConsoleLanguage[] = LOCALES.map((locale) => ({ locale, name: LOCALE_INFO[locale].name, lang: LOCALE_INFO[locale].intl, dir: LOCALE_INFO[locale].dir }));

/**
 * `/console-i18n.js`: every language's page texts, and the few functions both page scripts use to
 * speak the current one (`window.consoleI18n`). Loaded before them.
 */
export function i18nScript(): string {
  const data = { fallback: DEFAULT_LOCALE, languages: CONSOLE_LANGUAGES, strings: Object.fromEntries(LOCALES.map((l) => [l, pageStrings(translator(l))])) };
  // JSON is JavaScript; `<` escaped all the same, so the text can never close a tag around it.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return I18N_SCRIPT.replace('__DATA__', () => json);
}

const I18N_SCRIPT = String.raw`(function () {
  'use strict';
  var DATA = __DATA__;
  var current = DATA.fallback;
  var ATTRS = [['data-i18n', null], ['data-i18n-placeholder', 'placeholder'], ['data-i18n-aria-label', 'aria-label'], ['data-i18n-title', 'title']];
  var L10N = [['data-l10n', null], ['data-l10n-placeholder', 'placeholder'], ['data-l10n-aria-label', 'aria-label'], ['data-l10n-title', 'title']];

  function info(locale) { return DATA.languages.filter(function (l) { return l.locale === locale; })[0]; }
  /** The current language's text of key, its {name}s filled from values. */
  function t(key, values) {
    var table = DATA.strings[current] || DATA.strings[DATA.fallback];
    var s = table[key] !== undefined ? table[key] : (DATA.strings[DATA.fallback][key] || key);
    return s.replace(/\{(\w+)\}/g, function (m, name) { return values && values[name] !== undefined ? String(values[name]) : m; });
  }
  function set(el, attr, text) { if (attr) el.setAttribute(attr, text); else el.textContent = text; }
  /** Puts the current language into root's marked elements (the page's, and server-rendered ones). */
  function translate(root) {
    if (!root || !root.querySelectorAll) return;
    ATTRS.forEach(function (a) {
      var sel = '[' + a[0] + ']';
      var nodes = Array.prototype.slice.call(root.querySelectorAll(sel));
      if (root.matches && root.matches(sel)) nodes.push(root);
      nodes.forEach(function (el) { set(el, a[1], t(el.getAttribute(a[0]))); });
    });
    L10N.forEach(function (a) {
      var sel = '[' + a[0] + ']';
      var nodes = Array.prototype.slice.call(root.querySelectorAll(sel));
      if (root.matches && root.matches(sel)) nodes.push(root);
      nodes.forEach(function (el) {
        try {
          var all = JSON.parse(el.getAttribute(a[0]));
          var text = all[current] !== undefined ? all[current] : all[DATA.fallback];
          if (typeof text === 'string') set(el, a[1], text);
        } catch (e) { /* left as rendered */ }
      });
    });
  }
  /** Switches the page to locale: its texts, <html lang> and dir; tells the page scripts. */
  function use(locale) {
    var l = info(locale) || info(DATA.fallback);
    var changed = l.locale !== current;
    current = l.locale;
    document.documentElement.lang = l.lang;
    document.documentElement.dir = l.dir;
    document.documentElement.dataset.locale = l.locale;
    document.title = t('page.title');
    translate(document);
    if (changed) document.dispatchEvent(new CustomEvent('console-language', { detail: current }));
  }
  window.consoleI18n = { languages: DATA.languages, t: t, translate: translate, use: use, locale: function () { return current; } };
})();
`;

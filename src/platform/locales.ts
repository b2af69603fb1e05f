/**
 * The languages the bot speaks, and how a language tag from anywhere (Slack's `locale`, a user's
 * `/aicc lang`, BOT_LOCALE, a `lang:` option) maps onto one of them.
 *
 * Adding a language: add its tag to {@link LOCALES} and a row to {@link LOCALE_INFO}, and its
 * catalogue as `src/i18n/messages/<tag>.json` (copy `es.json` and translate every message);
 * `npm run test:unit` then lists every key or placeholder the new catalogue lacks.
 */

/** Every language with a complete catalogue; the first is the default. */
export const LOCALES = ['en', 'zh-CN', 'es', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

interface LocaleInfo {
  /** The tag given to `Intl` (grouping, decimal separator, plural rules, list words). */
  intl: string;
  /** The language's own name, for pickers and `/aicc lang`. */
  name: string;
  /** Writing direction; Slack lays out right-to-left text itself, the console needs to know. */
  dir: 'ltr' | 'rtl';
  /** The AICC `locale` header (the vendor documents zh_CN and en_US; it defaults to zh_CN). */
  aicc: 'zh_CN' | 'en_US';
}

export const LOCALE_INFO: Readonly<Record<Locale, LocaleInfo>> = {
  en: { intl: 'en-US', name: 'English', dir: 'ltr', aicc: 'en_US' },
  'zh-CN': { intl: 'zh-CN', name: '简体中文', dir: 'ltr', aicc: 'zh_CN' },
  // Latin American Spanish: es-419 groups thousands with a comma, as Mexico and Central America do.
  es: { intl: 'es-419', name: 'Español (Latinoamérica)', dir: 'ltr', aicc: 'en_US' },
  'pt-BR': { intl: 'pt-BR', name: 'Português (Brasil)', dir: 'ltr', aicc: 'en_US' },
};

/** By primary language subtag: a region we do not have falls back to the variant we do. */
const BY_LANGUAGE: Readonly<Record<string, Locale>> = { en: 'en', zh: 'zh-CN', es: 'es', pt: 'pt-BR' };

/**
 * The supported locale a tag means, or undefined: `zh`, `zh_CN`, `zh-Hans` and `zh-TW` mean
 * `zh-CN` (Traditional readers read Simplified more easily than English); `es-ES`, `es-LA`,
 * `es-419` mean `es`; `pt` and `pt-PT` mean `pt-BR`; `en-GB` means `en`.
 */
export function parseLocale(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined;
  const norm = tag.trim().replace(/_/g, '-').toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === norm);
  if (exact) return exact;
  const language = norm.split('-')[0] ?? '';
  return BY_LANGUAGE[language];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

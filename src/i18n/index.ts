/**
 * The bot's languages: catalogues of ICU messages per locale, and a translator per locale that
 * renderers take as a parameter. Which language a reader gets is decided in slack/locales.ts.
 */
export { DEFAULT_LOCALE, LOCALES, LOCALE_INFO, isLocale, parseLocale, type Locale } from '../platform/locales.js';
export { UNKNOWN, translator, type Translator } from './translator.js';
export type { MessageKey, MessageValues } from './catalogue.js';
export { wallClock } from './wall-clock.js';

/**
 * A post's own language, as a command option (`lang:zh-CN`, `lang:channel`) and as a form field:
 * one value spec and one list of choices for digests and alert rules alike, so the command and the
 * forms accept the same words.
 */
import { LOCALES, LOCALE_INFO, parseLocale, type Locale, type Translator } from '../i18n/index.js';
import { msg } from './commands/message.js';
import type { ValueSpec } from './commands/spec.js';
import type { Choice } from './render/inputs.js';

/** The form's value for "no language of its own: the channel's". */
export const CHANNEL_LANGUAGE = 'channel';
/** Words that clear a post's own language. */
const CHANNEL_WORDS = new Set([CHANNEL_LANGUAGE, 'default']);

/** `lang:`: a supported language, or `channel` (also `default`) for none of its own (null). */
export function postLanguage(): ValueSpec<Locale | null> {
  // Each tag with the language's own name, so a reader recognises theirs whatever the answer's language.
  const expected = msg('common.expectedLanguage', { languages: LOCALES.map((l) => `\`${l}\` (${LOCALE_INFO[l].name})`).join(', ') });
  return {
    placeholder: `${LOCALES.join('|')}|channel`,
    parse(raw) {
      const word = raw.trim().toLowerCase();
      if (CHANNEL_WORDS.has(word)) return { ok: true, value: null };
      const locale = parseLocale(word);
      return locale ? { ok: true, value: locale } : { ok: false, expected };
    },
  };
}

/** The form's choices: the channel's language, then each language in its own name. */
export function languageChoices(tr: Translator): Choice[] {
  return [[CHANNEL_LANGUAGE, tr.t('common.channelLanguage')], ...LOCALES.map((l): Choice => [l, LOCALE_INFO[l].name])];
}

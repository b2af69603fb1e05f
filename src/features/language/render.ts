/** `/aicc lang` answers: where each language comes from, and what was changed. */
import type { KnownBlock } from '@slack/types';
import { LOCALES, LOCALE_INFO, type Locale, type Translator } from '../../i18n/index.js';
import { context, header, section } from '../../slack/render/blocks.js';

/** Where the user's language comes from. */
export type UserSource = 'chosen' | 'slack' | 'default';

export interface LanguageView {
  user: { locale: Locale; source: UserSource };
  /** The channel's chosen language, or undefined: the workspace default. */
  channel?: Locale;
  fallback: Locale;
}

/** `简体中文 (zh-CN)`. */
export const languageName = (locale: Locale) => `${LOCALE_INFO[locale].name} (\`${locale}\`)`;

export function renderLanguages(tr: Translator, view: LanguageView): KnownBlock[] {
  const available = LOCALES.map((l) => languageName(l));
  return [
    header(tr.t('language.title')),
    section(
      [
        tr.t('language.yours', { language: languageName(view.user.locale), source: view.user.source }),
        view.channel ? tr.t('language.channelChosen', { language: languageName(view.channel) }) : tr.t('language.channelDefault', { language: languageName(view.fallback) }),
      ].join('\n'),
    ),
    context(tr.t('language.available', { languages: tr.list(available) })),
    context(tr.t('language.how')),
  ];
}

export type LanguageChange = { kind: 'channel-set'; locale: Locale } | { kind: 'channel-cleared'; fallback: Locale } | { kind: 'user-set'; locale: Locale } | { kind: 'user-cleared'; now: Locale };

/** The confirmation, in the language the user now reads (after a change of their own, the new one). */
export function renderChange(tr: Translator, change: LanguageChange): KnownBlock[] {
  switch (change.kind) {
    case 'channel-set':
      return [section(tr.t('language.channelSet', { language: languageName(change.locale) })), context(tr.t('language.channelSetHint'))];
    case 'channel-cleared':
      return [section(tr.t('language.channelCleared', { language: languageName(change.fallback) }))];
    case 'user-set':
      return [section(tr.t('language.userSet', { language: languageName(change.locale) }))];
    case 'user-cleared':
      return [section(tr.t('language.userCleared', { language: languageName(change.now) }))];
  }
}


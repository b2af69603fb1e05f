/** The console's words in every language: Slack locale tags, texts for the page, and texts inside rendered HTML. */
import { describe, expect, it } from 'vitest';
import { CONSOLE_LANGUAGES, i18nScript, localeOfSlackTag, localized, pageStrings, slackTagOf } from '../../../../local/console/l10n.js';
import { LOCALES, translator } from '../../../../src/i18n/index.js';
import { l10nTexts } from '../../../support/console-l10n.js';

describe('Slack locales', () => {
  it('a console language is a Slack locale tag, and back', () => {
    expect(LOCALES.map(slackTagOf)).toEqual(['en-US', 'zh-CN', 'es-LA', 'pt-BR']);
    for (const l of LOCALES) expect(localeOfSlackTag(slackTagOf(l))).toBe(l);
    expect(localeOfSlackTag('es-ES')).toBe('es');
    expect(localeOfSlackTag('zh-TW')).toBe('zh-CN');
    expect(localeOfSlackTag('ja-JP')).toBe('en');
    expect(localeOfSlackTag(undefined)).toBe('en');
  });

  it('the picker offers each language by its own name, with its lang and dir', () => {
    expect(CONSOLE_LANGUAGES.map((l) => [l.locale, l.name, l.lang, l.dir])).toEqual([
      ['en', 'English', 'en-US', 'ltr'],
      ['zh-CN', '简体中文', 'zh-CN', 'ltr'],
      ['es', 'Español (Latinoamérica)', 'es-419', 'ltr'],
      ['pt-BR', 'Português (Brasil)', 'pt-BR', 'ltr'],
    ]);
  });
});

describe('the page’s words', () => {
  it('keep the placeholders the page fills in, in every language', () => {
    for (const l of LOCALES) {
      const s = pageStrings(translator(l));
      expect(s['composer.placeholder']).toContain('#{channel}');
      expect(s['note.unknownCommand']).toContain('/{command}');
      expect(s['home.topic']).toContain('{name}');
    }
    expect(pageStrings(translator('zh-CN'))['user.typingAs']).toBe('当前身份');
    expect(pageStrings(translator('pt-BR'))['composer.placeholder']).toBe('Mensagem para #{channel} (/aicc help)');
  });

  it('/console-i18n.js is one script holding every language', () => {
    const js = i18nScript();
    expect(() => new Function(js)).not.toThrow();
    for (const l of LOCALES) expect(js).toContain(`"${l}":{`);
    expect(js).toContain('window.consoleI18n');
  });
});

describe('localized', () => {
  it('English in place, every language in data-l10n, escaped for an attribute', () => {
    const l = localized('msg.imageAlt', { alt: '<b>"chart"</b>' });
    expect(l.html).toBe('[image: &lt;b&gt;&quot;chart&quot;&lt;/b&gt;]');
    expect(l.attr).toMatch(/^ data-l10n="[^"<>]*"$/);
    expect(l10nTexts(`<span${l.attr}>`)).toEqual([{ en: '[image: <b>"chart"</b>]', 'zh-CN': '[图片：<b>"chart"</b>]', es: '[imagen: <b>"chart"</b>]', 'pt-BR': '[imagem: <b>"chart"</b>]' }]);
  });

  it('goes on an attribute when asked', () => {
    expect(localized('view.typeToSearch', undefined, 'placeholder').attr).toMatch(/^ data-l10n-placeholder="/);
  });
});

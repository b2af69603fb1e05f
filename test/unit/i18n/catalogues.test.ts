/**
 * The catalogues keep each other true: every language has every English key (the compiler checks
 * that too), the same placeholders with the same kinds (a plural stays a plural), an `other` case
 * in every plural and select, and every message formats in its own locale.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogueOf } from '../../../src/i18n/catalogues.js';
import { LOCALES, translator, type MessageKey } from '../../../src/i18n/index.js';

type Flat = Record<string, string>;
const flat = (locale: (typeof LOCALES)[number]): Flat =>
  Object.fromEntries(Object.entries(catalogueOf(locale)).flatMap(([ns, messages]) => Object.entries(messages as Flat).map(([k, v]) => [`${ns}.${k}`, v])));

/** Each placeholder with its kind (`n:plural`, `name:argument`), and plurals/selects lacking `other`. */
function shape(message: string): { args: string[]; missingOther: string[] } {
  const args = new Set<string>();
  const missingOther: string[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) args.add(`${e.value}:${TYPE[e.type]}`);
      if (e.type === TYPE.plural || e.type === TYPE.select) {
        args.add(`${e.value}:${e.type === TYPE.select ? 'select' : 'plural'}`);
        if (!('other' in e.options)) missingOther.push(e.value);
        for (const option of Object.values(e.options)) walk(option.value);
      }
      if (e.type === TYPE.tag) walk(e.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return { args: [...args].sort(), missingOther };
}

const english = flat('en');

/** Messages that are names, the same in every language. */
const NAMES = new Set(['home.title', 'share.modal.notice']);

describe('catalogues', () => {
  it('English has messages', () => {
    expect(Object.keys(english).length).toBeGreaterThan(10);
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      const messages = flat(locale);
      it('has exactly the English keys', () => {
        expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      });
      it('has the same placeholders, of the same kinds, as English in every message', () => {
        const differ = Object.keys(english).filter((k) => messages[k] !== undefined && JSON.stringify(shape(messages[k]!).args) !== JSON.stringify(shape(english[k]!).args));
        expect(differ.map((k) => `${k}: ${shape(messages[k]!).args.join(',')} vs en ${shape(english[k]!).args.join(',')}`)).toEqual([]);
      });
      it('gives every plural and select an `other` case', () => {
        expect(Object.entries(messages).filter(([, m]) => shape(m).missingOther.length > 0).map(([k]) => k)).toEqual([]);
      });
      it('formats every message with sample values', () => {
        const tr = translator(locale);
        const failures: string[] = [];
        for (const key of Object.keys(english)) {
          const values = Object.fromEntries(shape(english[key]!).args.map((a) => [a.split(':')[0]!, a.endsWith(':plural') ? 2 : a.endsWith(':select') ? 'other' : 'x']));
          try {
            const out = tr.t(key as MessageKey, values);
            if (out.trim() === '' && english[key]!.trim() !== '') failures.push(`${key}: empty`);
          } catch (error) {
            failures.push(`${key}: ${String(error)}`);
          }
        }
        expect(failures).toEqual([]);
      });
      if (locale !== 'en') {
        it('is translated, not copied: most messages differ from English', () => {
          const words = Object.keys(english).filter((k) => !NAMES.has(k) && /[a-z]{3,} [a-z]{3,}/i.test(english[k]!.replace(/`[^`]*`|\{[^{}]*\}/g, '')));
          const same = words.filter((k) => messages[k] === english[k]);
          expect(same).toEqual([]);
        });
      }
    });
  }
});

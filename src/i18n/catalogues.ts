/**
 * Every language's catalogue by locale: English is code (the source of the keys, with notes for
 * translators, and always loaded: it is the default and the fallback); the others are JSON files
 * beside it (`messages/zh-CN.json`, …), the format translation tools exchange, each read and parsed
 * the first time someone needs that language. A bot whose readers all read English keeps no other
 * catalogue in memory (three ES modules of strings cost about 6 MiB of RSS, the same as JSON 1.7).
 *
 * That every catalogue has exactly the English keys and placeholders is checked by
 * test/unit/i18n/catalogues.test.ts; a file that is not an object of namespaces of strings stops
 * the first translator that reads it, with its path.
 */
import { readFileSync } from 'node:fs';
import type { Catalogue } from './catalogue.js';
import type { Locale } from '../platform/locales.js';
import { en } from './messages/en/index.js';

const loaded = new Map<Locale, Catalogue>([['en', en]]);

/** The file a language's catalogue is read from (English has none: it is `messages/en/`). */
export function catalogueFile(locale: Locale): URL {
  return new URL(`./messages/${locale}.json`, import.meta.url);
}

/** The catalogue of `locale`, read on first use and kept. */
export function catalogueOf(locale: Locale): Catalogue {
  let catalogue = loaded.get(locale);
  if (!catalogue) {
    const file = catalogueFile(locale);
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isCatalogueShape(parsed)) throw new Error(`${file.pathname} is not a catalogue: an object of namespaces, each an object of message strings`);
    catalogue = parsed as unknown as Catalogue;
    loaded.set(locale, catalogue);
  }
  return catalogue;
}

function isCatalogueShape(value: unknown): boolean {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return isObject(value) && Object.values(value).every((ns) => isObject(ns) && Object.values(ns).every((m) => typeof m === 'string'));
}

/**
 * A {@link Translator} speaks one language: it looks messages up in that language's catalogue and
 * formats numbers, rates, times and durations the way its readers write them. Renderers take one
 * and stay pure; who gets which language is decided elsewhere (slack/locales.ts).
 *
 * A language's catalogue is read when its translator is first asked for; each message is compiled
 * once per language, on first use, and kept.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey, MessageValues } from './catalogue.js';
import { catalogueOf } from './catalogues.js';
import { DEFAULT_LOCALE, LOCALE_INFO, type Locale } from '../platform/locales.js';
import { wallClock } from './wall-clock.js';

/** What an unknown count looks like, in every language. */
export const UNKNOWN = '–';

export interface Translator {
  readonly locale: Locale;
  /** The message `key` with its placeholders filled. */
  t(key: MessageKey, values?: MessageValues): string;
  /** `12,345` (`12.345` in pt-BR); unknown → "–". */
  count(n?: number | null): string;
  /** One decimal, `2.5` (`2,5`); unknown → "–". */
  decimal(n?: number | null): string;
  /** A fraction as a percentage with one decimal, `66.7%` (`66,7 %`); null, unknown, NaN or negative → "no data". */
  percent(fraction: number | null | undefined): string;
  /** `10:05` in the zone. */
  time(date: Date, timeZone: string): string;
  /** `10:05:02` in the zone: for "ask again after", where a minute is too coarse. */
  clockTime(date: Date, timeZone: string): string;
  /** The calendar date in the zone: `2026-11-21` in English, `21/11/2026` in Spanish. */
  date(date: Date, timeZone: string): string;
  /** Date and time in the zone. */
  dateTime(date: Date, timeZone: string): string;
  /** The date alone when the instant is midnight in the zone (the vendor sent a bare date), else date and time. */
  dateOrDateTime(date: Date, timeZone: string): string;
  /** "as of 10:05 (Asia/Shanghai)", the freshness line every data answer carries. */
  asOf(date: Date, timeZone: string): string;
  /** A duration rounded to seconds: `4s`, `1m 05s`, `2h 03m`; unknown or negative → "–". */
  duration(ms: number | undefined): string;
  /** `a, b and c` (or, with `'or'`, `a, b or c`) in the language's words. */
  list(items: readonly string[], join?: 'and' | 'or'): string;
  /** What a rate without data looks like. */
  readonly noData: string;
}

const translators = new Map<Locale, Translator>();

/** The translator of `locale`, built once and kept (it holds only compiled messages and formats). */
export function translator(locale: Locale = DEFAULT_LOCALE): Translator {
  let tr = translators.get(locale);
  if (!tr) {
    tr = createTranslator(locale);
    translators.set(locale, tr);
  }
  return tr;
}

function createTranslator(locale: Locale): Translator {
  const intl = LOCALE_INFO[locale].intl;
  const catalogue = catalogueOf(locale) as unknown as Readonly<Record<string, Readonly<Record<string, string>>>>;
  const fallback = catalogueOf(DEFAULT_LOCALE) as unknown as Readonly<Record<string, Readonly<Record<string, string>>>>;
  const compiled = new Map<string, IntlMessageFormat>();
  const countFormat = new Intl.NumberFormat(intl, { maximumFractionDigits: 0 });
  const decimalFormat = new Intl.NumberFormat(intl, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percentFormat = new Intl.NumberFormat(intl, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // The bot's English writes no serial comma ("running, paused or all"), as en-GB does.
  const listTag = locale === 'en' ? 'en-GB' : intl;
  const lists = { and: new Intl.ListFormat(listTag, { style: 'long', type: 'conjunction' }), or: new Intl.ListFormat(listTag, { style: 'long', type: 'disjunction' }) };
  // English keeps ISO dates (unambiguous for an international team); the others write theirs.
  const dateParts = locale === 'en' ? undefined : new Intl.DateTimeFormat(intl, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });

  function message(key: string): IntlMessageFormat {
    let m = compiled.get(key);
    if (m) return m;
    const dot = key.indexOf('.');
    const ns = key.slice(0, dot);
    const name = key.slice(dot + 1);
    const text = catalogue[ns]?.[name] ?? fallback[ns]?.[name] ?? key;
    m = new IntlMessageFormat(text, intl, undefined, { ignoreTag: true });
    compiled.set(key, m);
    return m;
  }

  // A message without values reads the same every time (column headings, labels): formatted once.
  const plain = new Map<string, string>();
  const t = (key: MessageKey, values?: MessageValues): string => {
    if (values === undefined) {
      let text = plain.get(key);
      if (text === undefined) {
        text = String(message(key).format());
        plain.set(key, text);
      }
      return text;
    }
    const out = message(key).format(values as Record<string, string | number | Date>);
    return typeof out === 'string' ? out : String(out);
  };

  function date(d: Date, timeZone: string): string {
    const w = wallClock(d, timeZone);
    if (!dateParts) return `${w.year}-${w.month}-${w.day}`;
    // The wall-clock fields as a UTC date, so the language's own order and separators apply.
    return dateParts.format(new Date(Date.UTC(Number(w.year), Number(w.month) - 1, Number(w.day))));
  }
  const time = (d: Date, timeZone: string) => {
    const w = wallClock(d, timeZone);
    return `${w.hour}:${w.minute}`;
  };
  const noData = t('common.noData');

  return {
    locale,
    t,
    count: (n) => (n === undefined || n === null || !Number.isFinite(n) ? UNKNOWN : countFormat.format(n)),
    decimal: (n) => (n === undefined || n === null || !Number.isFinite(n) ? UNKNOWN : decimalFormat.format(n)),
    percent: (f) => (f === null || f === undefined || !Number.isFinite(f) || f < 0 ? noData : percentFormat.format(f)),
    time,
    clockTime: (d, timeZone) => {
      const w = wallClock(d, timeZone);
      return `${w.hour}:${w.minute}:${w.second}`;
    },
    date,
    dateTime: (d, timeZone) => `${date(d, timeZone)} ${time(d, timeZone)}`,
    dateOrDateTime: (d, timeZone) => {
      const w = wallClock(d, timeZone);
      return w.hour === '00' && w.minute === '00' ? date(d, timeZone) : `${date(d, timeZone)} ${w.hour}:${w.minute}`;
    },
    asOf: (d, timeZone) => t('common.asOf', { time: time(d, timeZone), zone: timeZone }),
    duration: (ms) => {
      if (ms === undefined || !Number.isFinite(ms) || ms < 0) return UNKNOWN;
      const total = Math.round(ms / 1000);
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      const two = (n: number) => String(n).padStart(2, '0');
      if (h > 0) return t('common.duration.hours', { h: String(h), m: two(m) });
      if (m > 0) return t('common.duration.minutes', { m: String(m), s: two(s) });
      return t('common.duration.seconds', { s: String(s) });
    },
    list: (items, join = 'and') => lists[join].format(items),
    noData,
  };
}

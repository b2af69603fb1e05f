/**
 * The shape of a catalogue, read from the English one: every other language (a JSON file) must have
 * exactly its namespaces and keys and the same placeholders (test/unit/i18n/catalogues.test.ts).
 *
 * Messages are ICU MessageFormat (https://unicode-org.github.io/icu/userguide/format_parse/messages/):
 * `{name}` inserts a value, `{n, plural, one {# campaign} other {# campaigns}}` and
 * `{state, select, firing {…} other {…}}` choose by value; `#` is the number in the locale's digits
 * and grouping, while a plain `{n}` prints a number as it is (pass `tr.count(n)`, or write
 * `{n, number}`). Text passed in as a value is inserted as it is (escape it for mrkdwn first).
 */
import type { en } from './messages/en/index.js';

type English = typeof en;

/** One namespace of any language: the English keys, each a message. */
export type Namespace<N extends keyof English> = { readonly [K in keyof English[N]]: string };

/** A whole catalogue of one language. */
export type Catalogue = { readonly [N in keyof English]: Namespace<N> };

/** `queries.stats.title`: a namespace, a dot, and a key of that namespace. */
export type MessageKey = { [N in keyof English & string]: `${N}.${keyof English[N] & string}` }[keyof English & string];

/** What a message's placeholders may be given. */
export type MessageValues = Readonly<Record<string, string | number | Date | undefined>>;

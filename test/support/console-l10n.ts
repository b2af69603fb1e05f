/**
 * Reading the console's server-rendered HTML around its `data-l10n` attributes (every language of
 * a console text, see local/console/l10n.ts): the HTML without them, as the English page shows it,
 * and the languages of one element.
 */

const L10N_ATTR = / data-l10n(?:-[a-z-]+)?="[^"]*"/g;

/** The HTML with every `data-l10n…` attribute removed. */
export function withoutL10n(html: string): string {
  return html.replace(L10N_ATTR, '');
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every `data-l10n` (or `data-l10n-<target>`) attribute in the HTML, decoded: one record of texts by locale each. */
export function l10nTexts(html: string, target?: 'title' | 'placeholder' | 'aria-label'): Array<Record<string, string>> {
  const name = target ? `data-l10n-${target}` : 'data-l10n';
  return [...html.matchAll(new RegExp(` ${name}="([^"]*)"`, 'g'))].map((m) => JSON.parse(unescape(m[1]!)) as Record<string, string>);
}

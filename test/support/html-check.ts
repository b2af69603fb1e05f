/**
 * A strict reader of the renderer's HTML for injection tests: every `<` must open a well-formed
 * tag from an allowed set, with double-quoted attributes from an allowed set, no event handlers,
 * and links or images only to http(s) (or mailto for links).
 */
const TAGS = new Set(['div', 'span', 'b', 'i', 's', 'code', 'pre', 'a', 'blockquote', 'hr', 'button', 'img', 'figure', 'figcaption', 'ul', 'ol', 'li', 'article',
  // tables, and the charts' inline SVG (shapes and text only: no script, style, foreignObject or links)
  'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'line', 'polyline', 'polygon', 'rect', 'circle', 'path', 'text', 'title']);
const ATTRS = new Set(['class', 'id', 'title', 'href', 'target', 'rel', 'src', 'alt', 'loading', 'referrerpolicy', 'type', 'aria-hidden', 'data-action-id', 'data-block-id', 'data-value', 'data-confirm', 'data-channel', 'data-ts', 'data-ephemeral-to',
  // the console's own words in every language (local/console/l10n.ts)
  'data-l10n', 'data-l10n-title', 'data-l10n-placeholder', 'data-l10n-aria-label',
  'viewbox', 'width', 'height', 'role', 'aria-label', 'xmlns', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'd', 'points', 'text-anchor', 'transform']);
const TAG = /<\/?([a-z0-9]+)((?:\s+[a-zA-Z0-9-]+="[^"]*")*)\s*\/?>/y;
const ATTR = /\s+([a-zA-Z0-9-]+)="([^"]*)"/g;

/** The problems found; an empty list means the HTML is only what the renderer may write. */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    if (!m) {
      problems.push(`malformed tag at ${i}: ${html.slice(i, i + 40)}`);
      continue;
    }
    const tag = m[1]!;
    if (!TAGS.has(tag)) problems.push(`tag <${tag}>`);
    for (const [, name, value] of (m[2] ?? '').matchAll(ATTR)) {
      if (!ATTRS.has(name!.toLowerCase())) problems.push(`attribute ${name} on <${tag}>`);
      if (name === 'href' && !/^(https?:|mailto:)/.test(value!)) problems.push(`href ${value}`);
      if (name === 'src' && !/^https?:/.test(value!)) problems.push(`src ${value}`);
      if (/[<>]/.test(value!)) problems.push(`unescaped markup in ${name}`);
    }
  }
  return problems;
}

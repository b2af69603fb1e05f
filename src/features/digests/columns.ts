/**
 * Fixed-width cells for the monospace tables of a digest. Campaign names are often Chinese, and a
 * CJK character takes two columns in a code block, so widths are counted in display columns, not
 * in characters; otherwise one Chinese name would push every figure after it out of line.
 */
import { escapeMrkdwn } from '../../slack/format.js';

const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Columns one character takes in a monospace font: 0 for combining marks, 2 for wide ones. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x300) return 1;
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  return WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
}

/** Display width of a text in columns. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Vendor text made safe for one cell of a code block: one line, no backticks, no control characters. */
export function plainCell(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/`/g, "'").trim();
}

/** Cuts text to at most `width` columns, ending in "…" when cut. */
export function fitWidth(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/**
 * One cell, cut and padded to `width` columns, then escaped for mrkdwn. Padding is measured before
 * escaping because Slack shows `&amp;` as one character.
 */
export function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fitted = fitWidth(plainCell(text), width);
  const pad = ' '.repeat(Math.max(0, width - textWidth(fitted)));
  return escapeMrkdwn(align === 'left' ? fitted + pad : pad + fitted);
}

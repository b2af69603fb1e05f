/**
 * Vendor text made safe to quote inside inline code or a code span of a digest: campaign names and
 * ids arrive from the vendor and may hold line breaks, control characters or backticks.
 */

/** One line, no backticks, no control characters. */
export function plainCell(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/`/g, "'").trim();
}

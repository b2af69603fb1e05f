/**
 * Small, pure text helpers for Slack answers that need no language: escaping, masking, links,
 * rates as fractions, truncation. Numbers, rates, times and durations are written by a
 * `Translator` (src/i18n), in the reader's language.
 *
 * Conventions (from ../aicc/domain.ts): an unknown count is `undefined` and shows as "–", never 0;
 * a rate of `null` (the vendor said "no data") or one whose denominator is 0 shows as "no data".
 */
import { UNKNOWN } from '../i18n/index.js';
import { maskDigits, redactText } from '../platform/log.js';

/** What an unknown count looks like, in every language. */
export { UNKNOWN };

/**
 * Escapes the three characters Slack's mrkdwn treats as control characters, so user or vendor text
 * can never produce a mention, `<!channel>` or a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The inverse of {@link escapeMrkdwn}: decodes the three entities Slack encodes (in command text,
 * in message text) in one pass, so `&amp;lt;` becomes the literal text `&lt;`.
 */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}

/** Only the characters Slack ids are made of; anything else in an id is dropped so it cannot inject. */
function idChars(id: string): string {
  return id.replace(/[^A-Z0-9]/gi, '');
}

/** `<#C123>`: Slack shows the channel's current name. */
export function channelLink(channelId: string): string {
  const id = idChars(channelId);
  return id === '' ? UNKNOWN : `<#${id}>`;
}

/** `<@U123>`: Slack shows the user's name. */
export function userMention(userId: string): string {
  const id = idChars(userId);
  return id === '' ? UNKNOWN : `<@${id}>`;
}

/**
 * Echoes user text inside an inline code span: escaped, one line, no backticks (which would end
 * the span), control characters dropped, and cut to `max` characters.
 */
export function echo(text: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/`/g, "'");
  return escapeMrkdwn(truncate(flat, max));
}

/**
 * Masks a phone number to its last four digits (`****1955`). Numbers of four characters or fewer
 * are masked entirely, since showing "the last four" would show all of it.
 */
export function maskNumber(num: string | undefined, mask: boolean): string {
  if (num === undefined || num.trim() === '') return UNKNOWN;
  if (!mask) return escapeMrkdwn(num);
  return escapeMrkdwn(maskDigits(num.trim()));
}

/**
 * Vendor free text (an error's `resultDesc`, a campaign name) as a user may see it: the log's
 * redaction (signed URLs, query credentials, tokens) and, per BOT_MASK_NUMBERS, phone numbers
 * masked to their last four digits. Not escaped: escape it where it is put into mrkdwn.
 */
export function vendorText(text: string, maskNumbers: boolean): string {
  return redactText(text, { maskNumbers });
}

/**
 * `numerator / denominator` as a fraction: `undefined` when either count is unknown, `null` when the
 * denominator is 0 (no data), the fraction otherwise.
 */
export function ratio(numerator?: number, denominator?: number): number | null | undefined {
  if (numerator === undefined || denominator === undefined) return undefined;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) return undefined;
  if (denominator === 0) return null;
  return numerator / denominator;
}

/** Prefers a rate computed from counts; falls back to the vendor's own rate when counts are unknown. */
export function rateOr(computed: number | null | undefined, vendor: number | null | undefined): number | null | undefined {
  return computed === undefined ? vendor : computed;
}

/** Milliseconds from `from` to `to`, or `undefined` when either is unknown. */
export function between(from?: Date, to?: Date): number | undefined {
  return from && to ? to.getTime() - from.getTime() : undefined;
}

/** A ten-cell bar for a fraction (`▓▓▓▓▓▓░░░░`); empty when there is no data. */
export function progressBar(fraction: number | null | undefined, cells = 10): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction) || fraction < 0) return '';
  const filled = Math.round(Math.min(1, fraction) * cells);
  return '▓'.repeat(filled) + '░'.repeat(cells - filled);
}

/** Cuts text to at most `max` characters (code points are not split), ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // Do not leave half of a surrogate pair behind.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Like {@link truncate} for mrkdwn: never cuts inside an entity (`&amp;`) or a `<…>` link/mention,
 * and closes a code block (```) left open by the cut.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const fence = '```';
  let cut = truncate(text, max - fence.length - 1).slice(0, -1);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  const lt = cut.lastIndexOf('<');
  if (lt >= 0 && !cut.slice(lt).includes('>')) cut = cut.slice(0, lt);
  const fences = cut.split(fence).length - 1;
  return fences % 2 === 1 ? `${cut}…\n${fence}` : `${cut}…`;
}

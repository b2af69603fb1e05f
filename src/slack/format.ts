/**
 * Small, pure text helpers for Slack answers: escaping, masking, numbers, rates, times.
 *
 * Conventions (from ../aicc/domain.ts): an unknown count is `undefined` and shows as "–", never 0;
 * a rate of `null` (the vendor said "no data") or one whose denominator is 0 shows as "no data".
 */
import { maskDigits, redactText } from '../platform/log.js';

/** What an unknown count looks like. */
export const UNKNOWN = '–';
/** What a rate without data looks like. */
export const NO_DATA = 'no data';

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
  return id === '' ? 'an unknown channel' : `<#${id}>`;
}

/** `<@U123>`: Slack shows the user's name. */
export function userMention(userId: string): string {
  const id = idChars(userId);
  return id === '' ? 'someone' : `<@${id}>`;
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

/** A fraction as a percentage with one decimal (`66.7%`); `null`, `undefined`, NaN or negative → "no data". */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction) || fraction < 0) return NO_DATA;
  return `${(fraction * 100).toFixed(1)}%`;
}

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A count with thousands separators (`12,345`); unknown → "–". */
export function formatCount(n?: number | null): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return UNKNOWN;
  return COUNT.format(n);
}

/** A non-count number with one decimal (`2.5`); unknown → "–". */
export function formatDecimal(n?: number | null): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return UNKNOWN;
  return DECIMAL.format(n);
}

/** An instant's wall-clock fields in a time zone, as zero-padded text. */
interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/**
 * One `Intl.DateTimeFormat` per time zone, kept: building one costs far more than using it, and the
 * answers format a handful of zones thousands of times (date-fns with `tz` built a zoned date per
 * call). A zone the runtime does not know throws a RangeError, as date-fns did.
 */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * The last instants split per zone: an answer formats the same few instants (its `fetchedAt`, a
 * campaign's times) several times over. Emptied when full, which bounds it.
 */
const recentWallClocks = new Map<string, WallClock>();
const RECENT_LIMIT = 512;

function wallClock(date: Date, timeZone: string): WallClock {
  const key = `${date.getTime()}|${timeZone}`;
  const hit = recentWallClocks.get(key);
  if (hit) return hit;
  let f = wallClockFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    wallClockFormats.set(timeZone, f);
  }
  const w: WallClock = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const p of f.formatToParts(date)) if (p.type in w) w[p.type as keyof WallClock] = p.value;
  // `yyyy` pads a year to four digits; Intl's numeric year does not.
  w.year = w.year.padStart(4, '0');
  if (recentWallClocks.size >= RECENT_LIMIT) recentWallClocks.clear();
  recentWallClocks.set(key, w);
  return w;
}

/** Wall-clock time in a time zone, `10:05`. */
export function formatTime(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${w.hour}:${w.minute}`;
}

/** Wall-clock time with seconds, `10:05:02`: for "ask again after", where a minute is too coarse. */
export function formatClockTime(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${w.hour}:${w.minute}:${w.second}`;
}

/** Wall-clock date and time in a time zone, `2026-11-21 10:05`. */
export function formatDateTime(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${w.year}-${w.month}-${w.day} ${w.hour}:${w.minute}`;
}

/** Calendar date in a time zone, `2026-11-21`. */
export function formatDate(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${w.year}-${w.month}-${w.day}`;
}

/** Date only when the instant is midnight in the time zone (the vendor sent a bare date), else date and time. */
export function formatDateOrDateTime(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  const day = `${w.year}-${w.month}-${w.day}`;
  return w.hour === '00' && w.minute === '00' ? day : `${day} ${w.hour}:${w.minute}`;
}

/** "as of 10:05 (Asia/Shanghai)", the freshness line every data answer carries. */
export function formatAsOf(date: Date, timeZone: string): string {
  return `as of ${formatTime(date, timeZone)} (${timeZone})`;
}

/** A duration rounded to seconds: `4s`, `1m 05s`, `2h 03m`; unknown or negative → "–". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return UNKNOWN;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
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

/** "1 campaign" / "2 campaigns". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

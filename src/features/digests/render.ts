/**
 * A digest as Slack messages: text first, so the figures can be read in a notification and found
 * with Slack search.
 *
 * The first message holds the header, the date and time zone, a late notice, the sources that
 * failed, totals per VDN, the best and worst campaigns, the voice bots and the "as of" lines. The
 * per-campaign table (one monospace row per campaign, in code blocks of ~30 rows) follows in the
 * same message when the whole fits in one message, and otherwise goes to replies in its thread,
 * each within Block Kit limits. Anything the first message cannot hold moves to the thread too,
 * so the first message is always one valid message.
 */
import { createHash } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, formatCount, formatDateTime, formatPercent, formatTime, plural, truncate } from '../../slack/format.js';
import { chunkLines, context, divider, header, section } from '../../slack/render/blocks.js';
import { LIMITS, fitBlocks } from '../../slack/render/limits.js';
import { cell, plainCell } from './columns.js';
import type { DigestBotRow, DigestCampaignRow, DigestView, DigestVdnView, RankedCampaign, Rate } from './view.js';

/** The messages of one digest: the channel post and the replies in its thread (possibly none). */
export interface DigestMessages {
  first: KnownBlock[];
  thread: KnownBlock[][];
}

/** Room left in a section for a code block, below the 3,000-character limit. */
const SECTION_BUDGET = 2900;

/** "down 12.0 points since yesterday"; undefined when there is nothing to compare. */
export function deltaWords(points: number | null): string | undefined {
  if (points === null) return undefined;
  if (Math.abs(points) < 0.05) return 'same as yesterday';
  return `${points > 0 ? 'up' : 'down'} ${Math.abs(points).toFixed(1)} points since yesterday`;
}

/** `+3.4` / `-12.0` / `0.0` for the table; `–` when unknown. */
function deltaCell(points: number | null): string {
  if (points === null) return '–';
  if (Math.abs(points) < 0.05) return '0.0';
  return `${points > 0 ? '+' : '-'}${Math.abs(points).toFixed(1)}`;
}

/** Rate in the table: `55.0%`, or `–` where prose would say "no data" (keeps columns narrow). */
const pct = (r: Rate): string => (r === null ? '–' : formatPercent(r));

/** Vendor text for prose: one line, no backticks, escaped, bounded. */
const vendorText = (text: string, max = 60): string => escapeMrkdwn(truncate(plainCell(text) || '(no name)', max));

const campaignTitle = (name: string | undefined, id: string): string =>
  `${name !== undefined ? `*${vendorText(name)}* ` : ''}\`${escapeMrkdwn(truncate(plainCell(id), 40))}\``;

function vdnSection(v: DigestVdnView): KnownBlock[] {
  const t = v.totals;
  const lines = [`*VDN ${v.vdn}*  ·  ${plural(t.campaigns, 'campaign')}, ${formatCount(t.running)} running`];
  if (t.campaigns > 0) {
    const delta = deltaWords(t.deltaPoints);
    lines.push(
      `Dialled *${formatCount(t.dialled)}*  ·  connected *${formatCount(t.connected)}*  ·  success *${formatPercent(t.successRate)}*${delta ? ` (${delta})` : ''}`,
      `Finished today ${formatCount(t.finished)}  ·  remaining ${formatCount(t.remaining)}`,
    );
  } else {
    lines.push('No campaign in scope.');
  }
  if (v.withoutStats > 0) lines.push(`:grey_question: ${plural(v.withoutStats, 'campaign')} without figures; the totals leave them out.`);
  if (v.notFound.length > 0) {
    const ids = v.notFound.slice(0, 20).map((id) => `\`${escapeMrkdwn(truncate(plainCell(id), 40))}\``).join(', ');
    const more = v.notFound.length > 20 ? ` and ${formatCount(v.notFound.length - 20)} more` : '';
    lines.push(`:mag: Not found in VDN ${v.vdn}: ${ids}${more}.`);
  }
  return chunkLines(lines).map((c) => section(c));
}

function rankedLine(r: RankedCampaign, i: number, multiVdn: boolean): string {
  const delta = deltaWords(r.deltaPoints);
  const where = multiVdn ? ` (VDN ${r.vdn})` : '';
  return `${i + 1}. ${campaignTitle(r.name, r.id)}${where} — *${formatPercent(r.successRate)}* of ${formatCount(r.dialled)} dialled${delta ? `, ${delta}` : ''}`;
}

function rankingSection(view: DigestView): KnownBlock[] {
  const min = formatCount(view.minDialledForRanking);
  if (view.rankedCount === 0) return [section(`*Best and worst*\nNo campaign has dialled ${min} calls today, so none is ranked.`)];
  const multi = view.vdns.length > 1;
  const lines = [`*Best success rate* (campaigns with at least ${min} dialled today)`, ...view.best.map((r, i) => rankedLine(r, i, multi))];
  if (view.worst.length > 0) lines.push('', '*Lowest success rate*', ...view.worst.map((r, i) => rankedLine(r, i, multi)));
  return chunkLines(lines).map((c) => section(c));
}

function botLine(b: DigestBotRow): string {
  const name = b.name !== undefined ? `*${vendorText(b.name)}* ` : '';
  const code = `\`${escapeMrkdwn(truncate(plainCell(b.accessCode), 40))}\``;
  if (b.asOf === undefined && b.calls === undefined) return `:robot_face: ${name}${code}: no figures`;
  return (
    `:robot_face: ${name}${code}: ${formatCount(b.calls)} calls  ·  autonomy ${formatPercent(b.autonomyRate)}` +
    `  ·  ${formatCount(b.transferToAgent)} to an agent (${formatPercent(b.transferRate)})  ·  interface success ${formatPercent(b.interfaceSuccessRate)}`
  );
}

function failureSection(view: DigestView): KnownBlock[] {
  if (view.failures.length === 0) return [];
  const lines = view.failures.map((f) => {
    const since = f.since ? ` (failing since ${formatDateTime(f.since, view.timeZone)})` : '';
    return `• *${vendorText(f.source, 80)}*: ${vendorText(f.message, 200)}${since}`;
  });
  return chunkLines([':warning: *Not in this digest*: these sources could not be read.', ...lines]).map((c) => section(c));
}

/** "as of" lines: one per source and VDN, naming the ones without data. */
function asOfLines(view: DigestView): string[] {
  const at = (d: Date | undefined) => (d ? `as of ${formatTime(d, view.timeZone)}` : 'not available');
  const lines = view.vdns.map((v) => {
    const yesterday = v.yesterdayAsOf ? `as of ${formatDateTime(v.yesterdayAsOf, view.timeZone)}` : 'not available';
    return `VDN ${v.vdn}: campaign list ${at(v.campaignsAsOf)}  ·  statistics ${at(v.statsAsOf)}  ·  yesterday's figures ${yesterday}`;
  });
  const botTimes = new Set(view.bots.map((b) => (b.asOf ? formatTime(b.asOf, view.timeZone) : '')));
  if (view.bots.length > 0 && botTimes.size === 1 && !botTimes.has('')) lines.push(`Voice bots ${at(view.bots[0]!.asOf)}`);
  else if (view.bots.length > 0) lines.push(...view.bots.map((b) => `Bot \`${escapeMrkdwn(truncate(plainCell(b.accessCode), 40))}\` ${at(b.asOf)}`));
  return lines;
}

const TABLE_HEAD = { name: 'Campaign', status: 'Status', dialled: 'Dialled', connected: 'Connect', success: 'Success', delta: 'Δ pts', done: 'Done' };
const W = { name: 24, status: 9, dialled: 8, connected: 8, success: 7, delta: 6, done: 6 };

function tableRow(c: DigestCampaignRow, idWidth: number): string {
  return [
    cell(c.name ?? '(not listed)', W.name),
    cell(c.id, idWidth),
    cell(c.statusLabel, W.status),
    cell(formatCount(c.dialled), W.dialled, 'right'),
    cell(formatCount(c.connected), W.connected, 'right'),
    cell(pct(c.successRate), W.success, 'right'),
    cell(deltaCell(c.deltaPoints), W.delta, 'right'),
    cell(pct(c.completionRate), W.done, 'right'),
  ].join(' ');
}

/** The campaign table of one VDN as sections, each a titled code block within the section limit. */
function tableSections(v: DigestVdnView): KnownBlock[] {
  if (v.campaigns.length === 0) return [];
  const idWidth = Math.min(20, Math.max(2, ...v.campaigns.map((c) => plainCell(c.id).length)));
  const head = [
    cell(TABLE_HEAD.name, W.name),
    cell('ID', idWidth),
    cell(TABLE_HEAD.status, W.status),
    cell(TABLE_HEAD.dialled, W.dialled, 'right'),
    cell(TABLE_HEAD.connected, W.connected, 'right'),
    cell(TABLE_HEAD.success, W.success, 'right'),
    cell(TABLE_HEAD.delta, W.delta, 'right'),
    cell(TABLE_HEAD.done, W.done, 'right'),
  ].join(' ');
  const rows = v.campaigns.map((c) => tableRow(c, idWidth));
  const titleRoom = 80;
  const chunks = chunkLines(rows, SECTION_BUDGET - head.length - titleRoom);
  const total = formatCount(v.campaigns.length);
  let from = 1;
  return chunks.map((chunk) => {
    const n = chunk.split('\n').length;
    const range = chunks.length > 1 ? ` ${formatCount(from)}–${formatCount(from + n - 1)} of ${total}` : ` (${total})`;
    from += n;
    return section(`*VDN ${v.vdn} campaigns*${range}\n\`\`\`${head}\n${chunk}\`\`\``);
  });
}

const TABLE_NOTE = 'Δ pts = success rate change in points since the same time yesterday  ·  Done = finished share of the whole campaign';

/** Renders a digest into a first message and thread replies, every one within Block Kit limits. */
export function renderDigest(view: DigestView): DigestMessages {
  const top: KnownBlock[] = [header(view.title), context(`:calendar: *${view.date}*  ·  ${escapeMrkdwn(view.timeZone)}`)];
  if (view.late) {
    const due = formatTime(view.late.scheduledFor, view.timeZone);
    const now = formatTime(view.generatedAt, view.timeZone);
    top.push(section(`:hourglass_flowing_sand: *Posted late.* This digest was due at ${due}; the bot was not running then, so it comes at ${now}.`));
  }
  top.push(...failureSection(view), ...view.vdns.flatMap(vdnSection), divider(), ...rankingSection(view));
  if (view.bots.length > 0) top.push(divider(), ...chunkLines(['*Voice bots* (today)', ...view.bots.map(botLine)]).map((c) => section(c)));

  const table = view.vdns.flatMap(tableSections);
  const footer: KnownBlock[] = [context(...chunkLines(asOfLines(view), 1900).slice(0, LIMITS.contextElements))];
  if (view.subscriptionId !== undefined) footer.push(context(`Digest ${view.subscriptionId}  ·  \`/aicc digest list\` to see or change digests`));

  const whole = [...top, ...(table.length > 0 ? [divider(), ...table, context(TABLE_NOTE)] : []), ...footer];
  const inOne = fitBlocks(whole);
  if (inOne.length === 1) return { first: inOne[0]!, thread: [] };

  const pointer = table.length > 0 ? [context(`:thread: The table of all ${plural(countCampaigns(view), 'campaign')} is in the thread.`)] : [];
  const [first = [], ...overflow] = fitBlocks([...top, ...pointer, ...footer]);
  return { first, thread: [...overflow, ...fitBlocks([...table, context(TABLE_NOTE)])] };
}

const countCampaigns = (view: DigestView): number => view.vdns.reduce((n, v) => n + v.campaigns.length, 0);

/** The notification text of a digest's first message: plain figures, no vendor text, ≤ 300 characters. */
export function digestFallbackText(view: DigestView): string {
  const parts = view.vdns.map((v) => `VDN ${v.vdn}: ${formatCount(v.totals.dialled)} dialled, ${formatPercent(v.totals.successRate)} success`);
  if (view.failures.length > 0) parts.push(`${plural(view.failures.length, 'source')} missing`);
  const text = `${view.title} ${view.date}${view.late ? ' (late)' : ''}: ${parts.join('; ') || 'no data'}`;
  return truncate(escapeMrkdwn(text), LIMITS.fallbackText);
}

const r3 = (r: Rate): number | null => (r === null ? null : Math.round(r * 1000) / 1000);

/**
 * A stable hash of what a digest says, for `when:changed`: campaigns, their figures and status,
 * bots, and which sources failed. Leaves out the date, every time, the late mark and yesterday's
 * comparison, so a quiet day's digest hashes like the one before it.
 */
export function digestHash(view: DigestView): string {
  const content = {
    vdns: view.vdns.map((v) => ({
      vdn: v.vdn,
      notFound: v.notFound,
      campaigns: v.campaigns.map((c) => [c.id, c.name ?? null, c.status ?? null, c.dialled ?? null, c.connected ?? null, c.finished ?? null, c.remaining ?? null, r3(c.completionRate)]),
    })),
    bots: view.bots.map((b) => [b.accessCode, b.calls ?? null, b.selfService ?? null, b.transferToAgent ?? null, r3(b.interfaceSuccessRate)]),
    failures: view.failures.map((f) => f.source).sort(),
    min: view.minDialledForRanking,
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
}

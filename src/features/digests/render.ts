/**
 * A digest as Slack messages: text first, so the figures can be read in a notification and found
 * with Slack search; charts beside the text they illustrate, each followed by its figures in words.
 *
 * The first message holds the header, the date and time zone, a late notice, the sources that
 * failed, totals per VDN (with the VDN's hourly chart), the best and worst campaigns, the voice bots
 * (with their calls chart) and the "as of" lines. A message holds two charts at most, so further
 * charts (the bots' autonomy when a VDN chart is there) open the thread. The per-campaign table (a
 * native `table` block per VDN) follows in the same message when the whole fits in one message,
 * and otherwise goes to replies in its thread, each within Block Kit limits. Anything the first
 * message cannot hold moves to the thread too, so the first message is always one valid message.
 */
import { createHash } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, formatCount, formatDateTime, formatPercent, formatTime, plural, truncate } from '../../slack/format.js';
import { chunkLines, context, divider, header, section } from '../../slack/render/blocks.js';
import { asChart } from '../../slack/render/chart.js';
import { LIMITS, fitBlocks } from '../../slack/render/limits.js';
import { plainCell } from './columns.js';
import { botAutonomyChartBlocks, botCallsChartBlocks, vdnChartBlocks } from './render-charts.js';
import { campaignTableBlocks, TABLE_NOTE } from './render-table.js';
import type { DigestBotRow, DigestView, DigestVdnView, RankedCampaign, Rate } from './view.js';

/** The messages of one digest: the channel post and the replies in its thread (possibly none). */
export interface DigestMessages {
  first: KnownBlock[];
  thread: KnownBlock[][];
}

/** "down 12.0 points since yesterday"; undefined when there is nothing to compare. */
export function deltaWords(points: number | null): string | undefined {
  if (points === null) return undefined;
  if (Math.abs(points) < 0.05) return 'same as yesterday';
  return `${points > 0 ? 'up' : 'down'} ${Math.abs(points).toFixed(1)} points since yesterday`;
}

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
      `Dialled *${formatCount(t.dialled)}*  ·  connected *${formatCount(t.connected)}*  ·  connection rate *${formatPercent(t.successRate)}*${delta ? ` (${delta})` : ''}`,
      `Finished today ${formatCount(t.finished)}  ·  remaining ${formatCount(t.remaining)}`,
    );
  } else {
    lines.push('No campaign in scope.');
  }
  if (t.campaigns > 0 && t.reported < t.campaigns) lines.push(`:grey_question: ${t.reported} of ${plural(t.campaigns, 'campaign')} reported today's dialled and connected counts; the totals cover those ${formatCount(t.reported)}.`);
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
  const lines = [`*Best connection rate* (campaigns with at least ${min} dialled today)`, ...view.best.map((r, i) => rankedLine(r, i, multi))];
  if (view.worst.length > 0) lines.push('', '*Lowest connection rate*', ...view.worst.map((r, i) => rankedLine(r, i, multi)));
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

/** Renders a digest into a first message and thread replies, every one within Block Kit limits. */
export function renderDigest(view: DigestView): DigestMessages {
  const top: KnownBlock[] = [header(view.title), context(`:calendar: *${view.date}*  ·  ${escapeMrkdwn(view.timeZone)}`)];
  if (view.late) {
    const due = formatTime(view.late.scheduledFor, view.timeZone);
    const now = formatTime(view.generatedAt, view.timeZone);
    top.push(section(`:hourglass_flowing_sand: *Posted late.* This digest was due at ${due}; the bot was not running then, so it comes at ${now}.`));
  }
  // Charts beyond the message's two open the thread, each with its text.
  const laterCharts: KnownBlock[] = [];
  let charts = 0;
  const beside = (blocks: KnownBlock[]): KnownBlock[] => {
    if (!blocks.some((b) => asChart(b))) return blocks;
    if (charts < LIMITS.chartsPerMessage) {
      charts++;
      return blocks;
    }
    laterCharts.push(...blocks);
    return [];
  };
  top.push(...failureSection(view), ...view.vdns.flatMap((v) => [...vdnSection(v), ...beside(vdnChartBlocks(v))]), divider(), ...rankingSection(view));
  if (view.bots.length > 0) {
    top.push(divider(), ...chunkLines(['*Voice bots* (today)', ...view.bots.map(botLine)]).map((c) => section(c)));
    top.push(...beside(botCallsChartBlocks(view.botHours)), ...beside(botAutonomyChartBlocks(view.botHours)));
  }

  const table = view.vdns.flatMap(campaignTableBlocks);
  const footer: KnownBlock[] = [context(...chunkLines(asOfLines(view), 1900).slice(0, LIMITS.contextElements))];
  if (view.subscriptionId !== undefined) footer.push(context(`Digest ${view.subscriptionId}  ·  \`/aicc digest list\` to see or change digests`));
  const more = laterCharts.length > 0 ? fitBlocks(laterCharts) : [];

  const whole = [...top, ...(table.length > 0 ? [divider(), ...table, context(TABLE_NOTE)] : []), ...footer];
  const inOne = fitBlocks(whole);
  if (inOne.length === 1) return { first: inOne[0]!, thread: more };

  const pointer = table.length > 0 ? [context(`:thread: The table of all ${plural(countCampaigns(view), 'campaign')} is in the thread.`)] : [];
  const [first = [], ...overflow] = fitBlocks([...top, ...pointer, ...footer]);
  return { first, thread: [...overflow, ...more, ...fitBlocks([...table, context(TABLE_NOTE)])] };
}

const countCampaigns = (view: DigestView): number => view.vdns.reduce((n, v) => n + v.campaigns.length, 0);

/** The notification text of a digest's first message: plain figures, no vendor text, ≤ 300 characters. */
export function digestFallbackText(view: DigestView): string {
  const parts = view.vdns.map((v) => `VDN ${v.vdn}: ${formatCount(v.totals.dialled)} dialled, ${formatPercent(v.totals.successRate)} connected`);
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

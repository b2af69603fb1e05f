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
import { failureWords } from '../../slack/explain-error.js';
import { createHash } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import type { Translator } from '../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../slack/format.js';
import { chunkLines, context, divider, header, section } from '../../slack/render/blocks.js';
import { asChart } from '../../slack/render/chart.js';
import { LIMITS, fitBlocks } from '../../slack/render/limits.js';
import { plainCell } from './columns.js';
import { botAutonomyChartBlocks, botCallsChartBlocks, vdnChartBlocks } from './render-charts.js';
import { campaignTableBlocks, tableNote } from './render-table.js';
import type { DigestBotRow, DigestFailure, DigestSource, DigestView, DigestVdnView, RankedCampaign, Rate } from './view.js';

/** The messages of one digest: the channel post and the replies in its thread (possibly none). */
export interface DigestMessages {
  first: KnownBlock[];
  thread: KnownBlock[][];
}

/** "down 12.0 points since yesterday"; undefined when there is nothing to compare. */
export function deltaWords(tr: Translator, points: number | null): string | undefined {
  if (points === null) return undefined;
  if (Math.abs(points) < 0.05) return tr.t('digests.delta.same');
  return tr.t(points > 0 ? 'digests.delta.up' : 'digests.delta.down', { points: tr.decimal(Math.abs(points)) });
}

/** The digest's title: its own, or the default in the digest's language. */
export const digestTitle = (tr: Translator, view: Pick<DigestView, 'title'>): string => view.title ?? tr.t('digests.title');

/** Vendor text for prose: one line, no backticks, escaped, bounded. */
const vendorText = (tr: Translator, text: string, max = 60): string => escapeMrkdwn(truncate(plainCell(text) || tr.t('digests.noName'), max));

const codeSpan = (text: string): string => `\`${escapeMrkdwn(truncate(plainCell(text), 40))}\``;

const campaignTitle = (tr: Translator, name: string | undefined, id: string): string => `${name !== undefined ? `*${vendorText(tr, name)}* ` : ''}${codeSpan(id)}`;

function vdnSection(tr: Translator, v: DigestVdnView): KnownBlock[] {
  const t = v.totals;
  const vdn = String(v.vdn);
  const lines = [tr.t('digests.vdn.heading', { vdn, campaigns: t.campaigns, running: tr.count(t.running) })];
  if (t.campaigns > 0) {
    const delta = deltaWords(tr, t.deltaPoints);
    const figures = { dialled: tr.count(t.dialled), connected: tr.count(t.connected), rate: tr.percent(t.successRate) };
    lines.push(
      delta ? tr.t('digests.vdn.totalsDelta', { ...figures, delta }) : tr.t('digests.vdn.totals', figures),
      tr.t('digests.vdn.progress', { finished: tr.count(t.finished), remaining: tr.count(t.remaining) }),
    );
  } else {
    lines.push(tr.t('digests.vdn.none'));
  }
  if (t.campaigns > 0 && t.reported < t.campaigns) lines.push(tr.t('digests.vdn.partial', { reported: tr.count(t.reported), campaigns: t.campaigns }));
  if (v.notFound.length > 0) {
    const shown = v.notFound.slice(0, 20).map(codeSpan).join(', ');
    const ids = v.notFound.length > 20 ? tr.t('digests.andMore', { items: shown, more: tr.count(v.notFound.length - 20) }) : shown;
    lines.push(tr.t('digests.vdn.notFound', { vdn, ids }));
  }
  return chunkLines(lines).map((c) => section(c));
}

function rankedLine(tr: Translator, r: RankedCampaign, i: number, multiVdn: boolean): string {
  const delta = deltaWords(tr, r.deltaPoints);
  const title = campaignTitle(tr, r.name, r.id);
  const values = {
    rank: String(i + 1),
    campaign: multiVdn ? tr.t('digests.ranking.inVdn', { campaign: title, vdn: String(r.vdn) }) : title,
    rate: tr.percent(r.successRate),
    dialled: tr.count(r.dialled),
  };
  return delta ? tr.t('digests.ranking.lineDelta', { ...values, delta }) : tr.t('digests.ranking.line', values);
}

function rankingSection(tr: Translator, view: DigestView): KnownBlock[] {
  const min = tr.count(view.minDialledForRanking);
  if (view.rankedCount === 0) return [section(tr.t('digests.ranking.none', { min }))];
  const multi = view.vdns.length > 1;
  const lines = [tr.t('digests.ranking.best', { min }), ...view.best.map((r, i) => rankedLine(tr, r, i, multi))];
  if (view.worst.length > 0) lines.push('', tr.t('digests.ranking.worst'), ...view.worst.map((r, i) => rankedLine(tr, r, i, multi)));
  return chunkLines(lines).map((c) => section(c));
}

function botLine(tr: Translator, b: DigestBotRow): string {
  const bot = `${b.name !== undefined ? `*${vendorText(tr, b.name)}* ` : ''}${codeSpan(b.accessCode)}`;
  if (b.asOf === undefined && b.calls === undefined) return tr.t('digests.bots.noFigures', { bot });
  return tr.t('digests.bots.line', {
    bot,
    calls: tr.count(b.calls),
    autonomy: tr.percent(b.autonomyRate),
    transferred: tr.count(b.transferToAgent),
    transferRate: tr.percent(b.transferRate),
    interfaceRate: tr.percent(b.interfaceSuccessRate),
  });
}

/** A failed source in words: `CC-iSales statistics (VDN 12)`; the service name is escaped. */
function sourceWords(tr: Translator, s: DigestSource): string {
  const service = vendorText(tr, s.service, 40);
  switch (s.kind) {
    case 'campaigns':
    case 'statistics':
      return tr.t('digests.failures.source', { kind: s.kind, service, vdn: String(s.vdn), code: '' });
    case 'bot':
      return tr.t('digests.failures.source', { kind: s.kind, service, vdn: '', code: codeSpan(s.code) });
    case 'cms':
      return tr.t('digests.failures.source', { kind: s.kind, service, vdn: '', code: '' });
  }
}

function failureLine(tr: Translator, f: DigestFailure, timeZone: string): string {
  const why = vendorText(tr, f.error !== undefined ? failureWords(tr, f.error) : f.message, 200);
  const values = { source: sourceWords(tr, f.source), message: f.stale ? tr.t('digests.failures.stale', { reason: why }) : why };
  return f.since ? tr.t('digests.failures.lineSince', { ...values, since: tr.dateTime(f.since, timeZone) }) : tr.t('digests.failures.line', values);
}

function failureSection(tr: Translator, view: DigestView): KnownBlock[] {
  if (view.failures.length === 0) return [];
  return chunkLines([tr.t('digests.failures.heading'), ...view.failures.map((f) => failureLine(tr, f, view.timeZone))]).map((c) => section(c));
}

/** "as of" lines: one per source and VDN, naming the ones without data. */
function asOfLines(tr: Translator, view: DigestView): string[] {
  const at = (d: Date | undefined) => (d ? tr.t('digests.asOf.at', { time: tr.time(d, view.timeZone) }) : tr.t('digests.asOf.missing'));
  const lines = view.vdns.map((v) =>
    tr.t('digests.asOf.vdn', {
      vdn: String(v.vdn),
      campaigns: at(v.campaignsAsOf),
      statistics: at(v.statsAsOf),
      yesterday: v.yesterdayAsOf ? tr.t('digests.asOf.at', { time: tr.dateTime(v.yesterdayAsOf, view.timeZone) }) : tr.t('digests.asOf.missing'),
    }),
  );
  const botTimes = new Set(view.bots.map((b) => (b.asOf ? tr.time(b.asOf, view.timeZone) : '')));
  if (view.bots.length > 0 && botTimes.size === 1 && !botTimes.has('')) lines.push(tr.t('digests.asOf.bots', { at: at(view.bots[0]!.asOf) }));
  else if (view.bots.length > 0) lines.push(...view.bots.map((b) => tr.t('digests.asOf.bot', { code: codeSpan(b.accessCode), at: at(b.asOf) })));
  return lines;
}

/** Renders a digest, in `tr`'s language, into a first message and thread replies, every one within Block Kit limits. */
export function renderDigest(tr: Translator, view: DigestView): DigestMessages {
  const top: KnownBlock[] = [header(digestTitle(tr, view)), context(tr.t('digests.dateLine', { date: tr.date(view.generatedAt, view.timeZone), zone: escapeMrkdwn(view.timeZone) }))];
  if (view.late) top.push(section(tr.t('digests.late', { due: tr.time(view.late.scheduledFor, view.timeZone), now: tr.time(view.generatedAt, view.timeZone) })));
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
  top.push(...failureSection(tr, view), ...view.vdns.flatMap((v) => [...vdnSection(tr, v), ...beside(vdnChartBlocks(tr, v))]), divider(), ...rankingSection(tr, view));
  if (view.bots.length > 0) {
    top.push(divider(), ...chunkLines([tr.t('digests.bots.heading'), ...view.bots.map((b) => botLine(tr, b))]).map((c) => section(c)));
    top.push(...beside(botCallsChartBlocks(tr, view.botHours)), ...beside(botAutonomyChartBlocks(tr, view.botHours)));
  }

  const table = view.vdns.flatMap((v) => campaignTableBlocks(tr, v));
  const note = context(tableNote(tr));
  const footer: KnownBlock[] = [context(...chunkLines(asOfLines(tr, view), 1900).slice(0, LIMITS.contextElements))];
  if (view.subscriptionId !== undefined) footer.push(context(tr.t('digests.footer', { id: String(view.subscriptionId) })));
  const more = laterCharts.length > 0 ? fitBlocks(laterCharts) : [];

  const whole = [...top, ...(table.length > 0 ? [divider(), ...table, note] : []), ...footer];
  const inOne = fitBlocks(whole);
  if (inOne.length === 1) return { first: inOne[0]!, thread: more };

  const pointer = table.length > 0 ? [context(tr.t('digests.threadPointer', { n: countCampaigns(view) }))] : [];
  const [first = [], ...overflow] = fitBlocks([...top, ...pointer, ...footer]);
  return { first, thread: [...overflow, ...more, ...fitBlocks([...table, note])] };
}

const countCampaigns = (view: DigestView): number => view.vdns.reduce((n, v) => n + v.campaigns.length, 0);

/** The notification text of a digest's first message: plain figures, no vendor text, ≤ 300 characters. */
export function digestFallbackText(tr: Translator, view: DigestView): string {
  const parts = view.vdns.map((v) => tr.t('digests.fallback.vdn', { vdn: String(v.vdn), dialled: tr.count(v.totals.dialled), rate: tr.percent(v.totals.successRate) }));
  if (view.failures.length > 0) parts.push(tr.t('digests.fallback.missing', { n: view.failures.length }));
  const values = { title: digestTitle(tr, view), date: tr.date(view.generatedAt, view.timeZone), parts: parts.join(tr.t('digests.fallback.separator')) || tr.noData };
  const text = tr.t(view.late ? 'digests.fallback.textLate' : 'digests.fallback.text', values);
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
    failures: view.failures.map((f) => sourceKey(f.source)).sort(),
    min: view.minDialledForRanking,
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
}

/** A failed source as a key for the hash: the same in every language. */
function sourceKey(s: DigestSource): string {
  return s.kind === 'bot' ? `bot:${s.code}` : s.kind === 'cms' ? 'cms' : `${s.kind}:${s.vdn}`;
}

/**
 * `/aicc bot`: a voice bot's traffic for one day by hour, or for the 30 days before by day.
 * Totals come first as fields, then (by hour) two charts of the day; the rows follow as a
 * fixed-width table in a code block, which reads better than 24 sections and stays far below the
 * block limit, and says every figure the charts show.
 *
 * Rates are computed from counts: autonomy = self-service / (self-service + both kinds of
 * transfer to an agent), interface success = successes / requests; the vendor's rates are used
 * only when a count is missing.
 */
import type { KnownBlock } from '@slack/types';
import { format } from 'date-fns/format';
import { tz } from '@date-fns/tz';
import type { BotStatRow } from '../../aicc/domain.js';
import { LOCALE_INFO, type Translator } from '../../i18n/index.js';
import { escapeMrkdwn, rateOr, ratio, truncate } from '../../slack/format.js';
import { chunkLines, context, divider, fields, header, metaLine, section } from '../../slack/render/blocks.js';
import { activeRange, xyChart } from '../../slack/render/chart.js';
import { type BotView } from './views.js';

type Counts = Pick<BotStatRow, 'calls' | 'exitNoConsult' | 'staffNoConsult' | 'staffConsult' | 'exitConsulting' | 'interactCount' | 'interfaceRequests' | 'interfaceSuccesses'>;
const COUNT_KEYS: readonly (keyof Counts)[] = ['calls', 'exitNoConsult', 'staffNoConsult', 'staffConsult', 'exitConsulting', 'interactCount', 'interfaceRequests', 'interfaceSuccesses'];

function autonomy(c: Counts, vendor?: number | null): number | null | undefined {
  const handled = c.staffNoConsult !== undefined && c.staffConsult !== undefined && c.exitConsulting !== undefined
    ? c.staffNoConsult + c.staffConsult + c.exitConsulting
    : undefined;
  return rateOr(ratio(c.exitConsulting, handled), vendor);
}

function interfaceRate(c: Counts, vendor?: number | null): number | null | undefined {
  return rateOr(ratio(c.interfaceSuccesses, c.interfaceRequests), vendor);
}

function total(rows: readonly BotStatRow[]): Counts {
  const out: Counts = {};
  for (const key of COUNT_KEYS) {
    const known = rows.map((r) => r[key]).filter((n): n is number => n !== undefined);
    if (known.length > 0) out[key] = known.reduce((a, b) => a + b, 0);
  }
  return out;
}

/** Columns a string takes in a monospace block: CJK and full-width characters take two. */
function columnsOf(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - columnsOf(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - columnsOf(text))) + text;

/** A day's label in the table: `10-23 Fri` in English, the reader's own short date and weekday otherwise. */
function dayLabel(tr: Translator, d: Date, timeZone: string): string {
  if (tr.locale === 'en') return format(d, 'MM-dd EEE', { in: tz(timeZone) }); // i18n-ok: a date-fns pattern
  return new Intl.DateTimeFormat(LOCALE_INFO[tr.locale].intl, { month: '2-digit', day: '2-digit', weekday: 'short', timeZone }).format(d);
}

/** Renders a bot's statistics report. */
export function renderBot(view: BotView): KnownBlock[] {
  const { tr } = view;
  const code = `\`${escapeMrkdwn(truncate(view.accessCode, 64))}\``;
  const scope = tr.t(view.type === 'hour' ? 'queries.bot.scope.hour' : 'queries.bot.scope.day', { code, date: view.date });
  const blocks: KnownBlock[] = [header(tr.t('queries.bot.title')), section(scope), metaLine(tr, view)];
  if (view.unreadable) blocks.push(context(tr.t('queries.bot.unreadable', { n: view.unreadable })));
  if (view.rows.length === 0) {
    const known = view.knownCodes ?? [];
    if (known.includes(view.accessCode)) {
      blocks.push(section(tr.t('queries.bot.quiet')));
      return blocks;
    }
    // OIFDE answers an unknown access code exactly as a quiet bot: say both, and offer the codes the bot knows.
    blocks.push(section(tr.t('queries.bot.unknownCode', { code })));
    if (known.length > 0) blocks.push(context(tr.t('queries.bot.knownCodes', { codes: tr.list(known.slice(0, 20).map((c) => `\`${escapeMrkdwn(c)}\``)) })));
    return blocks;
  }

  const sum = total(view.rows);
  blocks.push(
    fields([
      [tr.t('queries.bot.calls'), tr.count(sum.calls)],
      [tr.t('queries.bot.selfService'), tr.count(sum.exitConsulting)],
      [tr.t('queries.bot.toAgentBefore'), tr.count(sum.staffNoConsult)],
      [tr.t('queries.bot.toAgentAfter'), tr.count(sum.staffConsult)],
      [tr.t('queries.bot.leftAtOnce'), tr.count(sum.exitNoConsult)],
      [tr.t('queries.bot.turns'), tr.t('queries.bot.turnsValue', { turns: tr.count(sum.interactCount), perCall: tr.decimal(ratio(sum.interactCount, sum.calls)) })],
      // A sum of rows has no vendor rate to fall back on; missing counts mean "no data".
      [tr.t('queries.bot.autonomyRate'), tr.percent(autonomy(sum))],
      [tr.t('queries.bot.interfaceSuccess'), tr.percent(interfaceRate(sum))],
    ]),
  );
  if (view.type === 'hour') blocks.push(...hourCharts(tr, view));
  blocks.push(divider());

  const active = [...view.rows].sort((a, b) => a.recordTime.getTime() - b.recordTime.getTime()).filter((r) => r.calls !== 0);
  const quiet = view.rows.length - active.length;
  const when = (d: Date) => (view.type === 'hour' ? format(d, 'HH:mm', { in: tz(view.timeZone) }) : dayLabel(tr, d, view.timeZone));
  const head = [
    tr.t(view.type === 'hour' ? 'queries.bot.column.hour' : 'queries.bot.column.day'),
    tr.t('queries.bot.column.calls'),
    tr.t('queries.bot.column.self'),
    tr.t('queries.bot.column.agentBefore'),
    tr.t('queries.bot.column.agentAfter'),
    tr.t('queries.bot.column.turns'),
    tr.t('queries.bot.column.autonomy'),
    tr.t('queries.bot.column.interface'),
  ];
  const cells = active.map((r) => [
    when(r.recordTime),
    tr.count(r.calls),
    tr.count(r.exitConsulting),
    tr.count(r.staffNoConsult),
    tr.count(r.staffConsult),
    tr.count(r.interactCount),
    tr.percent(autonomy(r, r.autonomyRate)),
    tr.percent(interfaceRate(r, r.interfaceSuccessRate)),
  ]);
  // At least the English widths, wider where a heading or a cell needs it (a translated heading, a weekday).
  const minimum = [view.type === 'hour' ? 5 : 9, 7, 7, 7, 7, 7, 8, 8];
  const widths = minimum.map((w, i) => Math.max(w, ...[head, ...cells].map((line) => columnsOf(line[i]!))));
  const row = (line: string[]) => line.map((c, i) => (i === 0 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join(' ');
  const lines = cells.map(row);
  if (lines.length > 0) {
    // Each chunk is its own code block so a split never leaves a fence open.
    // Slack reads `<`, `>` and `&` as markup even inside a code block: escaped like any mrkdwn.
    for (const chunk of chunkLines(lines, 2800)) blocks.push(section(`\`\`\`${escapeMrkdwn(row(head))}\n${escapeMrkdwn(chunk)}\`\`\``));
  }
  const notes = [tr.t('queries.bot.columnNote')];
  if (quiet > 0) notes.push(tr.t(view.type === 'hour' ? 'queries.bot.quietHours' : 'queries.bot.quietDays', { n: quiet }));
  blocks.push(context(notes.join('  ·  ')));
  return blocks;
}

/**
 * The day by hour as two charts (a message holds two): calls with self-service and transfers (one
 * unit), then autonomy and interface success in percent. The hourly table below says the same
 * figures; an hour without a row is a gap, not 0.
 */
function hourCharts(tr: Translator, view: BotView): KnownBlock[] {
  const byHour = [...view.rows].sort((a, b) => a.recordTime.getTime() - b.recordTime.getTime());
  const labels = byHour.map((r) => format(r.recordTime, 'HH:mm', { in: tz(view.timeZone) }));
  const n = (v: number | undefined) => v ?? null;
  const rate = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 10);
  const range = activeRange(labels, [{ name: 'calls', values: byHour.map((r) => n(r.calls)) }]);
  const at = <T,>(xs: T[]) => range.map((i) => xs[i]!);
  const categories = at(labels);
  const rows = at(byHour);
  const transfers = (r: BotStatRow) => (r.staffNoConsult === undefined || r.staffConsult === undefined ? null : r.staffNoConsult + r.staffConsult);
  const xLabel = tr.t('queries.chart.hourAxis', { zone: view.timeZone });
  const calls = xyChart({
    kind: 'bar',
    title: tr.t('queries.bot.chart.calls'),
    categories,
    series: [
      { name: tr.t('queries.bot.series.calls'), values: rows.map((r) => n(r.calls)) },
      { name: tr.t('queries.bot.series.selfService'), values: rows.map((r) => n(r.exitConsulting)) },
      { name: tr.t('queries.bot.series.toAgent'), values: rows.map(transfers) },
    ],
    xLabel,
    yLabel: tr.t('queries.chart.callsAxis'),
  });
  const rates = xyChart({
    kind: 'line',
    title: tr.t('queries.bot.chart.rates'),
    categories,
    series: [
      { name: tr.t('queries.bot.series.autonomy'), values: rows.map((r) => rate(autonomy(r, r.autonomyRate))) },
      { name: tr.t('queries.bot.series.interface'), values: rows.map((r) => rate(interfaceRate(r, r.interfaceSuccessRate))) },
    ],
    xLabel,
    yLabel: '%',
  });
  const blocks = [calls?.block, rates?.block].filter((b): b is KnownBlock => b !== undefined);
  const gaps = [...new Set([...(calls?.gaps ?? []), ...(rates?.gaps ?? [])])];
  const dropped = [...(calls?.dropped ?? []), ...(rates?.dropped ?? [])];
  if (blocks.length > 0) {
    const note = tr.t('queries.bot.chart.note', {
      gaps: gaps.length > 0 ? tr.t('queries.bot.chart.gaps', { hours: tr.list(gaps) }) : '',
      dropped: dropped.length > 0 ? tr.t('queries.bot.chart.dropped', { series: tr.list(dropped) }) : '',
    });
    blocks.push(context(note));
  }
  return blocks;
}

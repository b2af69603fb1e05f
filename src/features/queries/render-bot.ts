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
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import type { BotStatRow } from '../../aicc/domain.js';
import { escapeMrkdwn, formatCount, formatDecimal, formatPercent, plural, rateOr, ratio, truncate } from '../../slack/format.js';
import { chunkLines, context, divider, fields, header, metaLine, section } from '../../slack/render/blocks.js';
import { activeRange, xyChart } from '../../slack/render/chart.js';
import type { BotView } from './views.js';

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

/** Renders a bot's statistics report. */
export function renderBot(view: BotView): KnownBlock[] {
  const code = `\`${escapeMrkdwn(truncate(view.accessCode, 64))}\``;
  const span = view.type === 'hour' ? `${view.date}, by hour` : `30 days before ${view.date}, by day`;
  const blocks: KnownBlock[] = [header('Voice bot traffic'), section(`:robot_face: Bot ${code}  ·  ${span}`), metaLine(view)];
  if (view.unreadable) blocks.push(context(`:warning: ${plural(view.unreadable, 'report row')} the bot could not read ${view.unreadable === 1 ? 'is' : 'are'} left out of these figures.`));
  if (view.rows.length === 0) {
    const known = view.knownCodes ?? [];
    if (known.includes(view.accessCode)) {
      blocks.push(section('No traffic was reported for this bot and period.'));
      return blocks;
    }
    // OIFDE answers an unknown access code exactly as a quiet bot: say both, and offer the codes the bot knows.
    blocks.push(section(`No traffic was reported for ${code}. AICC answers the same for an access code it does not know, so check the code.`));
    if (known.length > 0) blocks.push(context(`Voice bots named in digests and alert rules: ${known.slice(0, 20).map((c) => `\`${escapeMrkdwn(c)}\``).join(', ')}`));
    return blocks;
  }

  const sum = total(view.rows);
  blocks.push(
    fields([
      ['Calls', formatCount(sum.calls)],
      ['Self-service', formatCount(sum.exitConsulting)],
      ['To agent before consulting', formatCount(sum.staffNoConsult)],
      ['To agent after consulting', formatCount(sum.staffConsult)],
      ['Left at once', formatCount(sum.exitNoConsult)],
      ['Dialogue turns', `${formatCount(sum.interactCount)} (${formatDecimal(ratio(sum.interactCount, sum.calls) ?? undefined)} per call)`],
      // A sum of rows has no vendor rate to fall back on; missing counts mean "no data".
      ['Autonomy rate', formatPercent(autonomy(sum))],
      ['Interface success', formatPercent(interfaceRate(sum))],
    ]),
  );
  if (view.type === 'hour') blocks.push(...hourCharts(view));
  blocks.push(divider());

  const active = [...view.rows].sort((a, b) => a.recordTime.getTime() - b.recordTime.getTime()).filter((r) => r.calls !== 0);
  const quiet = view.rows.length - active.length;
  const when = (d: Date) => format(d, view.type === 'hour' ? 'HH:mm' : 'MM-dd EEE', { in: tz(view.timeZone) });
  const head = [view.type === 'hour' ? 'Hour' : 'Day', 'Calls', 'Self', 'Agent<', 'Agent>', 'Turns', 'Autonomy', 'Iface'];
  const widths = [view.type === 'hour' ? 5 : 9, 7, 7, 7, 7, 7, 8, 8];
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ');
  const lines = active.map((r) =>
    row([
      when(r.recordTime),
      formatCount(r.calls),
      formatCount(r.exitConsulting),
      formatCount(r.staffNoConsult),
      formatCount(r.staffConsult),
      formatCount(r.interactCount),
      formatPercent(autonomy(r, r.autonomyRate)),
      formatPercent(interfaceRate(r, r.interfaceSuccessRate)),
    ]),
  );
  if (lines.length > 0) {
    // Each chunk is its own code block so a split never leaves a fence open.
    // Slack reads `<`, `>` and `&` as markup even inside a code block: escaped like any mrkdwn.
    for (const chunk of chunkLines(lines, 2800)) blocks.push(section(`\`\`\`${escapeMrkdwn(row(head))}\n${escapeMrkdwn(chunk)}\`\`\``));
  }
  const notes = ['Agent&lt; = to an agent before consulting, Agent&gt; = after consulting'];
  if (quiet > 0) notes.push(`${plural(quiet, view.type === 'hour' ? 'hour' : 'day')} without calls not shown`);
  blocks.push(context(notes.join('  ·  ')));
  return blocks;
}

/**
 * The day by hour as two charts (a message holds two): calls with self-service and transfers (one
 * unit), then autonomy and interface success in percent. The hourly table below says the same
 * figures; an hour without a row is a gap, not 0.
 */
function hourCharts(view: BotView): KnownBlock[] {
  const byHour = [...view.rows].sort((a, b) => a.recordTime.getTime() - b.recordTime.getTime());
  const labels = byHour.map((r) => format(r.recordTime, 'HH:mm', { in: tz(view.timeZone) }));
  const n = (v: number | undefined) => v ?? null;
  const rate = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 10);
  const range = activeRange(labels, [{ name: 'Calls', values: byHour.map((r) => n(r.calls)) }]);
  const at = <T,>(xs: T[]) => range.map((i) => xs[i]!);
  const categories = at(labels);
  const rows = at(byHour);
  const transfers = (r: BotStatRow) => (r.staffNoConsult === undefined || r.staffConsult === undefined ? null : r.staffNoConsult + r.staffConsult);
  const calls = xyChart({
    kind: 'bar',
    title: 'Calls by hour',
    categories,
    series: [
      { name: 'Calls', values: rows.map((r) => n(r.calls)) },
      { name: 'Self-service', values: rows.map((r) => n(r.exitConsulting)) },
      { name: 'To an agent', values: rows.map(transfers) },
    ],
    xLabel: `Hour (${view.timeZone})`,
    yLabel: 'Calls',
  });
  const rates = xyChart({
    kind: 'line',
    title: 'Autonomy and interface success by hour (%)',
    categories,
    series: [
      { name: 'Autonomy', values: rows.map((r) => rate(autonomy(r, r.autonomyRate))) },
      { name: 'Interface success', values: rows.map((r) => rate(interfaceRate(r, r.interfaceSuccessRate))) },
    ],
    xLabel: `Hour (${view.timeZone})`,
    yLabel: '%',
  });
  const blocks = [calls?.block, rates?.block].filter((b): b is KnownBlock => b !== undefined);
  const gaps = [...new Set([...(calls?.gaps ?? []), ...(rates?.gaps ?? [])])];
  const dropped = [...(calls?.dropped ?? []), ...(rates?.dropped ?? [])];
  const notes = ['The charts show the hourly rows below'];
  if (gaps.length > 0) notes.push(`hours left out where a figure is missing: ${gaps.join(', ')}`);
  if (dropped.length > 0) notes.push(`not charted, too few figures: ${dropped.join(', ')}`);
  if (blocks.length > 0) blocks.push(context(`${notes.join('; ')}.`));
  return blocks;
}

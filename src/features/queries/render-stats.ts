/**
 * `/aicc stats`: today's and all-time dialling figures.
 *
 * One campaign gets a full card, with today's course by hour as a chart (and in words) when the
 * collector's snapshots have it. Many campaigns get VDN totals (over all of them) and a native table
 * of one row per campaign, most active first (dialled today, then remaining). A VDN can hold a
 * thousand campaigns, so the table stops after `maxLines` rows and says how many were left out: one
 * message, always within Block Kit limits, and the busy campaigns are the ones shown.
 */
import type { KnownBlock } from '@slack/types';
import type { BatchStats, OutboundCounts } from '../../aicc/domain.js';
import { escapeMrkdwn, formatClockTime, formatCount, formatPercent, plural, ratio, truncate } from '../../slack/format.js';
import { chunkLines, context, divider, fields, header, metaLine, section, statusEmoji } from '../../slack/render/blocks.js';
import { countOrSent, rateOrInconsistent } from '../../slack/render/figure.js';
import { table, type CellInput, type TableColumn } from '../../slack/render/table.js';
import { coverageNote, statsTotals } from './stats-totals.js';
import { statsHoursBlocks } from './render-charts.js';
import type { StatsRow, StatsView } from './views.js';

const DEFAULT_MAX_LINES = 30;

/** The figures an answer shows, read from the vendor's counts. */
interface Figures {
  dialled?: number;
  connected?: number;
  finished?: number;
  remaining?: number;
  connectionRate: number | null | undefined;
  /** The vendor's figures set aside as impossible, by field. */
  sent: NonNullable<OutboundCounts['inconsistent']>;
}

function today(c: OutboundCounts): Figures {
  // Not `calledCount`/`finishCount`: the vendor sample reports calledCount 0 beside dailyCalledCount 3,
  // so when the daily fields are missing the honest answer is "unknown", never 0.
  const dialled = c.dailyCalled;
  const connected = c.dailyConnected;
  return { dialled, connected, finished: c.dailyFinished, remaining: c.remaining, connectionRate: ratio(connected, dialled), sent: c.inconsistent ?? {} };
}

const todayRate = (t: Figures) => rateOrInconsistent(t.connectionRate, t.sent.dailyCalled !== undefined || t.sent.dailyConnected !== undefined);

/** The "as of" line, and for a stale answer when a fresh one can be asked for. */
function freshness(view: StatsView, ...extra: string[]): KnownBlock[] {
  const next = view.stale && view.nextRefreshAt ? [context(`Next refresh possible at ${formatClockTime(view.nextRefreshAt, view.timeZone)} (${view.timeZone}); ask again then for newer figures.`)] : [];
  return [metaLine(view, ...extra), ...next];
}

/** Renders the stats answer for one or many campaigns. */
export function renderStats(view: StatsView): KnownBlock[] {
  if (view.rows.length === 0) {
    return [header('Campaign stats'), ...freshness(view), section('No campaign statistics were returned for this VDN.')];
  }
  const [only] = view.rows;
  return view.rows.length === 1 && only ? renderOne(view, only) : renderMany(view);
}

/** Says why a figure is marked, once, under today's figures. */
function inconsistentNote(t: Figures): KnownBlock[] {
  const bad = Object.keys(t.sent).length;
  if (bad === 0) return [];
  return [context(`:warning: The vendor sent ${plural(bad, 'figure')} that cannot be true (a negative count, or a part above its whole): shown as sent, marked inconsistent, and left out of rates, totals, rankings and alerts.`)];
}

function renderOne(view: StatsView, row: StatsRow): KnownBlock[] {
  const { stats, campaign } = row;
  const t = today(stats);
  const blocks: KnownBlock[] = [
    header('Campaign stats'),
    section(titleOf(row)),
    ...freshness(view),
    fields([
      ['Dialled today', countOrSent(t.dialled, t.sent.dailyCalled)],
      ['Connected today', countOrSent(t.connected, t.sent.dailyConnected)],
      ['Connection rate', todayRate(t)],
      ['Finished today', countOrSent(t.finished, t.sent.dailyFinished)],
      ['Remaining', countOrSent(t.remaining, t.sent.remaining)],
      ["Today's list", countOrSent(stats.dailyTotal, t.sent.dailyTotal)],
    ]),
    ...inconsistentNote(t),
    // The chart goes beside today's figures, before the all-time ones.
    ...statsHoursBlocks(view.hours),
    divider(),
    section('*All time*'),
    fields([
      ['Dialled', countOrSent(stats.totalCalled, t.sent.totalCalled)],
      ['Connected', countOrSent(stats.totalConnected, t.sent.totalConnected)],
      ['Connection rate', rateOrInconsistent(ratio(stats.totalConnected, stats.totalCalled), t.sent.totalCalled !== undefined || t.sent.totalConnected !== undefined)],
      ['Finished', countOrSent(stats.totalFinished, t.sent.totalFinished)],
      ['Total in campaign', countOrSent(stats.total, t.sent.total)],
      ['Status', campaign ? `${statusEmoji(campaign.status)} ${escapeMrkdwn(campaign.statusLabel)}` : '–'],
    ]),
  ];
  if (view.showBatches) {
    blocks.push(divider());
    if (stats.batches.length === 0) {
      blocks.push(section('*Batches*\nNo batch figures were returned.'));
    } else {
      const max = view.maxLines ?? DEFAULT_MAX_LINES;
      const lines = stats.batches.slice(0, max).map((b) => batchLine(b, ''));
      const chunks = chunkLines([`*Batches* (${formatCount(stats.batches.length)})`, ...lines]);
      blocks.push(...chunks.map((c) => section(c)));
      const more = stats.batches.length - max;
      if (more > 0) blocks.push(context(`…and ${plural(more, 'more batch', 'more batches')}. Ask for one with \`batch:ID\`.`));
    }
  }
  return blocks;
}

function renderMany(view: StatsView): KnownBlock[] {
  const all = view.rows.map((row) => ({ row, t: today(row.stats) }));
  const totals = statsTotals(view.rows.map((r) => r.stats));
  const running = view.rows.filter((r) => r.campaign?.status === 2).length;
  const partly = (c: { value?: number; reported: number }) => (c.reported < totals.campaigns && c.value !== undefined ? `${formatCount(c.value)} (${c.reported} of ${totals.campaigns})` : formatCount(c.value));
  const note = coverageNote(totals, view.unreadable);

  const blocks: KnownBlock[] = [
    header('Campaign stats'),
    ...freshness(view, plural(view.rows.length, 'campaign')),
    fields([
      ['Dialled today', formatCount(totals.dialled)],
      ['Connected today', formatCount(totals.connected)],
      ['Connection rate', formatPercent(totals.connectionRate)],
      ['Finished today', partly(totals.finished)],
      ['Remaining', partly(totals.remaining)],
      ['Running', formatCount(running)],
    ]),
    ...(note ? [context(escapeMrkdwn(note))] : []),
    divider(),
  ];

  // Most active first: a thousand quiet campaigns must not push the busy ones out of the answer.
  all.sort((a, b) => (b.t.dialled ?? -1) - (a.t.dialled ?? -1) || (b.t.remaining ?? -1) - (a.t.remaining ?? -1) || a.row.stats.campaignId.localeCompare(b.row.stats.campaignId));

  const max = view.maxLines ?? DEFAULT_MAX_LINES;
  const lines: CellInput[][] = [];
  let shown = 0;
  for (const { row, t } of all) {
    if (lines.length >= max) break;
    const status: CellInput = row.campaign ? { text: row.campaign.statusLabel, emoji: statusEmoji(row.campaign.status) } : { text: 'unknown', emoji: 'grey_question' };
    lines.push(tableRow(row.campaign?.name ?? '(not listed)', row.stats.campaignId, status, t));
    shown++;
    if (view.showBatches) {
      for (const b of row.stats.batches) {
        if (lines.length >= max) break;
        lines.push(tableRow(`↳ batch ${b.batchId}`, row.stats.campaignId, '–', today(b)));
      }
    }
  }
  // A native table: Slack lays the columns out, so Chinese names line up with the figures.
  blocks.push(table(STATS_COLUMNS, lines, 'stats_campaigns'));
  const hidden = all.length - shown;
  if (hidden > 0) {
    blocks.push(context(`…and ${plural(hidden, 'more campaign')}, quieter today, not listed; the totals above include them. Ask for one with \`/aicc stats CAMPAIGN_ID\`.`));
  }
  return blocks;
}

/** `:large_green_circle: *Spring follow* `1798316116``, or just the id when the list did not have it. */
function titleOf(row: StatsRow): string {
  const id = `\`${escapeMrkdwn(row.stats.campaignId)}\``;
  const c = row.campaign;
  return c ? `${statusEmoji(c.status)} *${escapeMrkdwn(truncate(c.name || '(no name)', 80))}*  ${id}` : `:grey_question: ${id}`;
}

const STATS_COLUMNS: TableColumn[] = [
  { header: 'Campaign', wrap: true },
  { header: 'ID' },
  { header: 'Status' },
  { header: 'Dialled', align: 'right' },
  { header: 'Connected', align: 'right' },
  { header: 'Connection rate', align: 'right' },
  { header: 'Finished', align: 'right' },
  { header: 'Left', align: 'right' },
];

function tableRow(name: string, id: string, status: CellInput, t: Figures): CellInput[] {
  return [name || '(no name)', id, status, countOrSent(t.dialled, t.sent.dailyCalled), countOrSent(t.connected, t.sent.dailyConnected), todayRate(t), countOrSent(t.finished, t.sent.dailyFinished), countOrSent(t.remaining, t.sent.remaining)];
}

function figuresLine(t: Figures): string {
  return `${countOrSent(t.dialled, t.sent.dailyCalled)} dialled · ${countOrSent(t.connected, t.sent.dailyConnected)} connected (${todayRate(t)}) · ${countOrSent(t.finished, t.sent.dailyFinished)} finished · ${countOrSent(t.remaining, t.sent.remaining)} left`;
}

function batchLine(b: BatchStats, indent: string): string {
  return `${indent}↳ batch \`${escapeMrkdwn(truncate(b.batchId, 40))}\`: ${figuresLine(today(b))}`;
}

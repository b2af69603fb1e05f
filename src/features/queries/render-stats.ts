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
import type { Translator } from '../../i18n/index.js';
import { escapeMrkdwn, ratio, truncate } from '../../slack/format.js';
import { chunkLines, context, divider, fields, header, metaLine, section, statusEmoji } from '../../slack/render/blocks.js';
import { countOrSent, rateOrInconsistent } from '../../slack/render/figure.js';
import { table, type CellInput, type TableColumn } from '../../slack/render/table.js';
import { coverageNote, statsTotals } from './stats-totals.js';
import { statsHoursBlocks } from './render-charts.js';
import { campaignStatusText } from './labels.js';
import { type StatsRow, type StatsView } from './views.js';

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

const todayRate = (tr: Translator, t: Figures) => rateOrInconsistent(tr, t.connectionRate, t.sent.dailyCalled !== undefined || t.sent.dailyConnected !== undefined);

/** The "as of" line, and for a stale answer when a fresh one can be asked for. */
function freshness(tr: Translator, view: StatsView, ...extra: string[]): KnownBlock[] {
  const next = view.stale && view.nextRefreshAt ? [context(tr.t('queries.stats.nextRefresh', { time: tr.clockTime(view.nextRefreshAt, view.timeZone), zone: view.timeZone }))] : [];
  return [metaLine(tr, view, ...extra), ...next];
}

/** Renders the stats answer for one or many campaigns. */
export function renderStats(view: StatsView): KnownBlock[] {
  const { tr } = view;
  if (view.rows.length === 0) {
    return [header(tr.t('queries.stats.title')), ...freshness(tr, view), section(tr.t('queries.stats.empty'))];
  }
  const [only] = view.rows;
  return view.rows.length === 1 && only ? renderOne(tr, view, only) : renderMany(tr, view);
}

/** Says why a figure is marked, once, under today's figures. */
function inconsistentNote(tr: Translator, t: Figures): KnownBlock[] {
  const bad = Object.keys(t.sent).length;
  if (bad === 0) return [];
  return [context(tr.t('queries.stats.inconsistent', { n: bad }))];
}

/** The campaign's status in words, with its emoji. */
function statusText(tr: Translator, status: number): string {
  return `${statusEmoji(status)} ${campaignStatusText(tr, status)}`;
}

function renderOne(tr: Translator, view: StatsView, row: StatsRow): KnownBlock[] {
  const { stats, campaign } = row;
  const t = today(stats);
  const blocks: KnownBlock[] = [
    header(tr.t('queries.stats.title')),
    section(titleOf(tr, row)),
    ...freshness(tr, view),
    fields([
      [tr.t('queries.stats.dialledToday'), countOrSent(tr, t.dialled, t.sent.dailyCalled)],
      [tr.t('queries.stats.connectedToday'), countOrSent(tr, t.connected, t.sent.dailyConnected)],
      [tr.t('queries.stats.connectionRate'), todayRate(tr, t)],
      [tr.t('queries.stats.finishedToday'), countOrSent(tr, t.finished, t.sent.dailyFinished)],
      [tr.t('queries.stats.remaining'), countOrSent(tr, t.remaining, t.sent.remaining)],
      [tr.t('queries.stats.todaysList'), countOrSent(tr, stats.dailyTotal, t.sent.dailyTotal)],
    ]),
    ...inconsistentNote(tr, t),
    // The chart goes beside today's figures, before the all-time ones.
    ...statsHoursBlocks(tr, view.hours),
    divider(),
    section(tr.t('queries.stats.allTime')),
    fields([
      [tr.t('queries.stats.dialled'), countOrSent(tr, stats.totalCalled, t.sent.totalCalled)],
      [tr.t('queries.stats.connected'), countOrSent(tr, stats.totalConnected, t.sent.totalConnected)],
      [tr.t('queries.stats.connectionRate'), rateOrInconsistent(tr, ratio(stats.totalConnected, stats.totalCalled), t.sent.totalCalled !== undefined || t.sent.totalConnected !== undefined)],
      [tr.t('queries.stats.finished'), countOrSent(tr, stats.totalFinished, t.sent.totalFinished)],
      [tr.t('queries.stats.total'), countOrSent(tr, stats.total, t.sent.total)],
      [tr.t('queries.stats.status'), campaign ? statusText(tr, campaign.status) : '–'],
    ]),
  ];
  if (view.showBatches) {
    blocks.push(divider());
    if (stats.batches.length === 0) {
      blocks.push(section(tr.t('queries.stats.batches.none')));
    } else {
      const max = view.maxLines ?? DEFAULT_MAX_LINES;
      const lines = stats.batches.slice(0, max).map((b) => batchLine(tr, b));
      const chunks = chunkLines([tr.t('queries.stats.batches.title', { n: tr.count(stats.batches.length) }), ...lines]);
      blocks.push(...chunks.map((c) => section(c)));
      const more = stats.batches.length - max;
      if (more > 0) blocks.push(context(tr.t('queries.stats.batches.more', { n: more })));
    }
  }
  return blocks;
}

function renderMany(tr: Translator, view: StatsView): KnownBlock[] {
  const all = view.rows.map((row) => ({ row, t: today(row.stats) }));
  const totals = statsTotals(view.rows.map((r) => r.stats));
  const running = view.rows.filter((r) => r.campaign?.status === 2).length;
  const partly = (c: { value?: number; reported: number }) =>
    c.reported < totals.campaigns && c.value !== undefined ? tr.t('queries.stats.partly', { value: tr.count(c.value), reported: c.reported, campaigns: totals.campaigns }) : tr.count(c.value);
  const note = coverageNote(tr, totals, view.unreadable);

  const blocks: KnownBlock[] = [
    header(tr.t('queries.stats.title')),
    ...freshness(tr, view, tr.t('queries.campaignCount', { n: view.rows.length })),
    fields([
      [tr.t('queries.stats.dialledToday'), tr.count(totals.dialled)],
      [tr.t('queries.stats.connectedToday'), tr.count(totals.connected)],
      [tr.t('queries.stats.connectionRate'), tr.percent(totals.connectionRate)],
      [tr.t('queries.stats.finishedToday'), partly(totals.finished)],
      [tr.t('queries.stats.remaining'), partly(totals.remaining)],
      [tr.t('queries.stats.running'), tr.count(running)],
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
    const status: CellInput = row.campaign
      ? { text: campaignStatusText(tr, row.campaign.status), emoji: statusEmoji(row.campaign.status) }
      : { text: tr.t('queries.stats.statusUnknown'), emoji: 'grey_question' };
    lines.push(tableRow(tr, row.campaign ? row.campaign.name || tr.t('queries.noName') : tr.t('queries.stats.notListed'), row.stats.campaignId, status, t));
    shown++;
    if (view.showBatches) {
      for (const b of row.stats.batches) {
        if (lines.length >= max) break;
        lines.push(tableRow(tr, tr.t('queries.stats.batchRow', { batch: b.batchId }), row.stats.campaignId, '–', today(b)));
      }
    }
  }
  // A native table: Slack lays the columns out, so Chinese names line up with the figures.
  blocks.push(table(statsColumns(tr), lines, 'stats_campaigns'));
  const hidden = all.length - shown;
  if (hidden > 0) blocks.push(context(tr.t('queries.stats.moreCampaigns', { n: hidden })));
  return blocks;
}

/** `:large_green_circle: *Spring follow* `1798316116``, or just the id when the list did not have it. */
function titleOf(tr: Translator, row: StatsRow): string {
  const id = `\`${escapeMrkdwn(row.stats.campaignId)}\``;
  const c = row.campaign;
  return c ? `${statusEmoji(c.status)} *${escapeMrkdwn(truncate(c.name || tr.t('queries.noName'), 80))}*  ${id}` : `:grey_question: ${id}`;
}

function statsColumns(tr: Translator): TableColumn[] {
  return [
    { header: tr.t('queries.stats.column.campaign'), wrap: true },
    { header: tr.t('queries.stats.column.id') },
    { header: tr.t('queries.stats.column.status') },
    { header: tr.t('queries.stats.column.dialled'), align: 'right' },
    { header: tr.t('queries.stats.column.connected'), align: 'right' },
    { header: tr.t('queries.stats.column.connectionRate'), align: 'right' },
    { header: tr.t('queries.stats.column.finished'), align: 'right' },
    { header: tr.t('queries.stats.column.left'), align: 'right' },
  ];
}

function tableRow(tr: Translator, name: string, id: string, status: CellInput, t: Figures): CellInput[] {
  return [
    name,
    id,
    status,
    countOrSent(tr, t.dialled, t.sent.dailyCalled),
    countOrSent(tr, t.connected, t.sent.dailyConnected),
    todayRate(tr, t),
    countOrSent(tr, t.finished, t.sent.dailyFinished),
    countOrSent(tr, t.remaining, t.sent.remaining),
  ];
}

function batchLine(tr: Translator, b: BatchStats): string {
  const t = today(b);
  return tr.t('queries.stats.batchLine', {
    batch: escapeMrkdwn(truncate(b.batchId, 40)),
    dialled: countOrSent(tr, t.dialled, t.sent.dailyCalled),
    connected: countOrSent(tr, t.connected, t.sent.dailyConnected),
    rate: todayRate(tr, t),
    finished: countOrSent(tr, t.finished, t.sent.dailyFinished),
    remaining: countOrSent(tr, t.remaining, t.sent.remaining),
  });
}

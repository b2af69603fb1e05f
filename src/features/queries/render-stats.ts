/**
 * `/aicc stats`: today's and all-time dialling figures.
 *
 * One campaign gets a full card. Many campaigns get VDN totals (over all of them) and one compact
 * line per campaign, most active first (dialled today, then remaining). A VDN can hold a thousand
 * campaigns, so the list stops after `maxLines` lines and says how many were left out: one message,
 * always within Block Kit limits, and the busy campaigns are the ones shown.
 */
import type { KnownBlock } from '@slack/types';
import type { BatchStats, OutboundCounts } from '../../aicc/domain.js';
import { escapeMrkdwn, formatCount, formatPercent, plural, ratio, truncate } from '../../slack/format.js';
import { chunkLines, context, divider, fields, header, metaLine, section, statusEmoji } from '../../slack/render/blocks.js';
import type { StatsRow, StatsView } from './views.js';

const DEFAULT_MAX_LINES = 30;

/** The figures an answer shows, read from the vendor's counts. */
interface Figures {
  dialled?: number;
  connected?: number;
  finished?: number;
  remaining?: number;
  successRate: number | null | undefined;
}

function today(c: OutboundCounts): Figures {
  // Not `calledCount`/`finishCount`: the vendor sample reports calledCount 0 beside dailyCalledCount 3,
  // so when the daily fields are missing the honest answer is "unknown", never 0.
  const dialled = c.dailyCalled;
  const connected = c.dailyConnected;
  return { dialled, connected, finished: c.dailyFinished, remaining: c.remaining, successRate: ratio(connected, dialled) };
}

/** Renders the stats answer for one or many campaigns. */
export function renderStats(view: StatsView): KnownBlock[] {
  if (view.rows.length === 0) {
    return [header('Campaign stats'), metaLine(view), section('No campaign statistics were returned for this VDN.')];
  }
  const [only] = view.rows;
  return view.rows.length === 1 && only ? renderOne(view, only) : renderMany(view);
}

function renderOne(view: StatsView, row: StatsRow): KnownBlock[] {
  const { stats, campaign } = row;
  const t = today(stats);
  const blocks: KnownBlock[] = [
    header('Campaign stats'),
    section(titleOf(row)),
    metaLine(view),
    fields([
      ['Dialled today', formatCount(t.dialled)],
      ['Connected today', formatCount(t.connected)],
      ['Success rate', formatPercent(t.successRate)],
      ['Finished today', formatCount(t.finished)],
      ['Remaining', formatCount(t.remaining)],
      ["Today's list", formatCount(stats.dailyTotal)],
    ]),
    divider(),
    section('*All time*'),
    fields([
      ['Dialled', formatCount(stats.totalCalled)],
      ['Connected', formatCount(stats.totalConnected)],
      ['Connection rate', formatPercent(ratio(stats.totalConnected, stats.totalCalled))],
      ['Finished', formatCount(stats.totalFinished)],
      ['Total in campaign', formatCount(stats.total)],
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
  const sum = (pick: (f: Figures) => number | undefined) => {
    const known = all.map((x) => pick(x.t)).filter((n): n is number => n !== undefined);
    return known.length > 0 ? known.reduce((a, b) => a + b, 0) : undefined;
  };
  const dialled = sum((f) => f.dialled);
  const connected = sum((f) => f.connected);
  const running = view.rows.filter((r) => r.campaign?.status === 2).length;

  const blocks: KnownBlock[] = [
    header('Campaign stats'),
    metaLine(view, plural(view.rows.length, 'campaign')),
    fields([
      ['Dialled today', formatCount(dialled)],
      ['Connected today', formatCount(connected)],
      ['Success rate', formatPercent(ratio(connected, dialled))],
      ['Finished today', formatCount(sum((f) => f.finished))],
      ['Remaining', formatCount(sum((f) => f.remaining))],
      ['Running', formatCount(running)],
    ]),
    divider(),
  ];

  // Most active first: a thousand quiet campaigns must not push the busy ones out of the answer.
  all.sort((a, b) => (b.t.dialled ?? -1) - (a.t.dialled ?? -1) || (b.t.remaining ?? -1) - (a.t.remaining ?? -1) || a.row.stats.campaignId.localeCompare(b.row.stats.campaignId));

  const max = view.maxLines ?? DEFAULT_MAX_LINES;
  const lines: string[] = [];
  let shown = 0;
  for (const { row, t } of all) {
    if (lines.length >= max) break;
    lines.push(`${titleOf(row)}\n${figuresLine(t)}`);
    shown++;
    if (view.showBatches) {
      for (const b of row.stats.batches) {
        if (lines.length >= max) break;
        lines.push(batchLine(b, '    '));
      }
    }
  }
  blocks.push(...chunkLines(lines).map((c) => section(c)));
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

function figuresLine(t: Figures): string {
  return `${formatCount(t.dialled)} dialled · ${formatCount(t.connected)} connected (${formatPercent(t.successRate)}) · ${formatCount(t.finished)} finished · ${formatCount(t.remaining)} left`;
}

function batchLine(b: BatchStats, indent: string): string {
  return `${indent}↳ batch \`${escapeMrkdwn(truncate(b.batchId, 40))}\`: ${figuresLine(today(b))}`;
}

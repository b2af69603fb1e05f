/**
 * The digest's campaign table as Slack `table` blocks, one per VDN: name, id, status, today's
 * figures, the change since yesterday and completion. Slack lays the cells out, so Chinese names
 * line up; a VDN with more rows than one table holds is split by `fitBlocks` (header repeated, one
 * table per message).
 */
import type { KnownBlock } from '@slack/types';
import { formatCount, formatPercent } from '../../slack/format.js';
import { section } from '../../slack/render/blocks.js';
import { INCONSISTENT } from '../../slack/render/figure.js';
import { table, type TableColumn } from '../../slack/render/table.js';
import type { DigestCampaignRow, DigestVdnView, Rate } from './view.js';

const COLUMNS: TableColumn[] = [
  { header: 'Campaign', wrap: true },
  { header: 'ID' },
  { header: 'Status' },
  { header: 'Dialled', align: 'right' },
  { header: 'Connected', align: 'right' },
  { header: 'Connection rate', align: 'right' },
  { header: 'Δ pts', align: 'right' },
  { header: 'Done', align: 'right' },
];

/** `+3.4` / `-12.0` / `0.0`; `–` when unknown. */
export function deltaCell(points: number | null): string {
  if (points === null) return '–';
  if (Math.abs(points) < 0.05) return '0.0';
  return `${points > 0 ? '+' : '-'}${Math.abs(points).toFixed(1)}`;
}

/** A rate in a cell: `55.0%`, or `–` where prose would say "no data" (keeps the column narrow). */
const pct = (r: Rate): string => (r === null ? '–' : formatPercent(r));

/** A count in a cell (plain text, not mrkdwn): `1,234`, `150 (inconsistent)` for a figure set aside, `–`. */
const cellOrSent = (value: number | undefined, sent: string | undefined): string => (value === undefined && sent !== undefined ? `${sent} (${INCONSISTENT})` : formatCount(value));

function row(c: DigestCampaignRow): string[] {
  const sent = c.inconsistent ?? {};
  // A figure that cannot be true shows as the vendor sent it, marked; the rate made of it is unknown.
  const rate = c.successRate === null && (sent.dailyCalled !== undefined || sent.dailyConnected !== undefined) ? `– (${INCONSISTENT})` : pct(c.successRate);
  return [c.name ?? '(not listed)', c.id, c.statusLabel, cellOrSent(c.dialled, sent.dailyCalled), cellOrSent(c.connected, sent.dailyConnected), rate, deltaCell(c.deltaPoints), pct(c.completionRate)];
}

/** The title line and table of one VDN's campaigns; nothing for a VDN without campaigns. */
export function campaignTableBlocks(v: DigestVdnView): KnownBlock[] {
  if (v.campaigns.length === 0) return [];
  return [section(`*VDN ${v.vdn} campaigns* (${formatCount(v.campaigns.length)})`), table(COLUMNS, v.campaigns.map(row), `digest_campaigns_${v.vdn}`)];
}

export const TABLE_NOTE = 'Δ pts = connection rate change in points since the same time yesterday  ·  Done = finished share of the whole campaign';

/**
 * The digest's campaign table as Slack `table` blocks, one per VDN: name, id, status, today's
 * figures, the change since yesterday and completion. Slack lays the cells out, so Chinese names
 * line up; a VDN with more rows than one table holds is split by `fitBlocks` (header repeated, one
 * table per message).
 */
import type { KnownBlock } from '@slack/types';
import { formatCount, formatPercent } from '../../slack/format.js';
import { section } from '../../slack/render/blocks.js';
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

function row(c: DigestCampaignRow): string[] {
  return [c.name ?? '(not listed)', c.id, c.statusLabel, formatCount(c.dialled), formatCount(c.connected), pct(c.successRate), deltaCell(c.deltaPoints), pct(c.completionRate)];
}

/** The title line and table of one VDN's campaigns; nothing for a VDN without campaigns. */
export function campaignTableBlocks(v: DigestVdnView): KnownBlock[] {
  if (v.campaigns.length === 0) return [];
  return [section(`*VDN ${v.vdn} campaigns* (${formatCount(v.campaigns.length)})`), table(COLUMNS, v.campaigns.map(row), `digest_campaigns_${v.vdn}`)];
}

export const TABLE_NOTE = 'Δ pts = connection rate change in points since the same time yesterday  ·  Done = finished share of the whole campaign';

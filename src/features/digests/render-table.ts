/**
 * The digest's campaign table as Slack `table` blocks, one per VDN: name, id, status, today's
 * figures, the change since yesterday and completion, with column names in the digest's language.
 * Slack lays the cells out, so Chinese names line up; a VDN with more rows than one table holds is
 * split by `fitBlocks` (header repeated, one table per message).
 */
import type { KnownBlock } from '@slack/types';
import type { Translator } from '../../i18n/index.js';
import { UNKNOWN } from '../../i18n/index.js';
import { section } from '../../slack/render/blocks.js';
import { table, type TableColumn } from '../../slack/render/table.js';
import type { DigestCampaignRow, DigestVdnView, Rate } from './view.js';

const columns = (tr: Translator): TableColumn[] => [
  { header: tr.t('digests.table.campaign'), wrap: true },
  { header: tr.t('digests.table.id') },
  { header: tr.t('digests.table.status') },
  { header: tr.t('digests.table.dialled'), align: 'right' },
  { header: tr.t('digests.table.connected'), align: 'right' },
  { header: tr.t('digests.table.rate'), align: 'right' },
  { header: tr.t('digests.table.delta'), align: 'right' },
  { header: tr.t('digests.table.done'), align: 'right' },
];

/** `+3.4` / `-12.0` / `0.0` (`-12,0` where a comma is the decimal mark); `–` when unknown. */
export function deltaCell(tr: Translator, points: number | null): string {
  if (points === null) return UNKNOWN;
  if (Math.abs(points) < 0.05) return tr.decimal(0);
  return `${points > 0 ? '+' : '-'}${tr.decimal(Math.abs(points))}`;
}

/** A rate in a cell: `55.0%`, or `–` where prose would say "no data" (keeps the column narrow). */
const pct = (tr: Translator, r: Rate): string => (r === null ? UNKNOWN : tr.percent(r));

/** A count in a cell (plain text, not mrkdwn): `1,234`, `150 (inconsistent)` for a figure set aside, `–`. */
const cellOrSent = (tr: Translator, value: number | undefined, sent: string | undefined): string =>
  value === undefined && sent !== undefined ? tr.t('common.inconsistentFigure', { figure: sent }) : tr.count(value);

function row(tr: Translator, c: DigestCampaignRow): string[] {
  const sent = c.inconsistent ?? {};
  // A figure that cannot be true shows as the vendor sent it, marked; the rate made of it is unknown.
  const rate = c.successRate === null && (sent.dailyCalled !== undefined || sent.dailyConnected !== undefined) ? tr.t('common.inconsistentFigure', { figure: UNKNOWN }) : pct(tr, c.successRate);
  return [
    c.name ?? tr.t('digests.table.notListed'),
    c.id,
    tr.t('common.campaignStatus', { status: c.status ?? 0 }),
    cellOrSent(tr, c.dialled, sent.dailyCalled),
    cellOrSent(tr, c.connected, sent.dailyConnected),
    rate,
    deltaCell(tr, c.deltaPoints),
    pct(tr, c.completionRate),
  ];
}

/** The title line and table of one VDN's campaigns; nothing for a VDN without campaigns. */
export function campaignTableBlocks(tr: Translator, v: DigestVdnView): KnownBlock[] {
  if (v.campaigns.length === 0) return [];
  return [
    section(tr.t('digests.table.title', { vdn: String(v.vdn), n: tr.count(v.campaigns.length) })),
    table(
      columns(tr),
      v.campaigns.map((c) => row(tr, c)),
      `digest_campaigns_${v.vdn}`,
    ),
  ];
}

/** What the short column names mean. */
export const tableNote = (tr: Translator): string => tr.t('digests.table.note');

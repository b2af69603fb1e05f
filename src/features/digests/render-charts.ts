/**
 * The digest's charts, each followed by a context block that says every figure it shows (a gap as
 * "–"), so the chart only illustrates: a VDN's dialled and connected calls by hour today with
 * yesterday's lines, and the voice bots' calls and autonomy by hour. Titles, series and notes are
 * in the digest's language.
 */
import type { KnownBlock } from '@slack/types';
import type { Translator } from '../../i18n/index.js';
import { chartWithText, type SeriesInput } from '../../slack/render/chart.js';
import { LIMITS } from '../../slack/render/limits.js';
import type { DigestBotHours } from './series.js';
import type { DigestVdnView } from './view.js';

/** Bots charted by name; the rest are named in a note (their totals are in the bot lines). */
const MAX_BOTS = LIMITS.chartSeries;

/** A VDN's dialled and connected calls by hour, today and yesterday. */
export function vdnChartBlocks(tr: Translator, v: DigestVdnView): KnownBlock[] {
  const h = v.hours;
  if (!h) return [];
  const series: SeriesInput[] = [
    { name: tr.t('digests.chart.dialledToday'), values: h.dialled },
    { name: tr.t('digests.chart.connectedToday'), values: h.connected },
    { name: tr.t('digests.chart.dialledYesterday'), values: h.yesterdayDialled },
    { name: tr.t('digests.chart.connectedYesterday'), values: h.yesterdayConnected },
  ];
  const notes = h.unknown > 0 ? [tr.t('digests.chart.unknown', { n: h.unknown })] : [];
  return chartWithText(
    tr,
    {
      kind: 'line',
      title: tr.t('digests.chart.vdnTitle', { vdn: String(v.vdn) }),
      categories: h.labels,
      series,
      xLabel: tr.t('digests.chart.hour', { zone: h.timeZone }),
      yLabel: tr.t('digests.chart.calls'),
    },
    (n) => tr.count(n),
    notes,
  );
}

const botName = (b: { name?: string; accessCode: string }) => (b.name && b.name.trim() !== '' ? b.name : b.accessCode);

/** The busiest bots first; the chart can hold six series. */
function busiest(hours: DigestBotHours): { bots: DigestBotHours['bots']; more: number } {
  const total = (calls: ReadonlyArray<number | null>) => calls.reduce<number>((n, c) => n + (c ?? 0), 0);
  const sorted = [...hours.bots].sort((a, b) => total(b.calls) - total(a.calls) || a.accessCode.localeCompare(b.accessCode));
  return { bots: sorted.slice(0, MAX_BOTS), more: Math.max(0, sorted.length - MAX_BOTS) };
}

/** The voice bots' calls by hour (bars, one series per bot). */
export function botCallsChartBlocks(tr: Translator, hours: DigestBotHours | undefined): KnownBlock[] {
  if (!hours) return [];
  const { bots, more } = busiest(hours);
  const notes = more > 0 ? [tr.t('digests.chart.quieterBots', { n: more })] : [];
  const series = bots.map((b) => ({ name: botName(b), values: b.calls }));
  return chartWithText(
    tr,
    { kind: 'bar', title: tr.t('digests.chart.botCallsTitle'), categories: hours.labels, series, xLabel: tr.t('digests.chart.hour', { zone: hours.timeZone }), yLabel: tr.t('digests.chart.calls') },
    (n) => tr.count(n),
    notes,
  );
}

/** The voice bots' autonomy by hour, in percent (one line per bot). */
export function botAutonomyChartBlocks(tr: Translator, hours: DigestBotHours | undefined): KnownBlock[] {
  if (!hours) return [];
  const { bots, more } = busiest(hours);
  const notes = more > 0 ? [tr.t('digests.chart.quieterBots', { n: more })] : [];
  const series = bots.map((b) => ({ name: botName(b), values: b.autonomy.map((a) => (a === null ? null : Math.round(a * 1000) / 10)) }));
  return chartWithText(
    tr,
    {
      kind: 'line',
      title: tr.t('digests.chart.botAutonomyTitle'),
      categories: hours.labels,
      series,
      xLabel: tr.t('digests.chart.hour', { zone: hours.timeZone }),
      yLabel: tr.t('digests.chart.autonomy'),
    },
    // The values are already points of a percentage (84.2), one decimal.
    (n) => tr.percent(n / 100),
    notes,
  );
}

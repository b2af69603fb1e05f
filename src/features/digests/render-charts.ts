/**
 * The digest's charts, each followed by a context block that says every figure it shows (a gap as
 * "–"), so the chart only illustrates: a VDN's dialled and connected calls by hour today with
 * yesterday's lines, and the voice bots' calls and autonomy by hour.
 */
import type { KnownBlock } from '@slack/types';
import { formatCount, plural } from '../../slack/format.js';
import { chartWithText, type SeriesInput } from '../../slack/render/chart.js';
import { LIMITS } from '../../slack/render/limits.js';
import type { DigestBotHours } from './series.js';
import type { DigestVdnView } from './view.js';

/** Bots charted by name; the rest are named in a note (their totals are in the bot lines). */
const MAX_BOTS = LIMITS.chartSeries;

/** A VDN's dialled and connected calls by hour, today and yesterday. */
export function vdnChartBlocks(v: DigestVdnView): KnownBlock[] {
  const h = v.hours;
  if (!h) return [];
  const series: SeriesInput[] = [
    { name: 'Dialled today', values: h.dialled },
    { name: 'Connected today', values: h.connected },
    { name: 'Dialled yesterday', values: h.yesterdayDialled },
    { name: 'Connected yesterday', values: h.yesterdayConnected },
  ];
  const notes = h.unknown > 0 ? [`${plural(h.unknown, 'campaign')} without figures left out`] : [];
  return chartWithText(
    { kind: 'line', title: `VDN ${v.vdn}: dialled and connected by hour`, categories: h.labels, series, xLabel: `Hour (${h.timeZone})`, yLabel: 'Calls' },
    (n) => formatCount(n),
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
export function botCallsChartBlocks(hours: DigestBotHours | undefined): KnownBlock[] {
  if (!hours) return [];
  const { bots, more } = busiest(hours);
  const notes = more > 0 ? [`${plural(more, 'quieter bot')} not charted`] : [];
  const series = bots.map((b) => ({ name: botName(b), values: b.calls }));
  return chartWithText({ kind: 'bar', title: 'Voice bots: calls by hour', categories: hours.labels, series, xLabel: `Hour (${hours.timeZone})`, yLabel: 'Calls' }, (n) => formatCount(n), notes);
}

/** The voice bots' autonomy by hour, in percent (one line per bot). */
export function botAutonomyChartBlocks(hours: DigestBotHours | undefined): KnownBlock[] {
  if (!hours) return [];
  const { bots, more } = busiest(hours);
  const notes = more > 0 ? [`${plural(more, 'quieter bot')} not charted`] : [];
  const series = bots.map((b) => ({ name: botName(b), values: b.autonomy.map((a) => (a === null ? null : Math.round(a * 1000) / 10)) }));
  return chartWithText(
    { kind: 'line', title: 'Voice bots: autonomy by hour (%)', categories: hours.labels, series, xLabel: `Hour (${hours.timeZone})`, yLabel: 'Autonomy %' },
    (n) => `${n.toFixed(1)}%`,
    notes,
  );
}

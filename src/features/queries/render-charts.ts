/**
 * Charts of the query answers, each followed by its figures in words (a gap as "–"): a campaign's
 * dialled and connected calls by hour today (`/aicc stats CAMPAIGN`).
 */
import type { KnownBlock } from '@slack/types';
import { formatCount } from '../../slack/format.js';
import { chartWithText } from '../../slack/render/chart.js';
import type { StatsHours } from './views.js';

/** Today's course by hour for one campaign. */
export function statsHoursBlocks(hours: StatsHours | undefined): KnownBlock[] {
  if (!hours) return [];
  return chartWithText(
    {
      kind: 'line',
      title: 'Today by hour: dialled and connected',
      categories: hours.labels,
      series: [
        { name: 'Dialled', values: hours.dialled },
        { name: 'Connected', values: hours.connected },
      ],
      xLabel: `Hour (${hours.timeZone})`,
      yLabel: 'Calls',
    },
    (n) => formatCount(n),
  );
}

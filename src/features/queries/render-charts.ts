/**
 * Charts of the query answers, each followed by its figures in words (a gap as "–"): a campaign's
 * dialled and connected calls by hour today (`/aicc stats CAMPAIGN`).
 */
import type { KnownBlock } from '@slack/types';
import type { Translator } from '../../i18n/index.js';
import { chartWithText } from '../../slack/render/chart.js';
import type { StatsHours } from './views.js';

/** Today's course by hour for one campaign. */
export function statsHoursBlocks(tr: Translator, hours: StatsHours | undefined): KnownBlock[] {
  if (!hours) return [];
  return chartWithText(
    tr,
    {
      kind: 'line',
      title: tr.t('queries.stats.chart.title'),
      categories: hours.labels,
      series: [
        { name: tr.t('queries.stats.dialled'), values: hours.dialled },
        { name: tr.t('queries.stats.connected'), values: hours.connected },
      ],
      xLabel: tr.t('queries.chart.hourAxis', { zone: hours.timeZone }),
      yLabel: tr.t('queries.chart.callsAxis'),
    },
    (n) => tr.count(n),
  );
}

/**
 * `/aicc stats CAMPAIGN`'s hourly course today: dialled and connected per hour of the tenant's day,
 * from the statistics snapshots the collector stored (see ../collector/hourly.ts). An illustration:
 * when the store cannot answer, the answer goes out without it.
 */
import { campaignHours, localDay } from '../collector/index.js';
import type { QueriesDeps } from './deps.js';
import type { StatsHours } from './views.js';

/** Today's hours of one campaign so far; undefined when no snapshot of today knows them. */
export async function statsHours(vdn: number, campaignId: string, deps: Pick<QueriesDeps, 'store' | 'clock' | 'timeZone' | 'log'>): Promise<StatsHours | undefined> {
  const now = deps.clock().getTime();
  const day = localDay(now, deps.timeZone);
  try {
    const h = await campaignHours(deps.store, { vdn, campaigns: [campaignId], day, now });
    const n = day.hours.filter((x) => x.start < now).length;
    const dialled = h.dialled.slice(0, n);
    if (!dialled.some((v) => v !== null)) return undefined;
    return { labels: day.hours.slice(0, n).map((x) => x.label), timeZone: deps.timeZone, dialled, connected: h.connected.slice(0, n) };
  } catch (error) {
    deps.log.warn('hourly figures unavailable for stats', { vdn, campaignId, error });
    return undefined;
  }
}

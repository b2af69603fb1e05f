/** The collector: timed snapshots of every source, and the codecs other features read them with. */
export { createCollector, type Collector } from './runner.js';
export { BOT_VDN } from './collect.js';
export { decodeCampaigns, decodeCms, decodeStats } from './payloads.js';
export { perTick, type PerTickOptions } from './ticks.js';
export {
  campaignHours,
  DEFAULT_TOLERANCE_MS,
  hourlyIncreases,
  localDay,
  snapshotsAt,
  sumHourly,
  type CampaignHours,
  type CounterReading,
  type HourSlot,
  type LocalDay,
} from './hourly.js';

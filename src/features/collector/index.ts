/** The collector: timed snapshots of every source, and the codecs other features read them with. */
export { createCollector, type Collector } from './runner.js';
export { BOT_VDN } from './collect.js';
export { decodeCampaigns, decodeCms, decodeStats } from './payloads.js';

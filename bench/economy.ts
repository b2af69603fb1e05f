/**
 * Upstream economy: a burst of `/aicc stats` (VDN-wide and for each campaign) within a minute must
 * cost one statistics v2 call per VDN per interval, a handful of calls in all, and no 429.
 */
import { startStack } from './stack.js';
import { row, totalRequests, type Row } from './support.js';

export interface EconomyOptions {
  commands: number;
  concurrency: number;
  campaigns: number;
  /** Simulator latency per call, so concurrent commands really overlap upstream. */
  latencyMs: number;
}

const B = 'upstream economy';
const MINUTE_MS = 60_000;
/** Campaign list page size the iSales client asks for. */
const LIST_PAGE = 100;

export async function economy(o: EconomyOptions): Promise<Row[]> {
  const stack = await startStack({ sim: { campaignsPerVdn: o.campaigns, faults: { all: { latencyMs: o.latencyMs } } } });
  try {
    // VDN-wide and per campaign in turn, over every campaign of the VDN.
    const r = await stack.world.drive({ url: stack.botUrl, count: o.commands, concurrency: o.concurrency, texts: ['stats', 'stats {id}'], campaigns: 'all', answers: true });
    const counts = await stack.world.counts();
    const all = totalRequests(counts);
    const ideal = 1 + Math.ceil(o.campaigns / LIST_PAGE);
    const figures = r.answers.filter((a) => !a.error).length;
    const label = `${o.commands} stats cmds @${o.concurrency}, ${o.campaigns} campaigns, ${o.latencyMs} ms upstream`;
    return [
      row({ benchmark: B, figure: `statistics v2 calls (${label})`, value: totalRequests({ s: counts['isales.statistics'] ?? {} }), unit: 'count', max: 1 }),
      row({ benchmark: B, figure: 'upstream calls per command', value: all / o.commands, unit: 'per-command', ref: ideal / o.commands, refLabel: `ideal (${ideal} calls)` }),
      row({ benchmark: B, figure: '429s received', value: totalRequests(counts, '429'), unit: 'count', equals: 0 }),
      row({ benchmark: B, figure: 'commands answered with figures', value: figures, unit: 'count', equals: o.commands }),
      row({ benchmark: B, figure: 'run time (must fit the minute)', value: r.driveMs, unit: 'ms', max: MINUTE_MS }),
    ];
  } finally {
    await stack.close();
  }
}

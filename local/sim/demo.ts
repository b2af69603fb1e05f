/**
 * The demo campaign: one extra running campaign per VDN that starts dialling when the demo starts,
 * at a steady rate, connects well, collapses a couple of minutes later and then recovers. Its
 * "dialled today" is small, so today's success rate follows the script within minutes: a newcomer
 * watching the console sees an alert on it fire and resolve.
 *
 * Timeline (minutes after `startAt`; 30 calls a minute throughout):
 * - 0–2: 70% of calls connect;
 * - 2–8: 5% (the collapse): today's rate falls below 40% at about 3.7;
 * - from 8: 95% (the recovery): today's rate is back above 45% at about 11.8.
 */
import type { SimCampaign } from './campaigns.js';
import { hash32 } from './random.js';
import type { RateSchedule, Stream } from './streams.js';
import type { TenantCalendar } from './tz.js';

export interface DemoOptions {
  /** When the demo campaign starts dialling (normally the simulator's start). */
  startAt: Date;
}

/** The script's shape; times are offsets from `startAt`. */
export const DEMO_SCRIPT = Object.freeze({
  name: 'Demo: 回访 Follow-up (live)',
  callsPerMinute: 30,
  connectRate: 0.7,
  collapseAfterMs: 2 * 60_000,
  collapseRate: 0.05,
  recoverAfterMs: 8 * 60_000,
  recoverRate: 0.95,
  /** Days the campaign runs, from its first. */
  days: 30,
});

/** The demo's instants. */
export interface DemoTimeline {
  startAt: Date;
  collapseAt: Date;
  recoverAt: Date;
}

export function demoTimeline(startAt: Date): DemoTimeline {
  const t = startAt.getTime();
  return { startAt, collapseAt: new Date(t + DEMO_SCRIPT.collapseAfterMs), recoverAt: new Date(t + DEMO_SCRIPT.recoverAfterMs) };
}

/** The demo campaign's rate changes. */
export function demoRates(startAt: Date): RateSchedule {
  const { collapseAt, recoverAt } = demoTimeline(startAt);
  return [
    { atMs: collapseAt.getTime(), rate: DEMO_SCRIPT.collapseRate },
    { atMs: recoverAt.getTime(), rate: DEMO_SCRIPT.recoverRate },
  ];
}

/** A vendor-like campaign id for the demo in this VDN, unlike any of `taken`; the same on every start. */
function demoId(seed: number, vdn: number, taken: ReadonlySet<number>): number {
  let id = 1_000_000_000 + (hash32(seed, vdn, 'demo-id') % 1_147_000_000);
  while (taken.has(id)) id += 1;
  return id;
}

/**
 * The demo campaign of a VDN, placed after the generated ones (`index` = their count, which the
 * call id encoding relies on).
 */
export function demoCampaign(vdn: number, seed: number, cal: TenantCalendar, others: readonly SimCampaign[], opts: DemoOptions): SimCampaign {
  const startMs = opts.startAt.getTime();
  const firstDay = cal.dayOf(startMs);
  const lastDay = firstDay + DEMO_SCRIPT.days - 1;
  const callsPerHour = DEMO_SCRIPT.callsPerMinute * 60;
  const stream: Stream = {
    id: `${vdn}:demo`,
    key: hash32(seed, vdn, 'demo', 'stream'),
    base: callsPerHour,
    connect: DEMO_SCRIPT.connectRate,
    // Round the clock, so the demo works whenever it is started.
    startHour: 0,
    endHour: 24,
    firstDay,
    lastDay,
    cutoffMs: Number.POSITIVE_INFINITY,
    listSize: Math.ceil(callsPerHour * 24 * DEMO_SCRIPT.days * 1.15),
    fromMs: startMs,
    flat: true,
  };
  return {
    vdn,
    index: others.length,
    id: demoId(seed, vdn, new Set(others.map((c) => c.id))),
    name: DEMO_SCRIPT.name,
    status: 2,
    deviceType: 2,
    strBeginTime: cal.formatDateTime(startMs),
    strEndTime: `${cal.formatDay(lastDay)} 23:59:59`,
    callerNo: '10080',
    batches: [],
    streams: [stream],
    script: demoRates(opts.startAt),
  };
}

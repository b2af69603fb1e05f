/**
 * The simulated tenant: campaigns of any VDN (generated on first use from seed + VDN, plus the demo
 * campaign when asked for), their counts at the clock's instant, single calls, voice bots and the
 * "collapse" scenario. Deterministic for a given seed, time zone and clock; "today" is the tenant's
 * local day.
 */
import { systemClock, type Clock } from '../../src/platform/clock.js';
import { dayRows, generateBots, hourRows, type BotCounts, type SimBot } from './bots.js';
import { lookupCall, recentCallIds, type CallRecord } from './calls.js';
import { generateCampaigns, type SimCampaign } from './campaigns.js';
import { campaignCounts, TallyCache, type CampaignCounts } from './counts.js';
import { demoCampaign, demoTimeline, type DemoOptions, type DemoTimeline } from './demo.js';
import type { RateSchedule } from './streams.js';
import { tenantCalendar, type TenantCalendar } from './tz.js';

export interface WorldOptions {
  seed?: number;
  /** Tenant IANA zone; default UTC. */
  timeZone?: string;
  campaignsPerVdn?: number;
  /** Share of campaigns running (default 7/12: 7 of the default 12). */
  runningShare?: number;
  bots?: number;
  clock?: Clock;
  /** Add the demo campaign (see ./demo.ts) to every VDN's list; absent: no demo campaign. */
  demo?: DemoOptions;
}

export interface CollapseScenario {
  vdn: number;
  campaignId: string;
  at: Date;
  connectRate: number;
}

export interface World {
  readonly seed: number;
  readonly timeZone: string;
  readonly campaignsPerVdn: number;
  readonly runningShare: number;
  readonly calendar: TenantCalendar;
  readonly clock: Clock;
  readonly bots: readonly SimBot[];
  /** The demo's instants, when the world has the demo campaign. */
  readonly demo?: DemoTimeline;
  /** The demo campaign of a VDN, when the world has one. */
  demoCampaign(vdn: number): SimCampaign | undefined;
  /** The campaigns of a VDN (1..9999), in the order the list endpoint returns them. */
  campaigns(vdn: number): readonly SimCampaign[];
  campaign(vdn: number, campaignId: string | number): SimCampaign | undefined;
  /** Counts of a campaign and its batches at `now` (default: the clock). */
  counts(campaign: SimCampaign, now?: Date): CampaignCounts;
  /** A finished call's details, or undefined when the id names no call of this VDN. */
  callDetail(vdn: number, callId: string, now?: Date): CallRecord | undefined;
  /** Ids of the campaign's most recent finished calls, newest first. */
  sampleCallIds(vdn: number, campaignId: string | number, limit?: number, now?: Date): string[];
  bot(accessCode: string): SimBot | undefined;
  /** OIFDE report rows: `hour` = the day containing `timestampMs` by hour; `day` = the 30 days before it. */
  botReport(accessCode: string, type: 'hour' | 'day', timestampMs: number, now?: Date): BotCounts[];
  /** From `at` (default now) on, the campaign connects with `connectRate` (default 0.05). */
  collapse(opts: { vdn: number; campaignId: string | number; at?: Date; connectRate?: number }): CollapseScenario;
  clearScenario(): void;
  scenario(): CollapseScenario[];
}

export const DEFAULT_RUNNING_SHARE = 7 / 12;

export function createWorld(opts: WorldOptions = {}): World {
  const seed = opts.seed ?? 42;
  const timeZone = opts.timeZone ?? 'UTC';
  const campaignsPerVdn = Math.max(1, Math.floor(opts.campaignsPerVdn ?? 12));
  const runningShare = Math.min(1, Math.max(0, opts.runningShare ?? DEFAULT_RUNNING_SHARE));
  const clock = opts.clock ?? systemClock;
  const calendar = tenantCalendar(timeZone);
  const anchorMs = clock().getTime();
  const bots = generateBots(seed, Math.max(0, Math.floor(opts.bots ?? 3)));
  const botsByCode = new Map(bots.map((b) => [b.accessCode, b]));
  const byVdn = new Map<number, { list: SimCampaign[]; byId: Map<string, SimCampaign> }>();
  const cache = new TallyCache();
  const collapses = new Map<string, CollapseScenario>();

  const vdnData = (vdn: number) => {
    let data = byVdn.get(vdn);
    if (!data) {
      const list = generateCampaigns(vdn, { seed, campaignsPerVdn, runningShare, calendar, anchorMs });
      if (opts.demo) list.push(demoCampaign(vdn, seed, calendar, list, opts.demo));
      data = { list, byId: new Map(list.map((c) => [String(c.id), c])) };
      byVdn.set(vdn, data);
    }
    return data;
  };
  /** The campaign's scripted rate changes, overridden from a collapse scenario's instant on. */
  const ratesOf = (c: SimCampaign): RateSchedule | undefined => {
    const s = collapses.get(`${c.vdn}:${c.id}`);
    if (!s) return c.script;
    const atMs = s.at.getTime();
    return [...(c.script ?? []).filter((r) => r.atMs < atMs), { atMs, rate: s.connectRate }];
  };
  const nowMs = (now?: Date) => (now ?? clock()).getTime();
  const campaign = (vdn: number, id: string | number) => vdnData(vdn).byId.get(String(id).trim());

  return {
    seed,
    timeZone,
    campaignsPerVdn,
    runningShare,
    calendar,
    clock,
    bots,
    ...(opts.demo ? { demo: demoTimeline(opts.demo.startAt) } : {}),
    demoCampaign: (vdn) => (opts.demo ? vdnData(vdn).list.at(-1) : undefined),
    campaigns: (vdn) => vdnData(vdn).list,
    campaign,
    counts: (c, now) => campaignCounts(calendar, cache, c, nowMs(now), ratesOf(c)),
    callDetail: (vdn, callId, now) => lookupCall(seed, calendar, vdnData(vdn).list, callId, nowMs(now), ratesOf),
    sampleCallIds(vdn, campaignId, limit = 10, now) {
      const c = campaign(vdn, campaignId);
      return c ? recentCallIds(seed, calendar, vdnData(vdn).list, c, limit, nowMs(now), ratesOf) : [];
    },
    bot: (accessCode) => botsByCode.get(accessCode),
    botReport(accessCode, type, timestampMs, now) {
      const bot = botsByCode.get(accessCode);
      if (!bot) return [];
      const day = calendar.dayOf(timestampMs);
      return type === 'hour' ? hourRows(calendar, bot, day, nowMs(now)) : dayRows(calendar, bot, day, nowMs(now));
    },
    collapse({ vdn, campaignId, at, connectRate }) {
      const c = campaign(vdn, campaignId);
      if (!c) throw new Error(`no campaign ${campaignId} in VDN ${vdn}`);
      const rate = connectRate ?? 0.05;
      if (!(rate >= 0 && rate <= 1)) throw new Error('connectRate must be between 0 and 1');
      const scenario: CollapseScenario = { vdn, campaignId: String(c.id), at: at ?? clock(), connectRate: rate };
      collapses.set(`${vdn}:${c.id}`, scenario);
      cache.clear();
      return scenario;
    },
    clearScenario() {
      collapses.clear();
      cache.clear();
    },
    scenario: () => [...collapses.values()],
  };
}

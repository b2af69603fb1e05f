/**
 * The digest as data: {@link buildDigestView} turns what the collectors fetched (campaign lists,
 * statistics now and at the same time yesterday, voice-bot rows, failed sources) into the figures
 * a digest shows. Pure; the renderer only lays this out.
 *
 * Definitions (the conventions of ../aicc/domain.ts hold: an unknown count stays `undefined`):
 * - connection rate (`successRate` here, the vendor's name) = connected today / dialled today
 *   (`dailyConnected / dailyCalled`), over the campaigns that reported both;
 * - completion = finished / numbers loaded (`totalFinished / total`), the share of the whole
 *   campaign that needs no more calls; when `total` is missing, `totalFinished / (totalFinished +
 *   remaining)`. Today's figures cannot say how much of a campaign is done, so these are all-time;
 * - delta = today's success rate minus the rate yesterday at the same time, in percentage points;
 * - a rate is `null` when it cannot be computed (a count unknown, or nothing dialled).
 */
import type { BotStatRow, Campaign, CampaignStats, Inconsistent, OutboundCountField } from '../../aicc/domain.js';
import { wallClock } from '../../i18n/index.js';
import { ratio } from '../../slack/format.js';
import { botHoursOf, type DigestBotHours, type VdnHours } from './series.js';

/** A fraction in [0, 1], or `null`: unknown or no data. */
export type Rate = number | null;

/**
 * What could not be read, as data: the renderer names it in the digest's language. `service` is the
 * product's name (CC-iSales, OIFDE), the same in every language.
 */
export type DigestSource =
  | { kind: 'campaigns' | 'statistics'; service: string; vdn: number }
  | { kind: 'bot'; service: string; code: string }
  | { kind: 'cms'; service: string };

/** A source the digest could not read; named in the digest, never silently left out. */
export interface DigestFailure {
  source: DigestSource;
  /** Why, in a few words, in English (vendor text allowed; it is escaped when shown). */
  message: string;
  /** The failure itself, when there is one, so the digest can say why in its reader's language. */
  error?: unknown;
  /** The figures are there, from an earlier refresh: `message` says why no newer one. */
  stale?: boolean;
  /** Failing since, when known. */
  since?: Date;
}

/** Everything fetched for one VDN. */
export interface VdnDigestInput {
  vdn: number;
  campaigns: readonly Campaign[];
  campaignsAsOf?: Date;
  stats: readonly CampaignStats[];
  statsAsOf?: Date;
  /** The statistics as they stood at the same time yesterday; absent when there is no snapshot. */
  yesterdayStats?: readonly CampaignStats[];
  yesterdayAsOf?: Date;
  /** Dialled and connected by hour, today and yesterday, from the snapshots; absent when there are none. */
  hours?: VdnHours;
}

/** One voice bot: today's hourly rows. No rows with an `asOf` means the bot had no calls. */
export interface BotDigestInput {
  accessCode: string;
  name?: string;
  rows: readonly BotStatRow[];
  /** When the rows were fetched; absent when they could not be. */
  asOf?: Date;
}

/** Which campaigns and bots a subscription covers. */
export interface DigestFilter {
  campaigns: 'all' | readonly string[];
  bots: readonly string[];
}

export interface DigestInput {
  now: Date;
  timeZone: string;
  /** A title of its own; absent: "AICC daily digest" in the digest's language. */
  title?: string;
  subscriptionId?: number;
  /** Set when this digest is posted after its time (the bot was down). */
  late?: { scheduledFor: Date };
  vdnData: readonly VdnDigestInput[];
  bots: readonly BotDigestInput[];
  failures: readonly DigestFailure[];
  filter: DigestFilter;
  /** Fewest calls dialled today for a campaign to be ranked best or worst. Default 50. */
  minDialledForRanking?: number;
  /** The tenant's zone, where the vendor's day and its hours start (default `timeZone`). */
  tenantTimeZone?: string;
}

export interface DigestCampaignRow {
  id: string;
  /** Absent when the campaign list did not have this id (only statistics did). */
  name?: string;
  status?: number;
  statusLabel: string;
  dialled?: number;
  connected?: number;
  finished?: number;
  remaining?: number;
  successRate: Rate;
  completionRate: Rate;
  yesterdaySuccessRate: Rate;
  /** Success rate minus yesterday's, in points (one decimal); `null` when either is missing. */
  deltaPoints: number | null;
  /** Whether the statistics had a row for this campaign. */
  hasStats: boolean;
  /** Figures the vendor sent that cannot be true, as it wrote them (their fields above are unknown). */
  inconsistent?: Inconsistent<OutboundCountField>;
}

export interface DigestTotals {
  campaigns: number;
  running: number;
  /**
   * Campaigns that reported both today's dialled and connected counts: dialled, connected and the
   * rate are summed over these only, so an unknown (or impossible, hence unknown) count is never zero.
   */
  reported: number;
  /** Sums over the campaigns whose count is known; `undefined` when none is. */
  dialled?: number;
  connected?: number;
  finished?: number;
  remaining?: number;
  successRate: Rate;
  yesterdaySuccessRate: Rate;
  deltaPoints: number | null;
}

export interface DigestVdnView {
  vdn: number;
  totals: DigestTotals;
  /** Running first, then paused, draft, completed; busiest first within each. */
  campaigns: DigestCampaignRow[];
  /** Subscribed campaign ids found in neither the list nor the statistics. */
  notFound: string[];
  /** Campaigns in scope without a statistics row. */
  withoutStats: number;
  campaignsAsOf?: Date;
  statsAsOf?: Date;
  yesterdayAsOf?: Date;
  hours?: VdnHours;
}

export interface RankedCampaign {
  vdn: number;
  id: string;
  name?: string;
  successRate: number;
  dialled: number;
  deltaPoints: number | null;
}

export interface DigestBotRow {
  accessCode: string;
  name?: string;
  calls?: number;
  /** Calls the bot finished on its own (`exitConsulting`). */
  selfService?: number;
  /** Calls handed to an agent, before or after consulting. */
  transferToAgent?: number;
  transferRate: Rate;
  /** Self-service / (self-service + transfers), as `/aicc bot` computes it. */
  autonomyRate: Rate;
  interfaceSuccessRate: Rate;
  asOf?: Date;
}

/** What a digest is rendered from. */
export interface DigestView {
  /** A title of its own; absent: the renderer's, in the digest's language. */
  title?: string;
  generatedAt: Date;
  /** The local date of `generatedAt`, `YYYY-MM-DD`. */
  date: string;
  timeZone: string;
  subscriptionId?: number;
  late?: { scheduledFor: Date };
  vdns: DigestVdnView[];
  /** Up to three highest success rates among campaigns with at least `minDialledForRanking` dialled. */
  best: RankedCampaign[];
  /** Up to three lowest, never repeating one of `best`. */
  worst: RankedCampaign[];
  /** How many campaigns could be ranked. */
  rankedCount: number;
  bots: DigestBotRow[];
  /** Absent when no bot has hourly rows. */
  botHours?: DigestBotHours;
  failures: DigestFailure[];
  minDialledForRanking: number;
}

export const DEFAULT_MIN_DIALLED = 50;
const RANK_SIZE = 3;
const STATUS_ORDER: Readonly<Record<number, number>> = { 2: 0, 3: 1, 1: 2, 4: 3 };

const rate = (n?: number, d?: number): Rate => ratio(n, d) ?? null;
const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** Points between two rates, one decimal, so 0.1 + 0.2 noise never shows as a change. */
export function deltaPoints(today: Rate, yesterday: Rate): number | null {
  if (today === null || yesterday === null) return null;
  return Math.round((today - yesterday) * 1000) / 10;
}

function completion(s: CampaignStats): Rate {
  if (s.total !== undefined) return rate(s.totalFinished, s.total);
  return s.totalFinished !== undefined && s.remaining !== undefined ? rate(s.totalFinished, s.totalFinished + s.remaining) : null;
}

function sumKnown(values: ReadonlyArray<number | undefined>): number | undefined {
  const known = values.filter((n): n is number => n !== undefined && Number.isFinite(n));
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) : undefined;
}

/** connected/dialled over the rows where both are known, so a missing count cannot skew it. */
function pooledRate(rows: ReadonlyArray<{ connected?: number; dialled?: number }>): Rate {
  const both = rows.filter((r) => r.connected !== undefined && r.dialled !== undefined);
  return both.length > 0 ? rate(sumKnown(both.map((r) => r.connected)), sumKnown(both.map((r) => r.dialled))) : null;
}

function buildVdn(input: VdnDigestInput, filter: DigestFilter): DigestVdnView {
  const listed = new Map(input.campaigns.map((c) => [c.id, c]));
  const stats = new Map(input.stats.map((s) => [s.campaignId, s]));
  const yesterday = input.yesterdayStats ? new Map(input.yesterdayStats.map((s) => [s.campaignId, s])) : undefined;
  const wanted = filter.campaigns === 'all' ? [...new Set([...listed.keys(), ...stats.keys()])] : [...new Set(filter.campaigns)];
  const notFound = filter.campaigns === 'all' ? [] : wanted.filter((id) => !listed.has(id) && !stats.has(id));
  const ids = wanted.filter((id) => !notFound.includes(id));

  const rows = ids.map((id) => campaignRow(id, listed.get(id), stats.get(id), yesterday?.get(id)));
  rows.sort(
    (a, b) =>
      (STATUS_ORDER[a.status ?? -1] ?? 4) - (STATUS_ORDER[b.status ?? -1] ?? 4) ||
      (b.dialled ?? -1) - (a.dialled ?? -1) ||
      (a.name ?? a.id).localeCompare(b.name ?? b.id) ||
      a.id.localeCompare(b.id),
  );
  const yRows = yesterday ? ids.map((id) => yesterday.get(id)).filter((s): s is CampaignStats => s !== undefined) : [];
  const successRate = pooledRate(rows);
  const both = rows.filter((r) => r.connected !== undefined && r.dialled !== undefined);
  const yesterdaySuccessRate = pooledRate(yRows.map((s) => ({ connected: s.dailyConnected, dialled: s.dailyCalled })));
  return {
    vdn: input.vdn,
    totals: {
      campaigns: rows.length,
      running: rows.filter((r) => r.status === 2).length,
      reported: both.length,
      dialled: sumKnown(both.map((r) => r.dialled)),
      connected: sumKnown(both.map((r) => r.connected)),
      finished: sumKnown(rows.map((r) => r.finished)),
      remaining: sumKnown(rows.map((r) => r.remaining)),
      successRate,
      yesterdaySuccessRate,
      deltaPoints: deltaPoints(successRate, yesterdaySuccessRate),
    },
    campaigns: rows,
    notFound,
    withoutStats: rows.filter((r) => !r.hasStats).length,
    ...(input.campaignsAsOf ? { campaignsAsOf: input.campaignsAsOf } : {}),
    ...(input.statsAsOf ? { statsAsOf: input.statsAsOf } : {}),
    ...(input.yesterdayAsOf ? { yesterdayAsOf: input.yesterdayAsOf } : {}),
    ...(input.hours ? { hours: input.hours } : {}),
  };
}

function campaignRow(id: string, c: Campaign | undefined, s: CampaignStats | undefined, y: CampaignStats | undefined): DigestCampaignRow {
  // Daily fields only: `calledCount` can read 0 beside a non-zero `dailyCalledCount` (see render/stats.ts).
  const successRate = rate(s?.dailyConnected, s?.dailyCalled);
  const yesterdaySuccessRate = y ? rate(y.dailyConnected, y.dailyCalled) : null;
  return {
    id,
    ...(c ? { name: c.name, status: c.status } : {}),
    statusLabel: c?.statusLabel ?? 'unknown',
    dialled: s?.dailyCalled,
    connected: s?.dailyConnected,
    finished: s?.dailyFinished,
    remaining: s?.remaining,
    successRate,
    completionRate: s ? completion(s) : null,
    yesterdaySuccessRate,
    deltaPoints: deltaPoints(successRate, yesterdaySuccessRate),
    hasStats: s !== undefined,
    ...(s?.inconsistent ? { inconsistent: s.inconsistent } : {}),
  };
}

function rank(vdns: readonly DigestVdnView[], min: number): { best: RankedCampaign[]; worst: RankedCampaign[]; count: number } {
  const eligible: RankedCampaign[] = vdns.flatMap((v) =>
    v.campaigns.flatMap((c) =>
      c.dialled !== undefined && c.dialled >= min && c.successRate !== null
        ? [{ vdn: v.vdn, id: c.id, ...(c.name !== undefined ? { name: c.name } : {}), successRate: c.successRate, dialled: c.dialled, deltaPoints: c.deltaPoints }]
        : [],
    ),
  );
  // Ties go to the campaign with more calls (the steadier figure), then by id for a stable order.
  const order = (a: RankedCampaign, b: RankedCampaign) => b.dialled - a.dialled || a.vdn - b.vdn || a.id.localeCompare(b.id);
  const best = [...eligible].sort((a, b) => b.successRate - a.successRate || order(a, b)).slice(0, RANK_SIZE);
  const taken = new Set(best.map((r) => `${r.vdn}/${r.id}`));
  const worst = [...eligible]
    .filter((r) => !taken.has(`${r.vdn}/${r.id}`))
    .sort((a, b) => a.successRate - b.successRate || order(a, b))
    .slice(0, RANK_SIZE);
  return { best, worst, count: eligible.length };
}

function botRow(code: string, input: BotDigestInput | undefined): DigestBotRow {
  const rows = input?.rows ?? [];
  // A successful fetch with no rows is a quiet bot (zero calls); a failed one is unknown.
  const sum = (pick: (r: BotStatRow) => number | undefined) => (input?.asOf && rows.length === 0 ? 0 : sumKnown(rows.map(pick)));
  const calls = sum((r) => r.calls);
  const selfService = sum((r) => r.exitConsulting);
  const before = sum((r) => r.staffNoConsult);
  const after = sum((r) => r.staffConsult);
  const transferToAgent = before !== undefined && after !== undefined ? before + after : undefined;
  const handled = transferToAgent !== undefined && selfService !== undefined ? transferToAgent + selfService : undefined;
  return {
    accessCode: code,
    ...(input?.name !== undefined ? { name: input.name } : {}),
    calls,
    selfService,
    transferToAgent,
    transferRate: rate(transferToAgent, calls),
    autonomyRate: rate(selfService, handled),
    interfaceSuccessRate: rate(sum((r) => r.interfaceSuccesses), sum((r) => r.interfaceRequests)),
    ...(input?.asOf ? { asOf: input.asOf } : {}),
  };
}

/** The local calendar date, `YYYY-MM-DD`: data (the renderer writes it the reader's way). */
function isoDate(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.year}-${w.month}-${w.day}`;
}

/** Computes a digest's figures from what was fetched. */
export function buildDigestView(input: DigestInput): DigestView {
  const min = input.minDialledForRanking ?? DEFAULT_MIN_DIALLED;
  const vdns = input.vdnData.map((v) => buildVdn(v, input.filter));
  const { best, worst, count } = rank(vdns, min);
  const byCode = new Map(input.bots.map((b) => [b.accessCode, b]));
  return {
    ...(input.title !== undefined ? { title: input.title } : {}),
    generatedAt: input.now,
    date: isoDate(input.now, input.timeZone),
    timeZone: input.timeZone,
    ...(input.subscriptionId !== undefined ? { subscriptionId: input.subscriptionId } : {}),
    ...(input.late ? { late: input.late } : {}),
    vdns,
    best,
    worst,
    rankedCount: count,
    bots: [...new Set(input.filter.bots)].map((code) => botRow(code, byCode.get(code))),
    ...optional('botHours', botHoursOf(input.bots, [...new Set(input.filter.bots)], input.now.getTime(), input.tenantTimeZone ?? input.timeZone)),
    failures: [...input.failures],
    minDialledForRanking: min,
  };
}

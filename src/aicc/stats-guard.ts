/**
 * Statistics v2 allows one call per five minutes. The guard makes at most one upstream call per
 * VDN per interval, whatever the query, across every process sharing the lease:
 *
 * - a VDN query and a campaign query are answered from one VDN-wide call, which returns every
 *   campaign of the VDN with its batches (vendor page, table 4 and its sample; the simulator does
 *   the same);
 * - a batch query is answered from that VDN-wide answer when it lists the batch, and otherwise
 *   needs a call of its own (`campaignId` + `batchId`), which spends the same VDN budget and is
 *   made only when the slot is free at once (it never waits for, and so never takes, the slot a
 *   VDN-wide call is about to use);
 * - when the budget is spent, the last good value is served marked stale with the time of the next
 *   slot, or, with nothing to serve, a `rate_limited` error saying when to ask again.
 *
 * Spacing: the vendor counts from when its server received a call, which we never see. The lease
 * therefore starts over when the answer arrives (an upper bound of the moment the vendor counted,
 * whatever the network did) and adds a small margin against clock skew between bot processes
 * sharing the lease, or a clock stepped by NTP. Two calls are thus at least interval + margin
 * apart on any clock, and a server enforcing exactly the interval never answers 429.
 *
 * Spacing by more than the interval would make a caller on the interval's grid (the collector
 * ticks at 10:00, 10:05, …) find the slot taken by a few seconds every time; so a call that is due
 * waits for a slot that opens within `maxWaitMs` rather than serving the old value. The waits add
 * up (answer time plus margin per interval) until one would exceed `maxWaitMs`; that tick serves
 * the previous value and the next one calls on time again.
 *
 * The lease and the values sit behind small interfaces so the store can keep them in the database.
 */
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import type { ReadRows } from './convert.js';
import type { CampaignStats } from './domain.js';
import { AiccError, isAiccError } from './errors.js';

export interface StatsKey {
  vdn: number;
  campaignId?: string;
  /** Needs `campaignId` (vendor rule). */
  batchId?: string;
}

export interface StatsValue {
  campaigns: CampaignStats[];
  fetchedAt: Date;
  /** Rows of the vendor's answer the bot could not read and left out; absent when none. */
  unreadable?: number;
}

export interface StatsResult extends StatsValue {
  /** True when this is an older value served because a fresh one could not be had. */
  stale: boolean;
  /** Why it is stale (the upstream error or our own rate limit). */
  staleReason?: AiccError;
  /** Earliest time a fresh value may be fetched. */
  nextRefreshAt: Date;
}

/** Who may call upstream now: one slot per VDN. */
export interface StatsLease {
  /** Claims `key` for `ttlMs` from `now`; false while another claim runs. */
  tryAcquire(key: string, now: Date, ttlMs: number): Promise<boolean>;
  /** Starts our claim over at `now` for `ttlMs` (the answer has arrived). */
  renew(key: string, now: Date, ttlMs: number): Promise<void>;
  /** Gives the claim back (the call never reached the vendor). */
  release(key: string): Promise<void>;
  /** When the current claim ends, if any. */
  heldUntil(key: string): Promise<Date | undefined>;
}

/** The last good value per key. */
export interface StatsCache {
  get(key: string): Promise<StatsValue | undefined>;
  set(key: string, value: StatsValue): Promise<void>;
}

/** The cache key of a query's own answer: `8||` for the VDN, `8|123|b7` for a batch. */
export function statsKeyString(k: StatsKey): string {
  return `${k.vdn}|${k.campaignId ?? ''}|${k.batchId ?? ''}`;
}

/** The lease key: the budget belongs to the VDN, not to the query. */
export function statsLeaseKey(vdn: number): string {
  return `vdn:${vdn}`;
}

export function memoryStatsLease(): StatsLease {
  const until = new Map<string, number>();
  return {
    async tryAcquire(key, now, ttlMs) {
      const held = until.get(key);
      if (held !== undefined && held > now.getTime()) return false;
      until.set(key, now.getTime() + ttlMs);
      return true;
    },
    async renew(key, now, ttlMs) {
      until.set(key, now.getTime() + ttlMs);
    },
    async release(key) {
      until.delete(key);
    },
    async heldUntil(key) {
      const held = until.get(key);
      return held === undefined ? undefined : new Date(held);
    },
  };
}

export function memoryStatsCache(): StatsCache {
  const values = new Map<string, StatsValue>();
  return {
    async get(key) {
      return values.get(key);
    },
    async set(key, value) {
      values.set(key, value);
    },
  };
}

export interface StatsGuardOptions {
  fetch: (key: StatsKey) => Promise<ReadRows<CampaignStats>>;
  intervalMs: number;
  clock: Clock;
  lease?: StatsLease;
  cache?: StatsCache;
  log?: Logger;
  /** Added to the interval between two calls; default 2 s, or 1% of a short interval. */
  marginMs?: number;
  /** Longest wait for a slot about to open; default 15 s, or a tenth of a short interval. */
  maxWaitMs?: number;
  /** How to wait for a slot (tests make it instant). */
  sleep?: (ms: number) => Promise<void>;
}

export interface StatsGuard {
  get(key: StatsKey): Promise<StatsResult>;
  readonly intervalMs: number;
}

/**
 * Errors after which the vendor cannot have counted the call, so the lease is given back: a
 * connection that failed before the request was written. A timeout, a dropped answer or any
 * status is not one: the request went out and the vendor may well have counted it.
 */
function neverArrived(error: unknown): boolean {
  return isAiccError(error) && error.code === 'network' && error.requestSent !== true;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `5 minutes`, `30 seconds`. */
function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s % 60 === 0 ? `${s / 60} minute${s === 60 ? '' : 's'}` : `${s} seconds`;
}

export function createStatsGuard(opts: StatsGuardOptions): StatsGuard {
  const lease = opts.lease ?? memoryStatsLease();
  const cache = opts.cache ?? memoryStatsCache();
  const sleep = opts.sleep ?? realSleep;
  const inFlight = new Map<string, Promise<StatsResult>>();
  const { clock, intervalMs } = opts;
  const marginMs = opts.marginMs ?? Math.min(2_000, Math.round(intervalMs / 100));
  const maxWaitMs = opts.maxWaitMs ?? Math.min(15_000, Math.round(intervalMs / 10));
  /** How long a claim holds the VDN's slot. */
  const spacingMs = intervalMs + marginMs;

  const rateLimited = (key: StatsKey, retryAt: Date, cause?: unknown) =>
    new AiccError({
      service: 'isales',
      endpoint: 'statistics',
      code: 'rate_limited',
      retryAt,
      cause,
      hint: key.batchId
        ? `the vendor allows one statistics call per ${duration(intervalMs)} for the whole VDN, this one is spent, and a batch needs a call of its own`
        : `the vendor allows one statistics call per ${duration(intervalMs)} for the whole VDN, and this one is spent`,
      message: `CC-iSales statistics for VDN ${key.vdn} cannot be refreshed yet`,
    });

  /** A value is due for a refresh when a slot for it opens within the longest wait. */
  const due = (value: StatsValue | undefined, now: Date) => !value || now.getTime() - value.fetchedAt.getTime() >= intervalMs - maxWaitMs;

  async function nextSlot(vdn: number, value: StatsValue): Promise<Date> {
    const held = await lease.heldUntil(statsLeaseKey(vdn));
    const byAge = value.fetchedAt.getTime() + intervalMs;
    return new Date(Math.max(byAge, held?.getTime() ?? 0));
  }

  /**
   * Takes the VDN's slot now, or after a short wait when it opens within `maxWaitMs`. With a
   * manual clock and an instant sleep the clock has not moved after the wait; the wait is then
   * taken to have happened, and the claim is made at the time the slot opened.
   */
  async function claim(vdn: number, waitMs: number): Promise<{ ok: true } | { ok: false; retryAt: Date }> {
    const k = statsLeaseKey(vdn);
    const now = clock();
    if (await lease.tryAcquire(k, now, spacingMs)) return { ok: true };
    const until = (await lease.heldUntil(k)) ?? new Date(now.getTime() + spacingMs);
    if (until.getTime() - now.getTime() > waitMs) return { ok: false, retryAt: until };
    await sleep(Math.max(0, until.getTime() - now.getTime()));
    const at = new Date(Math.max(clock().getTime(), until.getTime()));
    if (await lease.tryAcquire(k, at, spacingMs)) return { ok: true };
    return { ok: false, retryAt: (await lease.heldUntil(k)) ?? new Date(at.getTime() + spacingMs) };
  }

  /**
   * Calls upstream in the VDN's slot. Without a slot, `fallback` is served (stale once it is older
   * than the interval), or a `rate_limited` error says when the next slot opens.
   */
  async function refresh(key: StatsKey, cacheKey: string, fallback: StatsValue | undefined, waitMs: number): Promise<StatsResult> {
    const slot = await claim(key.vdn, waitMs);
    if (!slot.ok) {
      const reason = rateLimited(key, slot.retryAt);
      if (!fallback) throw reason;
      const stale = clock().getTime() - fallback.fetchedAt.getTime() >= intervalMs;
      return { ...fallback, stale, ...(stale ? { staleReason: reason } : {}), nextRefreshAt: slot.retryAt };
    }
    const leaseKey = statsLeaseKey(key.vdn);
    const askedAt = clock();
    try {
      const campaigns = await opts.fetch(key);
      const answeredAt = clock();
      await lease.renew(leaseKey, answeredAt, spacingMs);
      logDrift(key, campaigns);
      // Stamped with when it was asked for: the figures are at least that fresh.
      const value: StatsValue = { campaigns, fetchedAt: askedAt, ...(campaigns.unreadable ? { unreadable: campaigns.unreadable } : {}) };
      await cache.set(cacheKey, value);
      return { ...value, stale: false, nextRefreshAt: new Date(answeredAt.getTime() + spacingMs) };
    } catch (error) {
      const answeredAt = clock();
      let reason = error;
      if (neverArrived(error)) {
        await lease.release(leaseKey);
      } else if (isAiccError(error) && error.code === 'rate_limited') {
        // The vendor counts a call we did not make (another client of the tenant?): wait as it says,
        // or a whole interval from now.
        const until = new Date(error.retryAt ? Math.max(error.retryAt.getTime(), answeredAt.getTime()) + marginMs : answeredAt.getTime() + spacingMs);
        await lease.renew(leaseKey, answeredAt, until.getTime() - answeredAt.getTime());
        reason = rateLimited(key, until, error);
      } else {
        // Any other answer (or none, after a timeout) may have been counted: the slot is spent.
        await lease.renew(leaseKey, answeredAt, spacingMs);
      }
      opts.log?.warn('statistics refresh failed', { key: cacheKey, code: isAiccError(error) ? error.code : 'unknown', servingStale: Boolean(fallback) });
      if (fallback && isAiccError(reason)) {
        return { ...fallback, stale: true, staleReason: reason, nextRefreshAt: reason.retryAt ?? (await lease.heldUntil(leaseKey)) ?? answeredAt };
      }
      throw reason;
    }
  }

  /** Says, once per fetched answer, which vendor figures could not be true and how many rows were unreadable. */
  function logDrift(key: StatsKey, campaigns: ReadRows<CampaignStats>): void {
    if (campaigns.unreadable) opts.log?.warn('statistics rows the bot could not read were left out', { vdn: key.vdn, rows: campaigns.unreadable });
    for (const c of campaigns) {
      const fields = { ...c.inconsistent };
      for (const b of c.batches) for (const [f, v] of Object.entries(b.inconsistent ?? {})) fields[`batch ${b.batchId} ${f}` as keyof typeof fields] = v;
      if (Object.keys(fields).length > 0) opts.log?.warn('statistics figures that cannot be true were set aside', { vdn: key.vdn, campaignId: c.campaignId, fields });
    }
  }

  /** Every campaign of the VDN, from one call per interval. */
  async function loadVdn(vdn: number): Promise<StatsResult> {
    const cacheKey = statsKeyString({ vdn });
    const cached = await cache.get(cacheKey);
    const now = clock();
    if (cached && !due(cached, now)) return { ...cached, stale: false, nextRefreshAt: await nextSlot(vdn, cached) };
    return refresh({ vdn }, cacheKey, cached, maxWaitMs);
  }

  /** One campaign with the batch asked for, from the VDN-wide value when it lists it, else from a call of its own. */
  async function loadBatch(key: StatsKey & { batchId: string }): Promise<StatsResult> {
    // A VDN-wide call in flight here may well list the batch: wait for it rather than be refused.
    await inFlight.get(statsKeyString({ vdn: key.vdn }))?.catch(() => undefined);
    const cacheKey = statsKeyString(key);
    const now = clock();
    const own = await cache.get(cacheKey);
    const wide = await cache.get(statsKeyString({ vdn: key.vdn }));
    const fromWide = wide && listsBatch(wide, key) ? { campaigns: onlyCampaign(wide, key.campaignId), fetchedAt: wide.fetchedAt } : undefined;
    // The fresher of the two answers that hold the batch.
    const best = [own, fromWide].filter((v): v is StatsValue => v !== undefined).sort((a, b) => b.fetchedAt.getTime() - a.fetchedAt.getTime())[0];
    if (best && now.getTime() - best.fetchedAt.getTime() < intervalMs) return { ...best, stale: false, nextRefreshAt: await nextSlot(key.vdn, best) };
    // No waiting for a slot: a batch takes one only when nobody else is about to (the collector's
    // VDN-wide call serves every query, batches it lists included).
    return refresh(key, cacheKey, best, 0);
  }

  function single(k: string, load: () => Promise<StatsResult>): Promise<StatsResult> {
    let p = inFlight.get(k);
    if (!p) {
      p = load().finally(() => inFlight.delete(k));
      inFlight.set(k, p);
    }
    return p;
  }

  return {
    intervalMs,
    async get(key) {
      if (key.batchId !== undefined && key.campaignId !== undefined) {
        const batchKey = { ...key, batchId: key.batchId };
        return single(statsKeyString(key), () => loadBatch(batchKey));
      }
      const result = await single(statsKeyString({ vdn: key.vdn }), () => loadVdn(key.vdn));
      return key.campaignId === undefined ? result : { ...result, campaigns: onlyCampaign(result, key.campaignId) };
    },
  };
}

function onlyCampaign(value: StatsValue, campaignId: string | undefined): CampaignStats[] {
  return value.campaigns.filter((c) => c.campaignId === campaignId);
}

function listsBatch(value: StatsValue, key: StatsKey): boolean {
  return value.campaigns.some((c) => c.campaignId === key.campaignId && c.batches.some((b) => b.batchId === key.batchId));
}

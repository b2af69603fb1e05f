/**
 * Statistics v2 allows one call per five minutes. The guard makes at most one upstream call per
 * (vdn, campaignId, batchId) key per interval, shares one in-flight call among identical concurrent
 * requests, and otherwise serves the last good value with its `fetchedAt` so a message can say
 * "as of 10:05". The lease and the values sit behind small interfaces so the storage layer can move
 * them into the database and several bot processes share one budget.
 */
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import type { CampaignStats } from './domain.js';
import { AiccError, isAiccError } from './errors.js';

export interface StatsKey {
  vdn: number;
  campaignId?: string;
  batchId?: string;
}

export interface StatsValue {
  campaigns: CampaignStats[];
  fetchedAt: Date;
}

export interface StatsResult extends StatsValue {
  /** True when this is an older value served because a fresh one could not be had. */
  stale: boolean;
  /** Why it is stale (the upstream error or our own rate limit). */
  staleReason?: AiccError;
  /** Earliest time a fresh value may be fetched. */
  nextRefreshAt: Date;
}

/** Who may call upstream now. */
export interface StatsLease {
  /** Claims the key for `intervalMs` from `now`; false when a claim is still running. */
  tryAcquire(key: string, now: Date, intervalMs: number): Promise<boolean>;
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

export function statsKeyString(k: StatsKey): string {
  return `${k.vdn}|${k.campaignId ?? ''}|${k.batchId ?? ''}`;
}

export function memoryStatsLease(): StatsLease {
  const until = new Map<string, number>();
  return {
    async tryAcquire(key, now, intervalMs) {
      const held = until.get(key);
      if (held !== undefined && held > now.getTime()) return false;
      until.set(key, now.getTime() + intervalMs);
      return true;
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
  fetch: (key: StatsKey) => Promise<CampaignStats[]>;
  intervalMs: number;
  clock: Clock;
  lease?: StatsLease;
  cache?: StatsCache;
  log?: Logger;
}

export interface StatsGuard {
  get(key: StatsKey): Promise<StatsResult>;
  readonly intervalMs: number;
}

/** Errors after which the vendor probably never counted the call, so the lease is given back. */
function neverArrived(error: unknown): boolean {
  return isAiccError(error) && (error.code === 'network' || error.code === 'timeout');
}

export function createStatsGuard(opts: StatsGuardOptions): StatsGuard {
  const lease = opts.lease ?? memoryStatsLease();
  const cache = opts.cache ?? memoryStatsCache();
  const inFlight = new Map<string, Promise<StatsResult>>();
  const { clock, intervalMs } = opts;

  const rateLimited = (key: StatsKey, retryAt: Date, cause?: unknown) =>
    new AiccError({
      service: 'isales',
      endpoint: 'statistics',
      code: 'rate_limited',
      retryAt,
      cause,
      hint: `statistics refresh at most every ${Math.round(intervalMs / 60_000)} minutes (vendor limit)`,
      message: `CC-iSales statistics for VDN ${key.vdn} cannot be refreshed yet`,
    });

  async function load(key: StatsKey, k: string): Promise<StatsResult> {
    const now = clock();
    const cached = await cache.get(k);
    if (cached && now.getTime() - cached.fetchedAt.getTime() < intervalMs) {
      return { ...cached, stale: false, nextRefreshAt: new Date(cached.fetchedAt.getTime() + intervalMs) };
    }
    if (!(await lease.tryAcquire(k, now, intervalMs))) {
      const retryAt = (await lease.heldUntil(k)) ?? new Date(now.getTime() + intervalMs);
      const reason = rateLimited(key, retryAt);
      if (cached) return { ...cached, stale: true, staleReason: reason, nextRefreshAt: retryAt };
      throw reason;
    }
    try {
      const campaigns = await opts.fetch(key);
      // Stamped with when it was asked for, like the lease: a value fetched at 10:00:00.3 is due for
      // a refresh at 10:05:00, not 10:05:00.3 (else a collector on the same interval skips one).
      const value = { campaigns, fetchedAt: now };
      await cache.set(k, value);
      return { ...value, stale: false, nextRefreshAt: new Date(now.getTime() + intervalMs) };
    } catch (error) {
      if (neverArrived(error)) await lease.release(k);
      let reason = error;
      if (isAiccError(error) && error.code === 'rate_limited') {
        const retryAt = error.retryAt ?? new Date(now.getTime() + intervalMs);
        reason = rateLimited(key, retryAt, error);
      }
      opts.log?.warn('statistics refresh failed', { key: k, code: isAiccError(error) ? error.code : 'unknown', servingStale: Boolean(cached) });
      if (cached && isAiccError(reason)) {
        return { ...cached, stale: true, staleReason: reason, nextRefreshAt: (reason.retryAt ?? (await lease.heldUntil(k))) ?? now };
      }
      throw reason;
    }
  }

  return {
    intervalMs,
    get(key) {
      const k = statsKeyString(key);
      let p = inFlight.get(k);
      if (!p) {
        p = load(key, k).finally(() => inFlight.delete(k));
        inFlight.set(k, p);
      }
      return p;
    },
  };
}

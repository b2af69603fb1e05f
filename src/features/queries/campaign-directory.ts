/**
 * Campaign names and statuses per VDN, cached briefly. Statistics answers only carry ids, so every
 * stats answer needs the list; caching it keeps a burst of `/aicc stats` from turning into a burst
 * of list calls.
 *
 * A listing (and a failure to get one) is shared by every reader, whatever their language, so its
 * calls carry the default AICC `locale` header rather than any one reader's.
 */
import type { Clock } from '../../platform/clock.js';
import type { Campaign } from '../../aicc/domain.js';
import type { IsalesClient } from '../../aicc/isales.js';

export interface CampaignListing {
  campaigns: Campaign[];
  fetchedAt: Date;
}

export interface CampaignDirectory {
  /** Every campaign of the VDN (all statuses), at most `ttlMs` old. */
  list(vdn: number): Promise<CampaignListing>;
  /** The same listing by campaign id; shared between callers, so read it, never change it. */
  byId(vdn: number): Promise<Map<string, Campaign>>;
}

/** A recent listing from elsewhere (the collector's snapshots), used instead of a call when fresh. */
export type ListingSource = (vdn: number, maxAgeMs: number) => Promise<CampaignListing | undefined>;

export function createCampaignDirectory(isales: IsalesClient, clock: Clock, ttlMs = 60_000, stored?: ListingSource): CampaignDirectory {
  const cache = new Map<number, CampaignListing>();
  const inFlight = new Map<number, Promise<CampaignListing>>();
  /** Each listing's index by id, built once per listing rather than once per command. */
  const indexes = new WeakMap<CampaignListing, Map<string, Campaign>>();

  function list(vdn: number): Promise<CampaignListing> {
    const hit = cache.get(vdn);
    if (hit && clock().getTime() - hit.fetchedAt.getTime() < ttlMs) return Promise.resolve(hit);
    let p = inFlight.get(vdn);
    if (!p) {
      const fetchLive = async (): Promise<CampaignListing> => ({ campaigns: await isales.listAllCampaigns(vdn), fetchedAt: clock() });
      p = (async () => (stored ? await stored(vdn, ttlMs).catch(() => undefined) : undefined) ?? fetchLive())()
        .then((listing) => {
          cache.set(vdn, listing);
          return listing;
        })
        .finally(() => inFlight.delete(vdn));
      inFlight.set(vdn, p);
    }
    return p;
  }

  return {
    list,
    async byId(vdn) {
      const listing = await list(vdn);
      let index = indexes.get(listing);
      if (!index) {
        index = new Map(listing.campaigns.map((c) => [c.id, c]));
        indexes.set(listing, index);
      }
      return index;
    },
  };
}

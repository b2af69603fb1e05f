/**
 * A cached credential with a lifetime: fetched once for all concurrent callers, reused until a
 * minute (or a tenth of its life) before it expires, and dropped on demand when the server says it
 * is no longer valid. Serves the C1 bearer token and the C3 OIFDE token alike.
 */
import type { Clock } from '../platform/clock.js';

export interface TokenCache {
  get(): Promise<string>;
  /**
   * Forget `stale`, the token the server refused; the next `get` fetches a new one. A refusal of
   * an older token (a late answer to a request made before a refresh) leaves the newer one alone.
   */
  invalidate(stale: string): void;
}

export function createTokenCache(fetch: () => Promise<{ value: string; lifeS: number }>, clock: Clock): TokenCache {
  let token: { value: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  return {
    get() {
      if (token && clock().getTime() < token.refreshAt) return Promise.resolve(token.value);
      inFlight ??= fetch()
        .then(({ value, lifeS }) => {
          const margin = Math.min(60, lifeS / 10);
          token = { value, refreshAt: clock().getTime() + (lifeS - margin) * 1000 };
          return value;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
    invalidate(stale) {
      if (token?.value === stale) token = undefined;
    },
  };
}

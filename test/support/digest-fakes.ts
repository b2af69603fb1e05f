/**
 * What the digest commands and the Run now button need, for handler tests: a real store (in-memory
 * SQLite) and a fake digest service that records what it was asked to post.
 */
import type { DigestsDeps } from '../../src/features/digests/deps.js';
import type { DigestService, PostOutcome } from '../../src/features/digests/service.js';
import { manualClock, type ManualClock } from '../../src/platform/clock.js';
import { silentLogger } from '../../src/platform/log.js';
import type { DigestSubscription, Store } from '../../src/store/index.js';

export interface FakeDigestService extends DigestService {
  /** Every `post`, in order. */
  posts: Array<{ sub: DigestSubscription; opts: Parameters<DigestService['post']>[1] }>;
  /** What the next posts return (default posted). */
  outcome: PostOutcome;
}

export function fakeDigestService(events: string[] = [], nextRun = new Date('2026-11-21T01:00:00Z')): FakeDigestService {
  const service: FakeDigestService = {
    posts: [],
    outcome: { status: 'posted', ts: '1700000000.000100' },
    async post(sub, opts) {
      events.push('digests.post');
      service.posts.push({ sub, opts });
      return service.outcome;
    },
    runDue: async () => undefined,
    nextRun: () => nextRun,
    start: () => undefined,
    stop: async () => undefined,
  };
  return service;
}

export interface DigestTestDeps extends DigestsDeps {
  clock: ManualClock;
  digests: FakeDigestService;
}

/** Deps over `store` with one admin, `UADMIN`, and the clock at Friday 2026-11-20 08:30 in Shanghai. */
export function digestDeps(store: Store, events: string[] = [], over: Partial<Omit<DigestsDeps, 'clock' | 'digests'>> = {}): DigestTestDeps {
  return {
    log: silentLogger,
    timeZone: 'Asia/Shanghai',
    botTimeZone: 'Asia/Shanghai',
    store,
    adminUsers: ['UADMIN'],
    allowedChannels: [],
    vdnIds: [8],
    // No campaigns known: handlers that check ids are given a directory by the test.
    directory: { byId: async () => new Map() },
    ...over,
    clock: manualClock('2026-11-20T00:30:00Z'),
    digests: fakeDigestService(events),
  };
}

/** A daily 09:00 digest for #ops, created by the admin. */
export function addDigest(store: Store, channelId = 'COPS'): Promise<DigestSubscription> {
  return store.digests.create({ channelId, vdn: 8, at: '09:00', days: 'daily', timeZone: 'Asia/Shanghai', createdBy: 'UADMIN', createdAt: Date.parse('2026-11-19T00:00:00Z') });
}

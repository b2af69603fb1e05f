/**
 * One tick against fake AICC clients and a real store: the phases overlap (CMS for a page's running
 * campaigns starts before the list has ended, bots and statistics alongside), the calls are
 * background ones and bounded per service, and a list that fails stops the CMS calls still queued.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withUnreadable } from '../../../../src/aicc/convert.js';
import type { Campaign, TaskRealtime } from '../../../../src/aicc/domain.js';
import { AiccError } from '../../../../src/aicc/errors.js';
import type { Aicc } from '../../../../src/aicc/index.js';
import { toCampaign } from '../../../../src/aicc/isales-schemas.js';
import type { ListOptions } from '../../../../src/aicc/isales.js';
import type { CallOptions } from '../../../../src/aicc/transport.js';
import { collectOnce } from '../../../../src/features/collector/collect.js';
import { decodeCms } from '../../../../src/features/collector/payloads.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { openStore, type Store } from '../../../../src/store/index.js';

const campaign = (id: number, status: number): Campaign => toCampaign({ id: String(id), name: `C${id}`, status });
const task = (taskId: string): TaskRealtime => ({ taskId, total: 10 });

let store: Store;
let events: string[];
let options: Array<{ call: string; background?: boolean }>;
beforeEach(async () => {
  store = await openStore({ url: ':memory:' });
  events = [];
  options = [];
});
afterEach(async () => {
  await store.close();
});

/** Fake clients: `list` decides how pages arrive; CMS answers after `cmsMs`, counting calls in flight. */
function fakeAicc(list: (opts: ListOptions) => Promise<Campaign[]>, cmsMs = 5) {
  let inFlight = 0;
  const peak = { cms: 0 };
  const aicc = {
    isales: {
      listAllCampaigns: async (_vdn: number, _q: unknown, opts: ListOptions = {}) => {
        options.push({ call: 'list', background: opts.background });
        return withUnreadable(await list(opts), 0);
      },
    },
    cms: {
      taskRealtimeStatistics: async (_vdn: number, id: string, opts: CallOptions = {}) => {
        options.push({ call: `cms ${id}`, background: opts.background });
        events.push(`cms ${id}`);
        peak.cms = Math.max(peak.cms, ++inFlight);
        await new Promise((r) => setTimeout(r, cmsMs));
        inFlight--;
        return task(id);
      },
    },
    oifde: {
      callStatistics: async (q: { accessCode: string }, opts: CallOptions = {}) => {
        options.push({ call: `oifde ${q.accessCode}`, background: opts.background });
        return withUnreadable([], 0);
      },
    },
    stats: {
      get: async () => {
        options.push({ call: 'stats' });
        return { campaigns: [], fetchedAt: new Date('2026-11-20T06:00:00Z'), stale: false, nextRefreshAt: new Date('2026-11-20T06:05:00Z') };
      },
    },
  } as unknown as Aicc;
  return { aicc, peak };
}

const deps = (aicc: Aicc, extra: { concurrency?: number } = {}) => ({ aicc, store, clock: manualClock('2026-11-20T06:00:00Z'), log: silentLogger, vdnIds: [8], botCodes: async () => ['1001', '1002'], intervalMs: 300_000, ...extra });

describe('collectOnce', () => {
  it('calls CMS for a page as it arrives, before the list has ended, as background calls', async () => {
    const { aicc } = fakeAicc(async (opts) => {
      opts.onPage?.([campaign(1, 2), campaign(2, 3)]);
      // The second page only once CMS for the first has started: a tick that waited for the whole list would hang here.
      for (let i = 0; i < 200 && !events.includes('cms 1'); i++) await new Promise((r) => setTimeout(r, 1));
      events.push('page 2');
      opts.onPage?.([campaign(3, 2)]);
      return [campaign(1, 2), campaign(2, 3), campaign(3, 2)];
    });
    const report = await collectOnce(deps(aicc));
    expect(report.failures).toEqual([]);
    expect(events.indexOf('cms 1')).toBeLessThan(events.indexOf('page 2'));
    expect(decodeCms((await store.snapshots.latest('cms', 8, ''))?.payload).map((t) => t.taskId)).toEqual(['1', '3']);
    // Everything but statistics (shared with commands through the guard) yields to commands.
    expect(options.filter((o) => o.call !== 'stats').every((o) => o.background === true)).toBe(true);
    expect(options.filter((o) => o.call === 'stats')).toEqual([{ call: 'stats' }]);
    expect(options.map((o) => o.call).sort()).toEqual(['cms 1', 'cms 3', 'list', 'oifde 1001', 'oifde 1002', 'stats']);
  });

  it('keeps at most `concurrency` calls of a service in flight', async () => {
    const running = Array.from({ length: 12 }, (_, i) => campaign(i + 1, 2));
    const { aicc, peak } = fakeAicc(async (opts) => {
      opts.onPage?.(running);
      return running;
    });
    await collectOnce(deps(aicc, { concurrency: 3 }));
    expect(peak.cms).toBe(3);
    expect(events).toHaveLength(12);
  });

  it('when the list fails after a page, stores the failure, makes none of the CMS calls still queued, and no CMS row', async () => {
    const running = Array.from({ length: 6 }, (_, i) => campaign(i + 1, 2));
    const { aicc } = fakeAicc(async (opts) => {
      opts.onPage?.(running);
      throw new AiccError({ service: 'isales', endpoint: 'campaign list', code: 'timeout' });
    }, 20);
    const report = await collectOnce(deps(aicc, { concurrency: 2 }));
    expect(report.failures.map((f) => f.source)).toEqual(['campaigns']);
    // The two already under way when the list failed finish; the other four are never made.
    expect(events).toEqual(['cms 1', 'cms 2']);
    expect(await store.snapshots.latest('cms', 8, '')).toBeUndefined();
    expect(await store.snapshots.latest('campaigns', 8, '')).toMatchObject({ ok: false });
  });
});

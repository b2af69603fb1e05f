/**
 * `/aicc stats` through its handler, with a fake statistics upstream behind the real rate guard and
 * a fake campaign directory: what is asked upstream, and what the answer says.
 */
import { translator } from '../../../../src/i18n/index.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Aicc } from '../../../../src/aicc/index.js';
import type { Campaign, CampaignStats } from '../../../../src/aicc/domain.js';
import { createStatsGuard, type StatsKey } from '../../../../src/aicc/stats-guard.js';
import type { CampaignDirectory } from '../../../../src/features/queries/campaign-directory.js';
import { statsCommand } from '../../../../src/features/queries/commands.js';
import type { QueriesDeps } from '../../../../src/features/queries/deps.js';
import { handleStats } from '../../../../src/features/queries/stats.js';
import type { TaskRealtimeQuery } from '../../../../src/features/queries/task-realtime.js';
import { manualClock, type ManualClock } from '../../../../src/platform/clock.js';
import { createLogger } from '../../../../src/platform/log.js';
import type { Invocation } from '../../../../src/slack/commands/handler.js';
import { NotFound } from '../../../../src/slack/commands/not-found.js';
import { parseCommand } from '../../../../src/slack/commands/parse.js';
import type { Store } from '../../../../src/store/index.js';
import { allText, campaign, stats } from '../../../support/render-fixtures.js';
import { tableRows } from '../../../support/rich-blocks.js';

const TZ = 'Asia/Shanghai';
const inv: Invocation = { userId: 'U1', channelId: 'C1', vdn: 8, isAdmin: false, isPublic: false, tr: translator('en') };

let clock: ManualClock;
/** Upstream statistics calls, in order. */
let asked: StatsKey[];
let events: string[];
let logs: string[];
let upstream: CampaignStats[];
let names: Campaign[] | Error;

beforeEach(() => {
  clock = manualClock('2026-11-20T06:30:00Z'); // 14:30 in Shanghai
  asked = [];
  events = [];
  logs = [];
  upstream = [
    stats({ campaignId: '101', dailyCalled: 100, dailyConnected: 40, batches: [{ ...stats({ dailyCalled: 60 }), batchId: '77' }, { ...stats({ dailyCalled: 40 }), batchId: '78' }] }),
    stats({ campaignId: '102', dailyCalled: 50, dailyConnected: 10 }),
  ];
  names = [campaign({ id: '101', name: 'Spring follow-up' }), campaign({ id: '102', name: 'Renewals' })];
});

function deps(): QueriesDeps {
  const guard = createStatsGuard({
    clock,
    intervalMs: 300_000,
    fetch: async (key) => {
      events.push('aicc.stats');
      asked.push(key);
      return upstream;
    },
  });
  const directory: CampaignDirectory = {
    list: () => Promise.reject(new Error('not used by stats')),
    byId: async () => {
      events.push('directory.byId');
      if (names instanceof Error) throw names;
      return new Map(names.map((c) => [c.id, c]));
    },
  };
  return {
    aicc: { stats: guard } as unknown as Aicc,
    directory,
    tasks: {} as TaskRealtimeQuery,
    maskNumbers: true,
    clock,
    log: createLogger({ level: 'debug', sink: (l) => logs.push(l) }),
    timeZone: TZ,
    store: {} as Store,
    adminUsers: [],
    allowedChannels: [],
    vdnIds: [8, 9],
  };
}

function input(text: string) {
  const parsed = parseCommand(text, [statsCommand] as const);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

/** The value of a bold-labelled field, e.g. `Dialled today`. */
function field(text: string, label: string): string | undefined {
  return new RegExp(`\\*${label}\\*\\n([^\\n]+)`).exec(text)?.[1];
}

describe('handleStats', () => {
  it('asks once for the whole VDN and answers with its totals and every campaign by name', async () => {
    const text = allText(await handleStats(input('stats'), inv, deps()));
    expect(asked).toEqual([{ vdn: 8 }]);
    expect(field(text, 'Dialled today')).toBe('150');
    expect(field(text, 'Connected today')).toBe('50');
    expect(field(text, 'Connection rate')).toBe('33.3%');
    expect(text).toContain('Spring follow-up');
    expect(text).toContain('Renewals');
    expect(text).toContain('as of 14:30 (Asia/Shanghai)');
  });

  it('a batch query has its own key and shows only that batch', async () => {
    const text = allText(await handleStats(input('stats 101 batch:77'), inv, deps()));
    expect(asked).toEqual([{ vdn: 8, campaignId: '101', batchId: '77' }]);
    expect(text).toContain('77');
    expect(text).not.toContain('`78`');
    expect(text).not.toContain('Renewals');
  });

  it('a campaign the VDN does not have is a NotFound, and the directory is not asked', async () => {
    await expect(handleStats(input('stats 999'), inv, deps())).rejects.toThrow(NotFound);
    await expect(handleStats(input('stats 999'), inv, deps())).rejects.toMatchObject({ message: 'No statistics for campaign `999` in VDN 8.' });
    expect(events).not.toContain('directory.byId');
  });

  it('a failing campaign list does not hide the statistics: ids instead of names, and a warning', async () => {
    names = new Error('iSales down');
    const blocks = await handleStats(input('stats'), inv, deps());
    expect(field(allText(blocks), 'Dialled today')).toBe('150');
    // The campaign table shows the id with an unknown status instead of a name.
    expect(tableRows(blocks).find((r) => r[1] === '101')?.slice(0, 3)).toEqual(['(not listed)', '101', ':grey_question: unknown']);
    expect(logs.some((l) => l.includes('campaign names unavailable for stats'))).toBe(true);
  });

  it('within the vendor’s five minutes a second ask is served from the first call, with its time; another VDN has its own', async () => {
    const d = deps();
    await handleStats(input('stats'), inv, d);
    clock.advance(60_000);
    const again = allText(await handleStats(input('stats'), inv, d));
    expect(asked).toEqual([{ vdn: 8 }]);
    expect(again).toContain('as of 14:30');
    await handleStats(input('stats'), { ...inv, vdn: 9 }, d);
    expect(asked).toEqual([{ vdn: 8 }, { vdn: 9 }]);
  });
});

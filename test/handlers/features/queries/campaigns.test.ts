/** `/aicc campaigns` through its handler, over a fake campaign directory: filtering, paging, buttons. */
import { translator } from '../../../../src/i18n/index.js';
import { describe, expect, it } from 'vitest';
import type { Aicc } from '../../../../src/aicc/index.js';
import type { Campaign } from '../../../../src/aicc/domain.js';
import { handleCampaigns } from '../../../../src/features/queries/campaigns.js';
import type { CampaignDirectory } from '../../../../src/features/queries/campaign-directory.js';
import { campaignsCommand } from '../../../../src/features/queries/commands.js';
import type { QueriesDeps } from '../../../../src/features/queries/deps.js';
import { CAMPAIGNS_NEXT_ACTION, CAMPAIGNS_PREV_ACTION, decodeCampaignsQuery } from '../../../../src/features/queries/render-campaigns.js';
import type { TaskRealtimeQuery } from '../../../../src/features/queries/task-realtime.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { silentLogger } from '../../../../src/platform/log.js';
import type { Invocation } from '../../../../src/slack/commands/handler.js';
import { parseCommand } from '../../../../src/slack/commands/parse.js';
import type { Store } from '../../../../src/store/index.js';
import { allText, buttons, campaign } from '../../../support/render-fixtures.js';
import { tableRows } from '../../../support/rich-blocks.js';

/** 14 running IVR campaigns, 3 paused agent campaigns, 2 completed. */
const CAMPAIGNS: Campaign[] = [
  ...Array.from({ length: 14 }, (_, i) => campaign({ id: `r${String(i + 1).padStart(2, '0')}`, name: `Running ${i + 1}`, status: 2, deviceType: 1 })),
  ...Array.from({ length: 3 }, (_, i) => campaign({ id: `p${i + 1}`, name: `Paused ${i + 1}`, status: 3, deviceType: 2 })),
  campaign({ id: 'c1', name: 'Done 1', status: 4 }),
  campaign({ id: 'c2', name: 'Done 2', status: 4 }),
];

function setup() {
  const listed: number[] = [];
  const directory: CampaignDirectory = {
    list: async (vdn) => (listed.push(vdn), { campaigns: CAMPAIGNS, fetchedAt: new Date('2026-11-20T06:29:00Z') }),
    byId: () => Promise.reject(new Error('not used by campaigns')),
  };
  const deps: QueriesDeps = {
    aicc: {} as Aicc,
    directory,
    tasks: {} as TaskRealtimeQuery,
    maskNumbers: true,
    clock: manualClock('2026-11-20T06:30:00Z'),
    log: silentLogger,
    timeZone: 'Asia/Shanghai',
    store: {} as Store,
    adminUsers: [],
    allowedChannels: [],
    vdnIds: [8],
  };
  const inv: Invocation = { userId: 'U1', channelId: 'C1', vdn: 8, isAdmin: false, isPublic: false, tr: translator('en') };
  const run = (text: string) => {
    const parsed = parseCommand(text, [campaignsCommand] as const);
    if (!parsed.ok) throw new Error(parsed.message);
    return handleCampaigns(parsed, inv, deps);
  };
  return { listed, run };
}

describe('handleCampaigns', () => {
  it('lists running campaigns by default, ten to a page, with a Next button carrying page 2', async () => {
    const { listed, run } = setup();
    const blocks = await run('campaigns');
    const text = allText(blocks);
    expect(listed).toEqual([8]);
    expect(text).toContain('14 campaigns');
    expect(text).toContain('page 1 of 2');
    const names = tableRows(blocks).slice(1).map((r) => r[0]);
    expect(names).toContain('Running 10');
    expect(names).not.toContain('Running 11');
    expect(text).not.toContain('Paused');
    const nav = buttons(blocks);
    expect(nav.map((b) => b.action_id)).toEqual([CAMPAIGNS_NEXT_ACTION]);
    expect(decodeCampaignsQuery(nav[0]!.value)).toEqual({ status: 'running', page: 2, vdn: 8 });
  });

  it('filters by status, type and name, and clamps a page past the end to the last one', async () => {
    const { run } = setup();
    const agent = tableRows(await run('campaigns paused type:agent name:"paused 2"')).map((r) => r[0]);
    expect(agent).toContain('Paused 2');
    expect(agent).not.toContain('Paused 1');
    const last = await run('campaigns all page:9');
    expect(allText(last)).toContain('page 2 of 2');
    expect(tableRows(last).map((r) => r[0])).toContain('Done 2');
    expect(buttons(last).map((b) => b.action_id)).toEqual([CAMPAIGNS_PREV_ACTION]);
  });

  it('says so when nothing matches, and suggests `all`', async () => {
    const { run } = setup();
    const text = allText(await run('campaigns running name:nothing-like-this'));
    expect(text).toContain('No running campaigns match.');
    expect(text).toContain('/aicc campaigns all');
  });
});

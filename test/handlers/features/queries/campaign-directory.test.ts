import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../../src/aicc/domain.js';
import type { IsalesClient } from '../../../../src/aicc/isales.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { createCampaignDirectory } from '../../../../src/features/queries/campaign-directory.js';

const campaign = (id: string): Campaign => ({ id, name: id, status: 2, statusLabel: 'running', deviceType: 1, deviceTypeLabel: 'x', kind: 'ivr' });

describe('campaign directory', () => {
  it('uses a fresh stored listing instead of calling, shares one live call, and caches it', async () => {
    let live = 0;
    const isales = { listAllCampaigns: async () => (live++, [campaign('live')]) } as unknown as IsalesClient;
    const clock = manualClock('2026-11-20T10:00:00Z');
    let stored: { campaigns: Campaign[]; fetchedAt: Date } | undefined = { campaigns: [campaign('stored')], fetchedAt: new Date('2026-11-20T09:59:30Z') };
    const dir = createCampaignDirectory(isales, clock, 60_000, async () => stored);
    expect((await dir.list(8)).campaigns[0]?.id).toBe('stored');
    expect(live).toBe(0);
    stored = undefined;
    clock.advance(61_000);
    const [a, b] = await Promise.all([dir.list(8), dir.list(8)]);
    expect(a.campaigns[0]?.id).toBe('live');
    expect(b).toBe(a);
    expect(live).toBe(1);
    clock.advance(30_000);
    await dir.list(8);
    expect(live).toBe(1);
  });
});

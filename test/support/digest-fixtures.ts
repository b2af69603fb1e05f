/** Digest inputs for the tests: campaigns with today's and yesterday's figures, and bots. */
import type { BotStatRow, Campaign, CampaignStats } from '../../src/aicc/domain.js';
import type { DigestInput, VdnDigestInput } from '../../src/features/digests/view.js';
import { campaign, stats } from './render-fixtures.js';

export { allText, campaign, stats } from './render-fixtures.js';

export const TZ = 'Asia/Shanghai';
/** Saturday 2026-11-21 09:00 in Shanghai. */
export const NOW = new Date('2026-11-21T01:00:00Z');
export const YESTERDAY = new Date('2026-11-20T01:00:00Z');

/** One campaign with today's and yesterday's dialled/connected. */
export interface Spec {
  id: string;
  name?: string;
  status?: number;
  dialled?: number;
  connected?: number;
  yDialled?: number;
  yConnected?: number;
}

export function vdnInput(vdn: number, specs: readonly Spec[], over: Partial<VdnDigestInput> = {}): VdnDigestInput {
  const campaigns: Campaign[] = specs.map((s) => campaign({ id: s.id, name: s.name ?? `Campaign ${s.id}`, status: s.status ?? 2 }));
  const today: CampaignStats[] = specs.map((s) => stats({ campaignId: s.id, dailyCalled: s.dialled, dailyConnected: s.connected, dailyFinished: s.dialled }));
  const yesterday: CampaignStats[] = specs
    .filter((s) => s.yDialled !== undefined)
    .map((s) => stats({ campaignId: s.id, dailyCalled: s.yDialled, dailyConnected: s.yConnected }));
  return { vdn, campaigns, campaignsAsOf: NOW, stats: today, statsAsOf: NOW, yesterdayStats: yesterday, yesterdayAsOf: YESTERDAY, ...over };
}

export function botRow(over: Partial<BotStatRow> = {}): BotStatRow {
  return {
    recordTime: new Date('2026-11-21T00:00:00Z'),
    type: 'hour',
    accessCode: '943370855474270208',
    calls: 100,
    exitNoConsult: 5,
    staffNoConsult: 10,
    staffConsult: 5,
    exitConsulting: 80,
    interactCount: 300,
    interfaceRequests: 200,
    interfaceSuccesses: 190,
    ...over,
  };
}

export function input(over: Partial<DigestInput> = {}): DigestInput {
  return {
    now: NOW,
    timeZone: TZ,
    vdnData: [
      vdnInput(12, [
        { id: '101', name: 'Spring follow-up', dialled: 200, connected: 120, yDialled: 200, yConnected: 144 },
        { id: '102', name: 'Renewals', dialled: 100, connected: 30, yDialled: 100, yConnected: 30 },
        { id: '103', name: 'Small list', dialled: 10, connected: 10 },
      ]),
    ],
    bots: [],
    failures: [],
    filter: { campaigns: 'all', bots: [] },
    ...over,
  };
}

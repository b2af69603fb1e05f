/** Builders of domain data and block helpers for the renderer tests. */
import type { KnownBlock } from '@slack/types';
import type { Campaign, CampaignStats } from '../../src/aicc/domain.js';
import { CAMPAIGN_STATUS_LABELS, DEVICE_TYPE_LABELS } from '../../src/aicc/domain.js';

export const TZ = 'Asia/Shanghai';
/** 10:05 in Shanghai. */
export const FETCHED_AT = new Date('2026-11-21T02:05:00Z');

export function campaign(over: Partial<Campaign> = {}): Campaign {
  const status = over.status ?? 2;
  const deviceType = over.deviceType ?? 1;
  return {
    id: '1798316116',
    name: 'Spring follow-up',
    status,
    statusLabel: CAMPAIGN_STATUS_LABELS[status] ?? `unknown (${status})`,
    deviceType,
    deviceTypeLabel: DEVICE_TYPE_LABELS[deviceType] ?? `unknown (${deviceType})`,
    kind: deviceType === 1 || deviceType === 3 ? 'ivr' : 'agent',
    beginTime: new Date('2026-10-31T16:00:00Z'),
    endTime: new Date('2026-11-30T15:59:00Z'),
    callerNo: '4001234567',
    ...over,
  };
}

export function stats(over: Partial<CampaignStats> = {}): CampaignStats {
  return {
    campaignId: '1798316116',
    remaining: 40,
    dailyCalled: 3,
    dailyConnected: 2,
    dailyFinished: 3,
    dailyTotal: 43,
    totalCalled: 300,
    totalConnected: 150,
    totalFinished: 290,
    total: 1000,
    batches: [],
    ...over,
  };
}

/** Every text a user could see in the blocks, joined. */
export function allText(blocks: readonly KnownBlock[]): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['text'] === 'string') out.push(o['text']);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out.join('\n');
}

/** The text of every button. */
export function buttons(blocks: readonly KnownBlock[]): Array<{ text: string; action_id?: string; value?: string; url?: string }> {
  return blocks.flatMap((b) =>
    b.type === 'actions' ? b.elements.flatMap((e) => (e.type === 'button' ? [{ text: e.text.text, action_id: e.action_id, value: e.value, url: e.url }] : [])) : [],
  );
}

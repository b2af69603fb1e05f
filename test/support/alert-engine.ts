/** Helpers for the alert engine tests: snapshots as the collector stores them, rules, Slack calls. */
import { WebClient } from '@slack/web-api';
import { createAlertEngine, type AlertEngine } from '../../src/features/alerts/engine.js';
import { createOutbound } from '../../src/slack/outbound.js';
import type { Clock } from '../../src/platform/clock.js';
import type { CampaignRowPayload, CmsRowPayload, StatsRowPayload } from '../../src/features/collector/payloads.js';
import type { FakeSlack, RecordedCall } from '../../local/fakeslack/index.js';
import { silentLogger } from '../../src/platform/log.js';
import type { AlertRule, NewAlertRule, NewSnapshot, Store } from '../../src/store/index.js';

export const MIN = 60_000;
export const TZ = 'Asia/Shanghai';
export const VDN = 8;

export interface TickData {
  /** Campaign id → status (2 running, 3 paused); 'fail' stores a failed row. */
  campaigns?: Record<string, number> | 'fail';
  /** Campaign id → [dialled today, connected today]. */
  stats?: Record<string, [number, number]> | 'fail';
  /** Task id → [total, connected, waiting]. */
  cms?: Record<string, [number, number, number]> | 'fail';
}

/** Stores one collector tick's snapshots at `at`. */
export async function storeTick(store: Store, at: number, t: TickData): Promise<void> {
  const rows: NewSnapshot[] = [];
  const fail = (source: NewSnapshot['source']) => rows.push({ source, vdn: VDN, takenAt: at, ok: false, error: `${source}: connection reset` });
  if (t.campaigns === 'fail') fail('campaigns');
  else if (t.campaigns) {
    const payload: CampaignRowPayload[] = Object.entries(t.campaigns).map(([id, status]) => [id, `Campaign ${id}`, status, 1, null, null, null]);
    rows.push({ source: 'campaigns', vdn: VDN, takenAt: at, ok: true, payload });
  }
  if (t.stats === 'fail') fail('stats');
  else if (t.stats) {
    const payload: StatsRowPayload[] = Object.entries(t.stats).map(([id, [called, connected]]) => [id, called, connected, called, 0, called, connected, called, called]);
    rows.push({ source: 'stats', vdn: VDN, takenAt: at, ok: true, payload });
  }
  if (t.cms === 'fail') fail('cms');
  else if (t.cms) {
    const payload: CmsRowPayload[] = Object.entries(t.cms).map(([id, [total, connected, waiting]]) => [id, total, connected, total - connected, total, waiting, 0]);
    rows.push({ source: 'cms', vdn: VDN, takenAt: at, ok: true, payload });
  }
  await store.snapshots.insertMany(rows);
}

export function ruleInput(over: Partial<NewAlertRule> = {}): NewAlertRule {
  return {
    metric: 'success_rate',
    op: '<',
    threshold: 40,
    clearValue: 45,
    scope: 'campaign',
    scopeId: 'c1',
    vdn: VDN,
    minVolume: 50,
    forS: 600,
    repeatS: 3600,
    channelId: 'COPS',
    createdBy: 'U0ADMIN',
    createdAt: 0,
    ...over,
  };
}

export function engineFor(store: Store, slack: FakeSlack, clock: Clock): AlertEngine {
  const client = new WebClient('xoxb-test', { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
  return createAlertEngine({ store, outbound: createOutbound(client, { sleep: async () => undefined }), clock, log: silentLogger, timeZone: TZ, intervalMs: 5 * MIN });
}

/** Slack calls since a mark, by kind. */
export function callsSince(slack: FakeSlack, mark: number, channel?: string) {
  const calls = slack.calls.slice(mark).filter((c) => channel === undefined || c.method.startsWith('conversations.') || c.body.channel === channel);
  const posts = calls.filter((c) => c.method === 'chat.postMessage');
  return {
    calls,
    /** Top-level posts (alerts and notices). */
    top: posts.filter((c) => !c.body.thread_ts),
    replies: posts.filter((c) => c.body.thread_ts),
    edits: calls.filter((c) => c.method === 'chat.update'),
  };
}

export const text = (c: RecordedCall | undefined): string => `${JSON.stringify(c?.body.blocks ?? '')} ${String(c?.body.text ?? '')}`;

export type { AlertRule };

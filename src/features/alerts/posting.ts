/**
 * How alerts use outbound: a failure comes back as a value and nothing here throws, because an
 * alert that cannot be posted stays owed in the store and a later tick tries again.
 */
import type { KnownBlock } from '@slack/types';
import { slackError, type Outbound, type Posted } from '../../slack/outbound.js';

/** Message metadata type of alert posts, so a recovering process can recognise its own post. */
export const ALERT_EVENT_TYPE = 'aicc_alert';

export type SlackOutcome = { ok: true; ts: string } | { ok: false; error: string };

export interface AlertPost {
  channel: string;
  blocks: KnownBlock[];
  text: string;
  threadTs?: string;
  /** Carried as message metadata (`event_payload.key`), to find the post after a crash. */
  key?: string;
}

async function settle(call: Promise<Posted>): Promise<SlackOutcome> {
  try {
    return { ok: true, ts: (await call).ts };
  } catch (error) {
    return { ok: false, error: slackError(error) };
  }
}

export function post(outbound: Outbound, a: AlertPost): Promise<SlackOutcome> {
  return settle(
    outbound.post({
      channel: a.channel,
      blocks: a.blocks,
      text: a.text,
      ...(a.threadTs ? { threadTs: a.threadTs } : {}),
      ...(a.key ? { metadata: { eventType: ALERT_EVENT_TYPE, payload: { key: a.key } } } : {}),
    }),
  );
}

export function edit(outbound: Outbound, a: { channel: string; ts: string; blocks: KnownBlock[]; text: string }): Promise<SlackOutcome> {
  return settle(outbound.update(a));
}

/**
 * The ts of a recent alert post carrying `key` (a process died after Slack accepted it but before
 * the store learnt its ts). The key names the incident, so the channel's latest 200 messages are
 * searched rather than a time range (retries come a tick or two later). Undefined when there is
 * none, or when the history cannot be read (no `channels:history` scope): then the post is simply
 * made again.
 */
export function findPosted(outbound: Outbound, channel: string, key: string): Promise<string | undefined> {
  return outbound.findPosted({ channel, eventType: ALERT_EVENT_TYPE, payload: { key } }).catch(() => undefined);
}

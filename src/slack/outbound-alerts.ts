/**
 * The Slack calls alerts make: post (a message or a thread reply), edit, and find a post that a
 * crashed process made but never recorded. Failures come back as values: an alert that cannot be
 * posted stays owed in the store and is retried on a later tick, so nothing here throws.
 */
import type { KnownBlock } from '@slack/types';
import type { SlackPoster } from './outbound.js';

/** Message metadata type of alert posts, so a recovering process can recognise its own post. */
export const ALERT_EVENT_TYPE = 'aicc_alert';

export type SlackOutcome = { ok: true; ts: string } | { ok: false; error: string };

/** Slack's error name when it gave one, else the message. */
export function slackError(error: unknown): string {
  const e = error as { code?: unknown; data?: { error?: unknown } } | undefined;
  if (e?.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string') return e.data.error;
  return error instanceof Error ? error.message : String(error);
}

export interface PostArgs {
  channel: string;
  blocks: KnownBlock[];
  text: string;
  threadTs?: string;
  /** Carried as message metadata (`event_payload.key`), to find the post after a crash. */
  key?: string;
}

export async function post(client: SlackPoster, a: PostArgs): Promise<SlackOutcome> {
  try {
    const res = await client.chat.postMessage({
      channel: a.channel,
      blocks: a.blocks,
      text: a.text,
      unfurl_links: false,
      ...(a.threadTs ? { thread_ts: a.threadTs } : {}),
      ...(a.key ? { metadata: { event_type: ALERT_EVENT_TYPE, event_payload: { key: a.key } } } : {}),
    });
    return res.ts ? { ok: true, ts: res.ts } : { ok: false, error: 'Slack returned no ts' };
  } catch (error) {
    return { ok: false, error: slackError(error) };
  }
}

export async function edit(client: SlackPoster, a: { channel: string; ts: string; blocks: KnownBlock[]; text: string }): Promise<SlackOutcome> {
  try {
    await client.chat.update({ channel: a.channel, ts: a.ts, blocks: a.blocks, text: a.text });
    return { ok: true, ts: a.ts };
  } catch (error) {
    return { ok: false, error: slackError(error) };
  }
}

/**
 * The ts of a recent top-level alert post carrying `key` (a process died after Slack accepted it
 * but before the store learnt its ts). The key names the incident, so the channel's latest 200
 * messages are searched rather than a time range (retries come a tick or two later). Undefined when
 * there is none, or when the history cannot be read (no `channels:history` scope): then the post is
 * simply made again.
 */
export async function findPosted(client: SlackPoster, channel: string, key: string): Promise<string | undefined> {
  try {
    const res = await client.conversations.history({ channel, limit: 200, include_all_metadata: true });
    const hit = (res.messages ?? []).find((m) => m.metadata?.event_type === ALERT_EVENT_TYPE && (m.metadata.event_payload as { key?: unknown } | undefined)?.key === key);
    return hit?.ts;
  } catch {
    return undefined;
  }
}

/**
 * Posts a digest: the first message, then its thread replies. Slack's 429 `Retry-After` is honoured
 * by the Web API client itself; other transient failures are retried here with backoff. Errors
 * Slack gives a name to (`not_in_channel`, `channel_not_found` …) are final: retrying cannot help.
 */
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';

export type SlackPoster = Pick<WebClient, 'chat' | 'conversations'>;

export interface PostPlan {
  channel: string;
  first: KnownBlock[];
  thread: KnownBlock[][];
  text: string;
  /** Carried as message metadata so a recovering process can tell whether this post happened. */
  jobKey: string;
}

export const DIGEST_EVENT_TYPE = 'aicc_digest';

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly final: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}

/** Slack's named errors; retrying them cannot help. */
function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown }; code?: unknown } | undefined);
  return data?.code === 'slack_webapi_platform_error' && typeof data.data?.error === 'string' ? data.data.error : undefined;
}

export interface DeliverOptions {
  sleep?: (ms: number) => Promise<void>;
  retries?: number;
  /** Called with the first message's ts as soon as it exists (so a crash after it is not re-posted). */
  onFirstPosted?: (ts: string) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function withRetry<T>(fn: () => Promise<T>, opts: DeliverOptions, counter: { attempts: number }): Promise<T> {
  const retries = opts.retries ?? 2;
  for (let i = 0; ; i++) {
    counter.attempts++;
    try {
      return await fn();
    } catch (error) {
      const named = slackErrorCode(error);
      if (named) throw new DeliveryError(`Slack refused the post: ${named}`, counter.attempts, true, { cause: error });
      if (i >= retries) throw new DeliveryError(`posting failed after ${counter.attempts} attempts: ${error instanceof Error ? error.message : String(error)}`, counter.attempts, false, { cause: error });
      await (opts.sleep ?? realSleep)(1000 * 3 ** i);
    }
  }
}

/** Posts the plan; returns the first message's ts and the attempts it took. */
export async function deliver(client: SlackPoster, plan: PostPlan, opts: DeliverOptions = {}): Promise<{ ts: string; attempts: number }> {
  const counter = { attempts: 0 };
  const metadata = { event_type: DIGEST_EVENT_TYPE, event_payload: { job: plan.jobKey } };
  const first = await withRetry(() => client.chat.postMessage({ channel: plan.channel, blocks: plan.first, text: plan.text, unfurl_links: false, metadata }), opts, counter);
  const ts = first.ts ?? '';
  await opts.onFirstPosted?.(ts);
  for (const blocks of plan.thread) {
    await withRetry(() => client.chat.postMessage({ channel: plan.channel, thread_ts: ts, blocks, text: 'Digest, continued', unfurl_links: false }), opts, counter);
  }
  return { ts, attempts: counter.attempts };
}

/**
 * Looks in the channel for the first message of `jobKey` posted since `since` (a process that died
 * after Slack accepted the post but before recording it). Needs the `channels:history` scope.
 */
export async function findPosted(client: SlackPoster, channel: string, jobKey: string, since: Date): Promise<string | undefined> {
  const res = await client.conversations.history({ channel, oldest: String((since.getTime() - 60_000) / 1000), limit: 200, include_all_metadata: true });
  const hit = (res.messages ?? []).find((m) => m.metadata?.event_type === DIGEST_EVENT_TYPE && (m.metadata.event_payload as { job?: unknown } | undefined)?.job === jobKey);
  return hit?.ts;
}

/** Tells a user, by direct message, that something could not be delivered. */
export async function notifyByDm(client: SlackPoster, userId: string, text: string): Promise<void> {
  const im = await client.conversations.open({ users: userId });
  const channel = im.channel?.id;
  if (channel) await client.chat.postMessage({ channel, text });
}

/**
 * Everything the bot says to Slack on its own initiative goes through here: post (a message or a
 * thread reply, optionally carrying metadata), update, find an earlier post by its metadata, DM a
 * user, and post a plan (a first message, then its thread replies, as digests do). One policy for
 * all of it, so a Slack outage costs every caller the same bounded time:
 *
 * - **Timeout**: a request is aborted after 10 s. The Web API client from `createSlackClient`
 *   enforces it and makes a single attempt per call, so retrying happens here and only here.
 * - **Retries**: a network error, a timeout or a 5xx is retried at most twice, after 1 s and 3 s.
 * - **Final errors**: an error Slack names (`channel_not_found`, `not_in_channel`,
 *   `invalid_blocks` …) is not retried: asking again cannot help. Nor is anything unrecognised.
 * - **429**: `Retry-After` is honoured by every call of that method through this outbound (Slack
 *   limits per method), and waiting it out does not use up the retries.
 * - **Deadline**: a call settles within 30 s of starting, whatever Slack does: no wait or attempt
 *   starts that could end after it (an attempt counts at its full timeout). A `Retry-After` that
 *   does not fit fails the call at once instead of blocking; the caller keeps the post owed
 *   (alerts) or records the failure (digests).
 *
 * Failures throw {@link SlackCallError}; {@link slackError} names any error for a log or a message.
 */
import type { KnownBlock } from '@slack/types';
import { ErrorCode, type WebClient } from '@slack/web-api';

/** The Web API methods outbound calls; a test may pass any client that has them. */
export type SlackPoster = Pick<WebClient, 'chat' | 'conversations'>;

export interface SlackPolicy {
  /** Per request; enforced by the client `createSlackClient` builds. */
  timeoutMs: number;
  /** Further attempts after a network error, a timeout or a 5xx. */
  retries: number;
  /** The wait before each retry; the last value repeats. */
  backoffMs: readonly number[];
  /** A call settles within this long, counted from its first attempt. */
  deadlineMs: number;
}

export const SLACK_POLICY: Readonly<SlackPolicy> = Object.freeze({ timeoutMs: 10_000, retries: 2, backoffMs: [1_000, 3_000], deadlineMs: 30_000 });

/**
 * A Slack call that failed for good. `code` is Slack's error name (`channel_not_found`,
 * `ratelimited`), else `http_<status>`, `timeout`, `request_failed` or `unexpected`; `final` says
 * that trying again later cannot help either.
 */
export class SlackCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly method: string,
    readonly attempts: number,
    readonly final: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SlackCallError';
  }
}

/** Slack's name for what went wrong when it gave one (or outbound's code), else the message. */
export function slackError(error: unknown): string {
  if (error instanceof SlackCallError) return error.code;
  const failure = classify(error);
  if (failure.kind === 'named') return failure.code;
  return error instanceof Error ? error.message : String(error);
}

/** Message metadata, so a post can be recognised later (after a crash, by `findPosted`). */
export interface PostMetadata {
  eventType: string;
  payload: Record<string, string | number | boolean>;
}

export interface OutboundMessage {
  channel: string;
  /** The notification and fallback text. */
  text: string;
  blocks?: KnownBlock[];
  /** Set for a thread reply. */
  threadTs?: string;
  metadata?: PostMetadata;
}

export interface Posted {
  ts: string;
  /** Requests made, retries included. */
  attempts: number;
}

export interface PostPlan {
  channel: string;
  first: KnownBlock[];
  /** Thread replies under the first message, in order. */
  thread: KnownBlock[][];
  text: string;
  /** Fallback text of the thread replies. */
  threadText: string;
  metadata?: PostMetadata;
}

export interface PostedQuery {
  channel: string;
  eventType: string;
  /** Every field given must equal the post's `event_payload` field. */
  payload: Record<string, string | number | boolean>;
  /** Only posts from then on (a minute earlier, for clock skew); otherwise the latest 200. */
  since?: Date;
}

export interface Outbound {
  post(message: OutboundMessage): Promise<Posted>;
  update(message: { channel: string; ts: string; text: string; blocks?: KnownBlock[] }): Promise<Posted>;
  /**
   * The ts of a post carrying the metadata asked for (a process died after Slack
   * accepted it but before recording it); undefined when there is none. Needs `channels:history`.
   */
  findPosted(query: PostedQuery): Promise<string | undefined>;
  /** Sends `text` to a user by direct message. */
  dm(userId: string, text: string): Promise<void>;
  /**
   * Posts the first message, then its thread replies in order; `attempts` counts them all. Each
   * call has the policy's budget; the first failure ends the plan.
   */
  postPlan(plan: PostPlan, opts?: { onFirstPosted?: (ts: string) => Promise<void> }): Promise<Posted>;
}

export interface OutboundOptions {
  policy?: Partial<SlackPolicy>;
  /** How to wait between attempts (tests pass one that returns at once). */
  sleep?: (ms: number) => Promise<void>;
  /** Monotonic milliseconds, for the deadline and `Retry-After`. */
  now?: () => number;
  /** Told of every attempt (`ok` or why it failed) and of every retry it leads to (metrics). */
  observe?: { attempt(method: string, outcome: string): void; retry(method: string): void };
}

type Failure =
  | { kind: 'named'; code: string }
  | { kind: 'rate-limited'; code: string; retryAfterMs: number }
  | { kind: 'transient'; code: string }
  | { kind: 'other'; code: string };

/** Sorts a @slack/web-api error into what the policy does with it. */
function classify(error: unknown): Failure {
  const e = error as { code?: unknown; data?: { error?: unknown }; retryAfter?: unknown; statusCode?: unknown; original?: { name?: unknown } } | undefined;
  switch (e?.code) {
    case ErrorCode.PlatformError:
      return typeof e.data?.error === 'string' ? { kind: 'named', code: e.data.error } : { kind: 'other', code: 'unexpected' };
    case ErrorCode.RateLimitedError:
      return { kind: 'rate-limited', code: 'ratelimited', retryAfterMs: Math.max(1, Number(e.retryAfter) || 1) * 1000 };
    case ErrorCode.HTTPError: {
      const status = Number(e.statusCode);
      return { kind: status >= 500 ? 'transient' : 'other', code: `http_${status}` };
    }
    case ErrorCode.RequestError:
      return { kind: 'transient', code: e.original?.name === 'TimeoutError' ? 'timeout' : 'request_failed' };
    default:
      return { kind: 'other', code: 'unexpected' };
  }
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** How a failure reads in the log and the delivery record (people are told in their language: explain-error.ts). */
// i18n-ok-next: operators' words
const WHAT: Record<string, string> = { 'chat.postMessage': 'the post', 'chat.update': 'the edit', 'conversations.history': 'reading the channel', 'conversations.open': 'opening the DM' };
const what = (method: string) => WHAT[method] ?? method;

export function createOutbound(client: SlackPoster, opts: OutboundOptions = {}): Outbound {
  const policy: SlackPolicy = { ...SLACK_POLICY, ...opts.policy };
  const sleep = opts.sleep ?? realSleep;
  const now = opts.now ?? (() => performance.now());
  /** Per Web API method: no request before this time (a 429's `Retry-After`). */
  const notBefore = new Map<string, number>();

  /** Runs one Web API call under the policy; `counter` adds up attempts across a plan. */
  async function call<T>(method: string, fn: () => Promise<T>, counter = { attempts: 0 }): Promise<T> {
    const started = now();
    // Time used so far; waits are counted as asked for, so a `sleep` that returns at once (tests)
    // still runs into the deadline.
    let waited = 0;
    const used = () => Math.max(now() - started, waited);
    let retries = 0;
    let tries = 0;
    let backoff = 0;
    let last: { failure: Failure; error: unknown } | undefined;
    for (;;) {
      const wait = Math.max(backoff, (notBefore.get(method) ?? 0) - now());
      if (wait > 0) {
        if (used() + wait + policy.timeoutMs > policy.deadlineMs) {
          const code = last?.failure.code ?? 'ratelimited';
          throw new SlackCallError(`Slack did not take ${what(method)} within ${policy.deadlineMs / 1000} s (${code}; the next try could not start for ${Math.ceil(wait / 1000)} s)`, code, method, counter.attempts, false, { cause: last?.error });
        }
        waited += wait;
        await sleep(wait);
      }
      backoff = 0;
      counter.attempts++;
      if (++tries > 1) opts.observe?.retry(method);
      try {
        const result = await fn();
        opts.observe?.attempt(method, 'ok');
        return result;
      } catch (error) {
        const failure = classify(error);
        opts.observe?.attempt(method, failure.code);
        last = { failure, error };
        if (failure.kind === 'rate-limited') {
          notBefore.set(method, Math.max(notBefore.get(method) ?? 0, now() + failure.retryAfterMs));
          continue;
        }
        if (failure.kind === 'named') throw new SlackCallError(`Slack refused ${what(method)}: ${failure.code}`, failure.code, method, counter.attempts, true, { cause: error });
        if (failure.kind === 'other') throw new SlackCallError(`${what(method)} failed: ${describe(error)}`, failure.code, method, counter.attempts, true, { cause: error });
        if (retries >= policy.retries) {
          throw new SlackCallError(`${what(method)} failed after ${counter.attempts} attempts: ${describe(error)}`, failure.code, method, counter.attempts, false, { cause: error });
        }
        backoff = policy.backoffMs[Math.min(retries, policy.backoffMs.length - 1)] ?? 0;
        retries++;
      }
    }
  }

  /**
   * Slack's charts are new: a workspace that refuses them (`invalid_blocks`) still gets the message
   * once more without them, since the text beside every chart says what it shows.
   */
  async function withChartFallback<T>(blocks: OutboundMessage['blocks'], send: (blocks: OutboundMessage['blocks']) => Promise<T>): Promise<T> {
    try {
      return await send(blocks);
    } catch (error) {
      const plain = blocks?.filter((b) => (b as { type: string }).type !== 'data_visualization');
      if (!(error instanceof SlackCallError) || error.code !== 'invalid_blocks' || !plain || plain.length === blocks?.length) throw error;
      return send(plain);
    }
  }

  async function post(m: OutboundMessage, counter = { attempts: 0 }): Promise<Posted> {
    const res = await withChartFallback(m.blocks, (blocks) =>
      call(
        'chat.postMessage',
        () =>
          client.chat.postMessage({
            channel: m.channel,
            text: m.text,
            unfurl_links: false,
            ...(blocks ? { blocks } : {}),
            ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
            ...(m.metadata ? { metadata: { event_type: m.metadata.eventType, event_payload: m.metadata.payload } } : {}),
          }),
        counter,
      ),
    );
    if (!res.ts) throw new SlackCallError('Slack returned no ts', 'no_ts', 'chat.postMessage', counter.attempts, true);
    return { ts: res.ts, attempts: counter.attempts };
  }

  return {
    post: (m) => post(m),
    async update(m) {
      const counter = { attempts: 0 };
      await withChartFallback(m.blocks, (blocks) => call('chat.update', () => client.chat.update({ channel: m.channel, ts: m.ts, text: m.text, ...(blocks ? { blocks } : {}) }), counter));
      return { ts: m.ts, attempts: counter.attempts };
    },
    async findPosted(q) {
      const oldest = q.since ? { oldest: String((q.since.getTime() - 60_000) / 1000) } : {};
      const res = await call('conversations.history', () => client.conversations.history({ channel: q.channel, limit: 200, include_all_metadata: true, ...oldest }));
      const wanted = Object.entries(q.payload);
      const hit = (res.messages ?? []).find((m) => {
        if (m.metadata?.event_type !== q.eventType) return false;
        const payload = (m.metadata.event_payload ?? {}) as Record<string, unknown>;
        return wanted.every(([k, v]) => payload[k] === v);
      });
      return hit?.ts;
    },
    async dm(userId, text) {
      const im = await call('conversations.open', () => client.conversations.open({ users: userId }));
      const channel = im.channel?.id;
      if (!channel) throw new SlackCallError('Slack opened no DM channel', 'no_channel', 'conversations.open', 1, true);
      await post({ channel, text });
    },
    async postPlan(plan, o = {}) {
      const counter = { attempts: 0 };
      const { ts } = await post({ channel: plan.channel, blocks: plan.first, text: plan.text, ...(plan.metadata ? { metadata: plan.metadata } : {}) }, counter);
      await o.onFirstPosted?.(ts);
      for (const blocks of plan.thread) await post({ channel: plan.channel, threadTs: ts, blocks, text: plan.threadText }, counter);
      return { ts, attempts: counter.attempts };
    },
  };
}

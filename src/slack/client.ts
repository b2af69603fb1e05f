/**
 * The Web API client every part of the bot uses (scheduled posts, Bolt's listeners, the local
 * demo), built with outbound's policy: a request timeout, no retries of its own (outbound.ts
 * retries, so no post is retried by two layers), and a 429 handed back at once with its
 * `Retry-After` rather than waited out inside the client. @slack/web-api's defaults — ten retries
 * over about 30 minutes, no timeout, any `Retry-After` waited out — would let a Slack outage stall
 * every caller. A call made outside outbound (Bolt's `auth.test`, …) gets one attempt and the
 * timeout: an interactive answer is better failed now than given half an hour late.
 */
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Logger as BoltLogger } from '@slack/logger';
import { SLACK_POLICY } from './outbound.js';

export interface SlackClientOptions {
  /** Web API base URL override (tests and the local console point it at a fake). */
  apiUrl?: string;
  /** Where the client logs (`boltLogger(log)`); Bolt adds its own when it builds clients from these options. */
  logger?: BoltLogger;
  /** Request timeout (default {@link SLACK_POLICY}'s). */
  timeoutMs?: number;
}

/** The client options of the policy; Bolt takes these as `clientOptions` and builds its clients. */
export function slackClientOptions(opts: SlackClientOptions = {}): WebClientOptions {
  return {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
    timeout: opts.timeoutMs ?? SLACK_POLICY.timeoutMs,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  };
}

export function createSlackClient(opts: SlackClientOptions & { token: string }): WebClient {
  return new WebClient(opts.token, slackClientOptions(opts));
}

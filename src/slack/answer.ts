/**
 * How a slash command's answer reaches Slack: a POST of the message to the command's
 * `response_url` over a keep-alive connection pool (undici), instead of Bolt's `respond()` over
 * global fetch, which costs a new connection setup per answer; and what the answer is counted as.
 */
import type { KnownBlock } from '@slack/types';
import { Agent, request } from 'undici';
import type { Metrics } from '../platform/metrics.js';
import { blocksJson } from './render/limits.js';

export interface AnswerPath {
  /** Posts one message to a `response_url`; rejects on a network error or a non-2xx answer. */
  post(responseUrl: string, message: Record<string, unknown>): Promise<void>;
  /** Counts one command (its row and outcome) and how long it took to answer, in seconds. */
  answered(command: string, outcome: string, seconds: number): void;
  close(): Promise<void>;
}

export interface AnswerPathOptions {
  metrics?: Metrics;
  /** Per answer: connect, headers and body each within this (default 10 s). */
  timeoutMs?: number;
}

export function createAnswerPath(opts: AnswerPathOptions = {}): AnswerPath {
  const timeout = opts.timeoutMs ?? 10_000;
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 16, connect: { timeout }, headersTimeout: timeout, bodyTimeout: timeout });
  const m = opts.metrics;
  return {
    async post(responseUrl, message) {
      let outcome = 'error';
      try {
        const res = await request(responseUrl, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json; charset=utf-8' }, // i18n-ok: a header
          body: messageJson(message),
        });
        await res.body.dump();
        outcome = res.statusCode < 300 ? 'ok' : `http_${res.statusCode}`;
        if (res.statusCode >= 300) throw new Error(`response_url answered HTTP ${res.statusCode}`);
      } finally {
        m?.slackCalls.inc({ method: 'response_url', outcome });
      }
    },
    answered(command, outcome, seconds) {
      m?.commands.inc({ command, outcome });
      m?.answerSeconds.observe({ command }, seconds);
    },
    close: () => agent.close(),
  };
}

/** The message as JSON (as `JSON.stringify` gives it, but with `blocks` last), its blocks serialised with the JSON their fitting made (see blocksJson). */
export function messageJson(message: Record<string, unknown>): string {
  const { blocks, ...rest } = message;
  if (!Array.isArray(blocks)) return JSON.stringify(message);
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"blocks":${blocksJson(blocks as KnownBlock[])}}`;
}

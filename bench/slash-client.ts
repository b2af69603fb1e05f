/**
 * Sends signed `/aicc` slash commands the way Slack does and times them: the ack (HTTP status of the
 * request) and the answer (the first post to the command's response_url on the fake Slack).
 */
import { signSlackRequest, slashCommandBody, type FakeSlack, type RecordedResponse } from '../local/fakeslack/index.js';

export const SIGNING_SECRET = 'bench-signing-secret';
export const BOT_TOKEN = 'xoxb-bench-token';

export interface Answer {
  /** From sending the command to its first response_url post arriving at the fake. */
  ms: number;
  /** The answer is an error message (":warning: …"). */
  error: boolean;
  /** The message posted. */
  body: Record<string, unknown>;
}

export interface Sent {
  /** 0 when the request itself failed. */
  status: number;
  /** From sending the request to its HTTP status. */
  ackMs: number;
  /** Settles with the answer, or undefined when none came within the timeout. */
  answer?: Promise<Answer | undefined>;
}

export interface SlashClient {
  send(text: string, opts?: { answer?: boolean; answerTimeoutMs?: number }): Promise<Sent>;
  close(): void;
}

const isErrorAnswer = (r: RecordedResponse) => JSON.stringify(r.body['blocks'] ?? '').includes(':warning:');

/** Posts to `${appUrl}/slack/events`; answers are matched by their response_url id. */
export function slashClient(appUrl: string, slack: FakeSlack): SlashClient {
  const waiting = new Map<string, (r: RecordedResponse) => void>();
  const off = slack.on('response', (r) => {
    const done = waiting.get(r.id);
    if (done) {
      waiting.delete(r.id);
      done(r);
    }
  });
  let seq = 0;
  return {
    async send(text, so = {}) {
      const id = `bench-${++seq}`;
      const body = slashCommandBody({ text, response_url: slack.responseUrl(id) });
      const started = performance.now();
      let answer: Promise<Answer | undefined> | undefined;
      if (so.answer ?? true) {
        // Registered before sending: the answer may arrive before the ack is read.
        answer = new Promise((resolve) => {
          const timer = setTimeout(() => {
            waiting.delete(id);
            resolve(undefined);
          }, so.answerTimeoutMs ?? 40_000);
          waiting.set(id, (r) => {
            clearTimeout(timer);
            resolve({ ms: performance.now() - started, error: isErrorAnswer(r), body: r.body });
          });
        });
      }
      try {
        const res = await fetch(`${appUrl}/slack/events`, { method: 'POST', headers: signSlackRequest({ body, signingSecret: SIGNING_SECRET }), body });
        const ackMs = performance.now() - started;
        await res.arrayBuffer();
        return { status: res.status, ackMs, ...(answer ? { answer } : {}) };
      } catch {
        return { status: 0, ackMs: performance.now() - started, ...(answer ? { answer } : {}) };
      }
    },
    close: off,
  };
}

/** Slack's request signature as the front checks it (http-front.ts: signatureMatches), against the signer the fake Slack uses. */
import { expect, it } from 'vitest';
import { signSlackRequest } from '../../../local/fakeslack/index.js';
import { signatureMatches } from '../../../src/slack/http-front.js';

const SECRET = 'unit-signing-secret';

it('accepts the signature Slack computes, and nothing else', () => {
  const body = 'command=%2Faicc&text=stats&user_id=U1&channel_id=C1';
  const h = signSlackRequest({ body, signingSecret: SECRET });
  const ts = Number(h['x-slack-request-timestamp']);
  const sig = h['x-slack-signature'];
  expect(signatureMatches(SECRET, ts, body, sig)).toBe(true);
  expect(signatureMatches('another-secret', ts, body, sig)).toBe(false);
  expect(signatureMatches(SECRET, ts + 1, body, sig)).toBe(false);
  expect(signatureMatches(SECRET, ts, `${body}&x=1`, sig)).toBe(false);
  // Same length, one digit changed; shorter; another version; empty.
  const flipped = sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0');
  expect(signatureMatches(SECRET, ts, body, flipped)).toBe(false);
  expect(signatureMatches(SECRET, ts, body, sig.slice(0, -2))).toBe(false);
  expect(signatureMatches(SECRET, ts, body, sig.replace(/^v0=/, 'v1='))).toBe(false);
  expect(signatureMatches(SECRET, ts, body, '')).toBe(false);
});

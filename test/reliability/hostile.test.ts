/**
 * Requests that are not what Slack sends: each gets a 4xx quickly, the process stays up, and no
 * handler runs for a request that is not properly signed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActionsBody, signSlackRequest, slashCommandBody } from '../../local/fakeslack/index.js';
import { SIGNING_SECRET, blocksText, startE2E, type E2E } from '../support/e2e.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const sign = (body: string, timestamp?: number) => signSlackRequest({ body, signingSecret: SIGNING_SECRET, timestamp });

/** A small seeded generator, so a failure can be replayed. */
function junk(seed: number, length: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(x % 0x3000);
  }
  return out;
}

describe('hostile requests', () => {
  it('random signed bodies get a 4xx, without waiting for Bolt\'s three-second timeout', async () => {
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const seed = i + 1;
        const body = junk(seed, 50 + seed * 37);
        const started = Date.now();
        const res = await e2e.raw(body, sign(body));
        expect(res.status, `seed ${seed}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        // Bodies Bolt cannot classify never reach middleware; the receiver's 1 s unhandled timeout answers them.
        expect(Date.now() - started).toBeLessThan(2500);
      }),
    );
  });

  it('a 5 MB body is refused with 413', async () => {
    const body = `text=${'a'.repeat(5 * 1024 * 1024)}`;
    const res = await e2e.raw(body, sign(body));
    expect(res.status).toBe(413);
  });

  it('a wrong content type and a JSON body Slack would never send get a 4xx', async () => {
    const body = '{"type":"block_actions"}';
    for (const contentType of ['text/plain', 'application/json']) {
      const res = await e2e.raw(body, { ...sign(body), 'content-type': contentType });
      expect(res.status, contentType).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });

  it('bad JSON in payload gets 400', async () => {
    const body = 'payload=%7Bnot-json';
    expect((await e2e.raw(body, sign(body))).status).toBe(400);
  });

  it('an unknown action id gets 400 and no handler runs', async () => {
    const responseUrl = e2e.slack.responseUrl('unknown-action');
    const body = blockActionsBody({ action_id: 'drop_tables', value: 'x', response_url: responseUrl });
    expect((await e2e.raw(body, sign(body))).status).toBe(400);
  });

  it('unsigned, wrongly signed and replayed requests get 401 and reach no handler', async () => {
    e2e.sim.resetRequestCounts();
    const handledBefore = e2e.handled.length;
    const url = e2e.slack.responseUrl('never');
    const body = slashCommandBody({ text: 'stats', response_url: url });
    expect((await e2e.raw(body, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(401);
    expect((await e2e.raw(body, signSlackRequest({ body, signingSecret: 'nope' }))).status).toBe(401);
    expect((await e2e.raw(body, sign(body, Math.floor(Date.now() / 1000) - 301))).status).toBe(401);
    const tampered = slashCommandBody({ text: 'stats public', response_url: url });
    expect((await e2e.raw(tampered, sign(body))).status).toBe(401);
    // A signed command sent after them is answered; by then any of them that reached a listener would be counted.
    const marker = await e2e.slash('help');
    expect(marker.responses).toHaveLength(1);
    expect(e2e.handled.slice(handledBefore)).toHaveLength(1);
    expect(e2e.handled.some((h) => h.responseUrl === url)).toBe(false);
    expect(e2e.slack.responses.filter((r) => r.id === 'never')).toHaveLength(0);
    expect(e2e.sim.requestCounts()).toEqual({});
  });

  it('after all of that the bot still answers', async () => {
    const r = await e2e.slash('help');
    expect(blocksText(r.responses[0]?.body.blocks)).toContain('campaigns');
    expect((await fetch(`${e2e.botUrl}/healthz`)).status).toBe(200);
  });
});

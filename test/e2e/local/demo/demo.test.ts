/**
 * The newcomer's demo end to end, on a manual clock: the simulator with its demo campaign, the
 * real bot on 30-second ticks, the demo seeded and welcomed as `npm start` does in console mode.
 * A click on **Run now** posts the seeded digest; the seeded alert fires in #alerts a few minutes
 * after start and resolves after the recovery, as the welcome message said.
 */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { DEMO_PLACES, DEMO_USERS } from '../../../../local/console/demo.js';
import type { DemoSetup } from '../../../../local/demo/seed.js';
import { startDemo } from '../../../../local/demo/start.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { DEMO_SCRIPT } from '../../../../local/sim/demo.js';
import { BOT_TOKEN, blocksText, startE2E, type E2E } from '../../../support/e2e.js';

const MIN = 60_000;
const TZ = 'Asia/Shanghai';
const VDN = 8;
/** 11:00:07 in Shanghai. */
const START = new Date('2026-11-20T03:00:07Z');
const clock = manualClock(START);
const minutes = () => (clock().getTime() - START.getTime()) / MIN;
const texts = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');

let e2e: E2E;
let setup: DemoSetup;
beforeAll(async () => {
  e2e = await startE2E({
    clock,
    sim: { timeZone: TZ, statsIntervalS: 30, demo: { startAt: START } },
    // What main.ts gets from an empty environment, but with the simulator's URLs spelled out.
    env: { AICC_TIMEZONE: TZ, AICC_VDN_IDS: String(VDN), AICC_STATS_MIN_INTERVAL_S: '30', COLLECT_INTERVAL_S: '30' },
  });
  await e2e.bot.collector.tick();
  await e2e.bot.collector.settled();
  const client = new WebClient(BOT_TOKEN, { slackApiUrl: e2e.slack.url });
  setup = (await startDemo({ store: e2e.bot.store, client, world: e2e.sim.world, clock, log: silentLogger, vdn: VDN, timeZone: TZ, botTimeZone: TZ, intervalMs: 30_000, ...DEMO_PLACES, people: DEMO_USERS }))!;
});
afterAll(async () => {
  await e2e?.close();
});

describe('the demo, as a newcomer sees it', () => {
  it('seeds one digest and one rule, and welcomes in #general with what will happen and a Run now button', async () => {
    expect(setup).toMatchObject({ seeded: true, digest: { id: 1, channelId: 'C0ALERTS', at: '12:00', days: 'daily' }, rule: { id: 1, scopeId: String(e2e.sim.world.demoCampaign(VDN)!.id) } });
    const [welcome, ...more] = e2e.slack.messages('C0GENERAL');
    expect(more).toHaveLength(0);
    const text = blocksText(welcome!.blocks);
    expect(text).toContain('`/aicc help`');
    expect(text).toContain('collapses at *11:02*');
    expect(text).toContain('recovers at *11:08*');
    expect(text).toMatch(/should fire around \*11:0[45](–11:0[56])?\* and resolve around \*11:1[123](–11:1[234])?\*/);
    expect(JSON.stringify(welcome!.blocks)).toContain('"action_id":"digest_run","value":"1"');
    // Who to type as to see the bot in another language.
    expect(text).toContain('王芳 (简体中文), Lucía Fernández (Español (Latinoamérica)) and João Pereira (Português (Brasil)) read Slack in their own language');
  });

  it('Run now (a signed block_actions click) posts the seeded digest to #alerts and says so privately', async () => {
    const mark = e2e.slack.calls.length;
    const click = await e2e.click({ action_id: 'digest_run', value: '1', user: 'U0SUPERV', channel: 'C0GENERAL' });
    expect(click.status).toBe(200);
    expect(click.responses[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(texts(click)).toContain('Digest 1 posted to <#C0ALERTS>.');
    const posts = e2e.slack.calls.slice(mark).filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0ALERTS');
    expect(posts.length).toBeGreaterThan(0);
    // The digest's table cuts long names: the start of the demo campaign's is enough.
    expect(posts.map((p) => blocksText(p.body.blocks)).join('\n')).toContain('Demo: 回访 Follow-up');
    const [entry] = await e2e.bot.store.audit.recent(1);
    expect(entry).toMatchObject({ userId: 'U0SUPERV', action: 'digest.run', target: 'digest:1', detail: { via: 'button', outcome: 'posted' } });
  });

  it('/aicc digest list offers Run now; a gone digest or a bad value is answered plainly', async () => {
    const list = await e2e.slash('digest list');
    expect(JSON.stringify(list.responses[0]!.body.blocks)).toContain('"action_id":"digest_run","value":"1"');
    expect(texts(await e2e.click({ action_id: 'digest_run', value: '42', user: 'U0SUPERV' }))).toContain('There is no digest 42.');
    expect(texts(await e2e.click({ action_id: 'digest_run', value: 'nonsense', user: 'U0SUPERV' }))).toContain('That button has expired');
    // Run a moment ago: a second manual run within the minute is refused and posts nothing.
    expect(texts(await e2e.click({ action_id: 'digest_run', value: '1', user: 'U0SUPERV' }))).toContain('a moment ago');
    clock.advance(60_000);
    e2e.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    expect(texts(await e2e.click({ action_id: 'digest_run', value: '1', user: 'U0SUPERV' }))).toMatch(/Digest 1 could not be posted to <#C0ALERTS>\.\*\n.*not_in_channel/);
  });

  it('the alert fires in #alerts in minute 4–5 and resolves in minute 11–13 (an edit and a thread reply)', async () => {
    const mark = e2e.slack.calls.length;
    const alertsSince = () => e2e.slack.calls.slice(mark).filter((c) => c.body.channel === 'C0ALERTS');
    let firedAt: number | undefined;
    let resolvedAt: number | undefined;
    while (minutes() < 16 && resolvedAt === undefined) {
      clock.advance(30_000);
      expect(await e2e.bot.collector.tick()).toBeDefined();
      await e2e.bot.collector.settled();
      const calls = alertsSince();
      if (firedAt === undefined && calls.some((c) => c.method === 'chat.postMessage' && !c.body.thread_ts)) firedAt = minutes();
      if (resolvedAt === undefined && calls.some((c) => c.method === 'chat.update' && /Resolved/.test(blocksText(c.body.blocks)))) resolvedAt = minutes();
    }
    expect(firedAt).toBeGreaterThanOrEqual(4);
    expect(firedAt).toBeLessThanOrEqual(5.5);
    expect(resolvedAt).toBeGreaterThanOrEqual(11);
    expect(resolvedAt).toBeLessThanOrEqual(13);

    const calls = alertsSince();
    const tops = calls.filter((c) => c.method === 'chat.postMessage' && !c.body.thread_ts);
    expect(tops).toHaveLength(1);
    const shown = blocksText(tops[0]!.body.blocks);
    expect(shown).toContain(DEMO_SCRIPT.name);
    expect(shown).toMatch(/Connection rate \d+\.\d%, below 40%/);
    const { messageTs } = (await e2e.bot.store.alerts.states.get(1, String(e2e.sim.world.demoCampaign(VDN)!.id)))!;
    const edits = calls.filter((c) => c.method === 'chat.update');
    expect(edits.at(-1)!.body.ts).toBe(messageTs);
    const replies = calls.filter((c) => c.method === 'chat.postMessage' && c.body.thread_ts === messageTs);
    expect(replies).toHaveLength(1);
    expect(blocksText(replies[0]!.body.blocks)).toMatch(/Resolved after/);
    expect((await e2e.bot.store.alerts.states.get(1, String(e2e.sim.world.demoCampaign(VDN)!.id)))?.state).toBe('resolved');
  });
});

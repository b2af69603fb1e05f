/**
 * Restart with a firing alert and a digest due while the bot is down: after the restart the digest
 * is posted once (late), the firing alert is not posted again, and its resolution is posted once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningBot } from '../../src/bot.js';
import { manualClock } from '../../src/platform/clock.js';
import { anotherBot, DAY_START, env, healthyCampaign, MIN, said, slackSince, START, tickAfter } from '../support/alerts-e2e.js';
import { blocksText, startE2E, type E2E } from '../support/e2e.js';

const clock = manualClock(START); // 11:00 in Shanghai
const dir = mkdtempSync(path.join(os.tmpdir(), 'aicc-restart-'));
const DATABASE_URL = path.join(dir, 'bot.sqlite');
let e2e: E2E;
let restarted: RunningBot | undefined;
beforeAll(async () => {
  e2e = await startE2E({ clock, env: env({ DATABASE_URL }), sim: { timeZone: 'Asia/Shanghai' } });
});
afterAll(async () => {
  await restarted?.stop();
  await e2e?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('nothing duplicated, nothing dropped', async () => {
  const c = healthyCampaign(e2e, clock);
  await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:0 clear:45 <#COPS|ops>`, { user: 'UADMIN' });
  await e2e.slash('digest add <#CDIGEST|digest> at:11:20 days:daily tz:Asia/Shanghai', { user: 'UADMIN' });
  e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
  const mark = e2e.slack.calls.length;
  await tickAfter(e2e.bot, clock, 0);
  expect(slackSince(e2e, mark, 'COPS').top).toHaveLength(1);

  // The bot stops at 11:05; the digest is due at 11:20; the bot is back at 11:40.
  clock.advance(5 * MIN);
  await e2e.bot.stop();
  clock.set(Date.parse(START) + 40 * MIN);
  restarted = await anotherBot(e2e, clock, { DATABASE_URL });
  await restarted.digests.runDue();
  await tickAfter(restarted, clock, 0);
  await restarted.digests.runDue();

  const digestPosts = slackSince(e2e, mark, 'CDIGEST').top;
  expect(digestPosts).toHaveLength(1);
  expect(blocksText(digestPosts[0]!.body.blocks)).toMatch(/late/i);
  expect(slackSince(e2e, mark, 'COPS').top).toHaveLength(1);

  // The campaign recovers: the resolution is posted once, as an edit and a thread reply.
  e2e.sim.world.clearScenario();
  e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.99 });
  await tickAfter(restarted, clock, 5);
  const after = slackSince(e2e, mark, 'COPS');
  expect(after.top).toHaveLength(1);
  expect(after.replies.filter((r) => /resolved/i.test(said(r)))).toHaveLength(1);
  await tickAfter(restarted, clock, 5);
  expect(slackSince(e2e, mark, 'COPS').replies.filter((r) => /resolved/i.test(said(r)))).toHaveLength(1);
}, 60_000);

/**
 * Alerts end to end, driven by the simulator's scenarios on a fake clock: signed slash commands make
 * the rules, `collector.tick()` collects (the alert evaluation follows it; `tickAfter` waits for that),
 * and the fake Slack shows what was posted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import type { SimCampaign } from '../../../../local/sim/campaigns.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';
import { DAY_START, env, healthyCampaign, said, slackSince, START, tickAfter } from '../../../support/alerts-e2e.js';

const answer = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');

describe('a campaign collapses: pending, fires once, reminds, resolves', () => {
  const clock = manualClock(START);
  let e2e: E2E;
  let c: SimCampaign;
  beforeAll(async () => {
    e2e = await startE2E({ clock, env: env(), sim: { timeZone: 'Asia/Shanghai' } });
    c = healthyCampaign(e2e, clock);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('runs the whole lifecycle with one message and its thread', async () => {
    const added = answer(await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:10m repeat:1h <#COPS|ops> mention:<!subteam^S0OPS|@oncall>`, { user: 'UADMIN' }));
    expect(added).toMatch(/Alert 1 added/);
    const mark = e2e.slack.calls.length;
    await tickAfter(e2e.bot, clock, 0);
    expect((await e2e.bot.store.alerts.states.get(1, String(c.id)))?.state).toBe('ok');

    e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
    await tickAfter(e2e.bot, clock); // 11:05 pending
    expect((await e2e.bot.store.alerts.states.get(1, String(c.id)))?.state).toBe('pending');
    const test = answer(await e2e.slash('alert test 1'));
    expect(test).toMatch(new RegExp(`connection_rate\` for campaign \\*.+\\* \\(\`${c.id}\`\\) is \\d+\\.\\d% \\(n=\\d+ dialled\\) &lt; 40%: breached for 0 of 10 minutes; would fire at 11:15`));
    await tickAfter(e2e.bot, clock); // 11:10 pending
    expect(slackSince(e2e, mark).top).toHaveLength(0);
    await tickAfter(e2e.bot, clock); // 11:15 fires
    let s = slackSince(e2e, mark);
    expect(s.top).toHaveLength(1);
    const alert = s.top[0]!;
    expect(alert.body.channel).toBe('COPS');
    const shown = said(alert);
    expect(shown).toContain(c.name);
    expect(shown).toMatch(/Connection rate \d+\.\d%, below 40%/);
    expect(shown).toMatch(/n=\d+ dialled/);
    expect(shown).toMatch(/\d+\.\d% → \d+\.\d% → \d+\.\d%/);
    expect(shown).toContain('running');
    expect(shown).toContain('<!subteam^S0OPS|@oncall>');
    expect(JSON.stringify(alert.body.blocks)).toContain('alert_ack');

    // An hour of firing: nothing new until the reminder, which goes in the thread.
    for (let i = 0; i < 12; i++) await tickAfter(e2e.bot, clock);
    s = slackSince(e2e, mark);
    expect(s.top).toHaveLength(1);
    expect(s.replies).toHaveLength(1);
    expect(s.replies[0]!.body.thread_ts).toBe(alert.body.ts ?? s.replies[0]!.body.thread_ts);
    expect(said(s.replies[0])).toMatch(/Still firing for 1h 00m/);
    const ts = (await e2e.bot.store.alerts.states.get(1, String(c.id)))!.messageTs!;
    expect(s.replies[0]!.body.thread_ts).toBe(ts);

    // The campaign recovers above the clear level: the message is edited, the thread told.
    e2e.sim.world.clearScenario();
    await tickAfter(e2e.bot, clock);
    s = slackSince(e2e, mark);
    expect(s.top).toHaveLength(1);
    expect(s.edits).toHaveLength(2);
    expect(s.edits.at(-1)!.body.ts).toBe(ts);
    expect(said(s.edits.at(-1))).toMatch(/Resolved: connection rate \d+\.\d%/);
    expect(s.replies).toHaveLength(2);
    expect(said(s.replies[1])).toMatch(/Resolved after 1h 05m/);
    const message = e2e.slack.messages('COPS').find((m) => m.ts === ts);
    expect(message?.replyCount).toBe(2);
    expect(blocksText(message?.blocks)).toMatch(/Resolved/);
    const list = answer(await e2e.slash('alert list'));
    expect(list).toMatch(/:white_check_mark: resolved since 12:20/);
  });
});

describe('flapping, hysteresis and volume', () => {
  const clock = manualClock(START);
  let e2e: E2E;
  let c: SimCampaign;
  beforeAll(async () => {
    e2e = await startE2E({ clock, env: env(), sim: { timeZone: 'Asia/Shanghai' } });
    c = healthyCampaign(e2e, clock);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a flapping series posts nothing: `for` absorbs it', async () => {
    await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:10m`, { user: 'UADMIN' });
    const mark = e2e.slack.calls.length;
    for (let i = 0; i < 8; i++) {
      if (i % 2 === 0) e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
      else e2e.sim.world.clearScenario();
      await tickAfter(e2e.bot, clock, i === 0 ? 0 : 5);
    }
    expect(e2e.slack.calls.slice(mark).filter((x) => x.method.startsWith('chat.'))).toEqual([]);
    await e2e.slash('alert remove 1', { user: 'UADMIN' });
  });

  it('once firing, values between the threshold and the clear level post nothing new', async () => {
    await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:0 clear:50`, { user: 'UADMIN' });
    const mark = e2e.slack.calls.length;
    for (let i = 0; i < 8; i++) {
      e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: i % 2 === 0 ? 0.3 : 0.45 });
      await tickAfter(e2e.bot, clock);
    }
    const s = slackSince(e2e, mark);
    expect(s.top).toHaveLength(1);
    expect(s.replies).toHaveLength(0);
    expect(s.edits).toHaveLength(0);
    expect((await e2e.bot.store.alerts.states.get(2, String(c.id)))?.state).toBe('firing');
    await e2e.slash('alert remove 2', { user: 'UADMIN' });
  });

  it('below `min` volume nothing fires, and `alert test` says why', async () => {
    await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:0 min:100000`, { user: 'UADMIN' });
    e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
    const mark = e2e.slack.calls.length;
    for (let i = 0; i < 3; i++) await tickAfter(e2e.bot, clock);
    expect(slackSince(e2e, mark).top).toHaveLength(0);
    expect(answer(await e2e.slash('alert test 3'))).toMatch(/below `min:100,000`, no verdict yet/);
  });
});

describe('no data: CMS down with 20 rules', () => {
  const clock = manualClock(START);
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E({ clock, env: env(), sim: { timeZone: 'Asia/Shanghai' } });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('posts one notice and nothing else; when data returns, edits it and says so in its thread', async () => {
    const running = e2e.sim.world.campaigns(8).filter((x) => x.status === 2);
    for (let i = 0; i < 20; i++) {
      const metric = i % 2 === 0 ? 'connect_rate' : 'waiting';
      await e2e.bot.store.alerts.create({
        metric,
        op: metric === 'waiting' ? '>' : '<',
        threshold: metric === 'waiting' ? 1000 + i : 1 + i / 10,
        clearValue: metric === 'waiting' ? 900 : 6,
        scope: 'campaign',
        scopeId: String(running[i % running.length]!.id),
        vdn: 8,
        minVolume: 0,
        forS: 0,
        repeatS: 3600,
        channelId: 'COPS',
        createdBy: 'UADMIN',
        createdAt: clock().getTime(),
      });
    }
    e2e.sim.setFaults('cms', { down: true });
    const mark = e2e.slack.calls.length;
    for (let i = 0; i < 5; i++) {
      await tickAfter(e2e.bot, clock, i === 0 ? 0 : 5);
      expect(slackSince(e2e, mark).top, `tick ${i}`).toHaveLength(i < 2 ? 0 : 1);
    }
    const chat = e2e.slack.calls.slice(mark).filter((x) => x.method.startsWith('chat.'));
    expect(chat).toHaveLength(1);
    expect(said(chat[0])).toMatch(/CC-CMS real-time statistics: no data since 11:00.*20 alert rules cannot be evaluated/s);

    e2e.sim.clearFaults();
    // One good tick is not yet "back" (a flaky outage would otherwise post again and again)…
    await tickAfter(e2e.bot, clock);
    expect(slackSince(e2e, mark).edits).toHaveLength(0);
    // …the second one is.
    await tickAfter(e2e.bot, clock);
    const s = slackSince(e2e, mark);
    expect(s.top).toHaveLength(1);
    expect(s.edits).toHaveLength(1);
    expect(said(s.edits[0])).toMatch(/data is back/);
    expect(s.replies).toHaveLength(1);
    expect(s.replies[0]!.body.thread_ts).toBe(s.edits[0]!.body.ts);
    expect(said(s.replies[0])).toMatch(/Data is back at 11:30/);
    // The rules are judged again (all healthy): nothing fires.
    await tickAfter(e2e.bot, clock);
    expect(slackSince(e2e, mark).top).toHaveLength(1);
    const states = await Promise.all((await e2e.bot.store.alerts.list()).map((r) => e2e.bot.store.alerts.states.listByRule(r.id)));
    expect(new Set(states.flat().map((x) => x.state))).toEqual(new Set(['ok']));
  });
});

/**
 * Acting on alerts end to end: the buttons over signed `block_actions` requests, mute expiry, a
 * restart mid-firing and two bot processes on one database, and the `/aicc alert` commands.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertButtonValue } from '../../../../src/features/alerts/view.js';
import type { RunningBot } from '../../../../src/bot.js';
import { manualClock } from '../../../../src/platform/clock.js';
import type { SimCampaign } from '../../../../local/sim/campaigns.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';
import { anotherBot, DAY_START, env, healthyCampaign, MIN, said, slackSince, START, tickAfter, waitFor } from '../../../support/alerts-e2e.js';

const answer = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');

describe('buttons, mute expiry, restart and replicas', () => {
  const clock = manualClock(START);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aicc-alerts-'));
  const databaseUrl = path.join(dir, 'bot.sqlite');
  const others: RunningBot[] = [];
  let e2e: E2E;
  let c: SimCampaign;
  let value: string;
  let ts: string;
  beforeAll(async () => {
    e2e = await startE2E({ clock, env: env({ DATABASE_URL: databaseUrl }), sim: { timeZone: 'Asia/Shanghai' } });
    c = healthyCampaign(e2e, clock);
    value = alertButtonValue(1, String(c.id));
  });
  afterAll(async () => {
    for (const b of others) await b.stop();
    await e2e?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fires once', async () => {
    expect(answer(await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:0 repeat:4h <#COPS|ops>`, { user: 'UADMIN' }))).toMatch(/Alert 1 added/);
    e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
    const mark = e2e.slack.calls.length;
    await tickAfter(e2e.bot, clock, 0);
    expect(slackSince(e2e, mark).top).toHaveLength(1);
    ts = (await e2e.bot.store.alerts.states.get(1, String(c.id)))!.messageTs!;
    expect(ts).toBeTruthy();
  });

  it('Acknowledge: anyone; the message shows who, the thread says so; a second click is told', async () => {
    const mark = e2e.slack.calls.length;
    const click = await e2e.click({ action_id: 'alert_ack', value, user: 'U0ALICE', channel: 'COPS' }, { expect: 0 });
    expect(click.status).toBe(200);
    const edit = await waitFor(() => slackSince(e2e, mark).edits[0], 'the acknowledged edit');
    expect(edit.body.ts).toBe(ts);
    expect(said(edit)).toContain('Acknowledged by <@U0ALICE>');
    expect(JSON.stringify(edit.body.blocks)).not.toContain('alert_ack');
    const reply = await waitFor(() => slackSince(e2e, mark).replies[0], 'the thread reply');
    expect(reply.body.thread_ts).toBe(ts);
    expect((await e2e.bot.store.alerts.states.get(1, String(c.id)))?.ackedBy).toBe('U0ALICE');
    const again = await e2e.click({ action_id: 'alert_ack', value, user: 'U0BOB', channel: 'COPS' });
    expect(blocksText(again.responses[0]!.body.blocks)).toContain('Already acknowledged by <@U0ALICE>');
    expect(again.responses[0]!.body.response_type).toBe('ephemeral');
  });

  it('Mute needs an admin when BOT_ADMIN_USERS is set; refusals are ephemeral', async () => {
    const r = await e2e.click({ action_id: 'alert_mute_1h', value, user: 'U0ALICE', channel: 'COPS' });
    expect(blocksText(r.responses[0]!.body.blocks)).toMatch(/Only the bot's administrators can mute alerts/);
    expect(r.responses[0]!.body.response_type).toBe('ephemeral');
    expect((await e2e.bot.store.alerts.get(1))?.mutedUntil).toBeUndefined();
  });

  it('Mute until tomorrow: the tenant’s midnight; Mute 1h: an hour from now; both audited', async () => {
    const tomorrow = await e2e.click({ action_id: 'alert_mute_tomorrow', value, user: 'UADMIN', channel: 'COPS' });
    expect(blocksText(tomorrow.responses[0]!.body.blocks)).toContain('muted until 00:00');
    expect((await e2e.bot.store.alerts.get(1))?.mutedUntil).toBe(Date.parse('2026-11-20T16:00:00Z'));
    const mark = e2e.slack.calls.length;
    const hour = await e2e.click({ action_id: 'alert_mute_1h', value, user: 'UADMIN', channel: 'COPS' });
    expect(blocksText(hour.responses[0]!.body.blocks)).toContain('muted until 12:00');
    expect((await e2e.bot.store.alerts.get(1))?.mutedUntil).toBe(clock().getTime() + 60 * MIN);
    const edit = await waitFor(() => slackSince(e2e, mark).edits[0], 'the muted edit');
    expect(said(edit)).toContain('Muted until 12:00');
    const actions = (await e2e.bot.store.audit.recent(10)).map((a) => a.action);
    expect(actions.filter((a) => a === 'alert.mute')).toHaveLength(2);
    expect(actions).toContain('alert.ack');
  });

  it('a muted alert offers Unmute instead of the mute buttons', async () => {
    const [message] = e2e.slack.messages('COPS').filter((m) => JSON.stringify(m.blocks).includes('alert_actions'));
    const ids = JSON.stringify(message!.blocks).match(/"action_id":"alert_[a-z_0-9]+"/g) ?? [];
    expect(ids).toContain('"action_id":"alert_unmute"');
    expect(ids).not.toContain('"action_id":"alert_mute_1h"');
    // The button passes the same check as `/aicc alert unmute`: refused for a non-admin, nothing changed.
    const refused = await e2e.click({ action_id: 'alert_unmute', value, user: 'U0ALICE', channel: 'COPS' });
    expect(blocksText(refused.responses[0]!.body.blocks)).toMatch(/Only the bot's administrators can unmute alerts/);
    expect((await e2e.bot.store.alerts.get(1))?.mutedUntil).toBe(clock().getTime() + 60 * MIN);
  });

  it('a muted rule posts nothing; when the mute ends a still-firing alert gets one reminder', async () => {
    // Acknowledged alerts get no reminders; un-acknowledge to see the mute's end.
    const s = (await e2e.bot.store.alerts.states.get(1, String(c.id)))!;
    await e2e.bot.store.alerts.states.compareAndSet(1, String(c.id), s.version, { ...s, ackedBy: null, ackedAt: null });
    const mark = e2e.slack.calls.length;
    for (let i = 0; i < 11; i++) await tickAfter(e2e.bot, clock); // 11:05 … 11:55
    expect(slackSince(e2e, mark).replies).toHaveLength(0);
    await tickAfter(e2e.bot, clock); // 12:00: the mute ends
    await tickAfter(e2e.bot, clock);
    const after = slackSince(e2e, mark);
    expect(after.top).toHaveLength(0);
    expect(after.replies).toHaveLength(1);
    expect(said(after.replies[0])).toMatch(/Still firing/);
  });

  it('a restart mid-firing posts nothing new (a new process on the same SQLite file)', async () => {
    const restarted = await anotherBot(e2e, clock, { DATABASE_URL: databaseUrl });
    others.push(restarted);
    const mark = e2e.slack.calls.length;
    await tickAfter(restarted, clock);
    await tickAfter(restarted, clock);
    expect(e2e.slack.calls.slice(mark).filter((x) => x.method.startsWith('chat.'))).toEqual([]);
    expect((await restarted.store.alerts.states.get(1, String(c.id)))?.messageTs).toBe(ts);
  });

  it('two processes evaluating the same data post a new alert once', async () => {
    const [a, b] = [e2e.bot, others[0]!];
    await e2e.slash(`alert add success_rate < 50 all for:0 <#CTWO|two>`, { user: 'UADMIN' });
    clock.advance(5 * MIN);
    const mark = e2e.slack.calls.length;
    await Promise.all([a.collector.tick(), b.collector.tick()]);
    await Promise.all([a.collector.settled(), b.collector.settled()]);
    await Promise.all([a.alerts.evaluate(), b.alerts.evaluate(), a.alerts.evaluate()]);
    const posted = slackSince(e2e, mark, 'CTWO').top;
    const firing = (await a.store.alerts.states.listByRule(2)).filter((x) => x.state === 'firing');
    expect(firing.length).toBeGreaterThan(0);
    expect(posted).toHaveLength(firing.length);
    expect(new Set(posted.map((p) => said(p))).size).toBe(firing.length);
  });
});

describe('/aicc alert commands', () => {
  const clock = manualClock(START);
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E({ clock, env: env(), sim: { timeZone: 'Asia/Shanghai' } });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('changes need an admin and are audited; list, test, mute, unmute and remove answer plainly', async () => {
    expect(answer(await e2e.slash('alert add success_rate < 40 all', { user: 'USOMEONE' }))).toMatch(/Only the bot's administrators can add alert rules/);
    const added = answer(await e2e.slash('alert add success_rate < 40 all mention:<@U0BOB>', { user: 'UADMIN', channel: 'C0GENERAL' }));
    expect(added).toContain('Alert 1 added');
    expect(added).toContain('every running campaign of VDN 8 → <#C0GENERAL>');
    expect(added).toContain('for 10m  ·  min 50 dialled  ·  clears at ≥ 45%  ·  reminds every 4h  ·  notifies <@U0BOB>');
    expect(await e2e.bot.store.alerts.get(1)).toMatchObject({ threshold: 40, clearValue: 45, minVolume: 50, forS: 600, repeatS: 14_400, scope: 'all', vdn: 8, mention: '<@U0BOB>' });
    await e2e.bot.collector.tick();
    await e2e.bot.collector.settled();
    const list = answer(await e2e.slash('alert list'));
    expect(list).toMatch(/\*Alert 1\*/);
    expect(list).toMatch(/:large_green_circle: \d+ ok/);
    const test = answer(await e2e.slash('alert test 1'));
    expect(test).toMatch(/healthy \(fires &lt; 40%\)/);
    expect(test).toContain('nothing was posted or changed');
    expect(answer(await e2e.slash('alert mute 1 2h', { user: 'UADMIN' }))).toMatch(/Alert 1 muted until 13:00/);
    expect(answer(await e2e.slash('alert list'))).toMatch(/muted until 13:00/);
    expect(answer(await e2e.slash('alert unmute 1', { user: 'UADMIN' }))).toMatch(/Alert 1 unmuted/);
    expect(answer(await e2e.slash('alert unmute 1', { user: 'UADMIN' }))).toMatch(/not muted/);
    expect(answer(await e2e.slash('alert remove 9', { user: 'UADMIN' }))).toMatch(/no alert rule 9/);
    expect(answer(await e2e.slash('alert remove 1', { user: 'UADMIN' }))).toMatch(/Alert 1 removed/);
    expect(await e2e.bot.store.alerts.list()).toEqual([]);
    // A campaign id the last collection did not see is pointed out (the rule is kept).
    expect(answer(await e2e.slash('alert add connect_rate < 30 campaign:999', { user: 'UADMIN' }))).toMatch(/Campaign 999 is not in the campaign list of VDN 8 \(as of 11:00\)/);
    const paused = e2e.sim.world.campaigns(8).find((x) => x.status === 3)!;
    expect(answer(await e2e.slash(`alert add connect_rate < 30 campaign:${paused.id}`, { user: 'UADMIN' }))).toMatch(/is paused .*applies only while it runs/);
    const audit = (await e2e.bot.store.audit.recent(10)).map((a) => a.action).sort();
    expect(audit).toEqual(['alert.add', 'alert.add', 'alert.add', 'alert.mute', 'alert.remove', 'alert.unmute']);
  });
});

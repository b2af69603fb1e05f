/**
 * The alert engine on real stores (SQLite, and PostgreSQL when TEST_DATABASE_URL is set) against the
 * fake Slack Web API: two processes on one database post once, a crash between the write and the
 * post is retried (and a post Slack took but the store never learnt is found, not repeated), one
 * notice per service without data.
 */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { incidentKey } from '../../../../src/features/alerts/notify.js';
import { ALERT_EVENT_TYPE } from '../../../../src/features/alerts/posting.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { startFakeSlack, type FakeSlack } from '../../../../local/fakeslack/index.js';
import { describeEachBackend } from '../../../support/backends.js';
import { callsSince, engineFor, MIN, ruleInput, storeTick, text, type TickData } from '../../../support/alert-engine.js';

/** A fresh workspace per test: a post from another test's database must not be "found". */
let slack: FakeSlack;
const opened: FakeSlack[] = [];
const clock = manualClock('2026-11-20T02:00:00Z'); // 10:00 in Shanghai
beforeEach(async () => {
  slack = await startFakeSlack({ channels: [{ id: 'COPS', name: 'ops' }, { id: 'CALT', name: 'alt' }] });
  opened.push(slack);
});
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

const T0 = Date.parse('2026-11-20T02:00:00Z');
const collapsed: TickData = { campaigns: { c1: 2 }, stats: { c1: [400, 124] } };
const healthy: TickData = { campaigns: { c1: 2 }, stats: { c1: [400, 200] } };

describeEachBackend('alert engine', (backend) => {
  it('two processes: a firing alert is posted once, reminded once, resolved once', async () => {
    const db = await backend.fresh();
    const [sa, sb] = [await db.open(), await db.open()];
    const [a, b] = [engineFor(sa, slack, clock), engineFor(sb, slack, clock)];
    const rule = await sa.alerts.create(ruleInput({ createdAt: T0 }));
    const mark = slack.calls.length;
    // 10:00 and 10:05 pending, 10:10 fires (for:10m); until 11:10 nothing more; 11:10 the reminder.
    for (let i = 0; i <= 14; i++) {
      clock.set(T0 + i * 5 * MIN);
      await storeTick(sa, clock().getTime(), collapsed);
      await Promise.all([a.evaluate(), b.evaluate()]);
      const { top, replies } = callsSince(slack, mark);
      expect(top, `tick ${i}`).toHaveLength(i < 2 ? 0 : 1);
      expect(replies, `tick ${i}`).toHaveLength(i < 14 ? 0 : 1);
    }
    const { top, replies } = callsSince(slack, mark);
    expect(top[0]!.body.channel).toBe('COPS');
    expect(text(top[0])).toContain('31.0%');
    expect(text(top[0])).toContain('n=400 dialled');
    expect(text(replies[0])).toContain('Still firing for 1h 00m');
    const state = await sb.alerts.states.get(rule.id, 'c1');
    expect(state).toMatchObject({ state: 'firing', since: T0 + 10 * MIN, messageChannel: 'COPS', messageTs: top[0]!.body.ts ?? expect.any(String) });

    // Recovery above the clear level: one edit, one reply, by one process.
    const before = slack.calls.length;
    clock.set(T0 + 15 * 5 * MIN);
    await storeTick(sa, clock().getTime(), healthy);
    await Promise.all([a.evaluate(), b.evaluate()]);
    const after = callsSince(slack, before);
    expect(after.top).toHaveLength(0);
    expect(after.edits).toHaveLength(1);
    expect(text(after.edits[0])).toContain('Resolved: connection rate 50.0%');
    expect(after.replies).toHaveLength(1);
    expect(text(after.replies[0])).toContain('Resolved after 1h 05m');
    expect((await sa.alerts.states.get(rule.id, 'c1'))?.state).toBe('resolved');
    const kinds = (await sa.deliveries.byRule(rule.id)).map((d) => `${d.jobKey.split('/')[1]}:${d.status}`);
    expect(kinds.sort()).toEqual(['firing:posted', 'reminder:posted', 'resolved:posted']);
  });

  it('a crash between winning the write and posting is retried on the next tick, once', async () => {
    const db = await backend.fresh();
    const [sa, sb] = [await db.open(), await db.open()];
    const [a, b] = [engineFor(sa, slack, clock), engineFor(sb, slack, clock)];
    const rule = await sa.alerts.create(ruleInput({ forS: 0, createdAt: T0 }));
    clock.set(T0);
    await storeTick(sa, T0, collapsed);
    // The winner wrote "firing" and died before posting.
    expect(await sa.alerts.states.compareAndSet(rule.id, 'c1', null, { state: 'firing', since: T0, updatedAt: T0, lastValue: 31, lastVolume: 400 })).toBe(true);
    const mark = slack.calls.length;
    // Moments later its post may still be in flight: nobody else posts.
    await Promise.all([a.evaluate(), b.evaluate()]);
    expect(callsSince(slack, mark).top).toHaveLength(0);
    clock.set(T0 + 5 * MIN);
    await storeTick(sa, clock().getTime(), collapsed);
    await Promise.all([a.evaluate(), b.evaluate()]);
    clock.set(T0 + 10 * MIN);
    await storeTick(sa, clock().getTime(), collapsed);
    await Promise.all([a.evaluate(), b.evaluate()]);
    expect(callsSince(slack, mark).top).toHaveLength(1);
    expect((await sb.alerts.states.get(rule.id, 'c1'))?.messageTs).toBeDefined();
  });

  it('a post Slack accepted but the store never learnt is found in the channel, not repeated', async () => {
    const db = await backend.fresh();
    const store = await db.open();
    const engine = engineFor(store, slack, clock);
    const rule = await store.alerts.create(ruleInput({ forS: 0, createdAt: T0 }));
    clock.set(T0 + 5 * MIN);
    await storeTick(store, clock().getTime(), collapsed);
    await store.alerts.states.compareAndSet(rule.id, 'c1', null, { state: 'firing', since: T0, updatedAt: T0 });
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.url });
    const earlier = await client.chat.postMessage({ channel: 'COPS', text: 'the lost post', metadata: { event_type: ALERT_EVENT_TYPE, event_payload: { key: incidentKey(rule.id, 'c1', T0) } } });
    const mark = slack.calls.length;
    await engine.evaluate();
    expect(callsSince(slack, mark).top).toHaveLength(0);
    expect((await store.alerts.states.get(rule.id, 'c1'))?.messageTs).toBe(earlier.ts);
  });

  it('a post Slack refuses stays owed and goes out on the next tick; deliveries say so', async () => {
    const db = await backend.fresh();
    const store = await db.open();
    const engine = engineFor(store, slack, clock);
    const rule = await store.alerts.create(ruleInput({ forS: 0, createdAt: T0 }));
    clock.set(T0);
    await storeTick(store, T0, collapsed);
    const mark = slack.calls.length;
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await engine.evaluate();
    expect(callsSince(slack, mark, 'COPS').top).toHaveLength(1); // the refused attempt
    // The rule's creator hears of it by DM, once.
    expect(callsSince(slack, mark).calls.find((c) => c.method === 'conversations.open')?.body.users).toBe('U0ADMIN');
    expect(text(callsSince(slack, mark, 'DU0ADMIN').top[0])).toContain('could not be posted to <#COPS>: not_in_channel');
    expect((await store.alerts.states.get(rule.id, 'c1'))).toMatchObject({ state: 'firing' });
    expect((await store.alerts.states.get(rule.id, 'c1'))?.messageTs).toBeUndefined();
    clock.set(T0 + 5 * MIN);
    await storeTick(store, clock().getTime(), collapsed);
    await engine.evaluate();
    expect(callsSince(slack, mark, 'COPS').top).toHaveLength(2);
    expect(callsSince(slack, mark, 'DU0ADMIN').top).toHaveLength(1);
    expect((await store.alerts.states.get(rule.id, 'c1'))?.messageTs).toBeDefined();
    expect((await store.deliveries.byRule(rule.id)).map((d) => d.status)).toEqual(['posted', 'failed']);
  });

  it('a source without data for three ticks: one notice for 20 rules and nothing else; then "data is back"', async () => {
    const db = await backend.fresh();
    const [sa, sb] = [await db.open(), await db.open()];
    const [a, b] = [engineFor(sa, slack, clock), engineFor(sb, slack, clock)];
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
    for (let i = 0; i < 20; i++) {
      await sa.alerts.create(ruleInput({ metric: 'connect_rate', threshold: 10 + i, clearValue: 15 + i, scopeId: ids[i % 5], channelId: i < 12 ? 'COPS' : 'CALT', forS: 0, createdAt: T0 }));
    }
    const campaigns = Object.fromEntries(ids.map((id) => [id, 2]));
    const mark = slack.calls.length;
    for (let i = 0; i < 6; i++) {
      clock.set(T0 + i * 5 * MIN);
      await storeTick(sa, clock().getTime(), { campaigns, cms: 'fail' });
      await Promise.all([a.evaluate(), b.evaluate()]);
      expect(callsSince(slack, mark).top, `tick ${i}`).toHaveLength(i < 2 ? 0 : 1);
    }
    const { top, calls } = callsSince(slack, mark);
    expect(calls.filter((c) => c.method !== 'chat.postMessage')).toEqual([]);
    expect(top[0]!.body.channel).toBe('COPS');
    expect(text(top[0])).toContain('CC-CMS real-time statistics: no data since 10:00');
    expect(text(top[0])).toContain('20 alert rules cannot be evaluated');
    expect(await sa.alerts.notices.get('cms')).toMatchObject({ state: 'nodata', since: T0, messageChannel: 'COPS' });
    expect((await sa.alerts.states.listByRule(1)).map((s) => s.state)).toEqual(['nodata']);

    const before = slack.calls.length;
    clock.set(T0 + 6 * 5 * MIN);
    await storeTick(sa, clock().getTime(), { campaigns, cms: Object.fromEntries(ids.map((id) => [id, [400, 300, 2]])) });
    await Promise.all([a.evaluate(), b.evaluate()]);
    const back = callsSince(slack, before);
    expect(back.top).toHaveLength(0);
    expect(back.edits).toHaveLength(1);
    expect(text(back.edits[0])).toContain('data is back');
    expect(back.replies).toHaveLength(1);
    expect(text(back.replies[0])).toContain('Data is back at 10:30');
    expect(await sa.alerts.notices.get('cms')).toMatchObject({ state: 'ok' });
    expect((await sa.alerts.notices.get('cms'))?.messageTs).toBeUndefined();
  });

  it('a campaign that stops running resolves its alert with that reason; `all` follows each campaign', async () => {
    const db = await backend.fresh();
    const store = await db.open();
    const engine = engineFor(store, slack, clock);
    const rule = await store.alerts.create(ruleInput({ scope: 'all', scopeId: null, forS: 0, createdAt: T0 }));
    clock.set(T0);
    const mark = slack.calls.length;
    await storeTick(store, T0, { campaigns: { c1: 2, c2: 2, c3: 3 }, stats: { c1: [400, 124], c2: [400, 100], c3: [400, 10] } });
    await engine.evaluate();
    expect(callsSince(slack, mark).top).toHaveLength(2);
    expect((await store.alerts.states.listByRule(rule.id)).map((s) => `${s.subject}:${s.state}`)).toEqual(['c1:firing', 'c2:firing']);
    clock.set(T0 + 5 * MIN);
    await storeTick(store, clock().getTime(), { campaigns: { c1: 3, c2: 2, c3: 3 }, stats: { c1: [400, 124], c2: [400, 100], c3: [400, 10] } });
    await engine.evaluate();
    const { top, replies } = callsSince(slack, mark);
    expect(top).toHaveLength(2);
    expect(replies).toHaveLength(1);
    expect(text(replies[0])).toContain('campaign paused');
    expect(await store.alerts.states.get(rule.id, 'c1')).toMatchObject({ state: 'resolved', reason: 'campaign paused' });
  });

  it('acknowledge and mute: the message shows them; muted posts nothing; the end of a mute reminds once', async () => {
    const db = await backend.fresh();
    const store = await db.open();
    const engine = engineFor(store, slack, clock);
    const rule = await store.alerts.create(ruleInput({ forS: 0, repeatS: 4 * 3600, createdAt: T0 }));
    clock.set(T0);
    await storeTick(store, T0, collapsed);
    await engine.evaluate();
    let mark = slack.calls.length;
    await engine.mute(rule.id, T0 + 60 * MIN, 'U0ADMIN');
    let c = callsSince(slack, mark);
    expect(text(c.edits[0])).toContain('Muted until 11:00');
    expect(text(c.replies[0])).toContain('Muted until 11:00');
    mark = slack.calls.length;
    for (let i = 1; i <= 13; i++) {
      clock.set(T0 + i * 5 * MIN);
      await storeTick(store, clock().getTime(), collapsed);
      await engine.evaluate();
    }
    c = callsSince(slack, mark);
    // Silence until 11:00; at 11:00 exactly one reminder, then silence again.
    expect(c.top).toHaveLength(0);
    expect(c.replies).toHaveLength(1);
    expect(text(c.replies[0])).toContain('Still firing');
    expect(c.replies[0]!.at.getTime()).toBeGreaterThan(0);

    mark = slack.calls.length;
    expect(await engine.acknowledge(rule.id, 'c1', 'U0ALICE')).toEqual({ status: 'acknowledged' });
    expect(await engine.acknowledge(rule.id, 'c1', 'U0BOB')).toEqual({ status: 'already', by: 'U0ALICE' });
    c = callsSince(slack, mark);
    expect(text(c.edits[0])).toContain('Acknowledged by <@U0ALICE>');
    expect(text(c.replies[0])).toContain('Acknowledged by <@U0ALICE>');
    expect(await engine.acknowledge(rule.id, 'nope', 'U0ALICE')).toEqual({ status: 'not-firing' });
  });
});

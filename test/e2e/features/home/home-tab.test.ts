/**
 * The Home tab end to end: a signed `app_home_opened` publishes the user's view (views.publish,
 * checked by the fake as Slack checks it); a firing alert appears with Acknowledge and Mute…,
 * which go through the alert buttons' own listeners and checks; Mute… picks a duration in a modal;
 * when the mute ends while the alert still fires, its thread says so; refreshes reach only recent
 * viewers and only when their view changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import type { FakeView } from '../../../../local/fakeslack/index.js';
import type { SimCampaign } from '../../../../local/sim/campaigns.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';
import { DAY_START, env, healthyCampaign, MIN, said, slackSince, START, tickAfter, TZ, waitFor } from '../../../support/alerts-e2e.js';
import { viewsE2E, type ViewsE2E } from '../../../support/views-e2e.js';

const text = (v: FakeView | undefined) => blocksText(v?.view['blocks'] as unknown[]);
const actionIds = (v: FakeView) => JSON.stringify(v.view['blocks']).match(/"action_id":"[a-z_]+"/g) ?? [];
const publishes = (e2e: E2E, user: string, mark = 0) => e2e.slack.calls.slice(mark).filter((c) => c.method === 'views.publish' && c.body['user_id'] === user);

describe('the Home tab', () => {
  const clock = manualClock(START);
  let e2e: E2E;
  let v: ViewsE2E;
  let c: SimCampaign;

  beforeAll(async () => {
    e2e = await startE2E({ clock, env: env(), sim: { timeZone: TZ } });
    v = viewsE2E(e2e);
    c = healthyCampaign(e2e, clock);
    await tickAfter(e2e.bot, clock, 0);
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('app_home_opened publishes the user’s view: nothing firing, the sources, New alert and New digest', async () => {
    const { home } = await v.openHome('UADMIN');
    expect(home.type).toBe('home');
    const shown = text(home);
    expect(shown).toContain('Nothing is firing');
    expect(shown).toMatch(/CC-iSales campaign list\*: OK/);
    expect(shown).toMatch(/CC-CMS real-time\*: OK/);
    expect(actionIds(home)).toEqual(expect.arrayContaining(['"action_id":"alert_new"', '"action_id":"digest_new"']));
    const published = publishes(e2e, 'UADMIN').at(-1)!;
    expect((published.body['view'] as { blocks: unknown[] }).blocks.length).toBeLessThanOrEqual(100);
  });

  it('a user who may not add rules sees no New buttons, and the buttons refuse them anyway', async () => {
    const { home } = await v.openHome('U0ALICE');
    expect(actionIds(home)).not.toContain('"action_id":"alert_new"');
    expect(text(home)).toMatch(/Only the bot’s administrators can add alerts and digests/);
    // A crafted click on New alert gets the permission table's refusal in a modal.
    const r = await v.click(home, 'U0ALICE', { action_id: 'alert_new', block_id: 'home_new', value: 'new' }, { expect: 'views.open' });
    expect(r.status).toBe(200);
    expect(text(e2e.slack.views.modals({ user: 'U0ALICE' }).at(-1))).toMatch(/Only the bot's administrators can add alert rules/);
  });

  it('New alert on the Home tab opens the alert form', async () => {
    const home = e2e.slack.views.home('UADMIN')!;
    await v.click(home, 'UADMIN', { action_id: 'alert_new', value: 'new' }, { expect: 'views.open' });
    const form = e2e.slack.views.modals({ user: 'UADMIN', callbackId: 'alert_form' }).at(-1)!;
    const r = await v.submit(form, 'UADMIN', { threshold: '40', campaign: `8:${c.id}`, for: '5m', channel: 'COPS' });
    expect(r.answer['response_action']).toBe('update');
    expect(await e2e.bot.store.alerts.get(1)).toMatchObject({ threshold: 40, scopeId: String(c.id), channelId: 'COPS' });
  });

  it('a firing alert appears after the tick that fired it, with Acknowledge and Mute…', async () => {
    await e2e.bot.home.flush();
    const mark = e2e.slack.calls.length;
    e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
    await tickAfter(e2e.bot, clock);
    await tickAfter(e2e.bot, clock);
    expect((await e2e.bot.store.alerts.states.get(1, String(c.id)))?.state).toBe('firing');
    await e2e.bot.home.flush();
    // Both viewers get the change.
    expect(publishes(e2e, 'UADMIN', mark).length).toBeGreaterThanOrEqual(1);
    expect(publishes(e2e, 'U0ALICE', mark).length).toBeGreaterThanOrEqual(1);
    const home = e2e.slack.views.home('UADMIN')!;
    expect(text(home)).toMatch(/Firing now\* {2}· {2}1 alert/);
    expect(text(home)).toMatch(new RegExp(`Connection rate \\d+\\.\\d%\\* &lt; 40%  ·  campaign \\*.+\\* \\(\`${c.id}\`\\)`));
    expect(actionIds(home)).toEqual(expect.arrayContaining(['"action_id":"alert_ack"', '"action_id":"alert_mute_pick"', '"action_id":"alert_edit"']));
  });

  it('refreshes publish nothing when nothing changed', async () => {
    await e2e.bot.home.flush();
    const mark = e2e.slack.calls.length;
    e2e.bot.home.changed();
    await e2e.bot.home.flush();
    expect(publishes(e2e, 'UADMIN', mark)).toEqual([]);
  });

  it('Acknowledge on the Home tab goes through the alert button’s listener: the thread says who', async () => {
    const home = e2e.slack.views.home('U0ALICE')!;
    const mark = e2e.slack.calls.length;
    await v.click(home, 'U0ALICE', { action_id: 'alert_ack' }, { expect: 'chat.postMessage' });
    const s = slackSince(e2e, mark, 'COPS');
    expect(said(s.replies[0])).toMatch(/Acknowledged by <@U0ALICE>/);
    expect((await e2e.bot.store.alerts.states.get(1, String(c.id)))?.ackedBy).toBe('U0ALICE');
    // The refresh is asked for once the click's listener has finished, which may be after its post.
    await waitFor(() => (e2e.handled.every((h) => h.done) ? true : undefined), 'the click’s listener to finish');
    await e2e.bot.home.flush();
    expect(text(e2e.slack.views.home('U0ALICE'))).toContain(':eyes: <@U0ALICE>');
    expect(actionIds(e2e.slack.views.home('U0ALICE')!)).not.toContain('"action_id":"alert_ack"');
  });

  it('Mute… needs an admin; the refusal comes in a modal', async () => {
    const home = e2e.slack.views.home('U0ALICE')!;
    await v.click(home, 'U0ALICE', { action_id: 'alert_mute_pick' }, { expect: 'views.open' });
    expect(text(e2e.slack.views.modals({ user: 'U0ALICE' }).at(-1))).toMatch(/Only the bot's administrators can mute alerts/);
    expect((await e2e.bot.store.alerts.get(1))?.mutedUntil).toBeUndefined();
  });

  it('Mute… picks a duration; the alert message says so; the Home tab shows it', async () => {
    const home = e2e.slack.views.home('UADMIN')!;
    await v.click(home, 'UADMIN', { action_id: 'alert_mute_pick' }, { expect: 'views.open' });
    const picker = e2e.slack.views.modals({ user: 'UADMIN', callbackId: 'alert_mute_form' }).at(-1)!;
    expect(JSON.stringify(picker.view['blocks'])).toContain('"value":"tomorrow"');
    const mark = e2e.slack.calls.length;
    const r = await v.submit(picker, 'UADMIN', { length: '30m' });
    expect(r.answer['response_action']).toBe('update');
    expect(blocksText((r.answer['view'] as { blocks: unknown[] }).blocks)).toMatch(/Alert 1 muted until 11:40/);
    await waitFor(() => (slackSince(e2e, mark, 'COPS').replies.length > 0 ? true : undefined), 'the mute reply');
    expect(said(slackSince(e2e, mark, 'COPS').replies[0])).toMatch(/Muted until 11:40/);
    expect((await e2e.bot.store.alerts.get(1))?.mutedUntil).toBe(clock().getTime() + 30 * MIN);
    // Audited once the mute is done (after the form was answered).
    for (let i = 0; i < 100 && (await e2e.bot.store.audit.recent(1))[0]?.action !== 'alert.mute'; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await e2e.bot.store.audit.recent(1))[0]).toMatchObject({ action: 'alert.mute', userId: 'UADMIN', detail: expect.objectContaining({ via: 'picker' }) });
    await e2e.bot.home.flush();
    expect(text(e2e.slack.views.home('UADMIN'))).toMatch(/:mute: until 11:40/);
  });

  it('only users who opened the tab within the hour are refreshed', async () => {
    clock.advance(2 * 60 * MIN);
    await v.openHome('UADMIN');
    const mark = e2e.slack.calls.length;
    await e2e.slash('alert remove 1', { user: 'UADMIN' });
    await e2e.bot.home.flush();
    expect(publishes(e2e, 'UADMIN', mark)).toHaveLength(1);
    expect(publishes(e2e, 'U0ALICE', mark)).toEqual([]);
    expect(text(e2e.slack.views.home('UADMIN'))).toContain('No alert rules yet');
  });

  it('stays within 100 blocks however many rules there are', async () => {
    for (let i = 0; i < 60; i++) await e2e.bot.store.alerts.create({ metric: 'waiting', op: '>', threshold: 100 + i, clearValue: 90, scope: 'campaign', scopeId: String(c.id), vdn: 8, channelId: 'COPS', createdBy: i % 2 ? 'UADMIN' : 'UOTHER', createdAt: clock().getTime() });
    const { home } = await v.openHome('UADMIN');
    const blocks = home.view['blocks'] as unknown[];
    expect(blocks.length).toBeLessThanOrEqual(100);
    expect(text(home)).toMatch(/Alert rules\* {2}· {2}60 rules, yours first/);
    expect(text(home)).toMatch(/…and 35 more rules/);
    // Yours first: the 25 shown are the admin's 30, so someone else's rule 2 is left for `alert list`.
    expect(text(home).match(/\(yours\)/g)).toHaveLength(25);
    expect(text(home)).not.toContain('*Alert 2*');
  });
});

describe('a mute that ends while the alert still fires', () => {
  const clock = manualClock(START);
  let e2e: E2E;
  let v: ViewsE2E;

  beforeAll(async () => {
    e2e = await startE2E({ clock, env: env(), sim: { timeZone: TZ } });
    v = viewsE2E(e2e);
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('muted with the picker from the alert message; the thread says when the mute ended', async () => {
    const c = healthyCampaign(e2e, clock);
    await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:0 repeat:off <#COPS|ops>`, { user: 'UADMIN' });
    e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
    await tickAfter(e2e.bot, clock, 0);
    const alert = slackSince(e2e, 0, 'COPS').top[0]!;
    expect(JSON.stringify(alert.body.blocks)).toContain('"action_id":"alert_mute_pick"');
    // The message's Mute… opens the picker (no response URL needed: it answers in a modal).
    const value = JSON.stringify({ r: 1, s: String(c.id) });
    const mark = e2e.slack.calls.length;
    const click = await e2e.click({ action_id: 'alert_mute_pick', value, user: 'UADMIN', channel: 'COPS' }, { expect: 0 });
    expect(click.status).toBe(200);
    await v.nextCall('views.open', mark);
    const picker = e2e.slack.views.modals({ callbackId: 'alert_mute_form' }).at(-1)!;
    expect((await v.submit(picker, 'UADMIN', { length: '30m' })).answer['response_action']).toBe('update');
    const muted = e2e.slack.calls.length;
    for (let i = 0; i < 7; i++) await tickAfter(e2e.bot, clock); // to 11:35; the mute ends at 11:30
    const s = slackSince(e2e, muted, 'COPS');
    expect(s.top).toHaveLength(0);
    const reminders = s.replies.filter((x) => said(x).includes('Still firing'));
    expect(reminders).toHaveLength(1);
    expect(said(reminders[0])).toMatch(/The mute ended at 11:30\. :repeat: Still firing for 30m 00s/);
  });
});

/**
 * The alert form end to end: `/aicc alert add` with no arguments opens it (views.open with the
 * command's trigger id), the campaign picker searches the campaign list (block_suggestion), bad
 * values come back on their fields (`response_action: errors`) with the command's own wording,
 * Preview replays the rule over the stored history (views.update of the open form), a submission
 * saves the rule, audits it and turns the form into a confirmation with the backtest, and Edit
 * opens it prefilled and saves in place. Same permissions as the command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import type { FakeView } from '../../../../local/fakeslack/index.js';
import type { SimCampaign } from '../../../../local/sim/campaigns.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';
import { DAY_START, env, healthyCampaign, START, tickAfter, TZ } from '../../../support/alerts-e2e.js';
import { viewsE2E, type ViewsE2E } from '../../../support/views-e2e.js';

const viewText = (v: FakeView | undefined) => blocksText(v?.view['blocks'] as unknown[]);
const answerText = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');

describe('the alert form', () => {
  const clock = manualClock(START);
  let e2e: E2E;
  let v: ViewsE2E;
  let c: SimCampaign;
  let form: FakeView;

  beforeAll(async () => {
    e2e = await startE2E({ clock, env: env(), sim: { timeZone: TZ } });
    v = viewsE2E(e2e);
    c = healthyCampaign(e2e, clock);
    // Some history for the preview: healthy, then the campaign collapses.
    await tickAfter(e2e.bot, clock, 0);
    e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
    for (let i = 0; i < 5; i++) await tickAfter(e2e.bot, clock);
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('`/aicc alert add` with no arguments refuses a non-admin as the command does', async () => {
    const r = await e2e.slash('alert add', { user: 'U0ALICE' });
    expect(answerText(r)).toMatch(/Only the bot's administrators can add alert rules/);
    expect(e2e.slack.calls.some((x) => x.method === 'views.open')).toBe(false);
  });

  it('opens the form for an admin, with the channel the command was typed in', async () => {
    const r = await v.openByCommand('alert add', { user: 'UADMIN', channel: 'COPS' });
    expect(r.status).toBe(200);
    form = r.opened!;
    expect(form.view['callback_id']).toBe('alert_form');
    expect((form.view['title'] as { text: string }).text).toBe('New alert');
    const open = e2e.slack.calls.find((x) => x.method === 'views.open')!;
    expect(typeof open.body['trigger_id']).toBe('string');
    const channel = (form.view['blocks'] as Array<Record<string, any>>).find((b) => b['block_id'] === 'channel')!;
    expect(channel['element']['initial_conversation']).toBe('COPS');
  });

  it('the campaign picker searches the collected campaign list', async () => {
    const found = await v.suggest({ view: form, user: 'UADMIN', action_id: 'pick_campaign', block_id: 'campaign', value: c.name.slice(0, 4) });
    expect(found.status).toBe(200);
    expect(found.options.map((o) => o.value)).toContain(`8:${c.id}`);
    expect(found.options.find((o) => o.value === `8:${c.id}`)!.text).toContain(c.name.slice(0, 20));
    const byId = await v.suggest({ view: form, user: 'UADMIN', action_id: 'pick_campaign', block_id: 'campaign', value: String(c.id) });
    expect(byId.options).toHaveLength(1);
    const bots = await v.suggest({ view: form, user: 'UADMIN', action_id: 'pick_bot', block_id: 'bot', value: '9433708' });
    expect(bots.options[0]).toEqual({ value: '9433708', text: 'Use access code 9433708' });
  });

  it('shows bad values on their fields, in the command’s words', async () => {
    const r = await v.submit(form, 'UADMIN', { threshold: 'forty', for: '10 minutes', scope: 'campaign', repeat: 'sometimes' });
    expect(r.status).toBe(200);
    expect(r.answer['response_action']).toBe('errors');
    const errors = r.answer['errors'] as Record<string, string>;
    expect(errors['threshold']).toBe('Must be a number such as 40 or 40% (rates are in percent)');
    expect(errors['for']).toMatch(/^Must be a duration such as 10m, 4h or 1h30m/);
    expect(errors['repeat']).toMatch(/or off/);
    expect(errors['campaign']).toBe('Pick the campaign to watch');
    expect(e2e.slack.views.get(form.id)!.errors).toEqual(errors);

    const crossed = await v.submit(form, 'UADMIN', { threshold: '40', for: '10m', repeat: '', campaign: `8:${c.id}`, clear: '30' });
    expect((crossed.answer['errors'] as Record<string, string>)['clear']).toBe('Clear must be on the healthy side of the threshold: at least 40');
    const wrongScope = await v.submit(form, 'UADMIN', { metric: 'autonomy_rate', clear: '' });
    expect((wrongScope.answer['errors'] as Record<string, string>)['scope']).toMatch(/autonomy_rate watches voice bots/);
  });

  it('Preview replays the rule as entered over the stored history, keeping what was typed', async () => {
    const mark = e2e.slack.calls.length;
    const r = await v.click(form, 'UADMIN', { action_id: 'alert_form_preview' }, { expect: 'views.update', inputs: { metric: 'connection_rate', threshold: '40', for: '5m', campaign: `8:${c.id}`, clear: '' } });
    expect(r.status).toBe(200);
    const update = r.calls.find((x) => x.method === 'views.update')!;
    expect(update.body['view_id']).toBe(form.id);
    expect(update.body['hash']).toBe(form.hash);
    const shown = e2e.slack.views.get(form.id)!;
    expect(viewText(shown)).toMatch(/Preview:\* `connection_rate` &lt; 40% {2}· {2}for 5m/);
    expect(viewText(shown)).toMatch(/1 incident\* in the last 7 days/);
    expect(viewText(shown)).toContain('still firing');
    // What was typed survives the update (Slack keeps inputs with the same ids).
    expect((shown.state.values['threshold']!['threshold'] as { value: string }).value).toBe('40');
    expect(e2e.slack.calls.slice(mark).filter((x) => x.method.startsWith('chat.'))).toEqual([]);
    form = shown;
  });

  it('a submission saves the rule, audits it, and shows its backtest in the confirmation', async () => {
    const mark = e2e.slack.calls.length;
    const r = await v.submit(form, 'UADMIN', { mention_other: '@here' });
    expect(r.answer['response_action']).toBe('update');
    const rule = (await e2e.bot.store.alerts.list()).at(-1)!;
    expect(rule).toMatchObject({ metric: 'connection_rate', op: '<', threshold: 40, scope: 'campaign', scopeId: String(c.id), vdn: 8, forS: 300, clearValue: 45, minVolume: 50, repeatS: 14_400, channelId: 'COPS', mention: '<!here>', createdBy: 'UADMIN' });
    expect(blocksText((r.answer['view'] as { blocks: unknown[] }).blocks)).toMatch(new RegExp(`Alert ${rule.id} added`));
    const update = await v.nextCall('views.update', mark);
    expect(update.body['view_id']).toBe(form.id);
    expect(viewText(e2e.slack.views.get(form.id))).toMatch(/1 incident\*/);
    const audit = await e2e.bot.store.audit.recent(5);
    expect(audit.find((a) => a.action === 'alert.add' && a.target === `alert:${rule.id}`)?.userId).toBe('UADMIN');
  });

  it('a non-admin cannot save through a crafted submission either', async () => {
    const r = await v.submit(form, 'U0ALICE');
    expect(r.answer['response_action']).toBe('errors');
    expect((r.answer['errors'] as Record<string, string>)['metric']).toMatch(/Only the bot's administrators can add alert rules/);
  });

  it('Edit opens the rule prefilled; saving changes it in place', async () => {
    const rule = (await e2e.bot.store.alerts.list()).at(-1)!;
    const { home } = await v.openHome('UADMIN');
    expect(viewText(home)).toContain(`Alert ${rule.id}`);
    const r = await v.click(home, 'UADMIN', { action_id: 'alert_edit', value: String(rule.id) }, { expect: 'views.open' });
    expect(r.status).toBe(200);
    const edit = e2e.slack.views.modals({ user: 'UADMIN', callbackId: 'alert_form' }).at(-1)!;
    expect((edit.view['title'] as { text: string }).text).toBe(`Edit alert ${rule.id}`);
    const blocks = edit.view['blocks'] as Array<Record<string, any>>;
    expect(blocks.find((b) => b['block_id'] === 'threshold')!['element']['initial_value']).toBe('40');
    expect(blocks.find((b) => b['block_id'] === 'for')!['element']['initial_value']).toBe('5m');
    expect(blocks.find((b) => b['block_id'] === 'campaign')!['element']['initial_option']['value']).toBe(`8:${c.id}`);
    const saved = await v.submit(edit, 'UADMIN', { threshold: '30', repeat: 'off' });
    expect(saved.answer['response_action']).toBe('update');
    const after = await e2e.bot.store.alerts.get(rule.id);
    expect(after).toMatchObject({ threshold: 30, repeatS: 0, clearValue: 45, forS: 300 });
    expect((await e2e.bot.store.alerts.list()).length).toBe(1);
    expect((await e2e.bot.store.audit.recent(1))[0]).toMatchObject({ action: 'alert.edit', userId: 'UADMIN' });
  });

  it('an edit that changes what is watched replaces the rule', async () => {
    const rule = (await e2e.bot.store.alerts.list()).at(-1)!;
    const { home } = await v.openHome('UADMIN');
    await v.click(home, 'UADMIN', { action_id: 'alert_edit', value: String(rule.id) }, { expect: 'views.open' });
    const edit = e2e.slack.views.modals({ user: 'UADMIN', callbackId: 'alert_form' }).at(-1)!;
    const saved = await v.submit(edit, 'UADMIN', { scope: 'all' });
    expect(saved.answer['response_action']).toBe('update');
    expect(blocksText((saved.answer['view'] as { blocks: unknown[] }).blocks)).toMatch(new RegExp(`Alert ${rule.id} watched something else, so it was replaced by alert ${rule.id + 1}`));
    expect(await e2e.bot.store.alerts.get(rule.id)).toBeUndefined();
    expect(await e2e.bot.store.alerts.get(rule.id + 1)).toMatchObject({ scope: 'all', threshold: 30, createdBy: 'UADMIN' });
  });

  it('the typed command keeps working beside the form', async () => {
    const r = await e2e.slash(`alert add waiting > 200 campaign:${c.id}`, { user: 'UADMIN' });
    expect(answerText(r)).toMatch(/Alert \d+ added/);
  });
});

/**
 * The digest form end to end: `/aicc digest add` with no arguments opens it; the time-zone and
 * campaign pickers answer block_suggestion; bad values come back on their fields; a submission
 * creates the subscription with the command's own validators; Edit (Home tab) saves in place; the
 * typed command with arguments still subscribes directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import type { FakeView } from '../../../../local/fakeslack/index.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';
import { env, START, tickAfter, TZ } from '../../../support/alerts-e2e.js';
import { viewsE2E, type ViewsE2E } from '../../../support/views-e2e.js';

const answerText = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');

describe('the digest form', () => {
  const clock = manualClock(START);
  let e2e: E2E;
  let v: ViewsE2E;
  let form: FakeView;
  let campaignId: string;

  beforeAll(async () => {
    e2e = await startE2E({ clock, env: env(), sim: { timeZone: TZ } });
    v = viewsE2E(e2e);
    await tickAfter(e2e.bot, clock, 0);
    campaignId = String(e2e.sim.world.campaigns(8)[0]!.id);
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('opens on `/aicc digest add` with no arguments, defaulting to this channel, 09:00, Mon–Fri and the bot’s zone', async () => {
    const r = await v.openByCommand('digest add', { user: 'UADMIN', channel: 'COPS' });
    form = r.opened!;
    expect(form.view['callback_id']).toBe('digest_form');
    const blocks = form.view['blocks'] as Array<Record<string, any>>;
    const el = (id: string) => blocks.find((b) => b['block_id'] === id)!['element'];
    expect(el('channel')['initial_conversation']).toBe('COPS');
    expect(el('at')).toMatchObject({ type: 'timepicker', initial_time: '09:00' });
    expect(el('days')['initial_options'].map((o: { value: string }) => o.value)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(el('tz')['initial_option']['value']).toBe(TZ);
    expect(await e2e.bot.store.digests.list()).toEqual([]);
  });

  it('the time-zone picker searches IANA zones; the campaign picker the campaign list', async () => {
    const zones = await v.suggest({ view: form, user: 'UADMIN', action_id: 'pick_time_zone', block_id: 'tz', value: 'new york' });
    expect(zones.options).toEqual([{ value: 'America/New_York', text: 'America/New York' }]);
    const campaigns = await v.suggest({ view: form, user: 'UADMIN', action_id: 'pick_campaign', block_id: 'campaigns', value: '' });
    expect(campaigns.options.length).toBeGreaterThan(5);
    expect(campaigns.options.map((o) => o.value)).toContain(`8:${campaignId}`);
  });

  it('refuses an empty week and a zone that is not one, on their fields', async () => {
    const r = await v.submit(form, 'UADMIN', { days: [], tz: 'Mars/Olympus' });
    expect(r.answer).toEqual({ response_action: 'errors', errors: { days: 'Pick at least one day', tz: 'Must be an IANA time zone such as Asia/Shanghai or America/New_York' } });
    expect(await e2e.bot.store.digests.list()).toEqual([]);
  });

  it('refuses campaigns the VDN does not have, on their field, as the command does', async () => {
    const r = await v.submit(form, 'UADMIN', { days: ['mon'], campaigns: ['8:999', `8:${campaignId}`] });
    expect(r.answer).toEqual({ response_action: 'errors', errors: { campaigns: 'VDN 8 has no campaign `999`' } });
    expect(await e2e.bot.store.digests.list()).toEqual([]);
  });

  it('creates the subscription from the form, audited', async () => {
    const r = await v.submit(form, 'UADMIN', { days: ['sat', 'sun'], tz: 'America/New_York', at: '08:30', campaigns: [`8:${campaignId}`], bots: ['943370855474270208'], when: 'changed' });
    expect(r.answer['response_action']).toBe('update');
    expect(blocksText((r.answer['view'] as { blocks: unknown[] }).blocks)).toMatch(/Digest 1 added/);
    const [sub] = await e2e.bot.store.digests.list();
    expect(sub).toMatchObject({ id: 1, channelId: 'COPS', vdn: 8, at: '08:30', days: 'sat,sun', timeZone: 'America/New_York', campaigns: [campaignId], bots: ['943370855474270208'], whenMode: 'changed', createdBy: 'UADMIN' });
    expect((await e2e.bot.store.audit.recent(1))[0]).toMatchObject({ action: 'digest.add', userId: 'UADMIN', target: 'digest:1' });
  });

  it('Edit on the Home tab opens it prefilled and saves in place', async () => {
    const { home } = await v.openHome('UADMIN');
    expect(blocksText(home.view['blocks'] as unknown[])).toMatch(/Digest 1\* \(yours\)/);
    await v.click(home, 'UADMIN', { action_id: 'digest_edit', value: '1' }, { expect: 'views.open' });
    const edit = e2e.slack.views.modals({ user: 'UADMIN', callbackId: 'digest_form' }).at(-1)!;
    const blocks = edit.view['blocks'] as Array<Record<string, any>>;
    expect(blocks.find((b) => b['block_id'] === 'campaigns')!['element']['initial_options'][0]['value']).toBe(`8:${campaignId}`);
    expect(blocks.find((b) => b['block_id'] === 'campaigns')!['element']['initial_options'][0]['text']['text']).not.toBe(`Campaign ${campaignId}`);
    const r = await v.submit(edit, 'UADMIN', { at: '07:00', campaigns: [] });
    expect(r.answer['response_action']).toBe('update');
    expect(await e2e.bot.store.digests.get(1)).toMatchObject({ at: '07:00', campaigns: 'all', days: 'sat,sun' });
  });

  it('a non-admin is refused as by the command, and the typed command still works', async () => {
    expect(answerText(await e2e.slash('digest add', { user: 'U0ALICE' }))).toMatch(/Only the bot's administrators can add digests/);
    const typed = await e2e.slash('digest add <#COPS|ops> at:10:00 days:daily', { user: 'UADMIN' });
    expect(answerText(typed)).toMatch(/Digest 2 added/);
  });
});

/** The fake Slack's views: Slack's checks on modals and Home tabs, trigger ids, hashes, and typed values kept across updates. */
import { describe, expect, it } from 'vitest';
import { renderAlertForm } from '../../../../src/features/alerts/form.js';
import { renderDigestForm } from '../../../../src/features/digests/form.js';
import { LOCALES, translator } from '../../../../src/i18n/index.js';
import { stateValues } from '../../../../local/fakeslack/interactions.js';
import { viewProblems, ViewStore } from '../../../../local/fakeslack/views.js';

const modal = (extra: Record<string, unknown> = {}) => ({ type: 'modal', title: { type: 'plain_text', text: 'New alert' }, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }], ...extra });
const input = (blockId: string, element: Record<string, unknown>) => ({ type: 'input', block_id: blockId, label: { type: 'plain_text', text: blockId }, element });

describe('viewProblems', () => {
  it.each(LOCALES)('accepts the bot’s own forms (%s)', (locale) => {
    const tr = translator(locale);
    expect(viewProblems(renderAlertForm({ meta: { channelId: 'C0OPS' }, vdnIds: [8, 9], tr }), 'modal')).toEqual([]);
    expect(viewProblems(renderDigestForm(tr, { meta: {}, vdnIds: [8], defaultTimeZone: 'Asia/Shanghai' }), 'modal')).toEqual([]);
  });

  it('refuses what Slack refuses', () => {
    expect(viewProblems(modal({ title: { type: 'plain_text', text: 'A title that is far too long' } }), 'modal').join()).toMatch(/1 to 24 characters/);
    expect(viewProblems(modal({ blocks: [input('x', { type: 'plain_text_input', action_id: 'x' })] }), 'modal').join()).toMatch(/submit is required/);
    expect(viewProblems({ type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }, 'home').join()).toMatch(/less than 101 items/);
    expect(viewProblems(modal(), 'home').join()).toMatch(/type must be home/);
    const many = Array.from({ length: 101 }, (_, i) => ({ text: { type: 'plain_text', text: `o${i}` }, value: `${i}` }));
    expect(viewProblems(modal({ submit: { type: 'plain_text', text: 'Go' }, blocks: [input('x', { type: 'static_select', action_id: 'x', options: many })] }), 'modal').join()).toMatch(/at most 100 items/);
    expect(viewProblems(modal({ private_metadata: 'x'.repeat(3001) }), 'modal').join()).toMatch(/3000 characters/);
  });
});

describe('ViewStore', () => {
  it('opens with a fresh trigger id once; an old or reused one is refused', () => {
    const views = new ViewStore();
    const trigger = views.trigger('U1');
    expect(views.call('views.open', { trigger_id: trigger, view: modal() })).toMatchObject({ ok: true });
    expect(views.modals({ user: 'U1' })).toHaveLength(1);
    expect(views.call('views.open', { trigger_id: trigger, view: modal() })).toEqual({ ok: false, error: 'exchanged_trigger_id' });
    expect(views.call('views.open', { trigger_id: `${Date.now() - 4000}.abc`, view: modal() })).toEqual({ ok: false, error: 'expired_trigger_id' });
  });

  it('updates only with the current hash, keeping what was typed into inputs that stay', () => {
    const views = new ViewStore();
    const form = modal({ submit: { type: 'plain_text', text: 'Save' }, blocks: [input('a', { type: 'plain_text_input', action_id: 'a' }), input('b', { type: 'plain_text_input', action_id: 'b' })] });
    const opened = views.call('views.open', { trigger_id: views.trigger('U1'), view: form }) as unknown as { view: { id: string; hash: string } };
    const v = views.get(opened.view.id)!;
    views.setValues(v.id, stateValues(v, { a: 'kept', b: 'dropped' }));
    expect(views.call('views.update', { view_id: v.id, hash: 'stale', view: form })).toEqual({ ok: false, error: 'hash_conflict' });
    const next = modal({ submit: { type: 'plain_text', text: 'Save' }, blocks: [input('a', { type: 'plain_text_input', action_id: 'a' })] });
    expect(views.call('views.update', { view_id: v.id, hash: v.hash, view: next })).toMatchObject({ ok: true });
    expect(views.get(v.id)!.state.values).toEqual({ a: { a: { type: 'plain_text_input', value: 'kept' } } });
  });

  it('applies a submission’s answer: errors on fields, an update, or closing', () => {
    const views = new ViewStore();
    const opened = views.call('views.open', { trigger_id: views.trigger('U1'), view: modal() }) as unknown as { view: { id: string } };
    views.applySubmissionResponse(opened.view.id, { response_action: 'errors', errors: { a: 'Required' } });
    expect(views.get(opened.view.id)!.errors).toEqual({ a: 'Required' });
    views.applySubmissionResponse(opened.view.id, { response_action: 'update', view: modal({ title: { type: 'plain_text', text: 'Saved' } }) });
    expect(views.get(opened.view.id)).toMatchObject({ closed: false, view: { title: { text: 'Saved' } } });
    views.applySubmissionResponse(opened.view.id, {});
    expect(views.modals()).toEqual([]);
  });

  it('publishes one Home tab per user', () => {
    const views = new ViewStore();
    expect(views.call('views.publish', { user_id: 'U1', view: { type: 'home', blocks: [] } })).toMatchObject({ ok: true });
    expect(views.call('views.publish', { user_id: 'U1', view: { type: 'home', blocks: [{ type: 'divider' }] } })).toMatchObject({ ok: true });
    expect(views.home('U1')!.view['blocks']).toHaveLength(1);
    expect(views.call('views.publish', { user_id: 'nobody', view: { type: 'home', blocks: [] } })).toEqual({ ok: false, error: 'user_not_found' });
  });
});

/**
 * The HTTP front and the request gate for the payloads views bring: view submissions, option
 * requests and events are accepted in the shape the bot reads and only for the callback ids,
 * action ids and event types some listener registered; anything else is turned away before a
 * listener runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appHomeOpenedBody, blockSuggestionBody, viewSubmissionBody } from '../../../local/fakeslack/index.js';
import { payloadProblem } from '../../../src/slack/http-front.js';
import { startE2E, type E2E } from '../../support/e2e.js';
import { viewsE2E, type ViewsE2E } from '../../support/views-e2e.js';

const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const FORM = 'application/x-www-form-urlencoded';

describe('payloadProblem: the shapes of view payloads', () => {
  it('accepts a submission, an options request and app_home_opened as Slack sends them', () => {
    const view = { id: 'V1', type: 'modal', view: { callback_id: 'alert_form', blocks: [] }, hash: 'h' };
    expect(payloadProblem(viewSubmissionBody({ view, values: {}, user: 'U1' }), FORM)).toBeUndefined();
    expect(payloadProblem(blockSuggestionBody({ user: 'U1', action_id: 'pick_campaign', block_id: 'campaign', value: '' }), FORM)).toBeUndefined();
    expect(payloadProblem(appHomeOpenedBody({ user: 'U1' }), 'application/json')).toBeUndefined();
    expect(payloadProblem(form({ type: 'view_closed', user: { id: 'U1' }, view: { id: 'V1', callback_id: 'x' } }), FORM)).toBeUndefined();
  });

  it('refuses them without what the bot reads', () => {
    expect(payloadProblem(form({ type: 'view_submission', user: { id: 'U1' }, view: { callback_id: 'alert_form', state: { values: {} } } }), FORM)).toMatch(/view id/);
    expect(payloadProblem(form({ type: 'view_submission', user: { id: 'U1' }, view: { id: 'V1', callback_id: 'alert_form' } }), FORM)).toMatch(/state values/);
    expect(payloadProblem(form({ type: 'view_submission', view: { id: 'V1', callback_id: 'a', state: { values: {} } } }), FORM)).toMatch(/without a user/);
    expect(payloadProblem(form({ type: 'block_suggestion', user: { id: 'U1' }, action_id: 'pick_campaign' }), FORM)).toMatch(/value/);
    expect(payloadProblem(JSON.stringify({ type: 'event_callback' }), 'application/json')).toMatch(/without a type/);
    expect(payloadProblem(JSON.stringify({ type: 'event_callback', event: { type: 'app_home_opened' } }), 'application/json')).toMatch(/without a user/);
  });
});

describe('the gate: only what a listener registered', () => {
  let e2e: E2E;
  let v: ViewsE2E;
  beforeAll(async () => {
    e2e = await startE2E();
    v = viewsE2E(e2e);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a submission of a view no listener knows is refused with 400', async () => {
    const view = { id: 'V1', type: 'modal', view: { callback_id: 'someone_elses_form', blocks: [] }, hash: 'h' };
    expect((await v.send(viewSubmissionBody({ view, values: {}, user: 'U1' }))).status).toBe(400);
  });

  it('an options request for an unknown select is refused; a known one answers', async () => {
    expect((await v.suggest({ user: 'U1', action_id: 'pick_anything', block_id: 'b', value: '' })).status).toBe(400);
    const zones = await v.suggest({ user: 'U1', action_id: 'pick_time_zone', block_id: 'tz', value: 'shanghai' });
    expect(zones).toEqual({ status: 200, options: [{ value: 'Asia/Shanghai', text: 'Asia/Shanghai' }] });
  });

  it('malformed and unsigned view payloads never reach a listener', async () => {
    const before = e2e.handled.length;
    expect((await v.send(form({ type: 'view_submission', user: { id: 'U1' }, view: { callback_id: 'alert_form' } }))).status).toBe(400);
    expect((await e2e.raw(appHomeOpenedBody({ user: 'U1' }), { 'content-type': 'application/json' })).status).toBe(401);
    expect(e2e.handled.length).toBe(before);
  });

  it('an event the bot did not subscribe to publishes nothing', async () => {
    const mark = e2e.slack.calls.length;
    const body = JSON.stringify({ type: 'event_callback', team_id: 'T0FAKE', api_app_id: 'A0AICC', event: { type: 'member_joined_channel', user: 'U1', channel: 'C1' }, event_id: 'Ev1', event_time: 1 });
    const res = await v.send(body, true);
    // Slack's events are acknowledged before listeners run; the gate then runs none.
    expect([200, 400]).toContain(res.status);
    await new Promise((r) => setTimeout(r, 100));
    expect(e2e.slack.calls.slice(mark).filter((c) => c.method.startsWith('views.'))).toEqual([]);
  });

  it('app_home_opened for the Messages tab publishes nothing', async () => {
    const mark = e2e.slack.calls.length;
    expect((await v.send(appHomeOpenedBody({ user: 'U1', tab: 'messages' }), true)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(e2e.slack.calls.slice(mark).filter((c) => c.method === 'views.publish')).toEqual([]);
  });
});

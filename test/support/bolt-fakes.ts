/**
 * Fakes of what Bolt hands a listener (`ack`, `respond`, the request body) and of the places
 * listeners register (the app's `command`, the ActionRegistry), so a handler test calls a listener
 * the way Bolt would, with no server and no Slack. Everything is recorded in one ordered list of
 * events, which the test's other fakes (AICC, digest service) may write to as well, so "ack comes
 * before any network call" is an assertion on that list.
 */
import type { App, BlockButtonAction, SlashCommand } from '@slack/bolt';
import type { ActionRegistry, ButtonListener } from '../../src/slack/actions.js';

/** A message a listener responded with, as Bolt's `respond` would send it to response_url. */
export type Responded = Record<string, unknown> & { response_type?: string; replace_original?: boolean; text?: string; blocks?: unknown[] };

export interface FakeReplies {
  /** In order: `ack`, `acked` (when the ack promise settled), `respond`, and whatever other fakes add. */
  events: string[];
  /** The messages passed to `respond`, in order. */
  responses: Responded[];
  ack(): Promise<void>;
  respond(message: object): Promise<void>;
}

/** A fake `ack` that settles a macrotask later (as Bolt's does, after writing the HTTP response), and a recording `respond`. */
export function fakeReplies(events: string[] = []): FakeReplies {
  const responses: Responded[] = [];
  return {
    events,
    responses,
    async ack() {
      events.push('ack');
      await new Promise((r) => setImmediate(r));
      events.push('acked');
    },
    async respond(message) {
      events.push('respond');
      responses.push(message as Responded);
    },
  };
}

type SlashListener = (args: { command: SlashCommand; ack: () => Promise<void>; respond: (m: object) => Promise<void> }) => Promise<void>;

export interface FakeCommandApp {
  /** Pass this to the code under test where it wants Bolt's App. */
  app: App;
  /** Runs the listener registered for `name` with a slash command from `user` in `channel`. */
  slash(name: string, text: string, replies: FakeReplies, where?: { user?: string; channel?: string }): Promise<void>;
}

/** An App that only records `app.command(name, listener)`. */
export function fakeCommandApp(): FakeCommandApp {
  const listeners = new Map<string, SlashListener>();
  const app = {
    command(name: string, listener: SlashListener) {
      listeners.set(name, listener);
    },
  } as unknown as App;
  return {
    app,
    async slash(name, text, replies, where = {}) {
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no listener for ${name}`);
      const command = {
        command: name,
        text,
        user_id: where.user ?? 'U0USER',
        channel_id: where.channel ?? 'C0GENERAL',
        response_url: 'https://hooks.slack.invalid/commands/1',
        trigger_id: 't1',
        team_id: 'T0TEAM',
      } as SlashCommand;
      await listener({ command, ack: () => replies.ack(), respond: (m) => replies.respond(m) });
    },
  };
}

export interface FakeActions extends ActionRegistry {
  /** Runs the listener registered for `actionId` as Bolt would for a button click. */
  click(actionId: string, click: { value?: string; user?: string; channel?: string }, replies: FakeReplies): Promise<void>;
}

/** An ActionRegistry that stores each listener, for `click` to call. */
export function fakeActions(): FakeActions {
  const ids = new Set<string>();
  const listeners = new Map<string, ButtonListener>();
  const views = new Set<string>();
  const optionIds = new Set<string>();
  const events = new Set<string>();
  return {
    ids,
    views,
    optionIds,
    events,
    on(actionId, listener) {
      ids.add(actionId);
      listeners.set(actionId, listener);
    },
    // Forms, option lists and events are tested end to end (test/e2e/features/forms), not here.
    view: (callbackId) => void views.add(callbackId),
    options: (actionId) => void optionIds.add(actionId),
    event: (type) => void events.add(type),
    async click(actionId, click, replies) {
      const listener = listeners.get(actionId);
      if (!listener) throw new Error(`no listener for ${actionId}`);
      const action = { type: 'button', action_id: actionId, block_id: 'b1', action_ts: '1.0', text: { type: 'plain_text', text: actionId }, value: click.value };
      const body = {
        type: 'block_actions',
        user: { id: click.user ?? 'U0USER', name: 'someone', team_id: 'T0TEAM' },
        channel: { id: click.channel ?? 'C0GENERAL', name: 'general' },
        team: { id: 'T0TEAM', domain: 'example' },
        actions: [action],
        response_url: 'https://hooks.slack.invalid/actions/1',
        trigger_id: 't1',
        api_app_id: 'A0APP',
        token: 'x',
        container: { type: 'message' },
      } as unknown as BlockButtonAction;
      const args = { ack: () => replies.ack(), respond: (m: object) => replies.respond(m), body, action, payload: action, next: async () => undefined };
      await listener(args as unknown as Parameters<ButtonListener>[0]);
    },
  };
}

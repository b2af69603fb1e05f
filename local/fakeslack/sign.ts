/**
 * Builds requests the way Slack sends them to an app: signed with the signing secret, and with
 * the bodies of a slash command and a block_actions interaction. Used by end-to-end tests and the
 * local console to drive a real Bolt receiver.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** Slack gives every request a trigger id of its own, so no two real request bodies are the same. */
const triggerId = () => `${Date.now()}.${randomBytes(6).toString('hex')}`;

export interface SignInput {
  /** The exact raw body that will be sent. */
  body: string;
  signingSecret: string;
  /** Seconds since the epoch; default now. Bolt refuses timestamps more than five minutes off. */
  timestamp?: number;
}

export interface SlackRequestHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
  'content-type': string;
  [name: string]: string;
}

/** Signs a body: `x-slack-signature` = `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function signSlackRequest(input: SignInput): SlackRequestHeaders {
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const hmac = createHmac('sha256', input.signingSecret).update(`v0:${timestamp}:${input.body}`).digest('hex');
  return {
    'x-slack-signature': `v0=${hmac}`,
    'x-slack-request-timestamp': timestamp,
    'content-type': 'application/x-www-form-urlencoded',
  };
}

export interface SlashCommandInput {
  command?: string;
  text: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  team_id?: string;
  team_domain?: string;
  response_url?: string;
  trigger_id?: string;
  api_app_id?: string;
  [field: string]: string | undefined;
}

/** The form-encoded body of a slash command, with Slack's fields filled in where not given. */
export function slashCommandBody(input: SlashCommandInput): string {
  const fields: Record<string, string | undefined> = {
    token: 'fake-verification-token',
    team_id: 'T0FAKE',
    team_domain: 'fake-workspace',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U0USER',
    user_name: 'user',
    command: '/aicc',
    api_app_id: 'A0AICC',
    is_enterprise_install: 'false',
    response_url: 'https://hooks.slack.com/commands/T0FAKE/1/fake',
    trigger_id: triggerId(),
    ...input,
  };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) params.set(k, v);
  return params.toString();
}

export interface BlockActionsInput {
  action_id: string;
  value?: string;
  block_id?: string;
  /** User id, or a user object. */
  user?: string | { id: string; username?: string; name?: string; team_id?: string };
  /** Channel id. */
  channel?: string;
  /** The message the button is on; absent for ephemeral messages, as in Slack. */
  message?: { ts: string; text?: string; blocks?: unknown[]; [k: string]: unknown };
  /** The ts of the message the button is on, when `message` is absent (ephemeral). */
  message_ts?: string;
  is_ephemeral?: boolean;
  response_url?: string;
  trigger_id?: string;
  team_id?: string;
  api_app_id?: string;
  /** Button label. */
  text?: string;
  [field: string]: unknown;
}

/** The `payload=` form body of a block_actions interaction for one button click. */
export function blockActionsBody(input: BlockActionsInput): string {
  const { action_id, value, block_id, user, channel, message, message_ts, is_ephemeral, response_url, trigger_id, team_id, api_app_id, text, ...extra } = input;
  const team = team_id ?? 'T0FAKE';
  const userObj = typeof user === 'object' ? user : { id: user ?? 'U0USER', username: 'user', name: 'user', team_id: team };
  const channelId = channel ?? 'C0GENERAL';
  const ts = message?.ts ?? message_ts ?? '1700000000.000100';
  const payload = {
    type: 'block_actions',
    user: userObj,
    api_app_id: api_app_id ?? 'A0AICC',
    token: 'fake-verification-token',
    container: { type: 'message', message_ts: ts, channel_id: channelId, is_ephemeral: is_ephemeral ?? message === undefined },
    trigger_id: trigger_id ?? triggerId(),
    team: { id: team, domain: 'fake-workspace' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'general' },
    ...(message ? { message: { type: 'message', user: 'U0AICCBOT', ...message } } : {}),
    state: { values: {} },
    response_url: response_url ?? 'https://hooks.slack.com/actions/T0FAKE/1/fake',
    actions: [
      {
        type: 'button',
        action_id,
        block_id: block_id ?? 'actions',
        text: { type: 'plain_text', text: text ?? action_id, emoji: true },
        ...(value !== undefined ? { value } : {}),
        action_ts: `${Math.floor(Number(ts))}.000001`,
      },
    ],
    ...extra,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

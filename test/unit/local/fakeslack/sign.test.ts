import { createHmac } from 'node:crypto';
import { isValidSlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { blockActionsBody, signSlackRequest, slashCommandBody } from '../../../../local/fakeslack/sign.js';

// Slack's own worked example ("Verifying requests from Slack"), checked with
// `printf 'v0:1531420618:%s' "$BODY" | openssl dgst -sha256 -hmac 8f742231b10e8888abcd99yyyzzz85a5`.
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';

describe('signSlackRequest', () => {
  it('matches the hand-computed HMAC of Slack\'s example', () => {
    const headers = signSlackRequest({ body: BODY, signingSecret: SECRET, timestamp: 1531420618 });
    expect(headers).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
      'content-type': 'application/x-www-form-urlencoded',
    });
  });

  it('is v0= + hex HMAC-SHA256 of v0:timestamp:body, and Bolt accepts it', () => {
    const body = slashCommandBody({ text: 'stats vdn:12' });
    const now = 1_800_000_000;
    const headers = signSlackRequest({ body, signingSecret: 's3cret', timestamp: now });
    expect(headers['x-slack-signature']).toBe(`v0=${createHmac('sha256', 's3cret').update(`v0:${now}:${body}`).digest('hex')}`);
    const verify = (secret: string) =>
      isValidSlackRequest({
        signingSecret: secret,
        body,
        headers: { 'x-slack-signature': headers['x-slack-signature'], 'x-slack-request-timestamp': now },
        nowMilliseconds: now * 1000,
      });
    expect(verify('s3cret')).toBe(true);
    expect(verify('other')).toBe(false);
  });
});

describe('request bodies', () => {
  it('slashCommandBody fills in Slack\'s fields', () => {
    const params = new URLSearchParams(slashCommandBody({ text: 'campaigns name:"a b"', user_id: 'U42', response_url: 'http://127.0.0.1/response/1' }));
    expect(params.get('command')).toBe('/aicc');
    expect(params.get('text')).toBe('campaigns name:"a b"');
    expect(params.get('user_id')).toBe('U42');
    expect(params.get('channel_id')).toBe('C0GENERAL');
    expect(params.get('response_url')).toBe('http://127.0.0.1/response/1');
    expect(params.get('trigger_id')).toBeTruthy();
  });

  it('blockActionsBody is a payload= form with one button action', () => {
    const body = blockActionsBody({ action_id: 'campaigns_next', value: '{"status":"all","page":2}', user: 'U42', channel: 'C1', message: { ts: '1700000000.000100', blocks: [] } });
    const payload = JSON.parse(new URLSearchParams(body).get('payload')!);
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: 'U42' },
      channel: { id: 'C1' },
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C1', is_ephemeral: false },
      message: { ts: '1700000000.000100', blocks: [] },
      actions: [{ type: 'button', action_id: 'campaigns_next', value: '{"status":"all","page":2}' }],
    });
    const ephemeral = JSON.parse(new URLSearchParams(blockActionsBody({ action_id: 'share_in_channel', message_ts: '1.2' })).get('payload')!);
    expect(ephemeral.message).toBeUndefined();
    expect(ephemeral.container).toMatchObject({ is_ephemeral: true, message_ts: '1.2' });
  });
});

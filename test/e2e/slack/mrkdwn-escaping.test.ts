/**
 * Every `<`, `>` and `&` the bot writes in mrkdwn is escaped, code blocks included: the answers to
 * every command, run end to end against the simulator, are searched for markup Slack would read
 * that the bot did not mean (only links, mentions and channel references it made on purpose).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../../support/e2e.js';

const ADMIN = 'U0ADMIN';
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ env: { BOT_ADMIN_USERS: ADMIN } });
  await e2e.bot.collector.tick();
  await e2e.bot.collector.settled();
});
afterAll(async () => {
  await e2e?.close();
});

/** Every mrkdwn string in a message: section and context texts and fields (plain_text is literal). */
function mrkdwnTexts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) mrkdwnTexts(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o['type'] === 'mrkdwn' && typeof o['text'] === 'string') out.push(o['text']);
    for (const [k, v] of Object.entries(o)) if (k !== 'text' || typeof v !== 'string') mrkdwnTexts(v, out);
  }
  return out;
}

/** Markup the bot makes on purpose: links, user/group/channel mentions, special mentions. */
const INTENDED = /<(?:https?:\/\/[^<>|\s]+(?:\|[^<>]*)?|@[UW][A-Z0-9]+(?:\|[^<>]*)?|#[CG][A-Z0-9]+(?:\|[^<>]*)?|!subteam\^[A-Z0-9]+(?:\|[^<>]*)?|!(?:here|channel|everyone)|!date\^[^<>]+)>/g;
const ENTITY = /&(?:lt|gt|amp);/g;

function problems(text: string): string[] {
  const rest = text.replace(INTENDED, '').replace(ENTITY, '');
  return [...rest.matchAll(/[<>&]/g)].map((m) => `${m[0]} in …${rest.slice(Math.max(0, m.index - 30), m.index + 30)}…`);
}

describe('mrkdwn escaping in every answer', () => {
  it('leaves no stray <, > or & in any command\'s answer', async () => {
    const world = e2e.sim.world;
    const campaign = world.campaigns(8).find((c) => c.status === 2)!;
    const bot = world.bots[0]!;
    const callId = world.sampleCallIds(8, campaign.id, 3)[0];
    await e2e.slash('digest add at:09:00', { user: ADMIN });
    await e2e.slash('alert add waiting > 500 all', { user: ADMIN });
    const commands = [
      'help', 'help alert add', 'campaigns all', 'campaigns paused', 'stats', `stats ${campaign.id}`, `task ${campaign.id}`,
      ...(callId ? [`call ${callId}`] : []), `bot ${bot.accessCode}`, `bot ${bot.accessCode} day`, 'digest list', 'alert list', 'alert test 1', 'status',
      'stats <!channel> & <b>', 'nonsense <@U1> & more',
    ];
    const found: string[] = [];
    for (const command of commands) {
      const answer = await e2e.slash(command, { user: ADMIN });
      for (const r of answer.responses) for (const t of mrkdwnTexts(r.body.blocks)) found.push(...problems(t).map((p) => `${command}: ${p}`));
    }
    expect(found).toEqual([]);
  });
});

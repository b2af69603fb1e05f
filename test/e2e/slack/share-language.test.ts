/**
 * Share in channel across languages, end to end: the button and its refusals speak the clicker's
 * language, the "Shared by" line the channel's, and the answer is posted as the sharer saw it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/platform/clock.js';
import { blocksText, startE2E, type E2E } from '../../support/e2e.js';

type Blocks = Array<{ type: string; block_id?: string; elements?: Array<{ action_id?: string; value?: string; text?: { text?: string } }> }>;

const clock = manualClock('2026-11-20T06:30:00Z');
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ clock, env: { AICC_TIMEZONE: 'Asia/Shanghai' }, sim: { timeZone: 'Asia/Shanghai' } });
  const now = clock().getTime();
  await e2e.bot.store.languages.set('channel', 'C0GENERAL', 'pt-BR', 'U1', now);
  await e2e.bot.store.languages.set('user', 'U0ZHANG', 'zh-CN', 'U0ZHANG', now);
  await e2e.bot.store.languages.set('user', 'U0PEDRO', 'es', 'U0PEDRO', now);
});
afterAll(async () => {
  await e2e?.close();
});

const shareButton = (blocks: Blocks) => blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'share_in_channel');
const texts = (r: { responses: Array<{ body: Record<string, unknown> }> }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');
const posts = () => e2e.slack.calls.filter((c) => c.method === 'chat.postMessage');

describe('Share in channel, in several languages', () => {
  it('the button is in the user’s language; the shared answer is theirs, the Shared by line the channel’s', async () => {
    const answer = await e2e.slash('status', { user: 'U0ZHANG', channel: 'C0GENERAL' });
    const blocks = answer.responses[0]!.body.blocks as Blocks;
    expect(blocksText(blocks)).toContain('AICC 机器人状态');
    const share = shareButton(blocks)!;
    expect(share.text?.text).toBe(':mega: 分享到频道');
    const before = posts().length;
    const click = await e2e.click({ action_id: 'share_in_channel', value: share.value, user: 'U0ZHANG', channel: 'C0GENERAL' });
    expect(click.responses[0]!.body.delete_original).toBe(true);
    const [posted] = posts().slice(before);
    expect(posted!.body.channel).toBe('C0GENERAL');
    const postedText = blocksText(posted!.body.blocks);
    // The figures exactly as the sharer saw them, in Chinese; only the last line is Portuguese.
    expect(postedText).toContain('AICC 机器人状态');
    expect(postedText).toContain('Compartilhado por <@U0ZHANG> · `/aicc status`');
    expect(postedText).not.toContain('Shared by');
    const shown = JSON.stringify(blocks);
    for (const block of (posted!.body.blocks as unknown[]).slice(0, -1)) expect(shown).toContain(JSON.stringify(block));
    // Clicked again: refused in the clicker's language.
    expect(texts(await e2e.click({ action_id: 'share_in_channel', value: share.value, user: 'U0ZHANG', channel: 'C0GENERAL' }))).toContain('该按钮已失效');
    expect(posts()).toHaveLength(before + 1);
  });

  it('someone else’s button is refused in that person’s language', async () => {
    const answer = await e2e.slash('status', { user: 'U0ZHANG', channel: 'C0GENERAL' });
    const value = shareButton(answer.responses[0]!.body.blocks as Blocks)!.value;
    const refused = texts(await e2e.click({ action_id: 'share_in_channel', value, user: 'U0PEDRO', channel: 'C0GENERAL' }));
    expect(refused).toContain('Ese botón ya expiró');
    expect(refused).toContain('Ejecute el comando de nuevo.');
  });

  it('an English user in a channel with no language gets English throughout', async () => {
    const answer = await e2e.slash('status', { user: 'U0USER', channel: 'C0OPS' });
    const share = shareButton(answer.responses[0]!.body.blocks as Blocks)!;
    expect(share.text?.text).toBe(':mega: Share in channel');
    const before = posts().length;
    await e2e.click({ action_id: 'share_in_channel', value: share.value, user: 'U0USER', channel: 'C0OPS' });
    expect(blocksText(posts()[before]!.body.blocks)).toContain('Shared by <@U0USER> · `/aicc status`');
  });
});

/**
 * `/aicc` end to end: signed slash commands over real HTTP to the bot (Bolt, HTTP mode), the
 * simulator as AICC, and the fake Slack Web API receiving the answers on response_url.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { ratio } from '../../../../src/slack/format.js';
import { translator } from '../../../../src/i18n/index.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';

/** The English translator's formatters (they were format.ts's before the bot spoke other languages). */
const EN = translator('en');
const formatCount = EN.count;
const formatPercent = EN.percent;

const clock = manualClock('2026-11-20T06:30:00Z'); // 14:30 in Asia/Shanghai: a working afternoon
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ clock, env: { AICC_TIMEZONE: 'Asia/Shanghai', BOT_ADMIN_USERS: 'UADMIN' }, sim: { timeZone: 'Asia/Shanghai' } });
});
afterAll(async () => {
  await e2e?.close();
});

const running = () => e2e.sim.world.campaigns(8).filter((c) => c.status === 2);
const text = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');

describe('/aicc over real HTTP', () => {
  it('acknowledges at once and answers help ephemerally', async () => {
    const r = await e2e.slash('help');
    expect(r.status).toBe(200);
    expect(r.responses).toHaveLength(1);
    expect(r.responses[0]!.body.response_type).toBe('ephemeral');
    for (const cmd of ['campaigns', 'stats', 'task', 'call', 'bot']) expect(text(r)).toContain(cmd);
  });

  it('campaigns: lists running campaigns with names from the simulator and paging buttons', async () => {
    const r = await e2e.slash('campaigns');
    const t = text(r);
    const first = running()[0]!;
    expect(t).toContain(String(first.id));
    expect(JSON.stringify(r.responses[0]!.body.blocks)).toContain('share_in_channel');
  });

  it('stats: every running campaign with dialled, connected and the success rate computed from counts', async () => {
    const r = await e2e.slash('stats');
    const t = text(r);
    for (const c of running().slice(0, 3)) {
      const n = e2e.sim.world.counts(c).total;
      expect(n.dailyCalled).toBeGreaterThan(0);
      expect(t).toContain(String(c.id));
      expect(t).toContain(formatPercent(ratio(n.dailyConnected, n.dailyCalled)));
    }
    expect(t).toMatch(/as of/i);
  });

  it('stats for one campaign shows its numbers and batches', async () => {
    const c = running().find((x) => x.batches.length > 0) ?? running()[0]!;
    const n = e2e.sim.world.counts(c).total;
    const t = text(await e2e.slash(`stats ${c.id}`));
    expect(t).toContain(formatCount(n.dailyCalled));
    expect(t).toContain(formatCount(n.dailyConnected));
    expect(c.batches.length).toBeGreaterThan(0);
    for (const b of c.batches) expect(t).toContain(b.batchId);
  });

  it('stats for an unknown campaign says so, naming it', async () => {
    const t = text(await e2e.slash('stats 4242424242'));
    expect(t).toContain('4242424242');
    expect(t).toMatch(/No statistics/);
  });

  it('task: the CMS counts and rates', async () => {
    const c = running()[1]!;
    const n = e2e.sim.world.counts(c).total;
    const t = text(await e2e.slash(`task ${c.id}`));
    expect(t).toContain(formatCount(n.dailyCalled));
    expect(t).toContain(formatPercent(ratio(n.dailyConnected, n.dailyCalled)));
  });

  it('call: masks the called number, hides the recording from non-admins', async () => {
    const [callId] = e2e.sim.world.sampleCallIds(8, running()[0]!.id, 5);
    const detail = e2e.sim.world.callDetail(8, callId!)!;
    const r = await e2e.slash(`call ${callId}`);
    const t = text(r);
    expect(t).toContain(`****${detail.called.slice(-4)}`);
    expect(t).not.toContain(detail.called);
    expect(JSON.stringify(r.responses)).not.toMatch(/Signature=|AccessKeyId=/);
  });

  it('call: shows the recording only to an admin, privately, and never logs it', async () => {
    const ids = e2e.sim.world.sampleCallIds(8, running()[0]!.id, 20);
    const success = ids.map((id) => e2e.sim.world.callDetail(8, id)!).find((d) => d.connected);
    expect(success).toBeDefined();
    const r = await e2e.slash(`call ${success!.callId}`, { user: 'UADMIN' });
    expect(JSON.stringify(r.responses[0]!.body)).toContain('Signature=');
    const pub = await e2e.slash(`call ${success!.callId} public`, { user: 'UADMIN' });
    expect(pub.responses[0]!.body.response_type).toBe('in_channel');
    expect(JSON.stringify(pub.responses[0]!.body)).not.toContain('Signature=');
    expect(e2e.logs.join('\n')).not.toMatch(/Signature=|AccessKeyId=/);
  });

  it('call: an unknown id gets "no call X in VDN 8"', async () => {
    const t = text(await e2e.slash('call 1000000000-1'));
    expect(t).toMatch(/No call `1000000000-1` in VDN 8/);
  });

  it('bot: hourly rows with autonomy and interface success rates', async () => {
    const bot = e2e.sim.world.bots[0]!;
    const t = text(await e2e.slash(`bot ${bot.accessCode}`));
    expect(t).toContain(bot.accessCode);
    expect(t).toMatch(/autonomy/i);
    expect(t).toMatch(/%|no data/);
  });

  it('usage errors never reach AICC', async () => {
    e2e.sim.resetRequestCounts();
    for (const bad of ['task', 'frobnicate', 'stats batch:1', 'campaigns page:zero', `call ${'x'.repeat(3000)}`, 'bot 123 week', '🙂 统计 <!channel>']) {
      const r = await e2e.slash(bad);
      expect(r.responses).toHaveLength(1);
      expect(text(r)).toMatch(/Usage|Commands|characters/);
      expect(JSON.stringify(r.responses[0]!.body)).not.toContain('<!channel>');
    }
    expect(e2e.sim.requestCounts()).toEqual({});
  });

  it('Share in channel re-posts the answer publicly as the bot and removes the ephemeral copy', async () => {
    const r = await e2e.slash('stats');
    const blocks = r.responses[0]!.body.blocks as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
    const share = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'share_in_channel')!;
    const before = e2e.slack.calls.filter((c) => c.method === 'chat.postMessage').length;
    const click = await e2e.click({ action_id: 'share_in_channel', value: share.value, channel: 'C0GENERAL' });
    expect(click.responses[0]!.body.delete_original).toBe(true);
    const posts = e2e.slack.calls.filter((c) => c.method === 'chat.postMessage').slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.channel).toBe('C0GENERAL');
    const postedText = blocksText(posts[0]!.body.blocks);
    expect(postedText).toContain(String(running()[0]!.id));
    expect(postedText).toContain('Shared by <@U0USER>');
    expect(JSON.stringify(posts[0]!.body.blocks)).not.toContain('share_in_channel');
  });

  it('Next/Prev page through campaigns by replacing the message', async () => {
    const r = await e2e.slash('campaigns all');
    const blocks = r.responses[0]!.body.blocks as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>;
    const next = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'campaigns_next');
    expect(next).toBeDefined();
    const page2 = await e2e.click({ action_id: 'campaigns_next', value: next!.value });
    expect(page2.responses[0]!.body.replace_original).toBe(true);
    const all = e2e.sim.world.campaigns(8);
    expect(blocksText(page2.responses[0]!.body.blocks)).toContain(String(all[10]!.id));
  });
});

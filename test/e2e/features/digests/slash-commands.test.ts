/** `/aicc digest …` and `/aicc status` end to end: signed slash commands, the store, the fake Slack. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';

const clock = manualClock('2026-11-20T00:30:00Z'); // Friday 08:30 in Shanghai
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ clock, env: { AICC_TIMEZONE: 'Asia/Shanghai', BOT_ADMIN_USERS: 'UADMIN' }, sim: { timeZone: 'Asia/Shanghai' } });
});
afterAll(async () => {
  await e2e?.close();
});
const text = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');

describe('/aicc digest', () => {
  it('refuses changes from non-admins when BOT_ADMIN_USERS is set', async () => {
    expect(text(await e2e.slash('digest add', { user: 'USOMEONE' }))).toMatch(/Only the bot's administrators/);
    expect(await e2e.bot.store.digests.list()).toHaveLength(0);
  });

  it('adds, lists with the next run, runs now, pauses and removes; every change audited', async () => {
    const added = text(await e2e.slash('digest add <#COPS|ops> at:09:00 days:mon-fri tz:Asia/Shanghai', { user: 'UADMIN' }));
    expect(added).toMatch(/Digest 1 added/);
    expect(added).toContain('<#COPS>');
    const [sub] = await e2e.bot.store.digests.list();
    expect(sub).toMatchObject({ channelId: 'COPS', at: '09:00', days: 'mon-fri', timeZone: 'Asia/Shanghai', createdBy: 'UADMIN' });

    const list = text(await e2e.slash('digest list'));
    expect(list).toMatch(/2026-11-20 09:00/);

    const before = e2e.slack.calls.length;
    // Posting a digest now is a change like the others: administrators only (the permission table).
    expect(text(await e2e.slash('digest run 1'))).toMatch(/Only the bot's administrators can post digests now/);
    expect(text(await e2e.slash('digest run 1', { user: 'UADMIN' }))).toMatch(/Posting digest 1/);
    const posted = e2e.slack.calls.slice(before).filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'COPS');
    expect(posted.length).toBeGreaterThan(0);
    expect(blocksText(posted[0]!.body.blocks)).toMatch(/digest/i);

    expect(text(await e2e.slash('digest pause 1', { user: 'UADMIN' }))).toMatch(/paused/);
    expect((await e2e.bot.store.digests.get(1))?.paused).toBe(true);
    expect(text(await e2e.slash('digest remove 1', { user: 'UADMIN' }))).toMatch(/removed/);
    expect(await e2e.bot.store.digests.list()).toHaveLength(0);

    const audit = await e2e.bot.store.audit.recent(10);
    expect(audit.map((a) => a.action).sort()).toEqual(['digest.add', 'digest.pause', 'digest.remove', 'digest.run']);
  });

  it('without a channel, subscribes the current one; unknown ids are said plainly', async () => {
    expect(text(await e2e.slash('digest add at:18:30 days:daily', { user: 'UADMIN', channel: 'C0GENERAL' }))).toContain('<#C0GENERAL>');
    expect(text(await e2e.slash('digest remove 99', { user: 'UADMIN' }))).toMatch(/no digest 99/i);
    expect(text(await e2e.slash('digest add at:25:00', { user: 'UADMIN' }))).toMatch(/Usage/);
  });

  it('/aicc status shows collector health, next digests and recent deliveries', async () => {
    await e2e.bot.collector.tick();
    const t = text(await e2e.slash('status'));
    expect(t).toMatch(/CC-iSales statistics/);
    expect(t).toMatch(/Next digests/);
    expect(t).toMatch(/Digest \d+ → <#C0GENERAL>/);
    expect(t).toMatch(/digest 1 → <#COPS>: posted/);
  });
});

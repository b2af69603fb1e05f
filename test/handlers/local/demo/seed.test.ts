/** Seeding the demo: one digest and one rule on an empty store, audited; never again after that. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_RULE, nextFullHour, seedDemo, type SeedOptions } from '../../../../local/demo/seed.js';
import { openStore, type Store } from '../../../../src/store/index.js';

const NOW = new Date('2026-11-20T03:20:00Z');

describe('seedDemo', () => {
  let store: Store;
  let opts: SeedOptions;
  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
    opts = { store, now: NOW, vdn: 1, campaignId: '1665730461', timeZone: 'Asia/Shanghai', channelId: 'C0ALERTS', userId: 'U0ADMIN' };
  });
  afterEach(async () => {
    await store.close();
  });

  it('creates a daily digest at the next full hour and the demo rule, both audited', async () => {
    const setup = await seedDemo(opts);
    expect(setup.seeded).toBe(true);
    expect(await store.digests.list()).toEqual([setup.digest]);
    expect(setup.digest).toMatchObject({ channelId: 'C0ALERTS', vdn: 1, at: '12:00', days: 'daily', timeZone: 'Asia/Shanghai', campaigns: 'all', bots: [], whenMode: 'always', paused: false, createdBy: 'U0ADMIN' });
    expect(await store.alerts.list()).toEqual([setup.rule]);
    expect(setup.rule).toMatchObject({ ...DEMO_RULE, scope: 'campaign', scopeId: '1665730461', vdn: 1, channelId: 'C0ALERTS', createdBy: 'U0ADMIN', createdAt: NOW.getTime() });
    expect(setup.rule).toMatchObject({ metric: 'connection_rate', op: '<', threshold: 40, minVolume: 20, forS: 60, clearValue: 45 });
    const audit = await store.audit.recent();
    expect(audit.map((a) => [a.userId, a.action, a.target]).sort()).toEqual([
      ['U0ADMIN', 'alert.add', `alert:${setup.rule!.id}`],
      ['U0ADMIN', 'digest.add', `digest:${setup.digest!.id}`],
    ]);
  });

  it('leaves a store with subscriptions or rules alone, and finds what the demo can show', async () => {
    const first = await seedDemo(opts);
    const again = await seedDemo({ ...opts, now: new Date(NOW.getTime() + 86_400_000) });
    expect(again).toEqual({ seeded: false, digest: first.digest, rule: first.rule });
    expect(await store.digests.list()).toHaveLength(1);
    expect(await store.alerts.list()).toHaveLength(1);
    expect(await store.audit.recent()).toHaveLength(2);

    // Someone removed the rule and paused the digest: nothing comes back, nothing to show.
    await store.alerts.remove(first.rule!.id);
    await store.digests.setPaused(first.digest!.id, true, NOW.getTime());
    expect(await seedDemo(opts)).toEqual({ seeded: false });
    expect(await store.alerts.list()).toHaveLength(0);
  });

  it('a rule alone also counts as "not empty"', async () => {
    await store.alerts.create({ metric: 'waiting', op: '>', threshold: 5, scope: 'all', vdn: 1, clearValue: 0, channelId: 'C1', createdBy: 'U1', createdAt: 0 });
    expect(await seedDemo(opts)).toEqual({ seeded: false });
    expect(await store.digests.list()).toHaveLength(0);
  });

  it('nextFullHour: the hour after now, in the zone (half-hour zones too, and across midnight)', () => {
    expect(nextFullHour(NOW, 'UTC')).toBe('04:00');
    expect(nextFullHour(NOW, 'Asia/Kolkata')).toBe('09:00'); // 08:50 there
    expect(nextFullHour(new Date('2026-11-20T23:59:00Z'), 'UTC')).toBe('00:00');
  });
});

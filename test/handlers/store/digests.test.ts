import { beforeAll, expect, it } from 'vitest';
import type { NewDigestSubscription, Store } from '../../../src/store/index.js';
import { describeEachBackend } from '../../support/backends.js';

const T0 = Date.parse('2026-11-21T09:00:00Z');

const input = (over: Partial<NewDigestSubscription> = {}): NewDigestSubscription => ({
  channelId: 'C1',
  vdn: 8,
  at: '09:00',
  days: 'mon-fri',
  timeZone: 'Asia/Dubai',
  createdBy: 'U1',
  createdAt: T0,
  ...over,
});

describeEachBackend('digest subscriptions', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await (await backend.fresh()).open();
  });

  it('creates with defaults and reads back clean types', async () => {
    const s = await store.digests.create(input({ channelId: 'C-create' }));
    expect(s).toMatchObject({
      channelId: 'C-create',
      vdn: 8,
      at: '09:00',
      days: 'mon-fri',
      timeZone: 'Asia/Dubai',
      campaigns: 'all',
      bots: [],
      whenMode: 'always',
      paused: false,
      createdBy: 'U1',
      createdAt: T0,
      updatedAt: T0,
    });
    expect(s.lastDigestHash).toBeUndefined();
    expect(Number.isInteger(s.id)).toBe(true);
    expect(await store.digests.get(s.id)).toEqual(s);
    expect(await store.digests.get(999_999)).toBeUndefined();

    const listed = await store.digests.create(
      input({ channelId: 'C-create', campaigns: ['101', '102'], bots: ['9001'], whenMode: 'changed', days: 'sat,sun' }),
    );
    expect(listed).toMatchObject({ campaigns: ['101', '102'], bots: ['9001'], whenMode: 'changed', days: 'sat,sun' });
  });

  it('lists all or one channel, by id', async () => {
    const a = await store.digests.create(input({ channelId: 'C-list-a' }));
    const b = await store.digests.create(input({ channelId: 'C-list-b' }));
    const c = await store.digests.create(input({ channelId: 'C-list-a' }));
    expect((await store.digests.list({ channelId: 'C-list-a' })).map((s) => s.id)).toEqual([a.id, c.id]);
    const all = (await store.digests.list()).map((s) => s.id);
    expect(all).toEqual([...all].sort((x, y) => x - y));
    expect(all).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
  });

  it('updates only the given fields and can clear the hash', async () => {
    const s = await store.digests.create(input({ channelId: 'C-upd' }));
    const u = await store.digests.update(s.id, { at: '17:30', bots: ['1', '2'], lastDigestHash: 'abc', updatedAt: T0 + 1000 });
    expect(u).toEqual({ ...s, at: '17:30', bots: ['1', '2'], lastDigestHash: 'abc', updatedAt: T0 + 1000 });
    const v = await store.digests.update(s.id, { lastDigestHash: null, campaigns: ['7'], updatedAt: T0 + 2000 });
    expect(v?.lastDigestHash).toBeUndefined();
    expect(v?.campaigns).toEqual(['7']);
    expect(v?.at).toBe('17:30');
    expect(await store.digests.update(999_999, { at: '10:00', updatedAt: T0 })).toBeUndefined();
  });

  it('pauses and resumes', async () => {
    const s = await store.digests.create(input({ channelId: 'C-pause' }));
    expect(await store.digests.setPaused(s.id, true, T0 + 5)).toBe(true);
    expect(await store.digests.get(s.id)).toMatchObject({ paused: true, updatedAt: T0 + 5 });
    expect(await store.digests.setPaused(s.id, false, T0 + 6)).toBe(true);
    expect((await store.digests.get(s.id))?.paused).toBe(false);
    expect(await store.digests.setPaused(999_999, true, T0)).toBe(false);
  });

  it('removes, and never hands a removed id out again', async () => {
    const s = await store.digests.create(input({ channelId: 'C-rm' }));
    expect(await store.digests.remove(s.id)).toBe(true);
    expect(await store.digests.remove(s.id)).toBe(false);
    expect(await store.digests.get(s.id)).toBeUndefined();
    const next = await store.digests.create(input({ channelId: 'C-rm' }));
    expect(next.id).toBeGreaterThan(s.id);
  });
});

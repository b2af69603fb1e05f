import { beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../src/store/index.js';
import { describeEachBackend } from '../../support/backends.js';

const T0 = Date.parse('2026-11-21T09:00:00Z');

describeEachBackend('audit log and deliveries', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await (await backend.fresh()).open();
  });

  it('appends audit entries with JSON detail and reads the newest first', async () => {
    const id1 = await store.audit.append(T0, 'U1', 'digest.add', 'digest:1', { at: '09:00', campaigns: ['1', '2'] });
    const id2 = await store.audit.append(T0 + 1000, 'U2', 'alert.mute', 'alert:4');
    expect(id2).toBeGreaterThan(id1);
    const recent = await store.audit.recent(10);
    expect(recent).toEqual([
      { id: id2, at: T0 + 1000, userId: 'U2', action: 'alert.mute', target: 'alert:4', detail: undefined },
      { id: id1, at: T0, userId: 'U1', action: 'digest.add', target: 'digest:1', detail: { at: '09:00', campaigns: ['1', '2'] } },
    ]);
    expect(await store.audit.recent(1)).toHaveLength(1);
  });

  it('records deliveries and lists them recent-first, per subscription and per rule', async () => {
    const d1 = await store.deliveries.record({ kind: 'digest', ref: 3, jobKey: 'digest:3@1', channel: 'C1', status: 'posted', at: T0, ts: '1700.1' });
    const d2 = await store.deliveries.record({
      kind: 'digest',
      ref: 3,
      jobKey: 'digest:3@2',
      channel: 'C1',
      status: 'failed',
      at: T0 + 1000,
      error: 'channel_not_found',
      attempts: 3,
    });
    await store.deliveries.record({ kind: 'alert', ref: 3, jobKey: 'alert:3@1', channel: 'C2', status: 'late', at: T0 + 500 });
    await store.deliveries.record({ kind: 'digest', ref: 4, jobKey: 'digest:4@1', channel: 'C1', status: 'missed', at: T0 + 2000 });

    const sub = await store.deliveries.bySubscription(3);
    expect(sub.map((d) => d.id)).toEqual([d2, d1]);
    expect(sub[0]).toEqual({
      id: d2,
      kind: 'digest',
      ref: 3,
      jobKey: 'digest:3@2',
      channel: 'C1',
      status: 'failed',
      at: T0 + 1000,
      ts: undefined,
      error: 'channel_not_found',
      attempts: 3,
    });
    expect(sub[1]).toMatchObject({ ts: '1700.1', attempts: 1 });
    expect((await store.deliveries.byRule(3)).map((d) => d.jobKey)).toEqual(['alert:3@1']);
    expect((await store.deliveries.recent(3)).map((d) => d.jobKey)).toEqual(['digest:4@1', 'digest:3@2', 'alert:3@1']);
  });
});

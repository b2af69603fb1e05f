import { beforeAll, expect, it } from 'vitest';
import type { AlertStateWrite, NewAlertRule, Store } from '../../../src/store/index.js';
import { describeEachBackend } from '../../support/backends.js';

const T0 = Date.parse('2026-11-21T09:00:00Z');

const rule = (over: Partial<NewAlertRule> = {}): NewAlertRule => ({
  metric: 'connect_rate',
  op: '<',
  threshold: 0.35,
  scope: 'campaign',
  scopeId: '101',
  vdn: 8,
  clearValue: 0.4,
  channelId: 'C1',
  createdBy: 'U1',
  createdAt: T0,
  ...over,
});

const firing = (over: Partial<AlertStateWrite> = {}): AlertStateWrite => ({
  state: 'firing',
  since: T0,
  updatedAt: T0,
  lastValue: 0.21,
  lastVolume: 140,
  ...over,
});

describeEachBackend('alert rules and states', (backend) => {
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    const db = await backend.fresh();
    a = await db.open();
    b = await db.open();
  });

  it('creates, gets, lists and removes rules', async () => {
    const r = await a.alerts.create(rule({ channelId: 'C-rules', mention: '@oncall', minVolume: 50, forS: 600, repeatS: 3600 }));
    expect(r).toMatchObject({
      metric: 'connect_rate',
      op: '<',
      threshold: 0.35,
      scope: 'campaign',
      scopeId: '101',
      vdn: 8,
      minVolume: 50,
      forS: 600,
      clearValue: 0.4,
      repeatS: 3600,
      channelId: 'C-rules',
      mention: '@oncall',
      createdBy: 'U1',
      createdAt: T0,
    });
    expect(r.mutedUntil).toBeUndefined();
    const all = await a.alerts.create(rule({ channelId: 'C-rules', scope: 'all', scopeId: null, op: '>=', threshold: 12.5 }));
    expect(all.scopeId).toBeUndefined();
    expect(all).toMatchObject({ minVolume: 0, forS: 0, repeatS: 0, threshold: 12.5 });
    expect(await b.alerts.get(r.id)).toEqual(r);
    expect((await a.alerts.list({ channelId: 'C-rules' })).map((x) => x.id)).toEqual([r.id, all.id]);
    expect(await a.alerts.remove(all.id)).toBe(true);
    expect(await a.alerts.remove(all.id)).toBe(false);
    expect(await a.alerts.get(all.id)).toBeUndefined();
  });

  it('mutes until a time and unmutes', async () => {
    const r = await a.alerts.create(rule());
    expect(await a.alerts.setMute(r.id, T0 + 3_600_000)).toBe(true);
    expect((await a.alerts.get(r.id))?.mutedUntil).toBe(T0 + 3_600_000);
    expect(await a.alerts.setMute(r.id, null)).toBe(true);
    expect((await a.alerts.get(r.id))?.mutedUntil).toBeUndefined();
    expect(await a.alerts.setMute(999_999, T0)).toBe(false);
  });

  it('upserts states, bumping the version, and lists by rule and firing', async () => {
    const r = await a.alerts.create(rule());
    const s1 = await a.alerts.states.upsert(r.id, '101', firing({ messageChannel: 'C1', messageTs: '1700.1', reason: 'low' }));
    expect(s1).toMatchObject({ ruleId: r.id, subject: '101', state: 'firing', version: 1, lastValue: 0.21, lastVolume: 140, messageTs: '1700.1' });
    expect(s1.ackedBy).toBeUndefined();
    const s2 = await a.alerts.states.upsert(r.id, '101', firing({ state: 'resolved', updatedAt: T0 + 1, lastValue: null }));
    expect(s2).toMatchObject({ state: 'resolved', version: 2, updatedAt: T0 + 1 });
    expect(s2.lastValue).toBeUndefined();
    expect(s2.messageTs).toBeUndefined();
    await a.alerts.states.upsert(r.id, '102', firing());
    expect((await a.alerts.states.listByRule(r.id)).map((s) => s.subject)).toEqual(['101', '102']);
    const firingNow = await b.alerts.states.listFiring();
    expect(firingNow.some((s) => s.ruleId === r.id && s.subject === '102')).toBe(true);
    expect(firingNow.some((s) => s.ruleId === r.id && s.subject === '101')).toBe(false);
    expect(await a.alerts.states.get(r.id, 'nope')).toBeUndefined();
  });

  it('compare-and-set: exactly one of two stores wins the insert and each update', async () => {
    const r = await a.alerts.create(rule());
    const insert = await Promise.all([
      a.alerts.states.compareAndSet(r.id, '101', null, firing({ messageTs: 'from-a' })),
      b.alerts.states.compareAndSet(r.id, '101', null, firing({ messageTs: 'from-b' })),
    ]);
    expect(insert.filter(Boolean)).toHaveLength(1);
    const stored = await a.alerts.states.get(r.id, '101');
    expect(stored?.version).toBe(1);
    expect(stored?.messageTs).toBe(insert[0] ? 'from-a' : 'from-b');

    for (let round = 1; round <= 5; round++) {
      const results = await Promise.all([
        a.alerts.states.compareAndSet(r.id, '101', round, firing({ reason: `a${round}`, updatedAt: T0 + round })),
        b.alerts.states.compareAndSet(r.id, '101', round, firing({ reason: `b${round}`, updatedAt: T0 + round })),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const now = await b.alerts.states.get(r.id, '101');
      expect(now?.version).toBe(round + 1);
      expect(now?.reason).toBe(results[0] ? `a${round}` : `b${round}`);
    }
    expect(await a.alerts.states.compareAndSet(r.id, '101', 1, firing())).toBe(false);
  });

  it('removing a rule removes its states', async () => {
    const r = await a.alerts.create(rule());
    await a.alerts.states.upsert(r.id, '101', firing());
    await a.alerts.remove(r.id);
    expect(await a.alerts.states.listByRule(r.id)).toEqual([]);
  });

  it('service notices: compare-and-set from two stores', async () => {
    const next = { state: 'nodata' as const, since: T0, updatedAt: T0, reason: 'timeout' };
    const ins = await Promise.all([a.alerts.notices.compareAndSet('cms', null, next), b.alerts.notices.compareAndSet('cms', null, next)]);
    expect(ins.filter(Boolean)).toHaveLength(1);
    const upd = await Promise.all([
      a.alerts.notices.compareAndSet('cms', 1, { ...next, messageChannel: 'C1', messageTs: '1.1' }),
      b.alerts.notices.compareAndSet('cms', 1, { ...next, messageChannel: 'C1', messageTs: '1.2' }),
    ]);
    expect(upd.filter(Boolean)).toHaveLength(1);
    const n = await a.alerts.notices.get('cms');
    expect(n).toMatchObject({ service: 'cms', state: 'nodata', version: 2, reason: 'timeout', messageChannel: 'C1' });
    expect(n?.messageTs).toBe(upd[0] ? '1.1' : '1.2');
    expect((await b.alerts.notices.list()).map((x) => x.service)).toEqual(['cms']);
    expect(await a.alerts.notices.get('oifde')).toBeUndefined();
  });
});

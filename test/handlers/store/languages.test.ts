/** Stored language choices, and the `lang` of digests and alert rules, on both backends. */
import { beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../src/store/index.js';
import { describeEachBackend } from '../../support/backends.js';

const T0 = Date.parse('2026-11-27T09:00:00Z');

describeEachBackend('languages', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await (await backend.fresh()).open();
  });

  it('keeps one choice per channel and per user, replaced on change, removed on clear', async () => {
    expect(await store.languages.get('channel', 'C1')).toBeUndefined();
    await store.languages.set('channel', 'C1', 'zh-CN', 'UADMIN', T0);
    await store.languages.set('user', 'C1', 'pt-BR', 'C1', T0);
    await store.languages.set('channel', 'C1', 'es', 'UADMIN', T0 + 1);
    expect(await store.languages.get('channel', 'C1')).toBe('es');
    expect(await store.languages.get('user', 'C1')).toBe('pt-BR');
    expect(await store.languages.clear('channel', 'C1')).toBe(true);
    expect(await store.languages.clear('channel', 'C1')).toBe(false);
    expect(await store.languages.get('channel', 'C1')).toBeUndefined();
  });

  it("keeps a digest's and a rule's language, and clears it with null", async () => {
    const sub = await store.digests.create({ channelId: 'C1', vdn: 8, at: '09:00', days: 'daily', timeZone: 'UTC', createdBy: 'U1', createdAt: T0, lang: 'zh-CN' });
    expect((await store.digests.get(sub.id))?.lang).toBe('zh-CN');
    await store.digests.update(sub.id, { lang: null, updatedAt: T0 + 1 });
    expect((await store.digests.get(sub.id))?.lang).toBeUndefined();
    const plain = await store.digests.create({ channelId: 'C1', vdn: 8, at: '09:00', days: 'daily', timeZone: 'UTC', createdBy: 'U1', createdAt: T0 });
    expect(plain.lang).toBeUndefined();

    const rule = await store.alerts.create({ metric: 'connect_rate', op: '<', threshold: 0.3, scope: 'all', vdn: 8, clearValue: 0.35, channelId: 'C1', createdBy: 'U1', createdAt: T0, lang: 'pt-BR' });
    expect((await store.alerts.get(rule.id))?.lang).toBe('pt-BR');
    expect((await store.alerts.update(rule.id, { lang: 'es' }))?.lang).toBe('es');
    expect((await store.alerts.update(rule.id, { lang: null }))?.lang).toBeUndefined();
  });
});

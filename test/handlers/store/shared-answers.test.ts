/** Kept answers for Share: stored deflated, read back whole, taken once, pruned when expired; old plain rows still read. */
import { beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../src/store/index.js';
import { packMessages, unpackMessages } from '../../../src/store/shared-answers.js';
import { describeEachBackend } from '../../support/backends.js';

const T0 = Date.parse('2026-11-27T09:00:00Z');
/** An answer like a stats table: many similar rows, Chinese names. */
const messages = [Array.from({ length: 40 }, (_, i) => ({ type: 'section', text: { type: 'mrkdwn', text: `*春季回访 ${i}* \`17300210${i}\` — 呼叫 ${1000 + i * 37} · 接通 ${500 + i * 11}` } }))];

it('packs messages to a fraction of their JSON and back, and reads plain JSON as written before', () => {
  const packed = packMessages(messages);
  expect(packed.startsWith('z1:')).toBe(true);
  expect(packed.length).toBeLessThan(JSON.stringify(messages).length / 3);
  expect(unpackMessages(packed)).toEqual(messages);
  expect(unpackMessages(JSON.stringify(messages))).toEqual(messages);
});

describeEachBackend('shared answers', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await (await backend.fresh()).open();
  });

  it('keeps an answer until it is taken once or expires', async () => {
    await store.sharedAnswers.put({ id: 'a1', userId: 'U1', channelId: 'C1', command: 'stats', messages, createdAt: T0, expiresAt: T0 + 1000 });
    await store.sharedAnswers.put({ id: 'a2', userId: 'U1', channelId: 'C1', command: 'stats', messages, createdAt: T0, expiresAt: T0 + 1000 });
    expect((await store.sharedAnswers.get('a1', T0))?.messages).toEqual(messages);
    expect(await store.sharedAnswers.take('a1')).toBe(true);
    expect(await store.sharedAnswers.take('a1')).toBe(false);
    expect(await store.sharedAnswers.get('a2', T0 + 1000)).toBeUndefined();
    expect(await store.sharedAnswers.prune(T0 + 1000)).toBe(1);
  });
});

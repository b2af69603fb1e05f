/**
 * The **Run now** button, called the way Bolt calls it (fake `ack`, `respond`, body and action), on a
 * real store with a fake digest service: ack first, then one private answer; same rules as
 * `/aicc digest run`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIGEST_RUN_ACTION } from '../../../../src/features/digests/render-list.js';
import { registerDigestActions } from '../../../../src/features/digests/run-button.js';
import type { Store } from '../../../../src/store/index.js';
import { blocksText } from '../../../support/blocks-text.js';
import { fakeActions, fakeReplies, type FakeActions } from '../../../support/bolt-fakes.js';
import { addDigest, digestDeps, type DigestTestDeps } from '../../../support/digest-fakes.js';
import { memoryStore } from '../../../support/memory-store.js';

let store: Store;
let events: string[];
let deps: DigestTestDeps;
let actions: FakeActions;

beforeEach(async () => {
  store = await memoryStore();
  events = [];
  deps = digestDeps(store, events);
  actions = fakeActions();
  registerDigestActions(actions, deps);
});
afterEach(async () => {
  await store.close();
});

async function click(value: string | undefined, user = 'UADMIN', channel = 'C0GENERAL') {
  const replies = fakeReplies(events);
  await actions.click(DIGEST_RUN_ACTION, { value, user, channel }, replies);
  return replies;
}

describe('Run now', () => {
  it('registers its action id, so the request gate lets it through', () => {
    expect([...actions.ids]).toEqual([DIGEST_RUN_ACTION]);
  });

  it('acks before posting, posts the digest to its own channel once, answers privately and audits the click', async () => {
    const sub = await addDigest(store, 'COPS');
    const r = await click(String(sub.id), 'UADMIN', 'C0GENERAL');
    expect(r.events).toEqual(['ack', 'acked', 'digests.post', 'respond']);
    expect(deps.digests.posts).toEqual([{ sub: expect.objectContaining({ id: sub.id, channelId: 'COPS' }), opts: { manual: true } }]);
    expect(r.responses).toHaveLength(1);
    expect(r.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blocksText(r.responses[0]!.blocks)).toContain(`Digest ${sub.id} posted to <#COPS>.`);
    const audit = await store.audit.recent(10);
    expect(audit.map((a) => [a.userId, a.action, a.target, a.detail])).toEqual([['UADMIN', 'digest.run', `digest:${sub.id}`, { via: 'button', outcome: 'posted' }]]);
  });

  it('a second click within the minute, by anyone, is told when it may run again, and posts nothing', async () => {
    const sub = await addDigest(store);
    await click(String(sub.id));
    const r = await click(String(sub.id));
    expect(deps.digests.posts).toHaveLength(1);
    expect(blocksText(r.responses[0]!.blocks)).toContain('can be posted again at 08:31');
  });

  it('a non-admin is refused privately: nothing posted, nothing audited', async () => {
    const sub = await addDigest(store);
    const r = await click(String(sub.id), 'U0USER');
    expect(r.events).toEqual(['ack', 'acked', 'respond']);
    expect(r.responses[0]!.response_type).toBe('ephemeral');
    expect(blocksText(r.responses[0]!.blocks)).toContain("Only the bot's administrators can post digests now.");
    expect(deps.digests.posts).toEqual([]);
    expect(await store.audit.recent(10)).toEqual([]);
  });

  it('a removed digest, or a value it did not write, gets a polite answer and no post', async () => {
    const gone = await click('42');
    expect(blocksText(gone.responses[0]!.blocks)).toContain('There is no digest 42.');
    const junk = await click('{"r":1}');
    expect(blocksText(junk.responses[0]!.blocks)).toContain('That button has expired');
    expect(deps.digests.posts).toEqual([]);
  });

  it('an unchanged digest says so', async () => {
    const sub = await addDigest(store);
    deps.digests.outcome = { status: 'unchanged' };
    const r = await click(String(sub.id));
    expect(blocksText(r.responses[0]!.blocks)).toContain('nothing changed since the last one');
  });
});

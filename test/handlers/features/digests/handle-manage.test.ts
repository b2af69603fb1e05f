/**
 * `/aicc digest remove|pause|resume|run ID` through their handlers, on a real (in-memory SQLite)
 * store with a fake digest service: who may, what changes in the store, what is audited.
 */
import { translator } from '../../../../src/i18n/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestPauseCommand, digestRemoveCommand, digestResumeCommand, digestRunCommand } from '../../../../src/features/digests/commands.js';
import { handleDigestPause, handleDigestRemove, handleDigestResume, handleDigestRun } from '../../../../src/features/digests/handle-manage.js';
import type { Invocation } from '../../../../src/slack/commands/handler.js';
import { NotFound } from '../../../../src/slack/commands/not-found.js';
import { parseCommand } from '../../../../src/slack/commands/parse.js';
import type { AnyCommandSpec, ParsedCommand } from '../../../../src/slack/commands/spec.js';
import type { Store } from '../../../../src/store/index.js';
import { addDigest, digestDeps, type DigestTestDeps } from '../../../support/digest-fakes.js';
import { memoryStore } from '../../../support/memory-store.js';
import { allText } from '../../../support/render-fixtures.js';

const admin: Invocation = { userId: 'UADMIN', channelId: 'C0GENERAL', vdn: 8, isAdmin: true, isPublic: false, tr: translator('en') };
const someone: Invocation = { ...admin, userId: 'U0USER', isAdmin: false };

function parse<C extends AnyCommandSpec>(spec: C, text: string): ParsedCommand<C> {
  const parsed = parseCommand(text, [spec]);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed as ParsedCommand<C>;
}

let store: Store;
let deps: DigestTestDeps;
beforeEach(async () => {
  store = await memoryStore();
  deps = digestDeps(store);
});
afterEach(async () => {
  await store.close();
});

const auditRows = async () => (await store.audit.recent(50)).reverse().map((a) => ({ userId: a.userId, action: a.action, target: a.target, detail: a.detail }));

describe('digest remove', () => {
  it('is refused to a non-admin when BOT_ADMIN_USERS is set: nothing removed, nothing audited', async () => {
    const sub = await addDigest(store);
    const run = handleDigestRemove(parse(digestRemoveCommand, `digest remove ${sub.id}`), someone, deps);
    await expect(run).rejects.toThrow(NotFound);
    // The refusal is worded in the reader's language; its message (for logs) is English.
    await expect(run).rejects.toThrow("Only the bot's administrators can remove digests.");
    expect(await store.digests.get(sub.id)).toBeDefined();
    expect(await auditRows()).toEqual([]);
  });

  it('by an admin: removed from the store, confirmed, and audited with what was removed', async () => {
    const sub = await addDigest(store);
    const text = allText(await handleDigestRemove(parse(digestRemoveCommand, `digest remove ${sub.id}`), admin, deps));
    expect(text).toContain(`Digest ${sub.id} removed.`);
    expect(text).toContain('<#COPS>');
    expect(await store.digests.get(sub.id)).toBeUndefined();
    expect(await auditRows()).toEqual([{ userId: 'UADMIN', action: 'digest.remove', target: `digest:${sub.id}`, detail: expect.objectContaining({ id: sub.id, channelId: 'COPS', at: '09:00' }) }]);
  });

  it('an unknown id is said so, and nothing is audited', async () => {
    const text = allText(await handleDigestRemove(parse(digestRemoveCommand, 'digest remove 42'), admin, deps));
    expect(text).toContain('There is no digest 42.');
    expect(await auditRows()).toEqual([]);
  });
});

describe('digest pause and resume', () => {
  it('store the flag, confirm with the next run, and audit both', async () => {
    const sub = await addDigest(store);
    const paused = allText(await handleDigestPause(parse(digestPauseCommand, `digest pause ${sub.id}`), admin, deps));
    expect(paused).toContain(`Digest ${sub.id} paused.`);
    expect((await store.digests.get(sub.id))?.paused).toBe(true);
    const resumed = allText(await handleDigestResume(parse(digestResumeCommand, `digest resume ${sub.id}`), admin, deps));
    expect(resumed).toContain(`Digest ${sub.id} resumed.`);
    expect(resumed).toContain('09:00');
    expect((await store.digests.get(sub.id))?.paused).toBe(false);
    expect((await auditRows()).map((a) => a.action)).toEqual(['digest.pause', 'digest.resume']);
  });

  it('are refused to a non-admin, and the flag stays', async () => {
    const sub = await addDigest(store);
    await expect(handleDigestPause(parse(digestPauseCommand, `digest pause ${sub.id}`), someone, deps)).rejects.toThrow("Only the bot's administrators can pause digests.");
    expect((await store.digests.get(sub.id))?.paused).toBe(false);
    expect(await auditRows()).toEqual([]);
  });
});

describe('digest run', () => {
  it('posts through the digest service once, by hand, and audits it; a second run within the minute is refused', async () => {
    const sub = await addDigest(store);
    const first = allText(await handleDigestRun(parse(digestRunCommand, `digest run ${sub.id}`), admin, deps));
    expect(first).toContain(`Posting digest ${sub.id} to <#COPS> now.`);
    expect(deps.digests.posts).toEqual([{ sub: expect.objectContaining({ id: sub.id }), opts: { manual: true } }]);
    expect(await auditRows()).toEqual([{ userId: 'UADMIN', action: 'digest.run', target: `digest:${sub.id}`, detail: { via: 'command', outcome: 'posted' } }]);

    const again = allText(await handleDigestRun(parse(digestRunCommand, `digest run ${sub.id}`), admin, deps));
    expect(again).toContain('a moment ago');
    expect(again).toContain('08:31');
    expect(deps.digests.posts).toHaveLength(1);

    deps.clock.advance(61_000);
    await handleDigestRun(parse(digestRunCommand, `digest run ${sub.id}`), admin, deps);
    expect(deps.digests.posts).toHaveLength(2);
  });

  it('a failed post says why and may be tried again at once', async () => {
    const sub = await addDigest(store);
    deps.digests.outcome = { status: 'failed', error: 'not_in_channel' };
    const text = allText(await handleDigestRun(parse(digestRunCommand, `digest run ${sub.id}`), admin, deps));
    expect(text).toContain(`Digest ${sub.id} could not be posted`);
    expect(text).toContain('not_in_channel');
    await handleDigestRun(parse(digestRunCommand, `digest run ${sub.id}`), admin, deps);
    expect(deps.digests.posts).toHaveLength(2);
    expect((await auditRows()).map((a) => a.detail)).toEqual([{ via: 'command', outcome: 'failed' }, { via: 'command', outcome: 'failed' }]);
  });

  it('is refused to a non-admin: nothing posted, nothing audited', async () => {
    const sub = await addDigest(store);
    await expect(handleDigestRun(parse(digestRunCommand, `digest run ${sub.id}`), someone, deps)).rejects.toThrow("Only the bot's administrators can post digests now.");
    expect(deps.digests.posts).toEqual([]);
    expect(await auditRows()).toEqual([]);
  });
});

/**
 * `/aicc digest run ID` and the **Run now** button do the same thing through this one function:
 * the same permission, a digest posts only to its own channel, at most one manual run per digest
 * per minute (across processes: a store lease), and one audit entry.
 */
import { authorize, type Actor } from '../../slack/permissions.js';
import type { DigestSubscription } from '../../store/digests.js';
import type { DigestsDeps } from './deps.js';
import type { PostOutcome } from './service.js';

/** How often one digest may be posted by hand. */
export const MANUAL_RUN_INTERVAL_MS = 60_000;

export type RunNowResult =
  | { kind: 'not-found' }
  | { kind: 'too-soon'; sub: DigestSubscription; retryAt: Date }
  | { kind: 'ran'; sub: DigestSubscription; outcome: PostOutcome };

export async function runDigestNow(id: number, actor: Actor, deps: DigestsDeps, via: 'command' | 'button'): Promise<RunNowResult> {
  authorize('run-digests', actor, deps);
  const sub = await deps.store.digests.get(id);
  if (!sub) return { kind: 'not-found' };
  const now = deps.clock().getTime();
  // One holder for everyone: a second click within the minute, by anyone, is refused.
  if (!(await deps.store.leases.tryAcquire(`digest-run:${sub.id}`, 'manual', now, MANUAL_RUN_INTERVAL_MS, { reentrant: false }))) {
    const until = (await deps.store.leases.heldUntil(`digest-run:${sub.id}`)) ?? now + MANUAL_RUN_INTERVAL_MS;
    return { kind: 'too-soon', sub, retryAt: new Date(until) };
  }
  const outcome = await deps.digests.post(sub, { manual: true });
  // A failed post may be tried again at once (after inviting the bot, say).
  if (outcome.status === 'failed') await deps.store.leases.release(`digest-run:${sub.id}`, 'manual');
  await deps.store.audit.append(now, actor.userId, 'digest.run', `digest:${sub.id}`, { via, outcome: outcome.status });
  return { kind: 'ran', sub, outcome };
}

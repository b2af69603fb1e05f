/**
 * Each bot process keeps a short lease `alive:<instanceId>` renewed every few seconds. A job claim
 * whose holder's lease has lapsed belongs to a process that died (SIGKILL, power loss), so another
 * process, or the restarted one, may take it over.
 */
import type { Clock } from './clock.js';
import { failureOf, type Health } from './health.js';
import type { Logger } from './log.js';

export const HEARTBEAT_TTL_MS = 15_000;
const RENEW_EVERY_MS = 5_000;

const key = (holder: string) => `alive:${holder}`;

/** The store's leases, as the heartbeat uses them. */
export interface LeaseStore {
  instanceId: string;
  leases: {
    tryAcquire(key: string, holder: string, nowMs: number, ttlMs: number): Promise<unknown>;
    release(key: string, holder: string): Promise<unknown>;
    heldUntil(key: string): Promise<number | undefined>;
  };
}

export interface Heartbeat {
  stop(): Promise<void>;
}

export async function startHeartbeat(store: LeaseStore, clock: Clock, log: Logger, jobs?: Health): Promise<Heartbeat> {
  const beat = () => store.leases.tryAcquire(key(store.instanceId), store.instanceId, clock().getTime(), HEARTBEAT_TTL_MS);
  await beat();
  const timer = setInterval(() => {
    beat().then(
      () => jobs?.record('heartbeat', 'renew', { ok: true }),
      (error: unknown) => {
        log.warn('heartbeat failed', { error });
        jobs?.record('heartbeat', 'renew', { ok: false, error: failureOf(error) });
      },
    );
  }, RENEW_EVERY_MS);
  timer.unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await store.leases.release(key(store.instanceId), store.instanceId).catch(() => undefined);
    },
  };
}

/** True while the process that holds `holder` keeps its heartbeat. */
export async function isAlive(store: LeaseStore, holder: string, now: Date): Promise<boolean> {
  const until = await store.leases.heldUntil(key(holder));
  return until !== undefined && until > now.getTime();
}

/**
 * CMS real-time figures of a task, shared: identical requests in flight share one upstream call, and
 * an answer is reused for a few seconds. A burst of `/aicc task ID` from a busy team would otherwise
 * queue behind the per-service connection cap.
 *
 * The call carries the asker's AICC `locale` (so the vendor's error text comes back in their
 * language), and so does the key of a call in flight (a failure is worded in its asker's locale); a
 * figure that arrived is the same in every language, so every reader shares it.
 */
import type { CmsClient } from '../../aicc/cms.js';
import type { TaskRealtime } from '../../aicc/domain.js';
import type { Clock } from '../../platform/clock.js';

export interface TaskRealtimeQuery {
  /** `locale`: the AICC `locale` header (`LOCALE_INFO[…].aicc`); the transport's default when absent. */
  get(vdn: number, taskId: string, locale?: string): Promise<{ task: TaskRealtime; fetchedAt: Date }>;
}

export function createTaskRealtimeQuery(cms: CmsClient, clock: Clock, ttlMs = 10_000): TaskRealtimeQuery {
  const cache = new Map<string, { task: TaskRealtime; fetchedAt: Date }>();
  const inFlight = new Map<string, Promise<{ task: TaskRealtime; fetchedAt: Date }>>();
  return {
    get(vdn, taskId, locale) {
      const key = `${vdn}|${taskId}`;
      const flight = `${key}|${locale ?? ''}`;
      const hit = cache.get(key);
      if (hit && clock().getTime() - hit.fetchedAt.getTime() < ttlMs) return Promise.resolve(hit);
      let p = inFlight.get(flight);
      if (!p) {
        p = cms
          .taskRealtimeStatistics(vdn, taskId, { locale })
          .then((task) => {
            const value = { task, fetchedAt: clock() };
            // Bounded: a cache of recent answers, not a store.
            if (cache.size > 5000) cache.clear();
            cache.set(key, value);
            return value;
          })
          .finally(() => inFlight.delete(flight));
        inFlight.set(flight, p);
      }
      return p;
    },
  };
}

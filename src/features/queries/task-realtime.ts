/**
 * CMS real-time figures of a task, shared: identical requests in flight share one upstream call, and
 * an answer is reused for a few seconds. A burst of `/aicc task ID` from a busy team would otherwise
 * queue behind the per-service connection cap.
 */
import type { CmsClient } from '../../aicc/cms.js';
import type { TaskRealtime } from '../../aicc/domain.js';
import type { Clock } from '../../platform/clock.js';

export interface TaskRealtimeQuery {
  get(vdn: number, taskId: string): Promise<{ task: TaskRealtime; fetchedAt: Date }>;
}

export function createTaskRealtimeQuery(cms: CmsClient, clock: Clock, ttlMs = 10_000): TaskRealtimeQuery {
  const cache = new Map<string, { task: TaskRealtime; fetchedAt: Date }>();
  const inFlight = new Map<string, Promise<{ task: TaskRealtime; fetchedAt: Date }>>();
  return {
    get(vdn, taskId) {
      const key = `${vdn}|${taskId}`;
      const hit = cache.get(key);
      if (hit && clock().getTime() - hit.fetchedAt.getTime() < ttlMs) return Promise.resolve(hit);
      let p = inFlight.get(key);
      if (!p) {
        p = cms
          .taskRealtimeStatistics(vdn, taskId)
          .then((task) => {
            const value = { task, fetchedAt: clock() };
            // Bounded: a cache of recent answers, not a store.
            if (cache.size > 5000) cache.clear();
            cache.set(key, value);
            return value;
          })
          .finally(() => inFlight.delete(key));
        inFlight.set(key, p);
      }
      return p;
    },
  };
}

/** CC-CMS client: real-time statistics of one outbound task. */
import { z } from 'zod';
import { count, rate } from './convert.js';
import type { TaskRealtime } from './domain.js';
import type { Transport } from './transport.js';
import { checkCms, parseBody } from './vendor-result.js';

const realtimeSchema = z.object({
  resultDesc: z.object({
    totalCount: count,
    succCount: count,
    failCount: count,
    succRate: rate,
    compCount: count,
    waitCount: count,
    execCount: count,
    compRate: rate,
  }),
});

export interface CmsClient {
  taskRealtimeStatistics(vdn: number, taskId: string): Promise<TaskRealtime>;
}

export function createCmsClient(transport: Transport, opts: { ccId?: number }): CmsClient {
  async function taskRealtimeStatistics(vdn: number, taskId: string): Promise<TaskRealtime> {
    const res = await transport.request({
      endpoint: 'task real-time statistics',
      method: 'POST',
      path: '/rest/cmsapp/v1/openapi/fromisales/realstatistic',
      body: { ...(opts.ccId === undefined ? {} : { ccId: opts.ccId }), vdn, taskId },
      // A query, not a change: safe to retry.
      idempotent: true,
    });
    checkCms('task real-time statistics', res.json);
    const { resultDesc: r } = parseBody('cms', 'task real-time statistics', realtimeSchema, res.json);
    return {
      taskId,
      total: r.totalCount,
      connected: r.succCount,
      failed: r.failCount,
      completed: r.compCount,
      waiting: r.waitCount,
      inProgress: r.execCount,
      vendorSuccessRate: r.succRate,
      vendorCompletionRate: r.compRate,
    };
  }
  return { taskRealtimeStatistics };
}

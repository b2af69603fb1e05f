/** CC-CMS client: real-time statistics of one outbound task. */
import { z } from 'zod';
import { vetCounts, vetRate } from './convert.js';
import type { TaskRealtime } from './domain.js';
import type { CallOptions, Transport } from './transport.js';
import { checkCms, parseBody } from './vendor-result.js';

const realtimeSchema = z.object({
  resultDesc: z.object({
    totalCount: z.unknown().optional(),
    succCount: z.unknown().optional(),
    failCount: z.unknown().optional(),
    succRate: z.unknown().optional(),
    compCount: z.unknown().optional(),
    waitCount: z.unknown().optional(),
    execCount: z.unknown().optional(),
    compRate: z.unknown().optional(),
  }),
});

/**
 * The task's figures with the impossible ones (negative, connected, failed or completed above the
 * total, a rate above 100% or a bare "50") set apart in `inconsistent`.
 */
export function readRealtime(taskId: string, r: Record<string, unknown>): TaskRealtime {
  const { clean, inconsistent } = vetCounts(
    { total: r.totalCount, connected: r.succCount, failed: r.failCount, completed: r.compCount, waiting: r.waitCount, inProgress: r.execCount },
    [['connected', 'total'], ['failed', 'total'], ['completed', 'total'], ['waiting', 'total'], ['inProgress', 'total']],
  );
  const success = vetRate(r.succRate);
  const completion = vetRate(r.compRate);
  const bad: NonNullable<TaskRealtime['inconsistent']> = { ...inconsistent };
  if (success.inconsistent !== undefined) bad.vendorSuccessRate = success.inconsistent;
  if (completion.inconsistent !== undefined) bad.vendorCompletionRate = completion.inconsistent;
  return {
    taskId,
    ...clean,
    vendorSuccessRate: success.rate,
    vendorCompletionRate: completion.rate,
    ...(Object.keys(bad).length > 0 ? { inconsistent: bad } : {}),
  };
}

export interface CmsClient {
  /** `opts.locale` picks the language of the vendor's error text. */
  taskRealtimeStatistics(vdn: number, taskId: string, opts?: CallOptions): Promise<TaskRealtime>;
}

export function createCmsClient(transport: Transport, opts: { ccId?: number }): CmsClient {
  async function taskRealtimeStatistics(vdn: number, taskId: string, call: CallOptions = {}): Promise<TaskRealtime> {
    const res = await transport.request({
      endpoint: 'task real-time statistics',
      method: 'POST',
      path: '/rest/cmsapp/v1/openapi/fromisales/realstatistic',
      body: { ...(opts.ccId === undefined ? {} : { ccId: opts.ccId }), vdn, taskId },
      // A query, not a change: safe to retry.
      idempotent: true,
      locale: call.locale,
      background: call.background,
    });
    checkCms('task real-time statistics', res.json);
    const { resultDesc: r } = parseBody('cms', 'task real-time statistics', realtimeSchema, res.json);
    return readRealtime(taskId, r);
  }
  return { taskRealtimeStatistics };
}

import { describe, expect, it } from 'vitest';
import type { CmsClient } from '../../../../src/aicc/cms.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { createTaskRealtimeQuery } from '../../../../src/features/queries/task-realtime.js';

describe('task real-time query', () => {
  it('shares one call among concurrent identical requests and reuses it for a few seconds', async () => {
    let calls = 0;
    const cms: CmsClient = {
      taskRealtimeStatistics: async (_vdn, taskId) => {
        calls++;
        await new Promise((r) => setTimeout(r, 20));
        return { taskId, total: calls };
      },
    };
    const clock = manualClock('2026-11-20T10:00:00Z');
    const q = createTaskRealtimeQuery(cms, clock, 10_000);
    const answers = await Promise.all(Array.from({ length: 20 }, () => q.get(8, 'T1')));
    expect(calls).toBe(1);
    expect(answers.every((a) => a.task.total === 1)).toBe(true);
    clock.advance(5_000);
    expect((await q.get(8, 'T1')).task.total).toBe(1);
    await q.get(8, 'T2');
    expect(calls).toBe(2);
    clock.advance(6_000);
    expect((await q.get(8, 'T1')).task.total).toBe(3);
  });

  it('does not keep a failure', async () => {
    let fail = true;
    const cms: CmsClient = {
      taskRealtimeStatistics: async (_vdn, taskId) => {
        if (fail) throw new Error('down');
        return { taskId, total: 1 };
      },
    };
    const q = createTaskRealtimeQuery(cms, manualClock(0));
    await expect(q.get(8, 'T')).rejects.toThrow('down');
    fail = false;
    expect((await q.get(8, 'T')).task.total).toBe(1);
  });
});

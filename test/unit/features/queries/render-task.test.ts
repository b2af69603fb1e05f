import { describe, expect, it } from 'vitest';
import { renderTask } from '../../../../src/features/queries/render-task.js';
import type { TaskView } from '../../../../src/features/queries/views.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { FETCHED_AT, TZ, allText, campaign } from '../../../support/render-fixtures.js';
import { translator } from '../../../../src/i18n/index.js';

const view = (over: Partial<TaskView> = {}): TaskView => ({
  vdn: 12,
  timeZone: TZ,
  fetchedAt: FETCHED_AT, tr: translator(),
  task: { taskId: '1798316116', total: 30, connected: 20, failed: 4, completed: 24, waiting: 5, inProgress: 1, vendorSuccessRate: 0.9, vendorCompletionRate: 0.9 },
  ...over,
});

describe('renderTask', () => {
  it('shows counts and rates computed from counts, not the vendor rates', () => {
    const blocks = renderTask(view());
    const text = allText(blocks);
    expect(text).toContain('Task `1798316116`');
    expect(text).toContain('*Dialled (total)*\n30');
    expect(text).toContain('*Connected*\n20');
    expect(text).toContain('*Failed*\n4');
    expect(text).toContain('*Connection rate*\n66.7%');
    expect(text).toContain('*Completed*\n24');
    expect(text).toContain('*Completion rate*\n80.0%');
    expect(text).toContain('*Waiting*\n5');
    expect(text).toContain('*In progress*\n1');
    expect(text).toContain('▓▓▓▓▓▓▓▓░░  80.0% complete');
    expect(text).toContain('as of 10:05 (Asia/Shanghai)');
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('an empty task is "no data", never 0%', () => {
    const text = allText(renderTask(view({ task: { taskId: '1', total: 0, connected: 0, completed: 0, vendorSuccessRate: 0, vendorCompletionRate: 0 } })));
    expect(text).toContain('*Connection rate*\nno data');
    expect(text).toContain('*Completion rate*\nno data');
    expect(text).not.toContain('0.0%');
  });

  it('uses the vendor rate only when counts are unknown, and dashes for unknown counts', () => {
    const text = allText(renderTask(view({ task: { taskId: '1', vendorSuccessRate: 0.5, vendorCompletionRate: null } })));
    expect(text).toContain('*Connection rate*\n50.0%');
    expect(text).toContain('*Completion rate*\nno data');
    expect(text).toContain('*Dialled (total)*\n–');
    expect(text).toContain('*Waiting*\n–');
  });

  it('names the campaign, escaped', () => {
    const text = allText(renderTask(view({ campaign: campaign({ name: '<!channel> & <@U123>' }) })));
    expect(text).toContain('*&lt;!channel&gt; &amp; &lt;@U123&gt;*  `1798316116`');
  });
});

/**
 * `/aicc task`: real-time progress of one outbound task. Rates come from the counts (success =
 * connected / total, completion = completed / total); the vendor's own rates are used only when
 * the counts are unknown.
 */
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, formatCount, formatPercent, progressBar, rateOr, ratio, truncate } from '../../slack/format.js';
import { fields, header, metaLine, section, statusEmoji } from '../../slack/render/blocks.js';
import type { TaskView } from './views.js';

/** Renders one task's real-time statistics. */
export function renderTask(view: TaskView): KnownBlock[] {
  const { task, campaign } = view;
  const success = rateOr(ratio(task.connected, task.total), task.vendorSuccessRate);
  const completion = rateOr(ratio(task.completed, task.total), task.vendorCompletionRate);
  const id = `\`${escapeMrkdwn(task.taskId)}\``;
  const title = campaign
    ? `${statusEmoji(campaign.status)} *${escapeMrkdwn(truncate(campaign.name || '(no name)', 150))}*  ${id}`
    : `Task ${id}`;
  const bar = progressBar(completion);

  return [
    header('Task progress'),
    section(bar ? `${title}\n${bar}  ${formatPercent(completion)} complete` : title),
    metaLine(view),
    fields([
      ['Total', formatCount(task.total)],
      ['Connected', formatCount(task.connected)],
      ['Failed', formatCount(task.failed)],
      ['Success rate', formatPercent(success)],
      ['Completed', formatCount(task.completed)],
      ['Completion rate', formatPercent(completion)],
      ['Waiting', formatCount(task.waiting)],
      ['In progress', formatCount(task.inProgress)],
    ]),
  ];
}

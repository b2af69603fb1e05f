/**
 * `/aicc task`: real-time progress of one outbound task. Rates come from the counts (connection
 * rate = connected ÷ total, completion = completed ÷ total); the vendor's own rates are used only when
 * the counts are unknown.
 */
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, formatCount, formatPercent, plural, progressBar, rateOr, ratio, truncate } from '../../slack/format.js';
import { context, fields, header, metaLine, section, statusEmoji } from '../../slack/render/blocks.js';
import { countOrSent, rateOrInconsistent } from '../../slack/render/figure.js';
import type { TaskView } from './views.js';

/** Renders one task's real-time statistics. */
export function renderTask(view: TaskView): KnownBlock[] {
  const { task, campaign } = view;
  const sent = task.inconsistent ?? {};
  const success = rateOr(ratio(task.connected, task.total), task.vendorSuccessRate);
  const completion = rateOr(ratio(task.completed, task.total), task.vendorCompletionRate);
  const id = `\`${escapeMrkdwn(task.taskId)}\``;
  const title = campaign
    ? `${statusEmoji(campaign.status)} *${escapeMrkdwn(truncate(campaign.name || '(no name)', 150))}*  ${id}`
    : `Task ${id}`;
  const bar = progressBar(completion);
  const bad = Object.keys(sent).length;

  return [
    header('Task progress'),
    section(bar ? `${title}\n${bar}  ${formatPercent(completion)} complete` : title),
    metaLine(view),
    section('*Calls today*'),
    fields([
      ['Dialled (total)', countOrSent(task.total, sent.total)],
      ['Connected', countOrSent(task.connected, sent.connected)],
      ['Failed', countOrSent(task.failed, sent.failed)],
      ['Connection rate', rateOrInconsistent(success, sent.connected !== undefined || sent.total !== undefined, sent.vendorSuccessRate)],
    ]),
    context(callsSum(task)),
    section('*Where the task stands now*'),
    fields([
      ['Completed', countOrSent(task.completed, sent.completed)],
      ['Completion rate', rateOrInconsistent(completion, sent.completed !== undefined || sent.total !== undefined, sent.vendorCompletionRate)],
      ['Waiting', countOrSent(task.waiting, sent.waiting)],
      ['In progress', countOrSent(task.inProgress, sent.inProgress)],
    ]),
    context('Completed calls are part of the total (completion rate = completed ÷ total). Waiting (not dialled yet) and in progress (being dialled now) are the queue at this moment, counted apart, so the three need not add up to the total.'),
    ...(bad > 0 ? [context(`:warning: CMS sent ${plural(bad, 'figure')} that cannot be true: shown as sent, marked inconsistent, and left out of rates and alerts.`)] : []),
  ];
}

/** How connected and failed relate to the total: they add up, or how many calls are neither yet. */
function callsSum(task: TaskView['task']): string {
  const { total, connected, failed } = task;
  if (total === undefined || connected === undefined || failed === undefined) return 'Dialled = connected + failed + calls not yet settled (some counts are unknown).';
  const settled = connected + failed;
  if (settled === total) return `Connected ${formatCount(connected)} + failed ${formatCount(failed)} = ${formatCount(total)} dialled.`;
  if (settled < total) return `Connected ${formatCount(connected)} + failed ${formatCount(failed)} = ${formatCount(settled)} of ${formatCount(total)} dialled; the other ${formatCount(total - settled)} have no result yet.`;
  return `Connected ${formatCount(connected)} + failed ${formatCount(failed)} = ${formatCount(settled)}, more than the ${formatCount(total)} dialled: CMS counts them at different moments.`;
}

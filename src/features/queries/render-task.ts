/**
 * `/aicc task`: real-time progress of one outbound task. Rates come from the counts (connection
 * rate = connected ÷ total, completion = completed ÷ total); the vendor's own rates are used only when
 * the counts are unknown.
 */
import type { KnownBlock } from '@slack/types';
import type { Translator } from '../../i18n/index.js';
import { escapeMrkdwn, progressBar, rateOr, ratio, truncate } from '../../slack/format.js';
import { context, fields, header, metaLine, section, statusEmoji } from '../../slack/render/blocks.js';
import { countOrSent, rateOrInconsistent } from '../../slack/render/figure.js';
import { type TaskView } from './views.js';

/** Renders one task's real-time statistics. */
export function renderTask(view: TaskView): KnownBlock[] {
  const { tr } = view;
  const { task, campaign } = view;
  const sent = task.inconsistent ?? {};
  const success = rateOr(ratio(task.connected, task.total), task.vendorSuccessRate);
  const completion = rateOr(ratio(task.completed, task.total), task.vendorCompletionRate);
  const id = `\`${escapeMrkdwn(task.taskId)}\``;
  const title = campaign
    ? `${statusEmoji(campaign.status)} *${escapeMrkdwn(truncate(campaign.name || tr.t('queries.noName'), 150))}*  ${id}`
    : tr.t('queries.task.untitled', { id });
  const bar = progressBar(completion);
  const bad = Object.keys(sent).length;

  return [
    header(tr.t('queries.task.title')),
    section(bar ? `${title}\n${tr.t('queries.task.complete', { bar, percent: tr.percent(completion) })}` : title),
    metaLine(tr, view),
    section(tr.t('queries.task.callsToday')),
    fields([
      [tr.t('queries.task.dialledTotal'), countOrSent(tr, task.total, sent.total)],
      [tr.t('queries.task.connected'), countOrSent(tr, task.connected, sent.connected)],
      [tr.t('queries.task.failed'), countOrSent(tr, task.failed, sent.failed)],
      [tr.t('queries.task.connectionRate'), rateOrInconsistent(tr, success, sent.connected !== undefined || sent.total !== undefined, sent.vendorSuccessRate)],
    ]),
    context(callsSum(tr, task)),
    section(tr.t('queries.task.standsNow')),
    fields([
      [tr.t('queries.task.completed'), countOrSent(tr, task.completed, sent.completed)],
      [tr.t('queries.task.completionRate'), rateOrInconsistent(tr, completion, sent.completed !== undefined || sent.total !== undefined, sent.vendorCompletionRate)],
      [tr.t('queries.task.waiting'), countOrSent(tr, task.waiting, sent.waiting)],
      [tr.t('queries.task.inProgress'), countOrSent(tr, task.inProgress, sent.inProgress)],
    ]),
    context(tr.t('queries.task.queueNote')),
    ...(bad > 0 ? [context(tr.t('queries.task.inconsistent', { n: bad }))] : []),
  ];
}

/** How connected and failed relate to the total: they add up, or how many calls are neither yet. */
function callsSum(tr: Translator, task: TaskView['task']): string {
  const { total, connected, failed } = task;
  if (total === undefined || connected === undefined || failed === undefined) return tr.t('queries.task.sum.unknown');
  const settled = connected + failed;
  const n = { connected: tr.count(connected), failed: tr.count(failed), settled: tr.count(settled), total: tr.count(total) };
  if (settled === total) return tr.t('queries.task.sum.equal', n);
  if (settled < total) return tr.t('queries.task.sum.less', { ...n, open: tr.count(total - settled) });
  return tr.t('queries.task.sum.more', n);
}

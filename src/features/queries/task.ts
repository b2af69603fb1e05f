/** `/aicc task TASK_ID` */
import type { Campaign } from '../../aicc/domain.js';
import { LOCALE_INFO } from '../../i18n/index.js';
import type { taskCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderTask } from './render-task.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { QueriesDeps } from './deps.js';

export async function handleTask(input: ParsedCommand<typeof taskCommand>, inv: Invocation, deps: QueriesDeps): Promise<HandlerResult> {
  const taskId = input.positional.taskId;
  // The name comes from the campaign list; run both at once and let the name fail quietly. The
  // real-time call is this reader's (the vendor's error text in their language); the list is the
  // shared directory's.
  const [{ task, fetchedAt }, names] = await Promise.all([
    deps.tasks.get(inv.vdn, taskId, LOCALE_INFO[inv.tr.locale].aicc),
    deps.directory.byId(inv.vdn).catch((): Map<string, Campaign> => new Map()),
  ]);
  return renderTask({ task, campaign: names.get(taskId), vdn: inv.vdn, timeZone: deps.timeZone, fetchedAt, tr: inv.tr });
}

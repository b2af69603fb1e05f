/** `/aicc digest remove|pause|resume|run ID` */
import { renderDigestNotFound, renderDigestPauseChanged, renderDigestRemoved, renderDigestRunStarted, renderDigestRunTooSoon } from './render-list.js';
import { runDigestNow } from './run-now.js';
import type { DigestSubscription } from '../../store/digests.js';
import type { digestPauseCommand, digestRemoveCommand, digestResumeCommand, digestRunCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderError } from '../../slack/render/error.js';
import { msg } from '../../slack/commands/message.js';
import { audit, authorize } from '../../slack/permissions.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { DigestsDeps } from './deps.js';

type ManageInput = ParsedCommand<typeof digestRemoveCommand> | ParsedCommand<typeof digestPauseCommand> | ParsedCommand<typeof digestResumeCommand> | ParsedCommand<typeof digestRunCommand>;

async function find(input: ManageInput, deps: DigestsDeps): Promise<DigestSubscription | undefined> {
  return deps.store.digests.get(input.positional.id);
}

export async function handleDigestRemove(input: ParsedCommand<typeof digestRemoveCommand>, inv: Invocation, deps: DigestsDeps): Promise<HandlerResult> {
  authorize('change-digests', inv, deps, 'remove-digests');
  const sub = await find(input, deps);
  if (!sub || !(await deps.store.digests.remove(sub.id))) return renderDigestNotFound(inv.tr, input.positional.id);
  await audit(deps, inv, 'digest.remove', `digest:${sub.id}`, sub);
  return renderDigestRemoved(inv.tr, sub.id, sub.channelId);
}

async function setPaused(input: ManageInput, inv: Invocation, deps: DigestsDeps, paused: boolean): Promise<HandlerResult> {
  authorize('change-digests', inv, deps, paused ? 'pause-digests' : 'resume-digests');
  const sub = await find(input, deps);
  if (!sub) return renderDigestNotFound(inv.tr, input.positional.id);
  // Resuming starts from now: the slots skipped while paused are neither posted nor "missed".
  await deps.store.digests.setPaused(sub.id, paused, deps.clock().getTime());
  await audit(deps, inv, paused ? 'digest.pause' : 'digest.resume', `digest:${sub.id}`);
  const updated = { ...sub, paused };
  return renderDigestPauseChanged(inv.tr, { ...updated, nextRun: deps.digests.nextRun(updated) });
}

export const handleDigestPause = (input: ParsedCommand<typeof digestPauseCommand>, inv: Invocation, deps: DigestsDeps) => setPaused(input, inv, deps, true);
export const handleDigestResume = (input: ParsedCommand<typeof digestResumeCommand>, inv: Invocation, deps: DigestsDeps) => setPaused(input, inv, deps, false);

export async function handleDigestRun(input: ParsedCommand<typeof digestRunCommand>, inv: Invocation, deps: DigestsDeps): Promise<HandlerResult> {
  const result = await runDigestNow(input.positional.id, inv, deps, 'command');
  if (result.kind === 'not-found') return renderDigestNotFound(inv.tr, input.positional.id);
  if (result.kind === 'too-soon') return renderDigestRunTooSoon(inv.tr, result.sub, result.retryAt, deps.timeZone);
  if (result.outcome.status === 'failed') return renderError(inv.tr, { title: msg('digests.run.failedTitle', { id: String(result.sub.id) }), detail: result.outcome.error, hint: msg('digests.run.failedHint') });
  return renderDigestRunStarted(inv.tr, result.sub);
}

/** `/aicc alert remove|mute|unmute ID`: admins only when BOT_ADMIN_USERS is set; every change audited. */
import { nextMidnight } from './time.js';
import type { alertMuteCommand, alertRemoveCommand, alertUnmuteCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderAlertMuteChanged, renderAlertNotFound, renderAlertRemoved } from './render-list.js';
import { section } from '../../slack/render/blocks.js';
import { audit, authorize } from '../../slack/permissions.js';
import { ruleView } from './handle-common.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { AlertsDeps } from './deps.js';

export async function handleAlertRemove(input: ParsedCommand<typeof alertRemoveCommand>, inv: Invocation, deps: AlertsDeps): Promise<HandlerResult> {
  authorize('change-alerts', inv, deps, 'remove-alerts');
  const rule = await deps.store.alerts.get(input.positional.id);
  if (!rule || !(await deps.store.alerts.remove(rule.id))) return renderAlertNotFound(inv.tr, input.positional.id);
  await audit(deps, inv, 'alert.remove', `alert:${rule.id}`, rule);
  return renderAlertRemoved(inv.tr, ruleView(rule));
}

export async function handleAlertMute(input: ParsedCommand<typeof alertMuteCommand>, inv: Invocation, deps: AlertsDeps): Promise<HandlerResult> {
  authorize('mute-alerts', inv, deps, 'mute-alerts');
  const now = deps.clock().getTime();
  const { id, length } = input.positional;
  const until = length === 'tomorrow' ? nextMidnight(now, deps.timeZone) : now + length * 1000;
  const rule = await deps.alerts.mute(id, until, inv.userId);
  if (!rule) return renderAlertNotFound(inv.tr, id);
  await audit(deps, inv, 'alert.mute', `alert:${id}`, { until });
  return renderAlertMuteChanged(inv.tr, ruleView(rule), new Date(until), deps.timeZone);
}

export async function handleAlertUnmute(input: ParsedCommand<typeof alertUnmuteCommand>, inv: Invocation, deps: AlertsDeps): Promise<HandlerResult> {
  authorize('mute-alerts', inv, deps, 'unmute-alerts');
  const now = deps.clock().getTime();
  const { id } = input.positional;
  const before = await deps.store.alerts.get(id);
  if (!before) return renderAlertNotFound(inv.tr, id);
  if (before.mutedUntil === undefined || before.mutedUntil <= now) return [section(inv.tr.t('alerts.notMuted', { id: String(id) }))];
  // Ending the mute now, rather than clearing it, gives a still-firing alert its one reminder.
  const rule = await deps.alerts.mute(id, now, inv.userId);
  if (!rule) return renderAlertNotFound(inv.tr, id);
  await audit(deps, inv, 'alert.unmute', `alert:${id}`);
  return renderAlertMuteChanged(inv.tr, ruleView(rule), undefined, deps.timeZone);
}

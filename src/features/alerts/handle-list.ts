/** `/aicc alert list [#channel]`: every rule with its settings and the state of its subjects. */
import type { alertListCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderAlertList } from './render-list.js';
import { ruleView } from './handle-common.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { AlertsDeps } from './deps.js';

export async function handleAlertList(input: ParsedCommand<typeof alertListCommand>, inv: Invocation, deps: AlertsDeps): Promise<HandlerResult> {
  const channelId = input.positional.channel;
  const rules = await deps.store.alerts.list(channelId ? { channelId } : undefined);
  const items = await Promise.all(
    rules.map(async (rule) => ({
      rule: ruleView(rule),
      states: (await deps.store.alerts.states.listByRule(rule.id)).map((s) => ({
        subject: s.subject,
        state: s.state,
        since: new Date(s.since),
        value: s.lastValue,
        volume: s.lastVolume,
        ackedBy: s.ackedBy,
      })),
    })),
  );
  return renderAlertList(inv.tr, { items, channelId, now: deps.clock(), timeZone: deps.timeZone });
}

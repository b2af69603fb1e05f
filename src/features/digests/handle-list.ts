/** `/aicc digest list [#channel]`: every subscription with its next run and last delivery. */
import type { DigestDelivery } from './render-list.js';
import { renderDigestList } from './render-list.js';
import type { Delivery } from '../../store/deliveries.js';
import type { digestListCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { DigestsDeps } from './deps.js';

function toDelivery(d: Delivery | undefined): DigestDelivery | undefined {
  if (!d) return undefined;
  const scheduledFor = Number(d.jobKey.split('@')[1]);
  return {
    status: d.status === 'late' ? 'posted-late' : d.status,
    at: new Date(d.at),
    scheduledFor: Number.isFinite(scheduledFor) ? new Date(scheduledFor) : undefined,
    detail: d.error,
  };
}

export async function handleDigestList(input: ParsedCommand<typeof digestListCommand>, inv: Invocation, deps: DigestsDeps): Promise<HandlerResult> {
  const channelId = input.positional.channel;
  const subs = await deps.store.digests.list(channelId ? { channelId } : undefined);
  const items = await Promise.all(
    subs.map(async (sub) => ({ ...sub, nextRun: deps.digests.nextRun(sub), lastDelivery: toDelivery((await deps.store.deliveries.bySubscription(sub.id, 1))[0]) })),
  );
  return renderDigestList(inv.tr, { items, channelId });
}

/** `/aicc digest add [#channel] [at:] [days:] [tz:] [campaigns:] [bots:] [when:]` */
import { renderDigestAdded } from './render-list.js';
import type { digestAddCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { audit, authorize } from '../../slack/permissions.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { DigestsDeps } from './deps.js';

export async function handleDigestAdd(input: ParsedCommand<typeof digestAddCommand>, inv: Invocation, deps: DigestsDeps): Promise<HandlerResult> {
  authorize('add-digests', inv, deps);
  const o = input.options;
  const sub = await deps.store.digests.create({
    channelId: input.positional.channel ?? inv.channelId,
    vdn: inv.vdn,
    at: o.at ?? '09:00',
    days: o.days ?? 'mon-fri',
    timeZone: o.tz ?? deps.botTimeZone,
    campaigns: o.campaigns ?? 'all',
    bots: o.bots ?? [],
    whenMode: o.when ?? 'always',
    createdBy: inv.userId,
    createdAt: deps.clock().getTime(),
  });
  await audit(deps, inv, 'digest.add', `digest:${sub.id}`, sub);
  return renderDigestAdded({ ...sub, nextRun: deps.digests.nextRun(sub) });
}

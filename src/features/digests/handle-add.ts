/** `/aicc digest add [#channel] [at:] [days:] [tz:] [campaigns:] [bots:] [when:]` */
import { renderDigestAdded } from './render-list.js';
import type { digestAddCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { audit, authorize } from '../../slack/permissions.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { DigestsDeps } from './deps.js';
import { NotFound } from '../../slack/commands/not-found.js';
import { escapeMrkdwn } from '../../slack/format.js';

export async function handleDigestAdd(input: ParsedCommand<typeof digestAddCommand>, inv: Invocation, deps: DigestsDeps): Promise<HandlerResult> {
  authorize('add-digests', inv, deps);
  const o = input.options;
  if (Array.isArray(o.campaigns)) await requireKnownCampaigns(o.campaigns, inv.vdn, deps);
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

/** A typo in a campaign id would make a digest that fails when it posts: refuse it now, naming the ids. */
async function requireKnownCampaigns(ids: readonly string[], vdn: number, deps: DigestsDeps): Promise<void> {
  const known = await deps.directory.byId(vdn);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length === 0) return;
  const list = unknown.slice(0, 10).map((id) => `\`${escapeMrkdwn(id)}\``).join(', ');
  throw new NotFound(`VDN ${vdn} has no campaign ${list}${unknown.length > 10 ? ` (and ${unknown.length - 10} more)` : ''}; the digest was not added.`, '`/aicc campaigns all` lists the campaign ids.');
}

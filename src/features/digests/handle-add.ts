/** `/aicc digest add [#channel] [at:] [days:] [tz:] [campaigns:] [bots:] [when:] [lang:]` */
import { renderDigestAdded } from './render-list.js';
import type { digestAddCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { audit, authorize } from '../../slack/permissions.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { DigestsDeps } from './deps.js';
import { NotFound } from '../../slack/commands/not-found.js';
import { msg } from '../../slack/commands/message.js';
import { escapeMrkdwn } from '../../slack/format.js';
import type { Translator } from '../../i18n/index.js';

export async function handleDigestAdd(input: ParsedCommand<typeof digestAddCommand>, inv: Invocation, deps: DigestsDeps): Promise<HandlerResult> {
  authorize('add-digests', inv, deps);
  const o = input.options;
  if (Array.isArray(o.campaigns)) await requireKnownCampaigns(inv.tr, o.campaigns, inv.vdn, deps);
  const sub = await deps.store.digests.create({
    channelId: input.positional.channel ?? inv.channelId,
    vdn: inv.vdn,
    at: o.at ?? '09:00',
    days: o.days ?? 'mon-fri',
    timeZone: o.tz ?? deps.botTimeZone,
    campaigns: o.campaigns ?? 'all',
    bots: o.bots ?? [],
    whenMode: o.when ?? 'always',
    // `lang:channel` (null) is the same as no `lang:` at all: the channel's language.
    ...(o.lang ? { lang: o.lang } : {}),
    createdBy: inv.userId,
    createdAt: deps.clock().getTime(),
  });
  await audit(deps, inv, 'digest.add', `digest:${sub.id}`, sub);
  return renderDigestAdded(inv.tr, { ...sub, nextRun: deps.digests.nextRun(sub) });
}

/** The ids of `ids` the VDN's campaign list does not have: a typo would make a digest that fails when it posts. */
export async function unknownCampaigns(ids: 'all' | readonly string[], vdn: number, deps: Pick<DigestsDeps, 'directory'>): Promise<string[]> {
  if (ids === 'all') return [];
  const known = await deps.directory.byId(vdn);
  return ids.filter((id) => !known.has(id));
}

/** Unknown ids, named, for the form's field or a refusal: `999`, `abc` and 3 more. */
export function campaignList(tr: Translator, unknown: readonly string[]): string {
  const shown = unknown.slice(0, 10).map((id) => `\`${escapeMrkdwn(id)}\``).join(', ');
  return unknown.length > 10 ? tr.t('digests.andMore', { items: shown, more: tr.count(unknown.length - 10) }) : shown;
}

async function requireKnownCampaigns(tr: Translator, ids: readonly string[], vdn: number, deps: DigestsDeps): Promise<void> {
  const unknown = await unknownCampaigns(ids, vdn, deps);
  if (unknown.length === 0) return;
  throw new NotFound(msg('digests.add.unknownCampaigns', { vdn: String(vdn), ids: campaignList(tr, unknown) }), msg('digests.add.unknownCampaignsHint'));
}

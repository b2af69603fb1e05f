/** `/aicc stats [CAMPAIGN_ID] [batch:ID]` */
import type { Campaign } from '../../aicc/domain.js';
import type { statsCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderStats } from './render-stats.js';
import { statsHours } from './stats-hours.js';
import type { StatsRow } from './views.js';
import { NotFound } from '../../slack/commands/not-found.js';
import { msg } from '../../slack/commands/message.js';
import { echo } from '../../slack/format.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { QueriesDeps } from './deps.js';

/**
 * Names are a nicety: a failing campaign list must not hide the statistics. The list is the
 * directory's, shared by every reader, so it is fetched with the default AICC locale.
 */
async function namesOrEmpty(vdn: number, deps: QueriesDeps): Promise<Map<string, Campaign>> {
  try {
    return await deps.directory.byId(vdn);
  } catch (error) {
    deps.log.warn('campaign names unavailable for stats', { vdn, error });
    return new Map();
  }
}

export async function handleStats(input: ParsedCommand<typeof statsCommand>, inv: Invocation, deps: QueriesDeps): Promise<HandlerResult> {
  const { tr } = inv;
  const campaignId = input.positional.campaignId;
  const batchId = input.options.batch;
  // The guard answers a campaign from the VDN-wide call, and a batch from it too when it lists the
  // batch; one statistics call per VDN per interval, whatever is asked. Its answer is shared by
  // everyone who asks, so it goes out with the default AICC locale, not this reader's.
  const result = await deps.aicc.stats.get({ vdn: inv.vdn, campaignId, batchId });
  let campaigns = result.campaigns;
  if (campaignId) {
    campaigns = campaigns.filter((c) => c.campaignId === campaignId);
    if (campaigns.length === 0) {
      throw new NotFound(msg('queries.stats.notFound.campaign', { campaign: echo(campaignId), vdn: String(inv.vdn) }), msg('queries.stats.notFound.campaignHint'));
    }
  }
  if (batchId) {
    campaigns = campaigns.map((c) => ({ ...c, batches: c.batches.filter((b) => b.batchId === batchId) }));
    if (campaigns.every((c) => c.batches.length === 0)) {
      throw new NotFound(msg('queries.stats.notFound.batch', { batch: echo(batchId), campaign: echo(campaignId ?? ''), vdn: String(inv.vdn) }));
    }
  }
  const names = await namesOrEmpty(inv.vdn, deps);
  const rows: StatsRow[] = campaigns.map((stats) => ({ stats, campaign: names.get(stats.campaignId) }));
  const hours = campaignId ? await statsHours(inv.vdn, campaignId, deps) : undefined;
  return renderStats({
    ...(hours ? { hours } : {}),
    rows,
    showBatches: Boolean(campaignId),
    vdn: inv.vdn,
    timeZone: deps.timeZone,
    fetchedAt: result.fetchedAt,
    stale: result.stale,
    tr,
    nextRefreshAt: result.nextRefreshAt,
    ...(!campaignId && result.unreadable ? { unreadable: result.unreadable } : {}),
  });
}

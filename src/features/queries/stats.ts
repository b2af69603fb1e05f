/** `/aicc stats [CAMPAIGN_ID] [batch:ID]` */
import type { Campaign } from '../../aicc/domain.js';
import type { statsCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderStats } from './render-stats.js';
import { statsHours } from './stats-hours.js';
import type { StatsRow } from './views.js';
import { NotFound } from '../../slack/commands/not-found.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { QueriesDeps } from './deps.js';

/** Names are a nicety: a failing campaign list must not hide the statistics. */
async function namesOrEmpty(vdn: number, deps: QueriesDeps): Promise<Map<string, Campaign>> {
  try {
    return await deps.directory.byId(vdn);
  } catch (error) {
    deps.log.warn('campaign names unavailable for stats', { vdn, error });
    return new Map();
  }
}

export async function handleStats(input: ParsedCommand<typeof statsCommand>, inv: Invocation, deps: QueriesDeps): Promise<HandlerResult> {
  const campaignId = input.positional.campaignId;
  const batchId = input.options.batch;
  // The guard answers a campaign from the VDN-wide call, and a batch from it too when it lists the
  // batch; one statistics call per VDN per interval, whatever is asked.
  const result = await deps.aicc.stats.get({ vdn: inv.vdn, campaignId, batchId });
  let campaigns = result.campaigns;
  if (campaignId) {
    campaigns = campaigns.filter((c) => c.campaignId === campaignId);
    if (campaigns.length === 0) throw new NotFound(`No statistics for campaign \`${campaignId}\` in VDN ${inv.vdn}.`, 'Check the id with `/aicc campaigns all`.');
  }
  if (batchId) {
    campaigns = campaigns.map((c) => ({ ...c, batches: c.batches.filter((b) => b.batchId === batchId) }));
    if (campaigns.every((c) => c.batches.length === 0)) throw new NotFound(`No batch \`${batchId}\` in campaign \`${campaignId}\` (VDN ${inv.vdn}).`);
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
    nextRefreshAt: result.nextRefreshAt,
    ...(!campaignId && result.unreadable ? { unreadable: result.unreadable } : {}),
  });
}

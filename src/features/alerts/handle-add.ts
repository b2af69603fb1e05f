/** `/aicc alert add METRIC OP THRESHOLD [campaign:ID|bot:CODE|all] [#channel] [min:] [for:] [clear:] [repeat:] [mention:]` */
import { BOT_VDN } from '../collector/index.js';
import { decodeCampaigns } from '../collector/index.js';
import type { AlertRule } from '../../store/alert-rules.js';
import { defaultClear, METRICS } from './metrics.js';
import type { alertAddCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderAlertAdded } from './render-list.js';
import { audit, authorize } from '../../slack/permissions.js';
import { ruleView } from './handle-common.js';
import { formatTime } from '../../slack/format.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { AlertsDeps } from './deps.js';

/** Defaults: at least 50 calls, 10 minutes, clear on the healthy side, a reminder every 4 hours. */
export const ALERT_DEFAULTS = { minVolume: 50, forS: 600, repeatS: 4 * 3600 } as const;

export async function handleAlertAdd(input: ParsedCommand<typeof alertAddCommand>, inv: Invocation, deps: AlertsDeps): Promise<HandlerResult> {
  authorize('add-alerts', inv, deps);
  const { metric: name, op, threshold, target } = input.positional;
  const o = input.options;
  const metric = METRICS[name];
  // The table's check guarantees exactly one of campaign, bot and all, fitting the metric.
  const scope = target?.all ? 'all' : metric.subject === 'bot' ? 'bot' : 'campaign';
  const rule = await deps.store.alerts.create({
    metric: name,
    op,
    threshold,
    scope,
    scopeId: scope === 'all' ? null : (o.campaign ?? o.bot ?? null),
    vdn: metric.subject === 'bot' ? BOT_VDN : inv.vdn,
    minVolume: o.min ?? ALERT_DEFAULTS.minVolume,
    forS: o.for ?? ALERT_DEFAULTS.forS,
    clearValue: o.clear ?? defaultClear(metric, op, threshold),
    repeatS: o.repeat ?? ALERT_DEFAULTS.repeatS,
    channelId: target?.channel ?? inv.channelId,
    mention: o.mention ?? null,
    createdBy: inv.userId,
    createdAt: deps.clock().getTime(),
  });
  await audit(deps, inv, 'alert.add', `alert:${rule.id}`, rule);
  return renderAlertAdded(ruleView(rule), deps.clock(), deps.timeZone, await campaignNote(rule, deps));
}

/** A typo in a campaign id would never fire: say so when the last collected list does not have it. */
async function campaignNote(rule: AlertRule, deps: AlertsDeps): Promise<string | undefined> {
  if (rule.scope !== 'campaign' || !rule.scopeId) return undefined;
  const snap = await deps.store.snapshots.latest('campaigns', rule.vdn, '', { okOnly: true });
  if (!snap) return undefined;
  const campaign = decodeCampaigns(snap.payload).find((c) => c.id === rule.scopeId);
  const asOf = `as of ${formatTime(new Date(snap.takenAt), deps.timeZone)}`;
  if (!campaign) return `Campaign ${rule.scopeId} is not in the campaign list of VDN ${rule.vdn} (${asOf}). Check the id; the rule applies only while such a campaign runs.`;
  if (campaign.status !== 2) return `Campaign ${rule.scopeId} is ${campaign.statusLabel} (${asOf}); the rule applies only while it runs.`;
  return undefined;
}

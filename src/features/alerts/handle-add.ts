/** `/aicc alert add METRIC OP THRESHOLD [campaign:ID|bot:CODE|all] [#channel] [min:] [for:] [clear:] [repeat:] [mention:] [lang:]` */
import { decodeCampaigns } from '../collector/index.js';
import type { AlertRule } from '../../store/alert-rules.js';
import { ruleFromInput } from './rule-input.js';
import type { alertAddCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderAlertAdded } from './render-list.js';
import { audit, authorize } from '../../slack/permissions.js';
import { ruleView } from './handle-common.js';
import type { Translator } from '../../i18n/index.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { AlertsDeps } from './deps.js';

export { ALERT_DEFAULTS } from './rule-input.js';

export async function handleAlertAdd(input: ParsedCommand<typeof alertAddCommand>, inv: Invocation, deps: AlertsDeps): Promise<HandlerResult> {
  authorize('add-alerts', inv, deps);
  const { metric: name, op, threshold, target } = input.positional;
  const o = input.options;
  // The table's check guarantees exactly one of campaign, bot and all, fitting the metric.
  const settings = ruleFromInput({ metric: name, op, threshold, all: Boolean(target?.all), campaign: o.campaign, bot: o.bot, min: o.min, for: o.for, clear: o.clear, repeat: o.repeat }, inv.vdn);
  const rule = await deps.store.alerts.create({
    ...settings,
    channelId: target?.channel ?? inv.channelId,
    mention: o.mention ?? null,
    // `lang:channel` (null) and no `lang:` alike: the rule follows its channel's language.
    lang: o.lang ?? null,
    createdBy: inv.userId,
    createdAt: deps.clock().getTime(),
  });
  await audit(deps, inv, 'alert.add', `alert:${rule.id}`, rule);
  return renderAlertAdded(inv.tr, ruleView(rule), deps.clock(), deps.timeZone, await campaignNote(inv.tr, rule, deps));
}

/** A typo in a campaign id would never fire: say so when the last collected list does not have it. */
async function campaignNote(tr: Translator, rule: AlertRule, deps: AlertsDeps): Promise<string | undefined> {
  if (rule.scope !== 'campaign' || !rule.scopeId) return undefined;
  const snap = await deps.store.snapshots.latest('campaigns', rule.vdn, '', { okOnly: true });
  if (!snap) return undefined;
  const campaign = decodeCampaigns(snap.payload).find((c) => c.id === rule.scopeId);
  const about = { id: rule.scopeId, time: tr.time(new Date(snap.takenAt), deps.timeZone) };
  if (!campaign) return tr.t('alerts.added.notListed', { ...about, vdn: String(rule.vdn) });
  if (campaign.status !== 2) return tr.t('alerts.added.notRunning', { ...about, status: tr.t('common.campaignStatus', { status: campaign.status }) });
  return undefined;
}

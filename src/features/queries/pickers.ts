/**
 * The lists forms pick from (external selects, answered on `block_suggestion`): the campaigns of
 * the VDNs the bot serves, from the collector's latest campaign list (a live call only when none
 * was stored, and never longer than Slack waits), and the voice bots the bot knows of (named in
 * digests and rules, or collected), plus the typed access code itself. Option values carry what a
 * form needs: a campaign is `VDN:ID`.
 */
import type { Option } from '@slack/types';
import type { Campaign } from '../../aicc/domain.js';
import type { ActionRegistry } from '../../slack/actions.js';
import { identifier } from '../../slack/commands/spec.js';
import { option, type Choice } from '../../slack/render/inputs.js';
import { BOT_VDN, decodeCampaigns } from '../collector/index.js';
import type { QueriesDeps } from './deps.js';

export const CAMPAIGN_PICK_ACTION = 'pick_campaign';
export const BOT_PICK_ACTION = 'pick_bot';

/** Slack shows at most 100 options. */
const MAX_OPTIONS = 100;
/** Slack waits three seconds; Bolt here answers 400 after one without an ack (slack/app.ts). */
const LIVE_LIST_BUDGET_MS = 700;
const RUNNING = 2;

/** The option value of a campaign. */
export const campaignPickValue = (vdn: number, id: string): string => `${vdn}:${id}`;

/** A campaign option value back to its VDN and id; undefined when it is not one. */
export function decodeCampaignPick(value: string): { vdn: number; id: string } | undefined {
  const m = /^(\d{1,4}):([A-Za-z0-9][A-Za-z0-9_.-]{0,63})$/.exec(value);
  return m ? { vdn: Number(m[1]), id: m[2]! } : undefined;
}

/** The campaigns of a VDN as last collected, or listed live when nothing was (within the budget). */
async function campaignsOf(deps: PickerDeps, vdn: number): Promise<Campaign[]> {
  const snap = await deps.store.snapshots.latest('campaigns', vdn, '', { okOnly: true });
  if (snap) return decodeCampaigns(snap.payload);
  const live = deps.directory.list(vdn).then((l) => l.campaigns);
  const late = new Promise<Campaign[]>((resolve) => setTimeout(() => resolve([]), LIVE_LIST_BUDGET_MS).unref());
  return Promise.race([live.catch(() => [] as Campaign[]), late]);
}

type PickerDeps = Pick<QueriesDeps, 'store' | 'directory' | 'vdnIds' | 'log'>;

function campaignLabel(c: Campaign, vdn: number, manyVdns: boolean): string {
  return `${c.name} (${c.id})${c.status === RUNNING ? '' : ` · ${c.statusLabel}`}${manyVdns ? ` · VDN ${vdn}` : ''}`;
}

/** Campaigns whose name or id contains `query`, running ones first. */
export async function campaignChoices(deps: PickerDeps, query: string): Promise<Choice[]> {
  const q = query.trim().toLowerCase();
  const many = deps.vdnIds.length > 1;
  const lists = await Promise.all(deps.vdnIds.map(async (vdn) => ({ vdn, campaigns: await campaignsOf(deps, vdn) })));
  const hits = lists.flatMap(({ vdn, campaigns }) =>
    campaigns.filter((c) => q === '' || c.name.toLowerCase().includes(q) || c.id.includes(q)).map((c) => ({ vdn, c })),
  );
  hits.sort((a, b) => Number(b.c.status === RUNNING) - Number(a.c.status === RUNNING) || a.c.name.localeCompare(b.c.name));
  return hits.slice(0, MAX_OPTIONS).map(({ vdn, c }) => [campaignPickValue(vdn, c.id), campaignLabel(c, vdn, many)] as const);
}

/** The choice a form shows for a campaign it is prefilled with (its name when the list has it). */
export async function campaignChoice(deps: PickerDeps, vdn: number, id: string): Promise<Choice> {
  const c = (await campaignsOf(deps, vdn)).find((x) => x.id === id);
  return [campaignPickValue(vdn, id), c ? campaignLabel(c, vdn, deps.vdnIds.length > 1) : `Campaign ${id}`];
}

/** Voice bots named in digests and rules or collected, plus the typed code when it is one. */
export async function botChoices(deps: PickerDeps, query: string): Promise<Choice[]> {
  const q = query.trim();
  const [subs, rules, collected] = await Promise.all([deps.store.digests.list(), deps.store.alerts.list(), deps.store.snapshots.latestPerSubject('oifde', BOT_VDN)]);
  const known = new Set([...subs.flatMap((s) => s.bots), ...rules.filter((r) => r.scope === 'bot' && r.scopeId).map((r) => r.scopeId!), ...collected.map((s) => s.subject)]);
  const hits = [...known].filter((code) => code.toLowerCase().includes(q.toLowerCase())).sort();
  const choices: Choice[] = hits.map((code) => [code, `Voice bot ${code}`] as const);
  if (q !== '' && !known.has(q) && identifier('CODE').parse(q).ok) choices.unshift([q, `Use access code ${q}`]);
  return choices.slice(0, MAX_OPTIONS);
}

const toOptions = (choices: readonly Choice[]): Option[] => choices.map(option);

/** Registers the option lists of the campaign and voice-bot pickers. */
export function registerPickers(actions: ActionRegistry, deps: QueriesDeps): void {
  actions.options(CAMPAIGN_PICK_ACTION, async ({ ack, options }) => {
    const choices = await campaignChoices(deps, options.value).catch((error: unknown) => {
      deps.log.warn('campaign options failed', { error });
      return [];
    });
    await ack({ options: toOptions(choices) });
  });
  actions.options(BOT_PICK_ACTION, async ({ ack, options }) => {
    const choices = await botChoices(deps, options.value).catch((error: unknown) => {
      deps.log.warn('voice-bot options failed', { error });
      return [];
    });
    await ack({ options: toOptions(choices) });
  });
}

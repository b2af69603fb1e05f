/**
 * The lists forms pick from (external selects, answered on `block_suggestion`): the campaigns of
 * the VDNs the bot serves, from the collector's latest campaign list (a live call only when none
 * was stored, and never longer than Slack waits), and the voice bots the bot knows of (named in
 * digests and rules, or collected), plus the typed access code itself. Option values carry what a
 * form needs: a campaign is `VDN:ID`. Option text is in the language of the user typing.
 */
import type { Option } from '@slack/types';
import type { Campaign } from '../../aicc/domain.js';
import { translator, type Locale, type Translator } from '../../i18n/index.js';
import type { ActionRegistry } from '../../slack/actions.js';
import { localesOf } from '../../slack/locales.js';
import { identifier } from '../../slack/commands/spec.js';
import { option, type Choice } from '../../slack/render/inputs.js';
import { BOT_VDN, decodeCampaigns } from '../collector/index.js';
import type { QueriesDeps } from './deps.js';
import { campaignStatusText } from './labels.js';

export const CAMPAIGN_PICK_ACTION = 'pick_campaign';
export const BOT_PICK_ACTION = 'pick_bot';

/** Slack shows at most 100 options. */
const MAX_OPTIONS = 100;
/**
 * Slack waits three seconds; Bolt here answers 400 after one without an ack (slack/app.ts). The live
 * list and the reader's language are looked up side by side, each within this.
 */
const LOOKUP_BUDGET_MS = 700;
const RUNNING = 2;

/** The option value of a campaign. */
export const campaignPickValue = (vdn: number, id: string): string => `${vdn}:${id}`;

/** A campaign option value back to its VDN and id; undefined when it is not one. */
export function decodeCampaignPick(value: string): { vdn: number; id: string } | undefined {
  const m = /^(\d{1,4}):([A-Za-z0-9][A-Za-z0-9_.-]{0,63})$/.exec(value);
  return m ? { vdn: Number(m[1]), id: m[2]! } : undefined;
}

/**
 * The campaigns of a VDN as last collected, or listed live when nothing was (within the budget).
 * The live list is the shared directory's, so it goes out with the default AICC locale.
 */
async function campaignsOf(deps: PickerDeps, vdn: number): Promise<Campaign[]> {
  const snap = await deps.store.snapshots.latest('campaigns', vdn, '', { okOnly: true });
  if (snap) return decodeCampaigns(snap.payload);
  const live = deps.directory.list(vdn).then((l) => l.campaigns);
  const late = new Promise<Campaign[]>((resolve) => setTimeout(() => resolve([]), LOOKUP_BUDGET_MS).unref());
  return Promise.race([live.catch(() => [] as Campaign[]), late]);
}

type PickerDeps = Pick<QueriesDeps, 'store' | 'directory' | 'vdnIds' | 'log'>;

function campaignLabel(tr: Translator, c: Campaign, vdn: number, manyVdns: boolean): string {
  const status = c.status === RUNNING ? '' : ` · ${campaignStatusText(tr, c.status)}`;
  return `${c.name || tr.t('queries.noName')} (${c.id})${status}${manyVdns ? ` · ${tr.t('common.vdn', { vdn: String(vdn) })}` : ''}`;
}

/** Campaigns whose name or id contains `query`, running ones first. */
export async function campaignChoices(deps: PickerDeps, query: string, reader: Translator | Promise<Translator>): Promise<Choice[]> {
  const q = query.trim().toLowerCase();
  const many = deps.vdnIds.length > 1;
  const [lists, tr] = await Promise.all([Promise.all(deps.vdnIds.map(async (vdn) => ({ vdn, campaigns: await campaignsOf(deps, vdn) }))), reader]);
  const hits = lists.flatMap(({ vdn, campaigns }) =>
    campaigns.filter((c) => q === '' || c.name.toLowerCase().includes(q) || c.id.includes(q)).map((c) => ({ vdn, c })),
  );
  hits.sort((a, b) => Number(b.c.status === RUNNING) - Number(a.c.status === RUNNING) || a.c.name.localeCompare(b.c.name));
  return hits.slice(0, MAX_OPTIONS).map(({ vdn, c }) => [campaignPickValue(vdn, c.id), campaignLabel(tr, c, vdn, many)] as const);
}

/**
 * The choice a form shows for a campaign it is prefilled with (its name when the list has it), in
 * the language of `tr`, the form's reader.
 */
export async function campaignChoice(deps: PickerDeps, vdn: number, id: string, tr: Translator): Promise<Choice> {
  const c = (await campaignsOf(deps, vdn)).find((x) => x.id === id);
  return [campaignPickValue(vdn, id), c ? campaignLabel(tr, c, vdn, deps.vdnIds.length > 1) : tr.t('queries.pick.campaign', { id })];
}

/** Voice bots named in digests and rules or collected, plus the typed code when it is one. */
export async function botChoices(deps: PickerDeps, query: string, reader: Translator | Promise<Translator>): Promise<Choice[]> {
  const q = query.trim();
  const [subs, rules, collected, tr] = await Promise.all([deps.store.digests.list(), deps.store.alerts.list(), deps.store.snapshots.latestPerSubject('oifde', BOT_VDN), reader]);
  const known = new Set([...subs.flatMap((s) => s.bots), ...rules.filter((r) => r.scope === 'bot' && r.scopeId).map((r) => r.scopeId!), ...collected.map((s) => s.subject)]);
  const hits = [...known].filter((code) => code.toLowerCase().includes(q.toLowerCase())).sort();
  const choices: Choice[] = hits.map((code) => [code, tr.t('queries.pick.bot', { code })] as const);
  if (q !== '' && !known.has(q) && identifier('CODE').parse(q).ok) choices.unshift([q, tr.t('queries.pick.useCode', { code: q })]);
  return choices.slice(0, MAX_OPTIONS);
}

const toOptions = (choices: readonly Choice[]): Option[] => choices.map(option);

/** The language of the user typing, or the default when finding it out would make Slack wait too long. */
async function readerOf(deps: Pick<QueriesDeps, 'locales'>, userId: string): Promise<Translator> {
  const locales = localesOf(deps);
  const late = new Promise<Locale>((resolve) => setTimeout(() => resolve(locales.fallback), LOOKUP_BUDGET_MS).unref());
  return translator(await Promise.race([locales.forUser(userId).catch(() => locales.fallback), late]));
}

/** Registers the option lists of the campaign and voice-bot pickers. */
export function registerPickers(actions: ActionRegistry, deps: QueriesDeps): void {
  actions.options(CAMPAIGN_PICK_ACTION, async ({ ack, options }) => {
    const choices = await campaignChoices(deps, options.value, readerOf(deps, options.user.id)).catch((error: unknown) => {
      deps.log.warn('campaign options failed', { error });
      return [];
    });
    await ack({ options: toOptions(choices) });
  });
  actions.options(BOT_PICK_ACTION, async ({ ack, options }) => {
    const choices = await botChoices(deps, options.value, readerOf(deps, options.user.id)).catch((error: unknown) => {
      deps.log.warn('voice-bot options failed', { error });
      return [];
    });
    await ack({ options: toOptions(choices) });
  });
}

/**
 * Gathers what one user's Home tab shows, from the store: the firing alerts (with the campaign
 * names of the last collected list), the health of each source, the rules with their states, the
 * digests with their next run, and what the user may do (the permission table).
 *
 * Three steps, so a refresh reads the store once however many viewers and languages there are:
 * {@link loadShared} reads the facts, {@link inLanguage} words them in one language (once per
 * language a refresh needs), {@link forUser} orders them and picks the buttons for one viewer.
 */
import { SERVICE_LABELS, type AiccService } from '../../aicc/errors.js';
import type { MessageKey, Translator } from '../../i18n/index.js';
import type { Clock } from '../../platform/clock.js';
import { decideUser, type AccessPolicy } from '../../slack/permissions.js';
import type { AlertRule } from '../../store/alert-rules.js';
import type { AlertState } from '../../store/alert-states.js';
import type { DigestSubscription } from '../../store/digests.js';
import type { Store } from '../../store/index.js';
import type { SnapshotSource } from '../../store/snapshots.js';
import {
  ALERT_ACK_ACTION,
  ALERT_EDIT_ACTION,
  ALERT_MUTE_PICK_ACTION,
  ALERT_NEW_ACTION,
  alertButtonValue,
  alertHeadline,
  ruleLine,
  ruleStatesWords,
  ruleView,
} from '../alerts/index.js';
import { decodeCampaigns } from '../collector/index.js';
import { describeSchedule, DIGEST_EDIT_ACTION, DIGEST_NEW_ACTION, digestScopeWords, type DigestService } from '../digests/index.js';
import type { HomeData, HomeSource } from './render.js';

/** Each source the collector reads, the product it comes from, and its name on the tab. */
const SOURCES: ReadonlyArray<[SnapshotSource, AiccService, MessageKey]> = [
  ['campaigns', 'isales', 'home.source.campaigns'],
  ['stats', 'isales', 'home.source.stats'],
  ['cms', 'cms', 'home.source.cms'],
  ['oifde', 'oifde', 'home.source.oifde'],
];

export interface HomeDataDeps extends AccessPolicy {
  store: Store;
  clock: Clock;
  timeZone: string;
  digests: Pick<DigestService, 'nextRun'>;
}

/** The facts every viewer sees alike, not yet in words. */
export interface SharedHomeData {
  now: Date;
  timeZone: string;
  firing: Array<{ rule: AlertRule; state: AlertState; campaignName?: string; mutedUntil?: Date }>;
  sources: Array<Omit<HomeSource, 'label'> & { name: MessageKey; service: AiccService }>;
  rules: Array<{ rule: AlertRule; states: AlertState[]; mutedUntil?: Date }>;
  digests: Array<{ sub: DigestSubscription; nextRun?: Date }>;
  ids: HomeData['ids'];
}

/** The shared facts in one language; only the order ("yours first") and the buttons differ per viewer. */
export type WordedHomeData = Omit<HomeData, 'userId' | 'can' | 'rules' | 'digests'> & {
  rules: Array<Omit<HomeData['rules'][number], 'mine'> & { createdBy: string }>;
  digests: Array<Omit<HomeData['digests'][number], 'mine'> & { createdBy: string }>;
};

const mutedAt = (mutedUntil: number | undefined, now: Date) => (mutedUntil !== undefined && mutedUntil > now.getTime() ? new Date(mutedUntil) : undefined);

/** Reads the store once for every viewer of a refresh. */
export async function loadShared(deps: HomeDataDeps): Promise<SharedHomeData> {
  const now = deps.clock();
  const [rules, firingStates, subs] = await Promise.all([deps.store.alerts.list(), deps.store.alerts.states.listFiring(), deps.store.digests.list()]);
  const names = new Map<number, Map<string, string>>();
  const campaignName = async (vdn: number, id: string) => {
    if (!names.has(vdn)) {
      const snap = await deps.store.snapshots.latest('campaigns', vdn, '', { okOnly: true });
      names.set(vdn, new Map(snap ? decodeCampaigns(snap.payload).map((c) => [c.id, c.name]) : []));
    }
    return names.get(vdn)!.get(id);
  };
  const byId = new Map(rules.map((r) => [r.id, r]));
  const firing: SharedHomeData['firing'] = [];
  for (const state of firingStates) {
    const rule = byId.get(state.ruleId);
    if (!rule) continue;
    const name = rule.scope !== 'bot' ? await campaignName(rule.vdn, state.subject) : undefined;
    const muted = mutedAt(rule.mutedUntil, now);
    firing.push({ rule, state, ...(name !== undefined ? { campaignName: name } : {}), ...(muted ? { mutedUntil: muted } : {}) });
  }
  const sources = await Promise.all(
    SOURCES.map(async ([source, service, name]) => {
      const h = await deps.store.snapshots.health(source);
      const ok = h.consecutiveFailures === 0 && h.lastOkAt !== undefined;
      return { name, service, ok, failures: h.consecutiveFailures, ...(!ok && h.lastOkAt !== undefined ? { lastOkAt: new Date(h.lastOkAt) } : {}), ...(!ok && h.lastError ? { lastError: h.lastError } : {}), ...(h.lastOkAt === undefined && h.lastErrorAt === undefined ? { unknown: true } : {}) };
    }),
  );
  const ruleItems = await Promise.all(
    rules.map(async (rule) => {
      const muted = mutedAt(rule.mutedUntil, now);
      return { rule, states: await deps.store.alerts.states.listByRule(rule.id), ...(muted ? { mutedUntil: muted } : {}) };
    }),
  );
  const digestItems = subs.map((sub) => {
    const next = deps.digests.nextRun(sub, now);
    return { sub, ...(next ? { nextRun: next } : {}) };
  });
  return {
    now,
    timeZone: deps.timeZone,
    firing: firing.sort((a, b) => a.state.since - b.state.since),
    sources,
    rules: ruleItems,
    digests: digestItems,
    ids: { ack: ALERT_ACK_ACTION, mute: ALERT_MUTE_PICK_ACTION, newAlert: ALERT_NEW_ACTION, editAlert: ALERT_EDIT_ACTION, newDigest: DIGEST_NEW_ACTION, editDigest: DIGEST_EDIT_ACTION },
  };
}

function scheduleWords(tr: Translator, sub: DigestSubscription): string {
  try {
    return describeSchedule(sub, tr);
  } catch {
    return tr.t('home.digests.badSchedule', { at: sub.at, days: sub.days, zone: sub.timeZone });
  }
}

/** The shared facts in the words of `tr`'s language. */
export function inLanguage(shared: SharedHomeData, tr: Translator): WordedHomeData {
  return {
    now: shared.now,
    timeZone: shared.timeZone,
    firing: shared.firing.map(({ rule, state, campaignName, mutedUntil }) => ({
      ruleId: rule.id,
      headline: alertHeadline(tr, rule, state, campaignName),
      since: new Date(state.since),
      ...(state.ackedBy ? { ackedBy: state.ackedBy } : {}),
      ...(mutedUntil ? { mutedUntil } : {}),
      buttonValue: alertButtonValue(rule.id, state.subject),
    })),
    sources: shared.sources.map(({ name, service, ...s }) => ({ label: tr.t(name, { service: SERVICE_LABELS[service] }), ...s })),
    rules: shared.rules.map(({ rule, states, mutedUntil }) => ({ id: rule.id, line: ruleLine(tr, ruleView(rule)), states: ruleStatesWords(tr, states), createdBy: rule.createdBy, ...(mutedUntil ? { mutedUntil } : {}) })),
    digests: shared.digests.map(({ sub, nextRun }) => ({
      id: sub.id,
      channelId: sub.channelId,
      schedule: scheduleWords(tr, sub),
      scope: digestScopeWords(sub, tr),
      paused: sub.paused,
      timeZone: sub.timeZone,
      createdBy: sub.createdBy,
      ...(nextRun ? { nextRun } : {}),
    })),
    ids: shared.ids,
  };
}

/** One viewer's data: theirs first, and what the permission table lets them do. */
export function forUser(worded: WordedHomeData, userId: string, policy: AccessPolicy): HomeData {
  const may = (p: Parameters<typeof decideUser>[0]) => decideUser(p, userId, policy).ok;
  return {
    ...worded,
    userId,
    rules: worded.rules.map(({ createdBy, ...r }) => ({ ...r, mine: createdBy === userId })),
    digests: worded.digests.map(({ createdBy, ...d }) => ({ ...d, mine: createdBy === userId })),
    can: { addAlerts: may('add-alerts'), addDigests: may('add-digests'), changeAlerts: may('change-alerts'), changeDigests: may('change-digests') },
  };
}

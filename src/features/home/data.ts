/**
 * Gathers what one user's Home tab shows, from the store: the firing alerts (with the campaign
 * names of the last collected list), the health of each source, the rules with their states, the
 * digests with their next run, and what the user may do (the permission table).
 */
import { SERVICE_LABELS } from '../../aicc/errors.js';
import type { Clock } from '../../platform/clock.js';
import { decideUser, type AccessPolicy } from '../../slack/permissions.js';
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

const SOURCES: Array<[SnapshotSource, string]> = [
  ['campaigns', `${SERVICE_LABELS.isales} campaign list`],
  ['stats', `${SERVICE_LABELS.isales} statistics`],
  ['cms', `${SERVICE_LABELS.cms} real-time`],
  ['oifde', `${SERVICE_LABELS.oifde} voice-bot reports`],
];

export interface HomeDataDeps extends AccessPolicy {
  store: Store;
  clock: Clock;
  timeZone: string;
  digests: Pick<DigestService, 'nextRun'>;
}

/** What every viewer sees alike; only the order ("yours first") and the buttons differ per user. */
export type SharedHomeData = Omit<HomeData, 'userId' | 'can' | 'rules' | 'digests'> & {
  rules: Array<Omit<HomeData['rules'][number], 'mine'> & { createdBy: string }>;
  digests: Array<Omit<HomeData['digests'][number], 'mine'> & { createdBy: string }>;
};

const date = (t: number | undefined) => (t === undefined ? undefined : new Date(t));

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
  const firing = [];
  for (const s of firingStates) {
    const rule = byId.get(s.ruleId);
    if (!rule) continue;
    const name = rule.scope !== 'bot' ? await campaignName(rule.vdn, s.subject) : undefined;
    const muted = rule.mutedUntil !== undefined && rule.mutedUntil > now.getTime() ? new Date(rule.mutedUntil) : undefined;
    firing.push({ ruleId: rule.id, headline: alertHeadline(rule, s, name), since: new Date(s.since), ...(s.ackedBy ? { ackedBy: s.ackedBy } : {}), ...(muted ? { mutedUntil: muted } : {}), buttonValue: alertButtonValue(rule.id, s.subject) });
  }
  const sources: HomeSource[] = await Promise.all(
    SOURCES.map(async ([source, label]) => {
      const h = await deps.store.snapshots.health(source);
      const ok = h.consecutiveFailures === 0 && h.lastOkAt !== undefined;
      return { label, ok, failures: h.consecutiveFailures, ...(!ok && h.lastOkAt !== undefined ? { lastOkAt: new Date(h.lastOkAt) } : {}), ...(!ok && h.lastError ? { lastError: h.lastError } : {}), ...(h.lastOkAt === undefined && h.lastErrorAt === undefined ? { unknown: true } : {}) };
    }),
  );
  const ruleItems = await Promise.all(
    rules.map(async (rule) => {
      const muted = rule.mutedUntil !== undefined && rule.mutedUntil > now.getTime() ? date(rule.mutedUntil) : undefined;
      return { id: rule.id, line: ruleLine(ruleView(rule)), states: ruleStatesWords(await deps.store.alerts.states.listByRule(rule.id)), createdBy: rule.createdBy, ...(muted ? { mutedUntil: muted } : {}) };
    }),
  );
  const digestItems = subs.map((sub) => {
    let schedule: string;
    try {
      schedule = describeSchedule(sub);
    } catch {
      schedule = `${sub.at} ${sub.days} (${sub.timeZone}), not a valid schedule`;
    }
    const next = deps.digests.nextRun(sub, now);
    return { id: sub.id, channelId: sub.channelId, schedule, scope: digestScopeWords(sub), paused: sub.paused, timeZone: sub.timeZone, createdBy: sub.createdBy, ...(next ? { nextRun: next } : {}) };
  });
  return {
    now,
    timeZone: deps.timeZone,
    firing: firing.sort((a, b) => a.since.getTime() - b.since.getTime()),
    sources,
    rules: ruleItems,
    digests: digestItems,
    ids: { ack: ALERT_ACK_ACTION, mute: ALERT_MUTE_PICK_ACTION, newAlert: ALERT_NEW_ACTION, editAlert: ALERT_EDIT_ACTION, newDigest: DIGEST_NEW_ACTION, editDigest: DIGEST_EDIT_ACTION },
  };
}

/** One viewer's data: theirs first, and what the permission table lets them do. */
export function forUser(shared: SharedHomeData, userId: string, policy: AccessPolicy): HomeData {
  const may = (p: Parameters<typeof decideUser>[0]) => decideUser(p, userId, policy).ok;
  return {
    ...shared,
    userId,
    rules: shared.rules.map(({ createdBy, ...r }) => ({ ...r, mine: createdBy === userId })),
    digests: shared.digests.map(({ createdBy, ...d }) => ({ ...d, mine: createdBy === userId })),
    can: { addAlerts: may('add-alerts'), addDigests: may('add-digests'), changeAlerts: may('change-alerts'), changeDigests: may('change-digests') },
  };
}

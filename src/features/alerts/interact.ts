/**
 * What people do to an alert from its message or a command: acknowledge it (per subject: who and
 * when, shown on the message and said in its thread) and mute or unmute its rule (every open alert
 * message of the rule is edited to show it). Writes use compare-and-set like the evaluation, so a
 * click that races a tick loses nothing.
 */
import { postReader } from '../../slack/locales.js';
import type { KnownBlock } from '@slack/types';
import type { Clock } from '../../platform/clock.js';
import type { Outbound } from '../../slack/outbound.js';
import type { Logger } from '../../platform/log.js';
import { alertFallbackText, renderAckReply, renderAlertMessage, renderMuteReply } from './render.js';
import type { AlertRule } from '../../store/alert-rules.js';
import type { AlertState, AlertStateWrite } from '../../store/alert-states.js';
import type { Store } from '../../store/index.js';
import { toWrite } from './evaluate.js';
import { metricOf } from './metrics.js';
import { sampleOf } from './samples.js';
import type { SnapshotReader } from './series.js';
import { edit, post } from './posting.js';
import { alertView } from './view.js';
import type { Translator } from '../../i18n/index.js';
import type { Locales } from '../../slack/locales.js';

export interface InteractDeps {
  store: Store;
  outbound: Outbound;
  clock: Clock;
  log: Logger;
  timeZone: string;
  reader: (now: number) => SnapshotReader;
  /** The rule's language (its `lang:`, else its channel's); absent: its own, else English. */
  locales?: Locales;
}

export type AckOutcome =
  | { status: 'acknowledged' }
  | { status: 'already'; by: string }
  | { status: 'not-firing'; state?: string }
  | { status: 'gone' };

/**
 * Edits an alert's message to show its stored state, and optionally says something in its thread;
 * both in the rule's language as it is now.
 */
async function refresh(deps: InteractDeps, rule: AlertRule, state: AlertState | (AlertStateWrite & { subject: string }), reply?: (tr: Translator) => KnownBlock[]): Promise<void> {
  const metric = metricOf(rule.metric);
  if (!metric || !state.messageTs) return;
  const now = deps.clock().getTime();
  const channel = state.messageChannel ?? rule.channelId;
  const tr = await postReader(deps, channel, rule.lang);
  const s = await sampleOf(rule, metric, state.subject, deps.reader(now));
  const view = alertView({ rule, metric, subject: state.subject, state, campaign: s.campaign, trend: s.trend(), now, timeZone: deps.timeZone });
  const edited = await edit(deps.outbound, { channel, ts: state.messageTs, blocks: renderAlertMessage(tr, view), text: alertFallbackText(tr, view) });
  if (!edited.ok) deps.log.warn('alert message could not be edited', { rule: rule.id, subject: state.subject, error: edited.error });
  if (reply) {
    const r = await post(deps.outbound, { channel, threadTs: state.threadTs ?? state.messageTs, blocks: reply(tr), text: tr.t('alerts.fallback.update') });
    if (!r.ok) deps.log.warn('alert thread reply failed', { rule: rule.id, subject: state.subject, error: r.error });
  }
}

export async function acknowledge(deps: InteractDeps, ruleId: number, subject: string, userId: string): Promise<AckOutcome> {
  const rule = await deps.store.alerts.get(ruleId);
  if (!rule) return { status: 'gone' };
  for (let attempt = 0; attempt < 5; attempt++) {
    const s = await deps.store.alerts.states.get(ruleId, subject);
    if (!s || s.state !== 'firing') return { status: 'not-firing', ...(s ? { state: s.state } : {}) };
    if (s.ackedBy) return { status: 'already', by: s.ackedBy };
    const now = deps.clock().getTime();
    const next = { ...toWrite(s), ackedBy: userId, ackedAt: now, updatedAt: now };
    if (!(await deps.store.alerts.states.compareAndSet(ruleId, subject, s.version, next))) continue;
    await refresh(deps, rule, { ...next, subject }, (tr) => renderAckReply(tr, userId, new Date(now), deps.timeZone));
    return { status: 'acknowledged' };
  }
  return { status: 'not-firing' };
}

export async function setMute(deps: InteractDeps, ruleId: number, until: number | null, userId: string): Promise<AlertRule | undefined> {
  if (!(await deps.store.alerts.setMute(ruleId, until))) return undefined;
  const rule = await deps.store.alerts.get(ruleId);
  if (!rule) return undefined;
  const now = deps.clock().getTime();
  const open = (await deps.store.alerts.states.listByRule(ruleId)).filter((s) => s.state === 'firing' && s.messageTs);
  const muted = until !== null && until > now;
  for (const s of open) await refresh(deps, rule, s, (tr) => renderMuteReply(tr, userId, muted ? new Date(until) : undefined, deps.timeZone));
  return rule;
}

/**
 * Carries out the Slack side of a transition that this process won: the firing post, edits of it,
 * and thread replies; then records what Slack said (the message ts, when the channel was last told)
 * with compare-and-set, merging with whatever another writer stored meanwhile. Anything that fails
 * leaves the state owing it, and a later tick tries again.
 */
import { postReader, userReader } from '../../slack/locales.js';
import type { Logger } from '../../platform/log.js';
import { alertFallbackText, renderAlertMessage, renderReminder, renderResolvedReply } from './render.js';
import type { AlertStateWrite } from '../../store/alert-states.js';
import type { Store } from '../../store/index.js';
import type { Outbound } from '../../slack/outbound.js';
import { toWrite, type AlertAction } from './evaluate.js';
import { channelLink } from '../../slack/format.js';
import type { Locales } from '../../slack/locales.js';
import { edit, findPosted, post } from './posting.js';
import { alertView, type ViewInput } from './view.js';

export interface NotifyDeps {
  store: Store;
  outbound: Outbound;
  log: Logger;
  /** Which language the rule posts in, and its creator reads; absent: the rule's own, else English. */
  locales?: Locales;
}

export interface Transition extends ViewInput {
  /** The version our write produced. */
  version: number;
  actions: AlertAction[];
  /** The firing post was owed from an earlier transition: look for a post a crash left behind. */
  retry: boolean;
}

/** The thread or its message is gone (deleted in Slack): replying again cannot help. */
const GONE = new Set(['thread_not_found', 'message_not_found', 'channel_not_found', 'is_archived']);

/** A key naming one incident of one (rule, subject); also the post's metadata. */
export const incidentKey = (ruleId: number, subject: string, since: number) => `alert:${ruleId}:${subject}@${since}`;

/** Performs the actions; returns how many Slack messages were posted (thread replies included). */
export async function notify(deps: NotifyDeps, t: Transition): Promise<number> {
  const { store, outbound, log } = deps;
  const { rule, subject, now } = t;
  const state = { ...t.state };
  const patch: Partial<AlertStateWrite> = {};
  let posted = 0;
  const key = incidentKey(rule.id, subject, state.since);
  // The rule's language as it is now: an edit of an older message is written in it too.
  const tr = await postReader(deps, state.messageChannel ?? rule.channelId, rule.lang);
  const record = (what: string, outcome: { ok: boolean; ts?: string; error?: string }, channel: string) =>
    store.deliveries
      .record({ kind: 'alert', ref: rule.id, jobKey: `${key}/${what}`, channel, status: outcome.ok ? 'posted' : 'failed', at: now, ts: outcome.ts ?? null, error: outcome.error ?? null })
      .catch((error: unknown) => log.warn('could not record an alert delivery', { rule: rule.id, error }));

  for (const action of t.actions) {
    const view = alertView({ ...t, state: { ...state, ...patch } });
    if (action === 'post-firing') {
      const found = t.retry ? await findPosted(outbound, rule.channelId, key) : undefined;
      const outcome = found ? { ok: true as const, ts: found } : await post(outbound, { channel: rule.channelId, blocks: renderAlertMessage(tr, view), text: alertFallbackText(tr, view), key });
      if (!found) await record('firing', outcome, rule.channelId);
      if (!outcome.ok) {
        log.warn('alert could not be posted; retrying on a later tick', { rule: rule.id, subject, channel: rule.channelId, error: outcome.error });
        if (!t.retry) await tellCreator(deps, t, outcome.error);
        break;
      }
      if (!found) posted++;
      Object.assign(patch, { messageChannel: rule.channelId, messageTs: outcome.ts, threadTs: outcome.ts, lastNotifiedAt: now });
      continue;
    }
    const channel = state.messageChannel ?? rule.channelId;
    const ts = patch.messageTs ?? state.messageTs;
    if (!ts) continue;
    if (action === 'update') {
      const outcome = await edit(outbound, { channel, ts, blocks: renderAlertMessage(tr, view), text: alertFallbackText(tr, view) });
      if (!outcome.ok) log.warn('alert message could not be edited', { rule: rule.id, subject, error: outcome.error });
      // A muted rule resolves by editing only; that edit is the whole announcement.
      else if (state.state === 'resolved' && !t.actions.includes('thread-resolved')) patch.lastNotifiedAt = now;
      continue;
    }
    const blocks = action === 'reminder' ? renderReminder(tr, view, new Date(now)) : renderResolvedReply(tr, view, t.firingSince !== undefined ? state.since - t.firingSince : undefined);
    const text = action === 'reminder' ? tr.t('alerts.fallback.reminder', { text: alertFallbackText(tr, view) }) : alertFallbackText(tr, view);
    const outcome = await post(outbound, { channel, threadTs: state.threadTs ?? ts, blocks, text });
    await record(action === 'reminder' ? 'reminder' : 'resolved', outcome, channel);
    if (!outcome.ok && !GONE.has(outcome.error)) {
      log.warn('alert thread reply failed; retrying on a later tick', { rule: rule.id, subject, action, error: outcome.error });
      break;
    }
    if (outcome.ok) posted++;
    else log.warn('alert message is gone; its thread is not told again', { rule: rule.id, subject, action, error: outcome.error });
    patch.lastNotifiedAt = now;
  }
  if (Object.keys(patch).length > 0) await savePatch(store, rule.id, subject, t.version, state, patch);
  return posted;
}

/** Tells the rule's creator by DM, once per incident (retries stay quiet), that its alert could not be posted. */
async function tellCreator(deps: NotifyDeps, t: Transition, error: string): Promise<void> {
  const tr = await userReader(deps, t.rule.createdBy);
  const text = tr.t('alerts.dm.notPosted', { id: String(t.rule.id), channel: channelLink(t.rule.channelId), error });
  await deps.outbound.dm(t.rule.createdBy, text).catch((e: unknown) => deps.log.warn('could not tell the rule creator', { rule: t.rule.id, error: e }));
}

/**
 * Stores what Slack said on top of our write; if another writer came in between, on top of theirs.
 * A firing post recorded into a state that has resolved meanwhile leaves its resolution owed.
 */
export async function savePatch(store: Store, ruleId: number, subject: string, version: number, base: AlertStateWrite, patch: Partial<AlertStateWrite>): Promise<boolean> {
  const states = store.alerts.states;
  let expected = version;
  let current = base;
  let change = patch;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await states.compareAndSet(ruleId, subject, expected, { ...current, ...change })) return true;
    const fresh = await states.get(ruleId, subject);
    if (!fresh) return false;
    if (change.messageTs && fresh.messageTs && fresh.messageTs !== change.messageTs) return false;
    if (change.messageTs && fresh.state === 'resolved') change = { ...change, lastNotifiedAt: null };
    current = toWrite(fresh);
    expected = fresh.version;
  }
  return false;
}

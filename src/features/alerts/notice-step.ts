/**
 * The per-service "no data" notice as a pure state machine: one message per service when its data
 * has been missing for three ticks (rather than one per rule), edited and answered in its thread
 * when data returns. Owed work is derived from the state, as for alerts, so a crash between the
 * write and the post is retried on a later tick.
 */
import type { NoticeWrite, ServiceNotice } from '../../store/service-notices.js';

/** A service without data, as the engine saw it this tick. */
export interface Outage {
  /** First failed or missing tick. */
  since: number;
  /** Rules that cannot be evaluated because of it. */
  ruleCount: number;
  /** Where the notice goes: the channel most of those rules post to. */
  channel: string;
  error?: string;
}

export type NoticeAction = 'post-nodata' | 'announce-back';

export interface NoticeStepResult {
  next: NoticeWrite;
  changed: boolean;
  actions: NoticeAction[];
}

function toWrite(n: ServiceNotice): NoticeWrite {
  return { state: n.state, since: n.since, updatedAt: n.updatedAt, messageChannel: n.messageChannel, messageTs: n.messageTs, reason: n.reason };
}

/** Advances one service's notice by one evaluation. */
export function noticeStep(prev: ServiceNotice | undefined, outage: Outage | undefined, now: number, opts: { claimMs?: number } = {}): NoticeStepResult {
  const claimMs = opts.claimMs ?? 60_000;
  const claimed = prev !== undefined && now - prev.updatedAt < claimMs;
  const from = prev?.state ?? 'ok';
  const base: NoticeWrite = prev ? toWrite(prev) : { state: 'ok', since: now, updatedAt: now };
  if (outage) {
    if (from === 'recovering') {
      // Back for a single tick only: the message never stopped being true, so nothing is said.
      return { next: { ...base, state: 'nodata', updatedAt: now }, changed: true, actions: [] };
    }
    if (from === 'nodata') {
      // Already said; a post lost to a crash is owed.
      return { next: { ...base, updatedAt: now }, changed: !base.messageTs && !claimed, actions: !base.messageTs && !claimed ? ['post-nodata'] : [] };
    }
    // An outage again before "data is back" was said: the old message is true again.
    const reuse = Boolean(base.messageTs);
    return { next: { ...base, state: 'nodata', since: outage.since, reason: outage.error ?? null, updatedAt: now }, changed: true, actions: reuse ? [] : ['post-nodata'] };
  }
  if (from === 'nodata') {
    // Hysteresis: one good tick in a flaky outage is not "data is back"; wait for a second one.
    return { next: { ...base, state: 'recovering', updatedAt: now }, changed: true, actions: [] };
  }
  if (from === 'recovering') {
    return { next: { ...base, state: 'ok', since: now, updatedAt: now }, changed: true, actions: base.messageTs ? ['announce-back'] : [] };
  }
  if (base.messageTs && !claimed) return { next: { ...base, updatedAt: now }, changed: true, actions: ['announce-back'] };
  return { next: base, changed: false, actions: [] };
}

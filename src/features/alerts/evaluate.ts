/**
 * The alert lifecycle as a pure state machine: given a rule, the stored state of one subject and
 * what the snapshots say now, {@link step} returns the state to write and the Slack actions owed.
 *
 * States: `ok` → `pending` (breached, waiting for `for`) → `firing` → `resolved` (value on the
 * healthy side of `clear`, or the campaign stopped running); `nodata` when the source cannot be
 * read. A firing alert stays firing without data: it neither fires nor resolves until data returns.
 *
 * Actions are derived from the state as much as from the transition, so a crash between winning
 * the write and posting is retried: a `firing` state without a message owes its post, a `resolved`
 * one whose message was not yet told owes the edit and thread reply. A state written less than
 * `claimMs` ago is left alone (another process may be posting it right now).
 */
import type { AlertRule } from '../../store/alert-rules.js';
import type { AlertState, AlertStateWrite } from '../../store/alert-states.js';
import { breaches, clears } from './metrics.js';

/** What the snapshots say about one (rule, subject) now. */
export type Sample =
  | { kind: 'value'; value: number | undefined; volume: number }
  | { kind: 'nodata' }
  | { kind: 'inactive'; reason: string };

/**
 * - `post-firing`: post the alert message (with its buttons); its ts becomes the thread.
 * - `update`: edit that message to show the current state.
 * - `reminder`: a "still firing" reply in the thread.
 * - `thread-resolved`: a "resolved" reply in the thread.
 */
export type AlertAction = 'post-firing' | 'update' | 'reminder' | 'thread-resolved';

/** Why the step decided what it did, for `alert test`. */
export type Verdict = 'breached' | 'healthy' | 'holding' | 'low-volume' | 'nodata' | 'inactive';

/** How early a pending breach may fire, to absorb tick jitter. */
export const FOR_TOLERANCE_MS = 2_000;

export type StepRule = Pick<AlertRule, 'op' | 'threshold' | 'clearValue' | 'minVolume' | 'forS' | 'repeatS' | 'mutedUntil'>;

export interface StepResult {
  next: AlertStateWrite;
  /** Whether `next` differs from what is stored (no write otherwise). */
  changed: boolean;
  actions: AlertAction[];
  verdict: Verdict;
  /** While pending: when it fires if the breach holds. */
  firesAt?: number;
}

export interface StepOptions {
  /** A state written this recently may have its Slack work in flight elsewhere (default 60 s). */
  claimMs?: number;
}

/** The stored state as a write, so a step can start from it. */
export function toWrite(s: AlertState): AlertStateWrite {
  const { ruleId, subject, version, ...rest } = s;
  void ruleId;
  void subject;
  void version;
  return rest;
}

/** Fields of a finished incident, cleared when a new one begins. */
const NEW_INCIDENT = { messageChannel: null, messageTs: null, threadTs: null, lastNotifiedAt: null, ackedBy: null, ackedAt: null, reason: null } as const;

export const isMuted = (rule: Pick<AlertRule, 'mutedUntil'>, now: number): boolean => rule.mutedUntil !== undefined && now < rule.mutedUntil;

/** Advances one subject's state by one evaluation. */
export function step(rule: StepRule, prev: AlertState | undefined, sample: Sample, now: number, opts: StepOptions = {}): StepResult {
  const claimMs = opts.claimMs ?? 60_000;
  const base: AlertStateWrite = prev ? toWrite(prev) : { state: 'ok', since: now, updatedAt: now };
  const from = prev?.state ?? 'ok';
  const muted = isMuted(rule, now);
  let next: AlertStateWrite = { ...base };
  let actions: AlertAction[] = [];
  let verdict: Verdict;
  let firesAt: number | undefined;
  const go = (state: AlertStateWrite['state'], extra: Partial<AlertStateWrite> = {}) => {
    next = { ...next, ...(state !== from ? { state, since: now } : {}), ...extra };
  };

  if (sample.kind === 'nodata') {
    verdict = 'nodata';
    if (from === 'ok' || from === 'pending') go('nodata', { reason: null });
  } else if (sample.kind === 'inactive') {
    verdict = 'inactive';
    if (from === 'firing') {
      go('resolved', { reason: sample.reason });
      if (base.messageTs) actions = muted ? ['update'] : ['update', 'thread-resolved'];
    } else if (from !== 'resolved') {
      go('ok', { reason: sample.reason, lastValue: null, lastVolume: null });
    }
  } else {
    const { value, volume } = sample;
    const reading = { lastValue: value ?? null, lastVolume: volume };
    if (value === undefined || volume < rule.minVolume) {
      // Too few calls to judge: nothing fires, nothing resolves.
      verdict = 'low-volume';
      go(from === 'pending' || from === 'nodata' ? 'ok' : from, { ...reading, ...(from === 'firing' || from === 'resolved' ? {} : { reason: null }) });
    } else {
      const breached = breaches(rule.op, rule.threshold, value);
      verdict = breached ? 'breached' : 'healthy';
      if (from === 'firing') {
        if (clears(rule.op, rule.clearValue, value)) {
          go('resolved', { ...reading, reason: null });
          if (base.messageTs) actions = muted ? ['update'] : ['update', 'thread-resolved'];
        } else {
          if (!breached) verdict = 'holding';
          go('firing', reading);
          if (reminderDue(rule, base, now, muted) && !claimed(prev, now, claimMs)) actions = ['update', 'reminder'];
        }
      } else if (breached) {
        const pendingSince = from === 'pending' ? base.since : now;
        firesAt = pendingSince + rule.forS * 1000;
        // Ticks are never exactly an interval apart (timers, work before the evaluation); a breach
        // seen on two ticks one `for` apart has lasted `for`, even if the clock says a hair less.
        if (now + FOR_TOLERANCE_MS >= firesAt) {
          go('firing', { ...NEW_INCIDENT, ...reading });
          firesAt = undefined;
          if (!muted) actions = ['post-firing'];
        } else {
          go('pending', { ...(from === 'pending' ? {} : NEW_INCIDENT), ...reading });
        }
      } else {
        go(from === 'resolved' ? 'resolved' : 'ok', { ...reading, ...(from === 'resolved' ? {} : { reason: null }) });
      }
    }
  }

  if (actions.length === 0 && !claimed(prev, now, claimMs)) actions = owed(next, muted);
  const changed = !prev || !sameState(base, next);
  if (changed || actions.length > 0) next.updatedAt = now;
  return { next, changed: changed || actions.length > 0, actions, verdict, ...(firesAt !== undefined ? { firesAt } : {}) };
}

/** Written so recently that its Slack work may still be in flight in another process. */
function claimed(prev: AlertState | undefined, now: number, claimMs: number): boolean {
  return prev !== undefined && now - prev.updatedAt < claimMs;
}

/**
 * A reminder every `repeat` while firing, and one when a mute ended since the last message.
 * Acknowledged alerts get none: someone is on it.
 */
function reminderDue(rule: StepRule, s: AlertStateWrite, now: number, muted: boolean): boolean {
  if (!s.messageTs || muted || s.ackedBy) return false;
  const last = s.lastNotifiedAt ?? s.since;
  const repeatDue = rule.repeatS > 0 && now - last >= rule.repeatS * 1000;
  const muteEnded = rule.mutedUntil !== undefined && rule.mutedUntil <= now && last < rule.mutedUntil;
  return repeatDue || muteEnded;
}

/** Slack work a stored state still owes (its transition was written but never announced). */
function owed(s: AlertStateWrite, muted: boolean): AlertAction[] {
  if (s.state === 'firing' && !s.messageTs && !muted) return ['post-firing'];
  if (s.state === 'resolved' && s.messageTs && (s.lastNotifiedAt ?? 0) < s.since) return muted ? ['update'] : ['update', 'thread-resolved'];
  return [];
}

const KEYS: ReadonlyArray<keyof AlertStateWrite> = ['state', 'since', 'lastValue', 'lastVolume', 'messageChannel', 'messageTs', 'threadTs', 'lastNotifiedAt', 'ackedBy', 'ackedAt', 'reason'];

function sameState(a: AlertStateWrite, b: AlertStateWrite): boolean {
  return KEYS.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

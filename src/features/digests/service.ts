/**
 * Scheduled digests, exactly once. A timer wakes the service every 15 seconds; each wake-up (and start)
 * computes, per subscription, the scheduled slots since the last one handled (pure schedule code,
 * so time zones and DST are right whatever the cron library does), claims each slot in the store
 * (a unique row per subscription and minute: a second process skips it), and posts it — late within
 * `DIGEST_GRACE_MIN`, otherwise recorded as missed.
 */
import { postReader, userReader } from '../../slack/locales.js';
import { slackFailureWords } from '../../slack/explain-error.js';
import type { Aicc } from '../../aicc/index.js';
import type { Clock } from '../../platform/clock.js';
import { failureOf, type Health } from '../../platform/health.js';
import type { Logger } from '../../platform/log.js';
import { channelLink } from '../../slack/format.js';
import type { DigestSubscription } from '../../store/digests.js';
import type { Store } from '../../store/index.js';
import { gatherDigestInput } from './content.js';
import { isAlive } from '../../platform/liveness.js';
import { SlackCallError, type Outbound } from '../../slack/outbound.js';
import { pool } from '../../platform/pool.js';
import { digestFallbackText, digestHash, renderDigest } from './render.js';
import { nextRuns, planCatchUp } from './schedule.js';
import { buildDigestView } from './view.js';
import type { Locales } from '../../slack/locales.js';

export interface DigestServiceDeps {
  store: Store;
  aicc: Aicc;
  outbound: Outbound;
  clock: Clock;
  log: Logger;
  graceMin: number;
  /** Snapshot age that still counts as current (two collector intervals). */
  freshMs: number;
  /** Background-job health: each wake-up records its outcome here. */
  jobs?: Health;
  /** Told the outcome of every post (for metrics). */
  onDelivery?: (outcome: PostOutcome['status']) => void;
  /** The tenant's zone (AICC_TIMEZONE), where the vendor's day starts; the hourly charts follow it. */
  timeZone?: string;
  /** Which language each digest is posted in (its `lang:`, else its channel's); absent: English. */
  locales?: Locales;
}

export type PostOutcome =
  | { status: 'posted' | 'late'; ts: string }
  | { status: 'unchanged' }
  | { status: 'failed'; error: string };

export interface DigestService {
  /** Builds and posts one subscription's digest now. `manual` ignores `when:changed`. */
  post(sub: DigestSubscription, opts?: { slot?: Date; late?: boolean; manual?: boolean }): Promise<PostOutcome>;
  /** Handles every slot due up to `now` for every active subscription. */
  runDue(now?: Date): Promise<void>;
  nextRun(sub: DigestSubscription, after?: Date): Date | undefined;
  start(): void;
  /** Stops the schedule and waits for the run in progress. */
  stop(): Promise<void>;
}

/** Message metadata type of digest posts, so a recovering process can recognise its own post. */
export const DIGEST_EVENT_TYPE = 'aicc_digest';
/**
 * Channels served at once. A channel's subscriptions go one after another, in order (so its
 * digests keep their order); a slow or stuck post holds up only its own channel.
 */
const CHANNELS_AT_ONCE = 4;

const jobName = (id: number) => `digest:${id}`;
/** A slot handled this long after its time is marked late. */
const LATE_AFTER_MS = 2 * 60_000;
/** A 'running' claim older than this whose holder has no heartbeat was interrupted. */
const STALE_CLAIM_MS = 5_000;
const WAKE_EVERY_MS = 15_000;

export function createDigestService(deps: DigestServiceDeps): DigestService {
  const { store, clock, log } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;


  /** Every post, scheduled or by hand, is counted by its outcome. */
  async function post(sub: DigestSubscription, opts: { slot?: Date; late?: boolean; manual?: boolean } = {}): Promise<PostOutcome> {
    const outcome = await postOnce(sub, opts);
    deps.onDelivery?.(outcome.status);
    return outcome;
  }

  async function postOnce(sub: DigestSubscription, opts: { slot?: Date; late?: boolean; manual?: boolean }): Promise<PostOutcome> {
    const now = clock();
    const slot = opts.slot ?? now;
    const jobKey = `${jobName(sub.id)}@${slot.getTime()}`;
    const input = await gatherDigestInput(sub, now, { store, aicc: deps.aicc, freshMs: deps.freshMs, ...(deps.timeZone ? { timeZone: deps.timeZone } : {}) }, opts.late ? slot : undefined);
    const view = buildDigestView(input);
    const hash = digestHash(view);
    if (!opts.manual && sub.whenMode === 'changed' && sub.lastDigestHash === hash) return { status: 'unchanged' };
    // The channel reads it: in the digest's own language, else the channel's.
    const tr = await postReader(deps, sub.channelId, sub.lang);
    const messages = renderDigest(tr, view);
    try {
      const plan = {
        channel: sub.channelId,
        first: messages.first,
        thread: messages.thread,
        text: digestFallbackText(tr, view),
        threadText: tr.t('digests.threadText'),
        metadata: { eventType: DIGEST_EVENT_TYPE, payload: { job: jobKey } },
      };
      const { ts, attempts } = await deps.outbound.postPlan(plan);
      const status = opts.late ? 'late' : 'posted';
      await store.deliveries.record({ kind: 'digest', ref: sub.id, jobKey, channel: sub.channelId, status, at: clock().getTime(), ts, attempts });
      await store.digests.update(sub.id, { lastDigestHash: hash, updatedAt: clock().getTime() });
      return { status, ts };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = error instanceof SlackCallError ? error.attempts : 1;
      await store.deliveries.record({ kind: 'digest', ref: sub.id, jobKey, channel: sub.channelId, status: 'failed', at: clock().getTime(), error: message, attempts });
      log.warn('digest delivery failed', { subscription: sub.id, channel: sub.channelId, error: message });
      // A direct message: in its reader's language, not the channel's.
      const creator = await userReader(deps, sub.createdBy);
      await deps.outbound
        .dm(sub.createdBy, creator.t('digests.failedDm', { id: String(sub.id), channel: channelLink(sub.channelId), error: slackFailureWords(creator, error) }))
        .catch((e: unknown) => log.warn('could not tell the subscription creator', { subscription: sub.id, error: e }));
      return { status: 'failed', error: message };
    }
  }

  async function handleSub(sub: DigestSubscription, now: Date): Promise<void> {
    const last = await store.jobs.lastRun(jobName(sub.id));
    // From the last slot handled, or from creation: a new subscription never posts for the past.
    const from = new Date(Math.max(last?.scheduledFor ?? 0, sub.createdAt, sub.updatedAt));
    for (const { slot, decision } of planCatchUp(sub, from, now, deps.graceMin)) {
      if (!(await store.jobs.claim(jobName(sub.id), slot.getTime(), store.instanceId, now.getTime()))) continue;
      if (decision === 'miss') {
        await store.jobs.finish(jobName(sub.id), slot.getTime(), 'missed', 'the bot was not running within the grace period', clock().getTime()); // i18n-ok: the job log, for operators
        await store.deliveries.record({ kind: 'digest', ref: sub.id, jobKey: `${jobName(sub.id)}@${slot.getTime()}`, channel: sub.channelId, status: 'missed', at: clock().getTime() });
        continue;
      }
      await runClaimed(sub, slot, now);
    }
  }

  /** Runs one claimed slot to its end: post (late when due a while ago) and record the outcome. */
  async function runClaimed(sub: DigestSubscription, slot: Date, now: Date): Promise<void> {
    const late = now.getTime() - slot.getTime() > LATE_AFTER_MS;
    const outcome = await post(sub, { slot, late });
    const status = outcome.status === 'failed' ? 'failed' : outcome.status === 'late' ? 'late' : 'done';
    await store.jobs.finish(jobName(sub.id), slot.getTime(), status, outcome.status === 'failed' ? outcome.error : outcome.status, clock().getTime());
  }

  /**
   * Claims left 'running' by a process that died. If Slack already has the post (found by its
   * metadata), it is recorded; otherwise it is posted now, marked late. Never twice, never lost.
   */
  async function recover(now: Date): Promise<void> {
    for (const run of await store.jobs.stale(now.getTime() - STALE_CLAIM_MS, 'digest:')) {
      if (await isAlive(store, run.holder, now)) continue;
      if (!(await store.jobs.reclaim(run.job, run.scheduledFor, store.instanceId, now.getTime(), now.getTime() - STALE_CLAIM_MS))) continue;
      const sub = await store.digests.get(Number(run.job.slice('digest:'.length)));
      const slot = new Date(run.scheduledFor);
      if (!sub) {
        await store.jobs.finish(run.job, run.scheduledFor, 'failed', 'subscription removed', now.getTime()); // i18n-ok: the job log, for operators
        continue;
      }
      const jobKey = `${run.job}@${run.scheduledFor}`;
      const ts = await deps.outbound.findPosted({ channel: sub.channelId, eventType: DIGEST_EVENT_TYPE, payload: { job: jobKey }, since: new Date(run.claimedAt) }).catch((error: unknown) => {
        log.warn('could not check the channel for an interrupted digest', { subscription: sub.id, error });
        return undefined;
      });
      if (ts) {
        await store.deliveries.record({ kind: 'digest', ref: sub.id, jobKey, channel: sub.channelId, status: 'posted', at: now.getTime(), ts });
        await store.jobs.finish(run.job, run.scheduledFor, 'done', 'found posted after a restart', clock().getTime()); // i18n-ok: the job log, for operators
        continue;
      }
      if (now.getTime() - slot.getTime() > deps.graceMin * 60_000) {
        await store.jobs.finish(run.job, run.scheduledFor, 'missed', 'interrupted and beyond the grace period', clock().getTime()); // i18n-ok: the job log, for operators
        await store.deliveries.record({ kind: 'digest', ref: sub.id, jobKey, channel: sub.channelId, status: 'missed', at: now.getTime() });
        continue;
      }
      await runClaimed(sub, slot, now);
    }
  }

  async function runDue(now = clock()): Promise<void> {
    await recover(now).catch((error: unknown) => log.error('digest recovery failed', { error }));
    const byChannel = new Map<string, DigestSubscription[]>();
    for (const sub of await store.digests.list()) {
      if (!sub.paused) byChannel.set(sub.channelId, [...(byChannel.get(sub.channelId) ?? []), sub]);
    }
    await pool([...byChannel.values()], CHANNELS_AT_ONCE, async (subs) => {
      for (const sub of subs) await handleSub(sub, now).catch((error: unknown) => log.error('digest run failed', { subscription: sub.id, error }));
    });
  }

  return {
    post,
    runDue,
    nextRun: (sub, after = clock()) => (sub.paused ? undefined : nextRuns(sub, after, 1)[0]),
    start() {
      // Never rejects: a failure (the database gone, say) is logged, recorded and tried on the next wake-up.
      const wake = () => {
        if (stopped) return;
        running ??= runDue()
          .then(
            () => deps.jobs?.record('digests', 'timer', { ok: true }),
            (error: unknown) => {
              log.error('digest wake-up failed', { error });
              deps.jobs?.record('digests', 'timer', { ok: false, error: failureOf(error) });
            },
          )
          .finally(() => {
            running = undefined;
          });
      };
      // Every 15 s: cheap (a list and a few reads), and an interrupted slot is recovered soon after a restart.
      timer = setInterval(wake, WAKE_EVERY_MS);
      timer.unref?.();
      wake();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

/**
 * Job-run claims. Every bot process schedules the same jobs; the first to insert
 * (job, scheduled_for) runs it and the others see a duplicate key and stand down.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, JobRunsTable } from './schema.js';
import { clampLimit, count, literalLimit, opt } from './util.js';

export type JobStatus = 'running' | 'done' | 'failed' | 'late' | 'missed';
export type JobOutcome = Exclude<JobStatus, 'running'>;

export interface JobRun {
  job: string;
  scheduledFor: number;
  /** Which process claimed it. */
  holder: string;
  claimedAt: number;
  status: JobStatus;
  finishedAt?: number;
  detail?: string;
}

export interface JobRepo {
  /** True for exactly one of any number of concurrent claimers, across processes. */
  claim(job: string, scheduledFor: number, holder: string, now: number): Promise<boolean>;
  /** Records the outcome; false when the run was never claimed. */
  finish(job: string, scheduledFor: number, status: JobOutcome, detail?: string, finishedAt?: number): Promise<boolean>;
  get(job: string, scheduledFor: number): Promise<JobRun | undefined>;
  /** The run with the latest `scheduledFor`. */
  lastRun(job: string): Promise<JobRun | undefined>;
  /** Claims still 'running' that were taken before `claimedBefore` (their holder probably died). */
  stale(claimedBefore: number, jobPrefix?: string): Promise<JobRun[]>;
  /** Takes over a stale 'running' claim; true for exactly one of several concurrent callers. */
  reclaim(job: string, scheduledFor: number, holder: string, now: number, claimedBefore: number): Promise<boolean>;
  /** Newest first by `scheduledFor`. */
  recent(limit?: number): Promise<JobRun[]>;
}

function toRun(r: Selectable<JobRunsTable>): JobRun {
  return {
    job: r.job,
    scheduledFor: r.scheduled_for,
    holder: r.holder,
    claimedAt: r.claimed_at,
    status: r.status as JobStatus,
    finishedAt: opt(r.finished_at),
    detail: opt(r.detail),
  };
}

/** Job-run claims over the database. */
export function createJobRepo(db: Kysely<Database>): JobRepo {
  return {
    async claim(job, scheduledFor, holder, now) {
      // ON CONFLICT DO NOTHING rather than catching the duplicate-key error: on PostgreSQL the
      // loser waits for the winner's commit and then inserts nothing, on SQLite the insert is
      // serialised by the write lock; both report 0 rows for the loser.
      const r = await db
        .insertInto('job_runs')
        .values({ job, scheduled_for: scheduledFor, holder, claimed_at: now, status: 'running', finished_at: null, detail: null })
        .onConflict((oc) => oc.columns(['job', 'scheduled_for']).doNothing())
        .executeTakeFirst();
      return count(r.numInsertedOrUpdatedRows) === 1;
    },
    async finish(job, scheduledFor, status, detail, finishedAt) {
      const r = await db
        .updateTable('job_runs')
        .set({ status, detail: detail ?? null, finished_at: finishedAt ?? null })
        .where('job', '=', job)
        .where('scheduled_for', '=', scheduledFor)
        .executeTakeFirst();
      return count(r.numUpdatedRows) > 0;
    },
    async get(job, scheduledFor) {
      const row = await db
        .selectFrom('job_runs')
        .selectAll()
        .where('job', '=', job)
        .where('scheduled_for', '=', scheduledFor)
        .executeTakeFirst();
      return row && toRun(row);
    },
    async stale(claimedBefore, jobPrefix) {
      let q = db.selectFrom('job_runs').selectAll().where('status', '=', 'running').where('claimed_at', '<', claimedBefore);
      if (jobPrefix) q = q.where('job', 'like', `${jobPrefix}%`);
      return (await q.orderBy('scheduled_for', 'asc').limit(literalLimit(100)).execute()).map(toRun);
    },
    async reclaim(job, scheduledFor, holder, now, claimedBefore) {
      const r = await db
        .updateTable('job_runs')
        .set({ holder, claimed_at: now })
        .where('job', '=', job)
        .where('scheduled_for', '=', scheduledFor)
        .where('status', '=', 'running')
        .where('claimed_at', '<', claimedBefore)
        .executeTakeFirst();
      return count(r.numUpdatedRows) === 1;
    },
    async lastRun(job) {
      const row = await db
        .selectFrom('job_runs')
        .selectAll()
        .where('job', '=', job)
        .orderBy('scheduled_for', 'desc')
        .limit(literalLimit(1))
        .executeTakeFirst();
      return row && toRun(row);
    },
    async recent(limit) {
      const rows = await db
        .selectFrom('job_runs')
        .selectAll()
        .orderBy('scheduled_for', 'desc')
        .orderBy('job')
        .limit(clampLimit(limit))
        .execute();
      return rows.map(toRun);
    },
  };
}

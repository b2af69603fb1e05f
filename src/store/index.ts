/**
 * Persistence behind one interface. SQLite by default (a file, or ':memory:'), PostgreSQL when
 * the URL starts with postgres:// or postgresql://; the same Kysely queries and migrations serve
 * both. Callers pass every time in (epoch ms): the store never reads a clock.
 */
import { randomUUID } from 'node:crypto';
import type { StatsCache, StatsLease } from '../aicc/stats-guard.js';
import { silentLogger, type Logger } from '../platform/log.js';
import { createAlertRepo, type AlertRepo } from './alert-rules.js';
import { createAuditRepo, type AuditRepo } from './audit.js';
import { connect } from './connect.js';
import { createDeliveryRepo, type DeliveryRepo } from './deliveries.js';
import { createDigestRepo, type DigestRepo } from './digests.js';
import { createJobRepo, type JobRepo } from './jobs.js';
import { createSharedAnswerRepo, type SharedAnswerRepo } from './shared-answers.js';
import { createHomeTabRepo, type HomeTabRepo } from './home-tabs.js';
import { createLanguageRepo, type LanguageRepo } from './languages.js';
import { createLeaseRepo, createStatsLease, type LeaseRepo } from './leases.js';
import { migrateToLatest } from './migrate.js';
import type { StoreDialect } from './schema.js';
import { createSnapshotRepo, type SnapshotRepo } from './snapshots.js';
import { createStatsCache } from './stats-cache.js';

export interface StoreOptions {
  /** 'postgres://…', a SQLite file path or ':memory:'; default './data/aicc-bot.sqlite' (folder created). */
  url?: string;
  /** PostgreSQL only: keep the tables in this schema (created if missing). */
  schema?: string;
  log?: Logger;
}

export interface Store {
  readonly dialect: StoreDialect;
  /** Random per store instance; the holder name of its stats leases. */
  readonly instanceId: string;
  digests: DigestRepo;
  alerts: AlertRepo;
  snapshots: SnapshotRepo;
  jobs: JobRepo;
  leases: LeaseRepo;
  statsLease: StatsLease;
  statsCache: StatsCache;
  audit: AuditRepo;
  deliveries: DeliveryRepo;
  sharedAnswers: SharedAnswerRepo;
  /** Who has the Home tab open, and what they were last shown. */
  homeTabs: HomeTabRepo;
  /** Languages chosen per channel and per user (`/aicc lang`). */
  languages: LanguageRepo;
  /** Size of the database in bytes (file size for SQLite incl. WAL, pg_database_size for PG). */
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}

/** Connects and brings the schema up to date; throws a `StoreError` when either fails. */
export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  const log = (opts.log ?? silentLogger).child({ component: 'store' });
  const conn = await connect({ url: opts.url, schema: opts.schema, log });
  const { db } = conn;
  try {
    await migrateToLatest({ db, dialect: conn.dialect, schema: conn.schema, log });
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  const instanceId = randomUUID();
  const leases = createLeaseRepo(db);
  let closed: Promise<void> | undefined;
  return {
    dialect: conn.dialect,
    instanceId,
    digests: createDigestRepo(db),
    alerts: createAlertRepo(db),
    snapshots: createSnapshotRepo(db),
    jobs: createJobRepo(db),
    leases,
    statsLease: createStatsLease(leases, instanceId),
    statsCache: createStatsCache(db),
    audit: createAuditRepo(db),
    deliveries: createDeliveryRepo(db),
    sharedAnswers: createSharedAnswerRepo(db),
    homeTabs: createHomeTabRepo(db),
    languages: createLanguageRepo(db),
    sizeBytes: () => conn.sizeBytes(),
    close() {
      closed ??= db.destroy();
      return closed;
    },
  };
}

export type { StoreDialect } from './schema.js';
export { StoreError, isStoreError, type StoreErrorCode } from './errors.js';
export { DEFAULT_SQLITE_PATH } from './connect.js';
export type { DigestRepo, DigestSubscription, NewDigestSubscription, DigestPatch, DigestWhen } from './digests.js';
export type { AlertRepo, AlertRule, NewAlertRule, AlertOp, AlertScope } from './alert-rules.js';
export type { AlertStateRepo, AlertState, AlertStateName, AlertStateWrite } from './alert-states.js';
export type { NoticeRepo, ServiceNotice, NoticeStateName, NoticeWrite } from './service-notices.js';
export { SNAPSHOT_SOURCES } from './snapshots.js';
export type { SnapshotRepo, Snapshot, NewSnapshot, SnapshotSource, SourceHealth, LatestOptions } from './snapshots.js';
export type { PruneOptions, PruneResult } from './snapshot-prune.js';
export type { JobRepo, JobRun, JobStatus, JobOutcome } from './jobs.js';
export type { LeaseRepo, Lease } from './leases.js';
export { createSeenRequests, pruneSeenRequests } from './leases.js';
export type { AuditRepo, AuditEntry } from './audit.js';
export type { SharedAnswer, SharedAnswerRepo } from './shared-answers.js';
export type { HomeTab, HomeTabRepo } from './home-tabs.js';
export type { DeliveryRepo, Delivery, NewDelivery, DeliveryKind, DeliveryStatus } from './deliveries.js';

/** The voice bots digests and alert rules name: the ones worth collecting, and the ones the bot knows of. */
export async function botCodesInUse(store: Pick<Store, 'digests' | 'alerts'>): Promise<string[]> {
  const [subs, rules] = await Promise.all([store.digests.list(), store.alerts.list()]);
  return [...new Set([...subs.flatMap((s) => s.bots), ...rules.flatMap((r) => (r.scope === 'bot' && r.scopeId ? [r.scopeId] : []))])];
}

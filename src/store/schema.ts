/**
 * The database as Kysely sees it: one interface per table, columns in snake_case exactly as the
 * migrations create them. Times are epoch milliseconds, booleans are 0/1 and JSON is text in both
 * SQLite and PostgreSQL, so the same queries serve both; the repositories turn rows into the
 * camelCase types the rest of the bot uses.
 */
import type { Generated } from 'kysely';

export interface DigestSubscriptionsTable {
  id: Generated<number>;
  channel_id: string;
  vdn: number;
  at: string;
  days: string;
  time_zone: string;
  campaigns: string;
  bots: string;
  when_mode: string;
  paused: number;
  created_by: string;
  created_at: number;
  updated_at: number;
  last_digest_hash: string | null;
  /** A locale tag (`zh-CN`), or null: the channel's language. */
  lang: string | null;
}

export interface AlertRulesTable {
  id: Generated<number>;
  metric: string;
  op: string;
  threshold: number;
  scope: string;
  scope_id: string | null;
  vdn: number;
  min_volume: number;
  for_s: number;
  clear_value: number;
  repeat_s: number;
  channel_id: string;
  mention: string | null;
  muted_until: number | null;
  created_by: string;
  created_at: number;
  /** A locale tag (`zh-CN`), or null: the channel's language. */
  lang: string | null;
}

export interface AlertStatesTable {
  rule_id: number;
  subject: string;
  state: string;
  since: number;
  last_value: number | null;
  last_volume: number | null;
  message_channel: string | null;
  message_ts: string | null;
  thread_ts: string | null;
  last_notified_at: number | null;
  acked_by: string | null;
  acked_at: number | null;
  reason: string | null;
  version: number;
  updated_at: number;
}

export interface ServiceNoticesTable {
  service: string;
  state: string;
  since: number;
  message_channel: string | null;
  message_ts: string | null;
  reason: string | null;
  version: number;
  updated_at: number;
}

export interface MetricSnapshotsTable {
  id: Generated<number>;
  vdn: number;
  source: string;
  subject: string;
  taken_at: number;
  ok: number;
  payload: string | null;
  error: string | null;
  /** The last tick that found the payload unchanged (0005); NULL when none did. */
  confirmed_at: number | null;
}

export interface JobRunsTable {
  job: string;
  scheduled_for: number;
  holder: string;
  claimed_at: number;
  status: string;
  finished_at: number | null;
  detail: string | null;
}

export interface LeasesTable {
  key: string;
  holder: string;
  acquired_at: number;
  expires_at: number;
}

export interface StatsCacheTable {
  key: string;
  value: string;
  fetched_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  user_id: string;
  action: string;
  target: string;
  detail: string | null;
}

export interface DeliveriesTable {
  id: Generated<number>;
  kind: string;
  ref: number;
  job_key: string;
  channel: string;
  status: string;
  at: number;
  ts: string | null;
  error: string | null;
  attempts: number;
}

/** Small bookkeeping values (e.g. how far snapshot thinning has got). */
export interface StoreMetaTable {
  key: string;
  value: string;
}

export interface SharedAnswersTable {
  id: string;
  user_id: string;
  channel_id: string;
  command: string;
  messages: string;
  created_at: number;
  expires_at: number;
}

export interface HomeTabsTable {
  user_id: string;
  opened_at: number;
  published_at: number | null;
  view_hash: string | null;
}

/** `/aicc lang`: a channel's or a user's chosen language. */
export interface LanguageSettingsTable {
  /** 'channel' or 'user'. */
  scope: string;
  subject_id: string;
  locale: string;
  set_by: string;
  set_at: number;
}

export interface Database {
  digest_subscriptions: DigestSubscriptionsTable;
  alert_rules: AlertRulesTable;
  alert_states: AlertStatesTable;
  service_notices: ServiceNoticesTable;
  metric_snapshots: MetricSnapshotsTable;
  job_runs: JobRunsTable;
  leases: LeasesTable;
  stats_cache: StatsCacheTable;
  audit_log: AuditLogTable;
  deliveries: DeliveriesTable;
  store_meta: StoreMetaTable;
  shared_answers: SharedAnswersTable;
  home_tabs: HomeTabsTable;
  language_settings: LanguageSettingsTable;
}

/** Which engine is behind the store. */
export type StoreDialect = 'sqlite' | 'postgres';

/**
 * Alert evaluation state. Several bot processes may evaluate the same rule; each write names the
 * version it read, and only the writer whose version still matches wins, so a transition (and
 * its Slack message) happens once.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AlertStatesTable, Database } from './schema.js';
import { count, nul, opt } from './util.js';

export type AlertStateName = 'ok' | 'pending' | 'firing' | 'resolved' | 'nodata';

export interface AlertState {
  ruleId: number;
  /** Campaign id or bot access code ('' when the rule is VDN-wide). */
  subject: string;
  state: AlertStateName;
  /** When the current state began (epoch ms). */
  since: number;
  lastValue?: number;
  lastVolume?: number;
  /** Where the alert message was posted, to update or thread under it. */
  messageChannel?: string;
  messageTs?: string;
  threadTs?: string;
  lastNotifiedAt?: number;
  ackedBy?: string;
  ackedAt?: number;
  reason?: string;
  /** Starts at 1 and grows by one on every write. */
  version: number;
  updatedAt: number;
}

/** Optional fields that a write may also clear with null. */
export type Nullable<T> = { [K in keyof T]?: T[K] | null };

/** A whole state as written; absent optional fields are stored as NULL. */
export type AlertStateWrite = Pick<AlertState, 'state' | 'since' | 'updatedAt'> &
  Nullable<Omit<AlertState, 'ruleId' | 'subject' | 'version' | 'state' | 'since' | 'updatedAt'>>;

export interface AlertStateRepo {
  get(ruleId: number, subject: string): Promise<AlertState | undefined>;
  listByRule(ruleId: number): Promise<AlertState[]>;
  listFiring(): Promise<AlertState[]>;
  /** Writes unconditionally (last writer wins) and returns the stored state. */
  upsert(ruleId: number, subject: string, next: AlertStateWrite): Promise<AlertState>;
  /**
   * Writes only if the stored version still equals `expectedVersion`; pass null when `get`
   * found no row, and the write then only inserts. Of two concurrent writers with the same
   * expectation exactly one gets true; the new version is `expectedVersion + 1` (1 on insert).
   */
  compareAndSet(ruleId: number, subject: string, expectedVersion: number | null, next: AlertStateWrite): Promise<boolean>;
}

function toState(r: Selectable<AlertStatesTable>): AlertState {
  return {
    ruleId: r.rule_id,
    subject: r.subject,
    state: r.state as AlertStateName,
    since: r.since,
    lastValue: opt(r.last_value),
    lastVolume: opt(r.last_volume),
    messageChannel: opt(r.message_channel),
    messageTs: opt(r.message_ts),
    threadTs: opt(r.thread_ts),
    lastNotifiedAt: opt(r.last_notified_at),
    ackedBy: opt(r.acked_by),
    ackedAt: opt(r.acked_at),
    reason: opt(r.reason),
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** The columns a write sets; key and version are the caller's business. */
function stateColumns(n: AlertStateWrite) {
  return {
    state: n.state,
    since: n.since,
    last_value: nul(n.lastValue),
    last_volume: nul(n.lastVolume),
    message_channel: nul(n.messageChannel),
    message_ts: nul(n.messageTs),
    thread_ts: nul(n.threadTs),
    last_notified_at: nul(n.lastNotifiedAt),
    acked_by: nul(n.ackedBy),
    acked_at: nul(n.ackedAt),
    reason: nul(n.reason),
    updated_at: n.updatedAt,
  };
}

/** Alert states over the database; `compareAndSet` is safe across processes. */
export function createAlertStateRepo(db: Kysely<Database>): AlertStateRepo {
  const get = async (ruleId: number, subject: string) => {
    const row = await db
      .selectFrom('alert_states')
      .selectAll()
      .where('rule_id', '=', ruleId)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row && toState(row);
  };
  return {
    get,
    async listByRule(ruleId) {
      const rows = await db.selectFrom('alert_states').selectAll().where('rule_id', '=', ruleId).orderBy('subject').execute();
      return rows.map(toState);
    },
    async listFiring() {
      const rows = await db
        .selectFrom('alert_states')
        .selectAll()
        .where('state', '=', 'firing')
        .orderBy('rule_id')
        .orderBy('subject')
        .execute();
      return rows.map(toState);
    },
    async upsert(ruleId, subject, next) {
      const cols = stateColumns(next);
      await db
        .insertInto('alert_states')
        .values({ rule_id: ruleId, subject, version: 1, ...cols })
        .onConflict((oc) =>
          oc.columns(['rule_id', 'subject']).doUpdateSet((eb) => ({ ...cols, version: eb('alert_states.version', '+', 1) })),
        )
        .execute();
      const stored = await get(ruleId, subject);
      if (!stored) throw new Error(`alert state ${ruleId}/${subject} vanished after upsert`);
      return stored;
    },
    async compareAndSet(ruleId, subject, expectedVersion, next) {
      const cols = stateColumns(next);
      if (expectedVersion === null) {
        // The primary key decides between concurrent inserts; the loser inserts nothing.
        const r = await db
          .insertInto('alert_states')
          .values({ rule_id: ruleId, subject, version: 1, ...cols })
          .onConflict((oc) => oc.columns(['rule_id', 'subject']).doNothing())
          .executeTakeFirst();
        return count(r.numInsertedOrUpdatedRows) === 1;
      }
      const r = await db
        .updateTable('alert_states')
        .set({ ...cols, version: expectedVersion + 1 })
        .where('rule_id', '=', ruleId)
        .where('subject', '=', subject)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return count(r.numUpdatedRows) === 1;
    },
  };
}

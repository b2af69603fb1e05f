/**
 * Per-service "no data" notices: one message per service rather than one per rule, written
 * with the same compare-and-set as alert states so two processes post it once.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Nullable } from './alert-states.js';
import type { Database, ServiceNoticesTable } from './schema.js';
import { count, nul, opt } from './util.js';

/** `recovering`: data came back for one tick; "back" is said only if it stays for the next one. */
export type NoticeStateName = 'ok' | 'nodata' | 'recovering';

/** A "no data from this service" notice, shared by every rule reading the service. */
export interface ServiceNotice {
  service: string;
  state: NoticeStateName;
  since: number;
  messageChannel?: string;
  messageTs?: string;
  reason?: string;
  version: number;
  updatedAt: number;
}

export type NoticeWrite = Pick<ServiceNotice, 'state' | 'since' | 'updatedAt'> &
  Nullable<Pick<ServiceNotice, 'messageChannel' | 'messageTs' | 'reason'>>;

export interface NoticeRepo {
  get(service: string): Promise<ServiceNotice | undefined>;
  list(): Promise<ServiceNotice[]>;
  /** Same contract as the alert states' `compareAndSet`. */
  compareAndSet(service: string, expectedVersion: number | null, next: NoticeWrite): Promise<boolean>;
}

function toNotice(r: Selectable<ServiceNoticesTable>): ServiceNotice {
  return {
    service: r.service,
    state: r.state as NoticeStateName,
    since: r.since,
    messageChannel: opt(r.message_channel),
    messageTs: opt(r.message_ts),
    reason: opt(r.reason),
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** Service notices over the database. */
export function createNoticeRepo(db: Kysely<Database>): NoticeRepo {
  return {
    async get(service) {
      const row = await db.selectFrom('service_notices').selectAll().where('service', '=', service).executeTakeFirst();
      return row && toNotice(row);
    },
    async list() {
      return (await db.selectFrom('service_notices').selectAll().orderBy('service').execute()).map(toNotice);
    },
    async compareAndSet(service, expectedVersion, next) {
      const cols = {
        state: next.state,
        since: next.since,
        message_channel: nul(next.messageChannel),
        message_ts: nul(next.messageTs),
        reason: nul(next.reason),
        updated_at: next.updatedAt,
      };
      if (expectedVersion === null) {
        const r = await db
          .insertInto('service_notices')
          .values({ service, version: 1, ...cols })
          .onConflict((oc) => oc.column('service').doNothing())
          .executeTakeFirst();
        return count(r.numInsertedOrUpdatedRows) === 1;
      }
      const r = await db
        .updateTable('service_notices')
        .set({ ...cols, version: expectedVersion + 1 })
        .where('service', '=', service)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return count(r.numUpdatedRows) === 1;
    },
  };
}

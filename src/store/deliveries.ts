/** What the bot posted (or failed to post) for each digest and alert, for `/aicc status`. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, DeliveriesTable } from './schema.js';
import { clampLimit, opt } from './util.js';

export type DeliveryKind = 'digest' | 'alert';
export type DeliveryStatus = 'posted' | 'failed' | 'late' | 'missed';

export interface Delivery {
  id: number;
  kind: DeliveryKind;
  /** Subscription id for a digest, rule id for an alert. */
  ref: number;
  /** The job run it belongs to, e.g. 'digest:3@1763719200000'. */
  jobKey: string;
  channel: string;
  status: DeliveryStatus;
  at: number;
  /** Slack message ts when posted. */
  ts?: string;
  error?: string;
  attempts: number;
}

export type NewDelivery = Omit<Delivery, 'id' | 'ts' | 'error' | 'attempts'> & {
  ts?: string | null;
  error?: string | null;
  /** Default 1. */
  attempts?: number;
};

export interface DeliveryRepo {
  /** Returns the new record's id. */
  record(d: NewDelivery): Promise<number>;
  /** Newest first. */
  recent(limit?: number): Promise<Delivery[]>;
  /** A digest subscription's deliveries, newest first. */
  bySubscription(subscriptionId: number, limit?: number): Promise<Delivery[]>;
  /** An alert rule's deliveries, newest first. */
  byRule(ruleId: number, limit?: number): Promise<Delivery[]>;
}

function toDelivery(r: Selectable<DeliveriesTable>): Delivery {
  return {
    id: r.id,
    kind: r.kind as DeliveryKind,
    ref: r.ref,
    jobKey: r.job_key,
    channel: r.channel,
    status: r.status as DeliveryStatus,
    at: r.at,
    ts: opt(r.ts),
    error: opt(r.error),
    attempts: r.attempts,
  };
}

/** Delivery records over the database. */
export function createDeliveryRepo(db: Kysely<Database>): DeliveryRepo {
  const byRef = async (kind: DeliveryKind, ref: number, limit?: number) => {
    const rows = await db
      .selectFrom('deliveries')
      .selectAll()
      .where('kind', '=', kind)
      .where('ref', '=', ref)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(clampLimit(limit))
      .execute();
    return rows.map(toDelivery);
  };
  return {
    async record(d) {
      const r = await db
        .insertInto('deliveries')
        .values({
          kind: d.kind,
          ref: d.ref,
          job_key: d.jobKey,
          channel: d.channel,
          status: d.status,
          at: d.at,
          ts: d.ts ?? null,
          error: d.error ?? null,
          attempts: d.attempts ?? 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async recent(limit) {
      const rows = await db.selectFrom('deliveries').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(clampLimit(limit)).execute();
      return rows.map(toDelivery);
    },
    bySubscription: (id, limit) => byRef('digest', id, limit),
    byRule: (id, limit) => byRef('alert', id, limit),
  };
}

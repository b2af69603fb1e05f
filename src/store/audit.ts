/** Who changed what through the bot (subscriptions, rules, mutes), newest first. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { clampLimit, fromJson, toJson } from './util.js';

export interface AuditEntry {
  id: number;
  at: number;
  /** Slack user id. */
  userId: string;
  /** e.g. 'digest.add', 'alert.mute'. */
  action: string;
  /** e.g. 'digest:3'. */
  target: string;
  /** Parsed JSON detail; absent when none was given. */
  detail?: unknown;
}

export interface AuditRepo {
  /** Stores `detail` as JSON text; returns the new entry's id. */
  append(at: number, userId: string, action: string, target: string, detail?: unknown): Promise<number>;
  recent(limit?: number): Promise<AuditEntry[]>;
}

/** The audit log over the database. */
export function createAuditRepo(db: Kysely<Database>): AuditRepo {
  return {
    async append(at, userId, action, target, detail) {
      const r = await db
        .insertInto('audit_log')
        .values({ at, user_id: userId, action, target, detail: toJson(detail) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async recent(limit) {
      const rows = await db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(clampLimit(limit)).execute();
      return rows.map((r) => ({ id: r.id, at: r.at, userId: r.user_id, action: r.action, target: r.target, detail: fromJson(r.detail) }));
    },
  };
}

/**
 * The public versions of ephemeral answers, for **Share in channel** (see migration 0002). Every
 * read-only answer is kept for a day in case it is shared, so the messages are stored deflated
 * (`z1:` and base64; a table answer shrinks about fivefold for some 0.02 ms); rows written before
 * as plain JSON still read.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Insertable, Kysely } from 'kysely';
import type { Database, SharedAnswersTable } from './schema.js';
import { count, reusedQuery } from './util.js';

export interface SharedAnswer {
  id: string;
  userId: string;
  channelId: string;
  /** The command text, shown as "Shared by @user · /aicc …". */
  command: string;
  /** Block Kit messages, as JSON-able values. */
  messages: unknown[];
  createdAt: number;
  expiresAt: number;
}

export interface SharedAnswerRepo {
  /** Keeps the answer; `json` is `JSON.stringify(answer.messages)` when the caller has it already. */
  put(answer: SharedAnswer, json?: string): Promise<void>;
  /** The answer while it has not expired. */
  get(id: string, now: number): Promise<SharedAnswer | undefined>;
  /** Removes it once shared, so a second click shares nothing; true for exactly one caller. */
  take(id: string): Promise<boolean>;
  prune(now: number): Promise<number>;
}

const PACKED = 'z1:';

// A small window and memory level: an answer is a few kB, and these cost a third less CPU than
// the defaults for the same size. Any inflater reads them (its window is the largest).
const PACK_OPTIONS = { level: 1, windowBits: 11, memLevel: 3 } as const;

/** Messages as stored: deflated JSON, as text both backends keep. */
export function packMessages(messages: unknown[], json = JSON.stringify(messages)): string {
  return PACKED + deflateRawSync(json, PACK_OPTIONS).toString('base64');
}

export function unpackMessages(stored: string): unknown[] {
  const json = stored.startsWith(PACKED) ? inflateRawSync(Buffer.from(stored.slice(PACKED.length), 'base64')).toString('utf8') : stored;
  return JSON.parse(json) as unknown[];
}

export function createSharedAnswerRepo(db: Kysely<Database>): SharedAnswerRepo {
  // Every read-only answer is kept: the insert is compiled once (see reusedQuery).
  const insert = reusedQuery(db, (row: Insertable<SharedAnswersTable>) => db.insertInto('shared_answers').values(row));
  return {
    async put(a, json) {
      await insert({ id: a.id, user_id: a.userId, channel_id: a.channelId, command: a.command, messages: packMessages(a.messages, json), created_at: a.createdAt, expires_at: a.expiresAt });
    },
    async get(id, now) {
      const r = await db.selectFrom('shared_answers').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
      if (!r) return undefined;
      return { id: r.id, userId: r.user_id, channelId: r.channel_id, command: r.command, messages: unpackMessages(r.messages), createdAt: r.created_at, expiresAt: r.expires_at };
    },
    async take(id) {
      const r = await db.deleteFrom('shared_answers').where('id', '=', id).executeTakeFirst();
      return count(r.numDeletedRows) === 1;
    },
    async prune(now) {
      const r = await db.deleteFrom('shared_answers').where('expires_at', '<=', now).executeTakeFirst();
      return count(r.numDeletedRows);
    },
  };
}

/** Digest subscriptions: who gets which summary, where and when. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, DigestSubscriptionsTable } from './schema.js';
import { parseLocale, type Locale } from '../i18n/index.js';
import { count, nul, opt, splitCsv, toBool, toInt } from './util.js';

export type DigestWhen = 'always' | 'changed';

export interface DigestSubscription {
  /** Small integer the user types (`/aicc digest remove 3`); never reused. */
  id: number;
  channelId: string;
  vdn: number;
  /** Local wall time 'HH:MM'. */
  at: string;
  /** As typed: 'daily', 'mon-fri' or a list such as 'sat,sun'. */
  days: string;
  timeZone: string;
  /** Every campaign, or these campaign ids. */
  campaigns: 'all' | string[];
  /** OIFDE access codes; may be empty. */
  bots: string[];
  whenMode: DigestWhen;
  paused: boolean;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  /** Hash of the last digest posted, for `when: changed`. */
  lastDigestHash?: string;
  /** `lang:`: the digest's own language; absent: the channel's. */
  lang?: Locale;
}

export interface NewDigestSubscription {
  channelId: string;
  vdn: number;
  at: string;
  days: string;
  timeZone: string;
  campaigns?: 'all' | string[];
  bots?: string[];
  whenMode?: DigestWhen;
  paused?: boolean;
  lang?: Locale;
  createdBy: string;
  /** Also the first `updatedAt`. */
  createdAt: number;
}

/** Fields to change; absent ones stay, `lastDigestHash: null` clears the hash. */
export type DigestPatch = Partial<Omit<DigestSubscription, 'id' | 'createdBy' | 'createdAt' | 'updatedAt' | 'lastDigestHash' | 'lang'>> & {
  lastDigestHash?: string | null;
  /** `null` clears it (the digest follows the channel's language again). */
  lang?: Locale | null;
  updatedAt: number;
};

export interface DigestRepo {
  create(input: NewDigestSubscription): Promise<DigestSubscription>;
  get(id: number): Promise<DigestSubscription | undefined>;
  /** All subscriptions by id, or those of one channel. */
  list(filter?: { channelId?: string }): Promise<DigestSubscription[]>;
  /** The updated subscription, or undefined when there is none with this id. */
  update(id: number, patch: DigestPatch): Promise<DigestSubscription | undefined>;
  /** True when a subscription was removed. */
  remove(id: number): Promise<boolean>;
  setPaused(id: number, paused: boolean, updatedAt: number): Promise<boolean>;
}

const campaignsText = (c: 'all' | string[]): string => (c === 'all' ? 'all' : c.join(','));

function toSubscription(r: Selectable<DigestSubscriptionsTable>): DigestSubscription {
  return {
    id: r.id,
    channelId: r.channel_id,
    vdn: r.vdn,
    at: r.at,
    days: r.days,
    timeZone: r.time_zone,
    campaigns: r.campaigns === 'all' ? 'all' : splitCsv(r.campaigns),
    bots: splitCsv(r.bots),
    whenMode: r.when_mode as DigestWhen,
    paused: toBool(r.paused),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastDigestHash: opt(r.last_digest_hash),
    lang: parseLocale(r.lang),
  };
}

/** Digest subscriptions over the database. */
export function createDigestRepo(db: Kysely<Database>): DigestRepo {
  const get = async (id: number) => {
    const row = await db.selectFrom('digest_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSubscription(row);
  };
  return {
    get,
    async create(input) {
      const row = await db
        .insertInto('digest_subscriptions')
        .values({
          channel_id: input.channelId,
          vdn: input.vdn,
          at: input.at,
          days: input.days,
          time_zone: input.timeZone,
          campaigns: campaignsText(input.campaigns ?? 'all'),
          bots: (input.bots ?? []).join(','),
          when_mode: input.whenMode ?? 'always',
          paused: toInt(input.paused ?? false),
          created_by: input.createdBy,
          created_at: input.createdAt,
          updated_at: input.createdAt,
          last_digest_hash: null,
          lang: nul(input.lang),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSubscription(row);
    },
    async list(filter = {}) {
      let q = db.selectFrom('digest_subscriptions').selectAll().orderBy('id');
      if (filter.channelId !== undefined) q = q.where('channel_id', '=', filter.channelId);
      return (await q.execute()).map(toSubscription);
    },
    async update(id, p) {
      const r = await db
        .updateTable('digest_subscriptions')
        .set({
          channel_id: p.channelId,
          vdn: p.vdn,
          at: p.at,
          days: p.days,
          time_zone: p.timeZone,
          campaigns: p.campaigns === undefined ? undefined : campaignsText(p.campaigns),
          bots: p.bots?.join(','),
          when_mode: p.whenMode,
          paused: p.paused === undefined ? undefined : toInt(p.paused),
          last_digest_hash: p.lastDigestHash === undefined ? undefined : nul(p.lastDigestHash),
          lang: p.lang === undefined ? undefined : nul(p.lang),
          updated_at: p.updatedAt,
        })
        .where('id', '=', id)
        .executeTakeFirst();
      return count(r.numUpdatedRows) > 0 ? get(id) : undefined;
    },
    async remove(id) {
      const r = await db.deleteFrom('digest_subscriptions').where('id', '=', id).executeTakeFirst();
      return count(r.numDeletedRows) > 0;
    },
    async setPaused(id, paused, updatedAt) {
      const r = await db
        .updateTable('digest_subscriptions')
        .set({ paused: toInt(paused), updated_at: updatedAt })
        .where('id', '=', id)
        .executeTakeFirst();
      return count(r.numUpdatedRows) > 0;
    },
  };
}

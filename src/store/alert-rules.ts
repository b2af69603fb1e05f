/** Alert rules, plus the per-subject states and per-service no-data notices they drive. */
import type { Kysely, Selectable } from 'kysely';
import { createAlertStateRepo, type AlertStateRepo } from './alert-states.js';
import { createNoticeRepo, type NoticeRepo } from './service-notices.js';
import type { AlertRulesTable, Database } from './schema.js';
import { parseLocale, type Locale } from '../i18n/index.js';
import { count, nul, opt } from './util.js';

export type AlertOp = '<' | '<=' | '>' | '>=';
export type AlertScope = 'campaign' | 'bot' | 'all';

export interface AlertRule {
  id: number;
  metric: string;
  op: AlertOp;
  threshold: number;
  scope: AlertScope;
  /** Campaign id or bot access code; absent for scope 'all'. */
  scopeId?: string;
  vdn: number;
  /** Below this many calls the value is too noisy to judge. */
  minVolume: number;
  /** Seconds the condition must hold before firing. */
  forS: number;
  /** Value at which a firing alert resolves (hysteresis). */
  clearValue: number;
  /** Seconds between reminders while firing; 0 means none. */
  repeatS: number;
  channelId: string;
  mention?: string;
  /** Epoch ms until which notifications are held back. */
  mutedUntil?: number;
  createdBy: string;
  createdAt: number;
  /** `lang:`: the rule's own language for its posts; absent: the channel's. */
  lang?: Locale;
}

export type NewAlertRule = Omit<AlertRule, 'id' | 'scopeId' | 'mention' | 'mutedUntil' | 'minVolume' | 'forS' | 'repeatS' | 'lang'> & {
  lang?: Locale | null;
  scopeId?: string | null;
  mention?: string | null;
  mutedUntil?: number | null;
  minVolume?: number;
  forS?: number;
  repeatS?: number;
};

/** Settings an edit may change; what is watched (metric, scope, subject, VDN) is not among them. */
export type AlertRulePatch = Partial<Pick<AlertRule, 'op' | 'threshold' | 'clearValue' | 'minVolume' | 'forS' | 'repeatS' | 'channelId'>> & { mention?: string | null; lang?: Locale | null };

export interface AlertRepo {
  create(input: NewAlertRule): Promise<AlertRule>;
  /** Changes a rule's settings; the updated rule, or undefined when there is none with this id. */
  update(id: number, patch: AlertRulePatch): Promise<AlertRule | undefined>;
  get(id: number): Promise<AlertRule | undefined>;
  /** All rules by id, or those posting to one channel. */
  list(filter?: { channelId?: string }): Promise<AlertRule[]>;
  /** Removes the rule and its states; true when there was one. */
  remove(id: number): Promise<boolean>;
  /** Mutes until the given epoch ms, or unmutes with null. */
  setMute(id: number, until: number | null): Promise<boolean>;
  /** Per (rule, subject) evaluation state with compare-and-set. */
  readonly states: AlertStateRepo;
  /** Per-service "no data" notices with compare-and-set. */
  readonly notices: NoticeRepo;
}

function toRule(r: Selectable<AlertRulesTable>): AlertRule {
  return {
    id: r.id,
    metric: r.metric,
    op: r.op as AlertOp,
    threshold: r.threshold,
    scope: r.scope as AlertScope,
    scopeId: opt(r.scope_id),
    vdn: r.vdn,
    minVolume: r.min_volume,
    forS: r.for_s,
    clearValue: r.clear_value,
    repeatS: r.repeat_s,
    channelId: r.channel_id,
    mention: opt(r.mention),
    mutedUntil: opt(r.muted_until),
    createdBy: r.created_by,
    createdAt: r.created_at,
    lang: parseLocale(r.lang),
  };
}

/** Alert rules with their states and notices. */
export function createAlertRepo(db: Kysely<Database>): AlertRepo {
  return {
    states: createAlertStateRepo(db),
    notices: createNoticeRepo(db),
    async create(input) {
      const row = await db
        .insertInto('alert_rules')
        .values({
          metric: input.metric,
          op: input.op,
          threshold: input.threshold,
          scope: input.scope,
          scope_id: nul(input.scopeId),
          vdn: input.vdn,
          min_volume: input.minVolume ?? 0,
          for_s: input.forS ?? 0,
          clear_value: input.clearValue,
          repeat_s: input.repeatS ?? 0,
          channel_id: input.channelId,
          mention: nul(input.mention),
          muted_until: nul(input.mutedUntil),
          created_by: input.createdBy,
          created_at: input.createdAt,
          lang: nul(input.lang),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRule(row);
    },
    async update(id, p) {
      const set = {
        op: p.op,
        threshold: p.threshold,
        clear_value: p.clearValue,
        min_volume: p.minVolume,
        for_s: p.forS,
        repeat_s: p.repeatS,
        channel_id: p.channelId,
        mention: p.mention === undefined ? undefined : nul(p.mention),
        lang: p.lang === undefined ? undefined : nul(p.lang),
      };
      const defined = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
      if (Object.keys(defined).length > 0) await db.updateTable('alert_rules').set(defined).where('id', '=', id).executeTakeFirst();
      const row = await db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRule(row);
    },
    async get(id) {
      const row = await db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRule(row);
    },
    async list(filter = {}) {
      let q = db.selectFrom('alert_rules').selectAll().orderBy('id');
      if (filter.channelId !== undefined) q = q.where('channel_id', '=', filter.channelId);
      return (await q.execute()).map(toRule);
    },
    async remove(id) {
      const r = await db.deleteFrom('alert_rules').where('id', '=', id).executeTakeFirst();
      return count(r.numDeletedRows) > 0;
    },
    async setMute(id, until) {
      const r = await db.updateTable('alert_rules').set({ muted_until: until }).where('id', '=', id).executeTakeFirst();
      return count(r.numUpdatedRows) > 0;
    },
  };
}

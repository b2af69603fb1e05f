/** `/aicc lang`: the language a channel or a user chose (see migration 0004). */
import type { Kysely } from 'kysely';
import { parseLocale, type Locale } from '../i18n/index.js';
import type { Database } from './schema.js';

export type LanguageScope = 'channel' | 'user';

export interface LanguageRepo {
  /** The chosen language, or undefined when none was chosen (or the stored tag is no longer supported). */
  get(scope: LanguageScope, subjectId: string): Promise<Locale | undefined>;
  set(scope: LanguageScope, subjectId: string, locale: Locale, setBy: string, at: number): Promise<void>;
  /** True when a choice was removed. */
  clear(scope: LanguageScope, subjectId: string): Promise<boolean>;
}

export function createLanguageRepo(db: Kysely<Database>): LanguageRepo {
  return {
    async get(scope, subjectId) {
      const r = await db.selectFrom('language_settings').select('locale').where('scope', '=', scope).where('subject_id', '=', subjectId).executeTakeFirst();
      return parseLocale(r?.locale);
    },
    async set(scope, subjectId, locale, setBy, at) {
      await db
        .insertInto('language_settings')
        .values({ scope, subject_id: subjectId, locale, set_by: setBy, set_at: at })
        .onConflict((oc) => oc.columns(['scope', 'subject_id']).doUpdateSet({ locale, set_by: setBy, set_at: at }))
        .execute();
    },
    async clear(scope, subjectId) {
      const r = await db.deleteFrom('language_settings').where('scope', '=', scope).where('subject_id', '=', subjectId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

/**
 * Every migration, in order. Names sort as versions (`0001_…`, `0002_…`); a new one is added at
 * the end and an applied one is never edited, since Kysely records names, not contents.
 */
import type { StoreMigration } from './helpers.js';
import { initial } from './0001_initial.js';
import { sharedAnswers } from './0002_shared_answers.js';
import { homeTabs } from './0003_home_tabs.js';
import { languages } from './0004_languages.js';
import { snapshotConfirmed } from './0005_snapshot_confirmed.js';

export const MIGRATIONS: Readonly<Record<string, StoreMigration>> = {
  '0001_initial': initial,
  '0002_shared_answers': sharedAnswers,
  '0003_home_tabs': homeTabs,
  '0004_languages': languages,
  '0005_snapshot_confirmed': snapshotConfirmed,
};

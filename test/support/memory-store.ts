/** A real store for handler tests that need one, but not both backends (see backends.ts for that). */
import type { Logger } from '../../src/platform/log.js';
import { openStore, type Store } from '../../src/store/index.js';

/** A store on a new in-memory SQLite database, migrated; close it after the test. */
export function memoryStore(opts: { log?: Logger } = {}): Promise<Store> {
  return openStore({ url: ':memory:', log: opts.log });
}

/** Reads the JSON files under test/fixtures, wherever the test that asks sits. */
import { readFileSync } from 'node:fs';

/** Parses `test/fixtures/<relPath>`, e.g. `samples/statistics.json`. */
export function fixtureJson(relPath: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${relPath}`, import.meta.url), 'utf8'));
}

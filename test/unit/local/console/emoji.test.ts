/** Every `:emoji:` code the bot's source can post has a glyph in the console's table. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emojiFor } from '../../../../local/console/emoji.js';

const SRC = fileURLToPath(new URL('../../../../src/', import.meta.url));
/** Codes that look like emoji but are not posted: SQLite's in-memory database name. */
const NOT_EMOJI = new Set(['memory']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('the console emoji table', () => {
  it('has a glyph for every emoji code in src/', () => {
    const codes = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|[^a-zA-Z0-9_:/]):([a-z][a-z0-9_+-]*):/g)) if (!NOT_EMOJI.has(m[1]!)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(20);
    expect([...codes].filter((c) => emojiFor(c) === undefined)).toEqual([]);
  });
});

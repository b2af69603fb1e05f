/**
 * `npm start`: runs the compiled bot (`dist/`, made by `npm run build`) when it exists, else the
 * TypeScript source through tsx. So `npm install && npm start` works on a fresh clone, and a
 * production tree (`npm run build && npm prune --omit=dev`) runs plain JavaScript with no build
 * tools installed. One process either way: the source is loaded through tsx's in-process hooks.
 * `npm run dev` always runs the source.
 */
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  let api;
  try {
    api = await import('tsx/esm/api');
  } catch {
    process.stderr.write('no compiled bot (dist/) and no tsx to run the source: run `npm install && npm run build`\n');
    process.exit(1);
  }
  api.register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}

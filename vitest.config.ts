import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/** One kind of test: its folder under test/ and how long its tests and hooks may take. */
function kind(name: string, options: { testTimeout: number; hookTimeout: number; isolate?: boolean }): TestProjectInlineConfiguration {
  return { extends: true, test: { name, include: [`test/${name}/**/*.test.ts`], ...options } };
}

// Servers, stores and child processes take seconds to start; pure units get Vitest's defaults.
const SLOW = { testTimeout: 20_000, hookTimeout: 30_000 };

export default defineConfig({
  test: {
    // End-to-end suites start real servers on port 0; two cores do not gain from more workers.
    maxWorkers: 2,
    projects: [
      // Pure units hold no state between files, so a worker imports src once for all of them
      // (most of their time is importing the command registry, not running tests).
      kind('unit', { testTimeout: 5_000, hookTimeout: 10_000, isolate: false }),
      kind('handlers', SLOW),
      kind('e2e', SLOW),
      kind('reliability', SLOW),
    ],
  },
});

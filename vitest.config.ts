import { defineConfig } from 'vitest/config';

/**
 * The test pyramid, one vitest project a layer (README, «Tests»):
 * - unit: pure functions and classes over tiny fixtures; no server, no child process, no system
 *   package. `npm run test:unit` runs this layer alone, in seconds.
 * - http: the app in this process (supertest, a loopback server) and the compiled server as a
 *   child process; still no system package.
 * - browser: Debian's chromium drives the pages.
 * - deploy: Debian's redis-server and nginx in front of or beside the app.
 * The last two install their Debian packages when missing, in a global setup that vitest runs
 * only when the layer has a test to run: a unit run never waits for apt.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    // A temporary folder per test file, removed after it (tests/setup/temp-dir.ts).
    setupFiles: ['tests/setup/temp-dir.ts'],
    hookTimeout: 60_000,
    projects: [
      // Unit files share their workers' modules (isolate: false): importing sharp, SQLite and
      // markdown-it once per worker instead of once per file takes the layer from ~29 s to ~8 s.
      // Each file still gets its own temporary folder, and no unit test keeps global state.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'http', include: ['tests/http/**/*.test.ts'] } },
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/browser/packages.ts'] } },
      { extends: true, test: { name: 'deploy', include: ['tests/deploy/**/*.test.ts'], globalSetup: ['tests/deploy/packages.ts'] } },
    ],
  },
});

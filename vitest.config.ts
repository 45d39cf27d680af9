import { defineConfig } from 'vitest/config';

// Unit, integration and Electron smoke tests run under plain Node (the UI is tested in
// Chromium by Playwright, see playwright.config.ts). Kept apart from vite.config.ts, which
// builds the renderer.
//
// Three projects, so `npm run test:unit` gives a developer an answer in seconds:
// - unit: pure functions and in-memory code: no child processes, no bundling, no PDF
//   rendering, no workbooks written (tests/unit);
// - integration: real SQLite files, processes, bundles, PDFs and workbooks read back
//   (tests/integration);
// - electron: the smoke test, which skips without the Electron binary (tests/electron).
// `vitest run` (and `npm test`) runs all three.
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    // better-sqlite3 is a native addon: forks isolate it more simply than worker threads.
    pool: 'forks',
    projects: [
      // Pure tests need no process isolation: worker threads start faster than forks.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], pool: 'threads' } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
      { extends: true, test: { name: 'electron', include: ['tests/electron/**/*.test.ts'] } },
    ],
  },
});

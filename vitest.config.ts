import { defineConfig } from 'vitest/config';

// Unit, integration and Electron smoke tests run under plain Node (the UI is tested in
// Chromium by Playwright, see playwright.config.ts). Kept apart from vite.config.ts, which
// builds the renderer.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/electron/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // better-sqlite3 is a native addon: forks isolate it more simply than worker threads.
    pool: 'forks',
  },
});

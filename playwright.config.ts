import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: real Chromium against web mode (main/web/start.ts), one fresh server and
 * data folder per test file (tests/e2e/fixtures.ts). The renderer is built once beforehand
 * (tests/e2e/global-setup.ts). Playwright's own browsers are not downloaded: Debian's
 * Chromium is used (CHROMIUM_PATH to point elsewhere).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The reporter comes from the command line (--reporter=list,json in scripts/test.mjs).
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});

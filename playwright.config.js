// Browser tests: Playwright drives Debian's Chromium against real casepanel
// servers. Each worker has its own council (tests/browser/council.js, through
// fixtures.js): a fresh demo database with a frozen clock, an SMTP sink and
// `casepanel serve --port 0`, stopped and removed when the worker ends. See
// docs/testing.md.
//
//   CASEPANEL_BINARY=build/test/casepanel npx playwright test
//
// Never run `npx playwright install`: the browser is /usr/bin/chromium.
const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: 'tests/browser',
  // Each spec file is a story told in order, so a file's tests stay on one
  // worker; files run two at a time, each worker on its own server
  // (CASEPANEL_BROWSER_WORKERS=1 runs them one after another).
  workers: Number(process.env.CASEPANEL_BROWSER_WORKERS || 2),
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The sanitizer build is slower than a release build and argon2id sign-in
  // takes up to half a second, so every limit is generous.
  timeout: 5 * 60 * 1000,
  globalTimeout: 20 * 60 * 1000,
  expect: { timeout: 15 * 1000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    screenshot: 'on',
    trace: process.env.CASEPANEL_TRACE || 'off',
    actionTimeout: 15 * 1000,
    navigationTimeout: 30 * 1000,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  },
  // Every journey on SQLite, the embedded default; the Support Panel's day
  // again on PostgreSQL 15 (a throwaway cluster, tests/pg_cluster), so the
  // server, its pages and its forms are driven on both engines.
  projects: [
    { name: 'sqlite', use: { engine: 'sqlite' } },
    { name: 'postgresql', testMatch: /panel_day\.spec\.js$/, testIgnore: /clam_panel_day/, use: { engine: 'postgresql' } },
  ],
});

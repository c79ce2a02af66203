// Browser tests: Playwright drives Debian's Chromium against a real casepanel
// server. tests/browser/global-setup.js makes a fresh demo database with a
// frozen clock, starts `casepanel serve --port 0` and puts its address in
// CASEPANEL_BASE_URL; the server is stopped and the database removed when the
// run ends. See docs/testing.md.
//
//   CASEPANEL_BINARY=build/test/casepanel npx playwright test
//
// Never run `npx playwright install`: the browser is /usr/bin/chromium.
const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: 'tests/browser',
  // The journey is one story told in order, on one server: no parallelism.
  workers: 1,
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
  globalSetup: require.resolve('./tests/browser/global-setup.js'),
  use: {
    // Set by global setup; worker processes load this file again after it ran.
    baseURL: process.env.CASEPANEL_BASE_URL,
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
    trace: 'retain-on-failure',
    actionTimeout: 15 * 1000,
    navigationTimeout: 30 * 1000,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  },
});

// What every spec imports instead of @playwright/test: the same `test` and
// `expect`, with each worker's own council (council.js) started before its
// first test and stopped after its last, and `baseURL` pointing at it.
//
// Each worker is its own process, so CASEPANEL_MAILDIR set here is that
// worker's alone (mail.js reads it).
const base = require('@playwright/test');
const { startCouncil } = require('./council');

const test = base.test.extend({
  // Which database the worker's council runs on: 'sqlite' or 'postgresql'
  // (a project of playwright.config.js sets it).
  engine: ['sqlite', { scope: 'worker', option: true }],
  council: [
    async ({ engine }, use, workerInfo) => {
      const council = await startCouncil(workerInfo.workerIndex, engine);
      process.env.CASEPANEL_MAILDIR = council.maildir;
      await use(council);
      await council.stop();
    },
    // Started for every worker, whether its tests ask for it or not, so a
    // sanitizer report from any server fails the run; `casepanel demo`
    // under the sanitizers takes a while.
    { scope: 'worker', auto: true, timeout: 3 * 60 * 1000 },
  ],
  // When a test fails, its report says where the browser was and what the
  // server logged meanwhile (it logs warnings and errors, not each request),
  // so a failure in CI can be read from CI's output alone.
  failureReport: [
    async ({ council, page }, use, testInfo) => {
      const from = council.serverLog().length;
      await use();
      if (testInfo.status === testInfo.expectedStatus) {
        return;
      }
      let where;
      try {
        where = `${page.url()} ("${await page.title()}")`;
      } catch {
        where = 'a page already closed';
      }
      const logged = council.serverLog().slice(from).trim() || '(nothing)';
      console.error(`${testInfo.title}: the browser was at ${where}; the server logged:\n${logged}`);
    },
    { auto: true },
  ],
  baseURL: async ({ council }, use) => {
    await use(council.baseURL);
  },
});

module.exports = { test, expect: base.expect };

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
  baseURL: async ({ council }, use) => {
    await use(council.baseURL);
  },
});

module.exports = { test, expect: base.expect };

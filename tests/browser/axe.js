// Accessibility check for the page as it is now: axe-core against WCAG 2.0,
// 2.1 and 2.2 levels A and AA. Fails the test listing every violation.
//
// Why the script is added by URL: casepanel's Content-Security-Policy is
// `script-src 'self'`, so page.addScriptTag({ path }) (an inline <script>) is
// refused by the browser. Instead the page requests a same-origin URL that
// Playwright answers from node_modules/axe-core, which the policy allows; the
// policy stays on, exactly as users get it, while the test runs.
const fs = require('node:fs');
const { expect } = require('@playwright/test');

const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_URL_PATH = '/__playwright__/axe.min.js';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource;
const routed = new WeakSet();

async function injectAxe(page) {
  if (await page.evaluate(() => typeof window.axe !== 'undefined')) {
    return;
  }
  if (!routed.has(page)) {
    axeSource ??= fs.readFileSync(AXE_PATH, 'utf8');
    await page.route(`**${AXE_URL_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: axeSource }),
    );
    routed.add(page);
  }
  const origin = new URL(page.url()).origin;
  await page.addScriptTag({ url: origin + AXE_URL_PATH });
}

function describe(violations) {
  return violations
    .map((v) => {
      const targets = v.nodes.map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`);
      return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${targets.join('\n')}`;
    })
    .join('\n');
}

// Runs axe on the whole document and fails with a readable list if anything
// at WCAG 2.2 AA (and below) is violated.
async function expectNoAxeViolations(page) {
  await page.waitForLoadState('load');
  await injectAxe(page);
  const violations = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    // GOV.UK Frontend's conditional reveal sets aria-expanded on a radio that
    // controls revealed questions. ARIA does not list it for role=radio, but
    // GOV.UK keeps it on purpose because screen readers announce it: a
    // documented known issue (alphagov/govuk-frontend#979). Only that exact
    // finding is set aside; any other problem on the same radio still fails.
    const knownRevealRadio = (v, n) =>
      v.id === 'aria-allowed-attr' &&
      n.target.length === 1 &&
      document.querySelector(n.target[0])?.matches('input.govuk-radios__input[type="radio"][aria-controls]') &&
      (n.failureSummary ?? '')
        .split('\n')
        .filter((line) => line.trim() && !line.startsWith('Fix '))
        .every((line) => /^\s*ARIA attribute is not allowed: aria-expanded="(true|false)"$/.test(line));
    return results.violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes
          .filter((n) => !knownRevealRadio(v, n))
          .map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }))
      .filter((v) => v.nodes.length > 0);
  }, AXE_TAGS);
  expect(violations.length, `axe found violations on ${page.url()}:\n${describe(violations)}`).toBe(0);
}

module.exports = { expectNoAxeViolations, AXE_TAGS };

// What every journey does on its page: collect anything the browser complains
// about (a script error, a refused resource, a Content-Security-Policy
// violation), check each page with axe and photograph it into the test's
// output directory, and sign the demo users in and out.
const { expect } = require('@playwright/test');
const { expectNoAxeViolations } = require('./axe');

const PASSWORD = 'casepanel-demo';
const loginFor = (role) => `${role}@demo.casepanel.test`;

function browserSession(page, testInfo) {
  const browserErrors = [];
  page.on('pageerror', (err) => browserErrors.push(`page error on ${page.url()}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const source = msg.location()?.url;
      browserErrors.push(`console error on ${page.url()}: ${msg.text()}${source ? ` (${source})` : ''}`);
    }
  });

  let shot = 0;
  // Every page a journey lands on: axe, then a screenshot NN-name.png, of the
  // whole page unless `fullPage: false` asks for the window only (the walk,
  // whose hundreds of pages the journeys already photograph whole).
  async function checkPage(name, { fullPage = true } = {}) {
    await expectNoAxeViolations(page);
    shot += 1;
    await page.screenshot({
      path: testInfo.outputPath(`${String(shot).padStart(2, '0')}-${name}.png`),
      fullPage,
    });
  }

  // Returns the signed-in person's name, from the bar above the page.
  async function signIn(role) {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await checkPage(`sign-in-${role}`);
    await page.getByLabel('Email address').fill(loginFor(role));
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My tasks' })).toBeVisible();
    const bar = page.getByText(/^Signed in as [^:]+$/);
    await expect(bar).toBeVisible();
    await checkPage(`home-${role}`);
    return (await bar.textContent()).replace(/^Signed in as /, '').trim();
  }

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  }

  return { browserErrors, checkPage, signIn, signOut };
}

module.exports = { browserSession };

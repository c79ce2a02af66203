// The annual review (issue 16): the assistant director opens this year's
// review, every page passes axe, a figure is followed to its cases and the
// list has as many rows as the figure said; a period ending before it
// starts gets the GOV.UK error summary. Reads only: it changes nothing.
const { test, expect } = require('./fixtures');
const { browserSession } = require('./session');

test('the assistant director follows a figure of the annual review to its cases', async ({ page }, testInfo) => {
  const j = browserSession(page, testInfo);
  await j.signIn('assistant_director');
  await page.getByRole('link', { name: 'Annual review' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Annual review' })).toBeVisible();
  await expect(page.locator('#report-heading')).toContainText('Every panel');
  await expect(page.getByRole('img', { name: /Requests by month submitted/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Working days from submitted to heard/ })).toBeVisible();
  await j.checkPage('review');

  // The total of requests by type, a figure with its list.
  const total = page.locator('#table-volumes\\.by_type tr', { hasText: 'Total' }).getByRole('link');
  await expect(total).toBeVisible();
  const figure = Number(await total.textContent());
  expect(figure).toBeGreaterThan(0);
  await total.click();
  await expect(page.getByRole('heading', { level: 1, name: /^Cases:/ })).toBeVisible();
  await expect(page.locator('#cases tbody tr')).toHaveCount(figure);
  await expect(page.locator('#cases-count')).toContainText(`${figure} counted from`);
  await j.checkPage('cases');

  // One month's figure too.
  await page.getByRole('link', { name: 'Back to the review' }).click();
  const month = page.locator('#table-volumes\\.by_month tbody a').first();
  const inMonth = Number(await month.textContent());
  await month.click();
  await expect(page.locator('#cases tbody tr')).toHaveCount(inMonth);

  // A period ending before it starts.
  await page.goto('/reports');
  await page.getByLabel('Dates from and to').check();
  await page.locator('#from-day').fill('6');
  await page.locator('#from-month').fill('4');
  await page.locator('#from-year').fill('2026');
  await page.locator('#to-day').fill('5');
  await page.locator('#to-month').fill('4');
  await page.locator('#to-year').fill('2026');
  await page.getByRole('button', { name: 'Show the review' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'The end of the period must be the same as or after the start');
  await expect(page.locator('#report-heading')).toHaveCount(0);
  await j.checkPage('review-error');
  expect(j.browserErrors).toEqual([]);
});

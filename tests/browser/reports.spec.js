// The annual review (issue 16): the assistant director opens this year's
// review, every page passes axe, a figure is followed to its cases and the
// list has as many rows as the figure said; both exports are downloaded,
// the CSV read and the XLSX opened (tests/browser/xlsx.js) and checked
// against the page; a period ending before it starts gets the GOV.UK error
// summary. Reads only: it changes nothing but the audit log.
const fs = require('fs');
const { test, expect } = require('./fixtures');
const { browserSession } = require('./session');
const { readXlsx } = require('./xlsx');

// Every panel, from 2017 to 2026: long enough for lists of several pages.
const LONG_PERIOD = '/reports?panel=&period=range&from-day=1&from-month=1&from-year=2017&to-day=31&to-month=12&to-year=2026';

async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

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

  // Both exports, from the links below the heading, hold the same figure.
  const year = /(\d{4}) to/.exec(await page.locator('#report-heading').textContent())[1];
  const csv = await download(page, /^Download as CSV/);
  expect(csv.name).toBe(`annual-review-all-${year}-01-01-${year}-12-31.csv`);
  const lines = csv.bytes.toString('utf8').split('\r\n');
  expect(lines[0]).toBe('panel,period_from,period_to,section,table,row,column,value,unit');
  expect(lines).toContain(
    `Every panel,${year}-01-01,${year}-12-31,Volumes,Requests by request type,Total,Number,${figure},count`);
  const xlsx = await download(page, /^Download as Excel \(XLSX\)/);
  expect(xlsx.name).toBe(`annual-review-all-${year}-01-01-${year}-12-31.xlsx`);
  const book = readXlsx(xlsx.bytes);
  expect(book.sheets[0].name).toBe('About');
  expect(book.sheet('About').cells.B2.value).toBe('Every panel');
  const byType = book.sheet('Requests by request type');
  expect(byType.frozen).toBe(true);
  expect(byType.cells.A1.value).toBe('Request type');
  const totalRow = Object.keys(byType.cells).find((r) => r.startsWith('A') && byType.cells[r].value === 'Total');
  expect(byType.cells['B' + totalRow.slice(1)]).toEqual({ type: 'n', value: String(figure) });
  await expect(page.locator('#report-heading')).toContainText('Every panel');

  await total.click();
  await expect(page.getByRole('heading', { level: 1, name: /^Cases:/ })).toBeVisible();
  await expect(page.locator('#cases tbody tr')).toHaveCount(Math.min(figure, 50));
  await expect(page.locator('#cases-count')).toContainText(`${figure.toLocaleString('en-GB')} counted from`);
  await j.checkPage('cases');

  // One month's figure too.
  await page.getByRole('link', { name: 'Back to the review' }).click();
  const month = page.locator('#table-volumes\\.by_month tbody a').first();
  const inMonth = Number(await month.textContent());
  await month.click();
  await expect(page.locator('#cases tbody tr')).toHaveCount(Math.min(inMonth, 50));

  // The triage stages, split out of "submitted to heard", with their charts.
  await page.getByRole('link', { name: 'Back to the review' }).click();
  const stages = page.locator('#table-timeliness\\.stages');
  await expect(stages).toContainText("Submitted to triaged (the coordinator's decision)");
  await expect(stages).toContainText('Triaged to heard');
  await expect(page.getByRole('img', { name: /Working days to triage/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Working days, triaged to heard/ })).toBeVisible();

  // A list longer than a page (the decisions behind the review of several
  // years): 50 a page, and the second page, through Next, passes axe too.
  await page.goto(LONG_PERIOD);
  const long = page.locator('#table-decisions\\.by_option tr', { hasText: 'Total' }).getByRole('link');
  const many = Number(await long.textContent());
  expect(many).toBeGreaterThan(50);
  await long.click();
  await expect(page.locator('#cases tbody tr')).toHaveCount(50);
  await expect(page.locator('#cases-showing')).toHaveText(`Showing 1 to 50 of ${many.toLocaleString('en-GB')} cases`);
  const pages = page.getByRole('navigation', { name: 'Pages of the cases' });
  await pages.getByRole('link', { name: /Next/ }).click();
  await expect(page.locator('#cases-showing')).toHaveText(
    `Showing 51 to ${Math.min(100, many)} of ${many.toLocaleString('en-GB')} cases`);
  await expect(pages.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveURL(/measure=items_by_option/);
  await j.checkPage('cases-page-2');
  await pages.getByRole('link', { name: /Previous/ }).click();
  await expect(page.locator('#cases-showing')).toHaveText(`Showing 1 to 50 of ${many.toLocaleString('en-GB')} cases`);

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

// The panel day at the Support Panel, on the demo council: the note taker
// writes up the last hearing of the sitting on Wednesday 18 November (a
// record may be written after the day), with two of the panel's outcomes;
// "Return to Panel" needs a review date, and the form says so next to the
// field. A member's disagreement is noted; the Assistant Director finds it
// on their home page and records the outcome agreed with the chair; the
// social worker sees the decision, the disagreement and the agreed outcome on
// the child's record, as significant events in bold.
//
// The server's clock is frozen at Tuesday 24 November 2026, 09:00 London
// (council.js). Every page is checked with axe (WCAG 2.2 AA).
const { test, expect } = require('./fixtures');
const { browserSession } = require('./session');

test('the Support Panel records two outcomes, and a disagreement goes to the Assistant Director', async ({ page }, testInfo) => {
  const { browserErrors, checkPage, signIn, signOut } = browserSession(page, testInfo);
  let recordPath;
  let childName;

  await test.step('the note taker opens the hearing still to write up', async () => {
    await signIn('panel_admin');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Sittings' }).click();
    await page.getByRole('link', { name: /18 November 2026/ }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('18 November 2026');
    const record = page.locator('#agenda').getByRole('link', { name: /^Record decision for / });
    await expect(record).toHaveCount(1);
    childName = (await record.textContent()).replace(/^Record decision\s*for\s*/, '').trim();
    recordPath = await record.getAttribute('href');
    await record.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Record the hearing' })).toBeVisible();
    // The Support Panel asks for outcomes; it has no permanency planning.
    await expect(page.getByRole('group', { name: 'Outcomes' })).toBeVisible();
    await expect(page.getByText('Permanency plan')).toHaveCount(0);
    await checkPage('record-form');
  });

  await test.step('two outcomes: Return to Panel needs its review date', async () => {
    await page.getByRole('checkbox', { name: 'Resources/services' }).check();
    await page.locator('#detail-outcome-resources_services').fill('A family support worker twice a week for twelve weeks.');
    await page.getByRole('checkbox', { name: 'Return to Panel' }).check();
    await page.locator('#detail-outcome-return_to_panel').fill('Back to panel with an update on progress.');
    await page.getByLabel('Reasons').fill('The risks can be managed at home with support; the family has engaged well.');
    await page.getByRole('button', { name: 'Save the record' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toContainText('Enter the review date: the child returns to panel by then');
    await expect(page.locator('#review_date-error')).toBeVisible();
    await checkPage('record-error');

    await page.locator('#review_date-day').fill('17');
    await page.locator('#review_date-month').fill('2');
    await page.locator('#review_date-year').fill('2027');
    await page.getByRole('button', { name: 'Save the record' }).click();
    await expect(page).toHaveURL(new RegExp(`${recordPath}(\\?done=\\w+)?$`));
    await expect(page.getByText('Every child on this hearing has a record.')).toBeVisible();
    const card = page.locator('.app-decision-record');
    await expect(card.getByRole('term').filter({ hasText: 'Outcome: Resources/services' })).toBeVisible();
    await expect(card.getByRole('term').filter({ hasText: 'Outcome: Return to Panel' })).toBeVisible();
    await expect(card).toContainText('17 February 2027');
    await checkPage('record-saved');
  });

  await test.step('a member disagrees: the note taker notes it', async () => {
    await page.getByRole('link', { name: 'Record a disagreement with Resources/services' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Record a disagreement' })).toBeVisible();
    await checkPage('disagreement-form');
    await page.getByRole('button', { name: 'Record a disagreement' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Select the member who disagrees');
    await checkPage('disagreement-error');
    await page.getByLabel('Member who disagrees').selectOption({ index: 1 });
    await page.getByLabel('The point of disagreement, and why').fill('Accommodation is needed now: support at home has been tried.');
    await page.getByRole('button', { name: 'Record a disagreement' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My tasks' })).toBeVisible();
    await signOut();
  });

  await test.step('the Assistant Director records the agreed outcome', async () => {
    await signIn('assistant_director');
    const open = page.locator('#disagreements').getByRole('link', { name: new RegExp(`^${childName}: Resources/services`) });
    await expect(open).toHaveCount(1);
    await checkPage('ad-home');
    await open.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Record the agreed outcome' })).toBeVisible();
    await expect(page.locator('.app-disagreement')).toContainText('Awaiting the Assistant Director');
    await checkPage('resolution-form');
    await page.getByLabel('The agreed outcome').fill('Support at home continues, reviewed by the chair in six weeks.');
    await page.getByLabel('Reasons').fill('Agreed with the chair: the family has engaged and the risks are managed.');
    await page.getByRole('button', { name: 'Record the agreed outcome' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My tasks' })).toBeVisible();
    await expect(page.locator('#disagreements')).toHaveCount(0);
    await signOut();
  });

  expect(browserErrors).toEqual([]);
});

// The panel day at the CLAM Panel, on the demo council. At the sitting of
// Tuesday 17 November 2026, chaired by chair@, the last hearing is a sibling
// group of three still to write up. The note taker records it once for all
// the elder two, then for the youngest, whose plan differs: several
// decisions each, among them the permanence recommendation the Panel Chair
// decides, the permanency and parallel plans with their timeframes and the
// people responsible, an action and the review date. (A record is corrected
// only on the day: tests/browser/journey.spec.js and the HTTP tests cover
// correcting.) The chair finds the three
// recommendations on their home page, agrees one and decides another
// otherwise. The administrator drafts the minutes and sends them; the chair
// authorises them; a correction after that is an addendum, shown beside the
// frozen minutes. Last, member@ answers the demo's referral for consultation
// (issue 14, item 4).
//
// The server's clock is frozen at Tuesday 24 November 2026, 09:00 London
// (council.js). Every page is checked with axe (WCAG 2.2 AA).
const { test, expect } = require('./fixtures');
const { browserSession } = require('./session');

// What the panel decided for the siblings: three decisions (one of them the
// permanence recommendation), the reasons, both plans, an action and the
// review date the "review date" decision asks for.
async function fillRecord(page) {
  const decisions = page.getByRole('group', { name: 'Decisions' });
  await decisions.getByRole('checkbox', { name: /^Ratify the proposed plan/ }).check();
  await page.locator('#detail-decision-ratify_plan').fill('The plan for the children to stay with their foster carers is ratified.');
  await decisions.getByRole('checkbox', { name: /^Whether to support the recommendation that the placement be ratified/ }).check();
  await page.locator('#detail-decision-support_permanence').fill('The panel recommends the placement be ratified as permanent.');
  await decisions.getByRole('checkbox', { name: /^Set a review date/ }).check();
  await page.locator('#detail-decision-review_date').fill('Back to panel once the matching report is written.');
  await page.getByLabel('Reasons').fill('The children are settled together; contact with their mother is stable; the carers want to offer permanence.');
  await page.getByRole('group', { name: 'The plan for achieving permanency' }).getByRole('radio', { name: 'Long-term fostering' }).check();
  await page.locator('#permanency_timeframe').fill('Matching panel within 3 months');
  await page.locator('#permanency_owner_id').selectOption({ index: 1 });
  await page.getByRole('group', { name: 'The parallel plan' }).getByRole('radio', { name: /Special Guardianship Order/ }).check();
  await page.locator('#parallel_timeframe').fill('Viability assessment of the aunt within 6 weeks');
  await page.locator('#parallel_owner_id').selectOption({ index: 1 });
  await page.locator('#action-1-description').fill('Write the matching report');
  await page.locator('#action-1-owner_id').selectOption({ index: 1 });
  await page.locator('#action-1-due_working_days').fill('20');
  await page.locator('#review_date-day').fill('16');
  await page.locator('#review_date-month').fill('2');
  await page.locator('#review_date-year').fill('2027');
}

test('a CLAM sibling group of three is recorded, the chair decides the permanence recommendations, and the minutes are authorised', async ({ page }, testInfo) => {
  const { browserErrors, checkPage, signIn, signOut } = browserSession(page, testInfo);
  let recordPath;
  let minutesPath;
  let names;

  await test.step('the note taker opens the sibling group still to write up', async () => {
    await signIn('panel_admin');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Sittings' }).click();
    await page.locator('#recent-sittings').getByRole('link', { name: /17 November 2026/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('17 November 2026');
    await checkPage('clam-sitting');
    minutesPath = await page.locator('#minutes-link').getByRole('link', { name: 'Minutes' }).getAttribute('href');
    const record = page.locator('#agenda').getByRole('link', { name: /^Record decision for / });
    await expect(record).toHaveCount(1);
    recordPath = await record.getAttribute('href');
    await record.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Record the hearing' })).toBeVisible();
    const children = page.getByRole('group', { name: 'Who is this record for?' }).getByRole('checkbox');
    await expect(children).toHaveCount(3);
    names = (await page.locator('#child_id label').allTextContents()).map((n) => n.trim());
    for (let i = 0; i < 3; i++) {
      await expect(children.nth(i)).toBeChecked();
    }
    await expect(page.getByRole('group', { name: 'The plan for achieving permanency' })).toBeVisible();
    await checkPage('clam-record-form');
  });

  await test.step('one record for the elder two: decisions, plans, an action and the review date', async () => {
    await page.getByRole('checkbox', { name: names[2] }).uncheck();
    await fillRecord(page);
    await page.getByRole('button', { name: 'Save the record' }).click();
    await expect(page).toHaveURL(new RegExp(`${recordPath}(\\?done=\\w+)?$`));
    const cards = page.locator('.app-decision-record');
    await expect(cards).toHaveCount(2);
    for (let i = 0; i < 2; i++) {
      await expect(cards.nth(i)).toContainText('Awaiting the Panel Chair');
      await expect(cards.nth(i)).toContainText('Long-term fostering');
      await expect(cards.nth(i)).toContainText('16 February 2027');
    }
    await checkPage('clam-record-two');
  });

  await test.step('the youngest, where her plan differs: one decision more', async () => {
    const left = page.getByRole('group', { name: 'Who is this record for?' }).getByRole('checkbox');
    await expect(left).toHaveCount(1);
    await expect(left).toBeChecked();
    await fillRecord(page);
    await page.getByRole('group', { name: 'Decisions' }).getByRole('checkbox', { name: /^Whether a placement search is triggered/ }).check();
    await page.locator('#detail-decision-placement_search').fill('A search for a carer able to meet her health needs, should the placement end.');
    await page.getByRole('button', { name: 'Save the record' }).click();
    await expect(page.getByText('Every child on this hearing has a record.')).toBeVisible();
    await expect(page.locator('.app-decision-record')).toHaveCount(3);
    const youngest = page.locator('.app-decision-record').filter({ hasText: names[2] });
    await expect(youngest).toContainText('Whether a placement search is triggered');
    await expect(page.locator('.app-decision-record').filter({ hasText: names[0] })).not.toContainText('Whether a placement search is triggered');
    await checkPage('clam-record-saved');
    await signOut();
  });

  await test.step('the chair agrees one recommendation and decides another otherwise', async () => {
    await signIn('chair');
    // The task for a child of this hearing (the list holds older ones too).
    const task = (i) => page.locator('#final-decisions li')
      .filter({ hasText: '17 November 2026' })
      .filter({ hasText: names[i].replace(/,.*/, '') })
      .getByRole('link');
    for (let i = 0; i < 3; i++) {
      await expect(task(i)).toHaveCount(1);
    }
    await task(0).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Make the final decision' })).toBeVisible();
    await checkPage('clam-final-form');
    await page.getByRole('button', { name: 'Make the final decision' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Select whether you agree with the recommendation');
    await checkPage('clam-final-error');
    await page.getByRole('radio', { name: 'Yes, I agree' }).check();
    await page.getByLabel('Reasons').fill('Settled for two years together; the carers are committed to all three.');
    await page.getByRole('button', { name: 'Make the final decision' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My tasks' })).toBeVisible();
    await expect(task(0)).toHaveCount(0);

    await task(1).click();
    await page.getByRole('radio', { name: 'No, I decide otherwise' }).check();
    await page.getByLabel('Your final decision').fill('Ratify once the sibling assessment is updated.');
    await page.getByLabel('Reasons').fill('The assessment is eighteen months old.');
    await page.getByRole('button', { name: 'Make the final decision' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My tasks' })).toBeVisible();
    await expect(task(1)).toHaveCount(0);
    await expect(task(2)).toHaveCount(1);
    await signOut();
  });

  await test.step('the minutes are drafted, sent, and authorised by the chair', async () => {
    await signIn('panel_admin');
    await page.goto(minutesPath);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Minutes');
    await expect(page.locator('#minutes-status')).toContainText('Draft');
    await checkPage('clam-minutes-draft');
    const overviews = page.getByLabel('Overview of the discussion');
    await overviews.last().fill('The panel heard from the social worker about the three children together and the carers\' wish to offer permanence.');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('button', { name: 'Send to the chair' }).click();
    await page.goto(minutesPath);
    await expect(page.locator('#minutes-status')).toContainText('With the chair');
    await signOut();

    await signIn('chair');
    await page.locator('#minutes-to-authorise').getByRole('link').filter({ hasText: '17 November 2026' }).click();
    await expect(page.getByText('carers\' wish to offer permanence')).toBeVisible();
    await expect(page.getByText('Agreed by').first()).toBeVisible();
    await checkPage('clam-minutes-with-chair');
    await page.getByRole('button', { name: 'Authorise the minutes' }).click();
    await page.goto(minutesPath);
    await expect(page.locator('#minutes-status')).toContainText('Authorised');
    await signOut();
  });

  await test.step('a correction after authorisation is an addendum beside the minutes', async () => {
    await signIn('panel_admin');
    await page.goto(minutesPath);
    await expect(page.getByRole('button', { name: 'Save the draft' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Add the addendum' }).click();
    await expect(page.locator('.govuk-error-summary')).toBeVisible();
    await checkPage('clam-addendum-error');
    await page.getByLabel('Addendum').fill('The matching report is owned by the team manager, not the social worker.');
    await page.getByLabel('Why it is added').fill('Corrected at the chair\'s request.');
    await page.getByRole('button', { name: 'Add the addendum' }).click();
    await expect(page.locator('#addenda')).toContainText('The matching report is owned by the team manager');
    await expect(page.locator('#minutes-status')).toContainText('Authorised');
    await checkPage('clam-minutes-addendum');
    await signOut();
  });

  await test.step('the Permanency Planning Co-ordinator\'s deputy answers the referral for consultation', async () => {
    // The demo refers the sibling group of three in the queue; member@
    // deputises in the seat (docs/sittings.md, Consultation).
    await signIn('member');
    await page.locator('#consultations-link').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Consultations' })).toBeVisible();
    await checkPage('consultations');
    await page.locator('#consultations-waiting').getByRole('link').first().click();
    await expect(page.locator('#referral-note')).toContainText('placed together');
    await checkPage('consultation');
    await page.getByRole('button', { name: 'Send your advice' }).click();
    await expect(page.locator('.govuk-error-summary')).toBeVisible();
    await checkPage('consultation-error');
    await page.getByLabel('Advice for the coordinator and the practitioner').fill('Keep the three together; start the search for a long-term foster placement for all three now.');
    await page.getByRole('button', { name: 'Send your advice' }).click();
    await expect(page.locator('#advice')).toContainText('Keep the three together');
    await checkPage('consultation-answered');
    await signOut();
  });

  expect(browserErrors).toEqual([]);
});

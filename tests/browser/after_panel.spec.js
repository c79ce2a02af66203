// After panel at the Support Panel, with the clock moving: the journey runs
// its own server on its own demo council and restarts it with a later
// --clock for each day (as an operator's restart would; the escalation job
// runs when the server starts).
//
// Tuesday 24 November: the note taker writes up the hearing of Wednesday 18
// November: progress to a Family Group Conference (Support Panel 6.1: the
// referral is expected within 5 working days, by 25 November) and Return to
// Panel by 9 December.
// Thursday 26 November: not received within 5 working days (they ended on
// the 25th), so escalated to the case's Team Manager (practice_manager@), on
// their home page.
// Monday 30 November: not within 7 (they ended on Friday 27th), so to the
// Service Manager (group_manager@); then the Panel Administrator records it
// received.
// The review date brings the child back: triage lists them as due back, the
// social worker's home says "Review due"; the social worker sends a progress
// update instead (Support Panel 6), the hearing's chair accepts it, and the
// child's record says the return closed. Every page is checked with axe.
const { test, expect } = require('./fixtures');
const { browserSession } = require('./session');
const { ownCouncil, serveAt } = require('./servers');

const DAYS = {
  recorded: '2026-11-24T09:00:00Z',
  fifth: '2026-11-26T09:00:00Z',
  seventh: '2026-11-30T09:00:00Z',
};

test('an FGC referral escalates at 5 and 7 working days, and a return to panel closes on a progress update', async ({ browser }, testInfo) => {
  const council = ownCouncil(DAYS.recorded);
  let server;
  let context;
  let page;
  let session;
  // A fresh browser on the council's server at `clock`.
  async function day(clock) {
    if (context) {
      await context.close();
    }
    if (server) {
      await server.stop();
    }
    server = await serveAt(council, clock);
    context = await browser.newContext({ baseURL: server.baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
    page = await context.newPage();
    session = browserSession(page, testInfo);
  }
  // The escalation job runs on its own thread when the server starts.
  async function reloadUntil(locator) {
    await expect(async () => {
      await page.reload();
      await expect(locator).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30 * 1000 });
  }

  let childName;
  try {
    await test.step('24 November: the note taker records FGC and a return to panel', async () => {
      await day(DAYS.recorded);
      await session.signIn('panel_admin');
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Sittings' }).click();
      await page.getByRole('link', { name: /18 November 2026/ }).first().click();
      const record = page.locator('#agenda').getByRole('link', { name: /^Record decision for / });
      childName = (await record.textContent()).replace(/^Record decision\s*for\s*/, '').trim();
      await record.click();
      await page.getByRole('checkbox', { name: 'Progress to a Family Group Conference' }).check();
      await page.locator('#detail-decision-fgc').fill('The wider family will meet to make a plan for the children.');
      await page.getByRole('checkbox', { name: 'Return to Panel' }).check();
      await page.locator('#detail-outcome-return_to_panel').fill('Back to panel with the family plan.');
      await page.getByLabel('Reasons').fill('The family want to support the children; a conference is the way to plan it.');
      await page.locator('#review_date-day').fill('9');
      await page.locator('#review_date-month').fill('12');
      await page.locator('#review_date-year').fill('2026');
      await page.getByRole('button', { name: 'Save the record' }).click();
      await expect(page.getByText('Every child on this hearing has a record.')).toBeVisible();
      await session.checkPage('fgc-recorded');

      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Actions' }).click();
      const toRecord = page.getByRole('heading', { name: /Timescales to record/ });
      await expect(toRecord).toBeVisible();
      await expect(page.getByRole('link', { name: 'Family Group Conference referral received' })).toBeVisible();
      await session.checkPage('timescale-to-record');
    });

    await test.step('26 November: not received within 5 working days, so to the Team Manager', async () => {
      await day(DAYS.fifth);
      await session.signIn('practice_manager');
      await page.getByRole('link', { name: 'Escalated to me' }).first().click();
      const fgc = page.getByRole('link', { name: 'Family Group Conference referral received' });
      await reloadUntil(fgc);
      await session.checkPage('escalated-to-team-manager');
      await fgc.click();
      await expect(page.getByRole('heading', { level: 1, name: 'Family Group Conference referral received' })).toBeVisible();
      await expect(page.locator('ol')).toContainText('26 November 2026: FGC Practice Supervisor escalates to the Social Care Team Manager');
      await expect(page.getByText('Overdue', { exact: true })).toBeVisible();
      // The Team Manager sees it; the panel names the Panel Administrator to record it.
      await expect(page.getByRole('button', { name: 'Record it as received' })).toHaveCount(0);
      await session.checkPage('fgc-escalated-once');
    });

    await test.step('30 November: not within 7, so to the Service Manager; then received', async () => {
      await day(DAYS.seventh);
      await session.signIn('group_manager');
      await page.goto('/actions');
      const fgc = page.getByRole('link', { name: 'Family Group Conference referral received' });
      await reloadUntil(fgc);
      await fgc.click();
      await expect(page.locator('ol li')).toHaveCount(2);
      await expect(page.locator('ol')).toContainText('30 November 2026: FGC Practice Supervisor escalates to the Service Manager');
      await session.checkPage('fgc-escalated-twice');
      await session.signOut();

      await session.signIn('panel_admin');
      await page.goto('/actions');
      await page.getByRole('link', { name: 'Family Group Conference referral received' }).click();
      await page.getByRole('button', { name: 'Record it as received' }).click();
      await expect(page.locator('.govuk-error-summary')).toContainText('Enter the date it was received as a real date');
      await session.checkPage('received-error');
      await page.locator('#met_on-day').fill('30');
      await page.locator('#met_on-month').fill('11');
      await page.locator('#met_on-year').fill('2026');
      await page.getByRole('button', { name: 'Record it as received' }).click();
      await expect(page.getByText('Recorded as received on 30 November 2026')).toBeVisible();
      await session.checkPage('received');
      await session.signOut();
    });

    await test.step('the review date brings the child back: triage and the social worker see it', async () => {
      await session.signIn('coordinator');
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Triage' }).click();
      await expect(page.locator('#due-back')).toContainText(childName);
      await expect(page.locator('#due-back')).toContainText('9 December 2026');
      await session.checkPage('triage-due-back');
      await session.signOut();

      await session.signIn('social_worker');
      const review = page.locator('#reviews-due').getByRole('link', { name: new RegExp(`^${childName}`) });
      await expect(review).toBeVisible();
      await review.click();
      await expect(page.getByRole('heading', { level: 1, name: 'Return to panel' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Start the review request' })).toBeVisible();
      await session.checkPage('return-to-panel');
      await page.getByRole('button', { name: 'Send the progress update' }).click();
      await expect(page.locator('.govuk-error-summary')).toContainText('Enter the progress made since the panel');
      await page.getByLabel('Progress since the panel').fill('The conference agreed a family plan; the children are settled with their aunt’s support.');
      await page.getByRole('button', { name: 'Send the progress update' }).click();
      await expect(page.getByText('The progress update waits for the Chair.')).toBeVisible();
      await session.checkPage('update-sent');
      await session.signOut();
    });

    await test.step('the hearing’s chair accepts the update: no need to come back', async () => {
      await session.signIn('chair');
      const update = page.locator('#progress-updates').getByRole('link', { name: new RegExp(`^${childName}`) });
      await update.click();
      await page.getByRole('radio', { name: /Yes, accept it/ }).check();
      await page.getByLabel(/Your note/).fill('Good progress: no need to return.');
      await session.checkPage('consider-update');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'My tasks' })).toBeVisible();
      await expect(page.locator('#progress-updates')).toHaveCount(0);
      await session.signOut();

      await session.signIn('social_worker');
      // The demo's other review (due next week) stays; this child's is closed.
      await expect(page.locator('#reviews-due')).not.toContainText(childName);
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Children' }).click();
      await page.getByRole('link', { name: childName }).first().click();
      await expect(page.getByText(/progress update accepted/)).toBeVisible();
      await session.checkPage('child-record');
    });
    expect(session.browserErrors).toEqual([]);
  } finally {
    if (context) {
      await context.close();
    }
    if (server) {
      await server.stop();
    }
    council.remove();
  }
});

// The first journey: a CLAM Panel request from the social worker's first
// click to the decision on the child's record and in the audit log.
//
// One test, told in order on one browser page, changing user by signing out
// and in. Every page visited is checked with axe (WCAG 2.2 AA) and
// photographed into test-results/<test>/NN-name.png.
//
// The server runs on a frozen clock (council.js): Tuesday 24 November
// 2026 at 09:00, London. Nothing here reads the wall clock.
const { test, expect } = require('./fixtures');
const { browserSession } = require('./session');

// The server's frozen clock (set by council.js) as a London date
// (UTC midnight of that day) and minutes past midnight.
const CLOCK = new Date(process.env.CASEPANEL_CLOCK || '2026-11-24T09:00:00Z');
const CLOCK_PARTS = Object.fromEntries(
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
  }).formatToParts(CLOCK).map((p) => [p.type, Number(p.value)]),
);
const CLOCK_DATE = new Date(Date.UTC(CLOCK_PARTS.year, CLOCK_PARTS.month - 1, CLOCK_PARTS.day));
const CLOCK_MINUTES = CLOCK_PARTS.hour * 60 + CLOCK_PARTS.minute;

const REQUEST_TYPE = 'Permission to seek supported lodgings or a residential placement';
const VENUE = 'Horsham (CHN)';
const REASON =
  'Placement with foster carers has broken down twice this year; a residential placement is needed to keep her safe.';
const PLAN = 'Search for a residential placement within the county, with education kept at the current school.';
const DECISION = 'Whether a placement search is triggered';
const DECISION_REASONS =
  'Two foster placements have broken down and the assessment shows her needs are best met in residential care.';
const WORKING_DAYS = '10';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

// "24 November 2026" -> Date (UTC midnight), or null.
function parseLongDate(text) {
  const m = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(text);
  if (!m || !MONTHS.includes(m[2])) {
    return null;
  }
  return new Date(Date.UTC(Number(m[3]), MONTHS.indexOf(m[2]), Number(m[1])));
}

const toMinutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

test('a CLAM Panel request goes from the social worker to a recorded decision', async ({ page }, testInfo) => {
  const { browserErrors, checkPage, signIn, signOut } = browserSession(page, testInfo);

  // Opens the request from "Awaiting my approval" on the home page and
  // approves the step that is this person's.
  async function approveFromHome(role, requestId, childName, comments, discussion = false) {
    const awaiting = page
      .getByRole('heading', { level: 2, name: /^Awaiting my approval/ })
      .locator('xpath=following-sibling::ul[1]');
    const link = awaiting.locator(`a[href="/requests/${requestId}"]`);
    await expect(link).toHaveText(`${childName}: ${REQUEST_TYPE}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/requests/${requestId}(\\?done=\\w+)?$`));
    await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible();
    await checkPage(`request-to-approve-${role}`);
    if (discussion) {
      // CLAM: the practice manager records the 3-way discussion.
      const when = page.getByRole('group', { name: 'When was the 3-way discussion?' });
      await when.getByLabel('Day').fill(String(CLOCK_PARTS.day));
      await when.getByLabel('Month').fill(String(CLOCK_PARTS.month));
      await when.getByLabel('Year').fill(String(CLOCK_PARTS.year));
      await page.getByLabel(/in the discussion$/).last().selectOption({ index: 1 });
    }
    await page.getByLabel('Comments').fill(comments);
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page).toHaveURL(new RegExp(`/requests/${requestId}(\\?done=\\w+)?$`));
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(page.locator('#approvals')).toContainText(comments);
    await checkPage(`request-approved-${role}`);
  }

  let socialWorker;
  let childName;
  let childId;
  let requestId;
  let sittingId;
  let hearingId;
  let sittingDate;
  let slotTime;
  // What the panel decided and the action name the request, so that the
  // journey finds its own decision even on a server it has run against before.
  let decided;
  let action;

  await test.step('the social worker opens a child from My children', async () => {
    socialWorker = await signIn('social_worker');
    await page.getByRole('link', { name: 'My children' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My children' })).toBeVisible();
    await checkPage('children');

    const first = page.getByRole('table', { name: 'Children' }).getByRole('link').first();
    childName = (await first.textContent()).trim();
    await first.click();
    await expect(page.getByRole('heading', { level: 1, name: childName })).toBeVisible();
    childId = /\/children\/(\d+)$/.exec(page.url())?.[1];
    expect(childId, `child page URL ${page.url()}`).toBeTruthy();
    await checkPage('child');
  });

  await test.step('starts a CLAM Panel request, completes its task list and sends it', async () => {
    const start = page.getByRole('link', { name: 'Request CLAM Panel' });
    await expect(start).toHaveAttribute('data-panel', 'clam');
    await expect(start).toHaveAttribute('href', `/requests/new?child=${childId}&panel=clam`);
    await start.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Which children is this request for?' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/requests/new\\?child=${childId}&panel=clam$`));
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${childName} \\(born`) })).toBeChecked();
    await checkPage('request-children');
    await page.getByRole('button', { name: 'Start the request' }).click();

    // The task list: every section not yet started, and no sending yet.
    await expect(page).toHaveURL(/\/requests\/\d+$/);
    requestId = /\/requests\/(\d+)$/.exec(page.url())[1];
    decided = `A residential placement search is triggered today (request ${requestId}).`;
    action = `Start the residential placement search with the placement finding team (request ${requestId})`;
    await expect(page.getByRole('heading', { level: 1, name: 'Your request to CLAM Panel' })).toBeVisible();
    const tasks = page.locator('#task-list');
    await expect(tasks.locator('#task-type-status')).toHaveText('Not yet started');
    await expect(tasks.locator('#task-check-status')).toHaveText('Cannot start yet');
    await expect(tasks.getByRole('link', { name: 'Check your answers and send' })).toHaveCount(0);
    await checkPage('request-task-list');

    // Request type, saved empty first: the GOV.UK error summary and the field's error.
    await tasks.getByRole('link', { name: 'Request type' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'What is the request for?' })).toBeVisible();
    await checkPage('request-type');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Select the type of request' })).toHaveAttribute('href', '#request_type');
    await expect(page.locator('#request_type-error')).toHaveText('Error: Select the type of request');
    await expect(page).toHaveTitle(/^Error: /);
    await checkPage('request-type-errors');
    await page.getByRole('radio', { name: REQUEST_TYPE }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(tasks.locator('#task-type-status')).toHaveText('Completed');

    await tasks.getByRole('link', { name: 'Reason and plans' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reason and plans' })).toBeVisible();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.locator('#reason-error')).toHaveText('Error: Enter the reason for the request');
    await expect(page.getByLabel('Reason for the request')).toHaveAttribute('aria-describedby', /reason-error/);
    await checkPage('request-details-errors');
    await page.getByLabel('Reason for the request').fill(REASON);
    await page.getByLabel('Proposed plan').fill(PLAN);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(tasks.locator('#task-details-status')).toHaveText('Completed');

    await tasks.getByRole('link', { name: 'Venue and attendance' }).click();
    await checkPage('request-attendance');
    await page.getByRole('radio', { name: VENUE }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(tasks.locator('#task-attendance-status')).toHaveText('Completed');

    // Papers: the written referral, as a PDF.
    await tasks.getByRole('link', { name: 'Papers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Papers' })).toBeVisible();
    await checkPage('request-papers');
    await page.getByLabel(/^Upload a file/).setInputFiles({
      name: 'clam-referral.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Upload Written CLAM referral' }).click();
    await expect(page.getByRole('link', { name: 'clam-referral.pdf' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the request' }).first().click();
    await expect(tasks.locator('#task-papers-status')).toHaveText('Completed');
    await checkPage('request-task-list-complete');

    // Check your answers, then send.
    await tasks.getByRole('link', { name: 'Check your answers and send' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending your request' })).toBeVisible();
    const answers = page.locator('#request-summary');
    await expect(answers.getByRole('definition').filter({ hasText: REQUEST_TYPE })).toBeVisible();
    await expect(answers.getByRole('definition').filter({ hasText: REASON })).toBeVisible();
    await expect(answers.getByRole('definition').filter({ hasText: PLAN })).toBeVisible();
    await expect(answers.getByRole('definition').filter({ hasText: VENUE })).toBeVisible();
    await expect(answers.getByRole('link', { name: 'Change reason' })).toHaveAttribute('href', `/requests/${requestId}/edit/details`);
    await checkPage('request-check');
    const draftState = (await page.locator('#request-state').textContent()).trim();

    await page.getByRole('button', { name: 'Send for approval' }).click();
    await expect(page).toHaveURL(new RegExp(`/requests/${requestId}(\\?done=\\w+)?$`));
    await expect(page.getByRole('button', { name: 'Send for approval' })).toHaveCount(0);
    await expect(page.locator('#request-state')).not.toHaveText(draftState);
    await expect(page.getByRole('heading', { level: 1, name: REQUEST_TYPE })).toBeVisible();
    await expect(page.getByText(/^Waiting for /)).toBeVisible();
    await checkPage('request-sent');
    await signOut();
  });

  await test.step('the practice manager approves it from My tasks', async () => {
    await signIn('practice_manager');
    await approveFromHome('practice_manager', requestId, childName, 'Three-way discussion held; the referral is sound.', true);
    await signOut();
  });

  await test.step('the group manager gives permission to request a slot', async () => {
    await signIn('group_manager');
    await approveFromHome('group_manager', requestId, childName, 'Permission given for a slot at CLAM.');
    await signOut();
  });

  await test.step('the coordinator schedules it at the first sitting offered', async () => {
    await signIn('coordinator');
    await page.getByRole('link', { name: 'Triage queue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Triage' })).toBeVisible();
    await checkPage('triage');

    const card = page.locator(`#triage-${requestId}`);
    await expect(card.getByRole('heading', { name: `${childName}: ${REQUEST_TYPE}` })).toBeVisible();
    const sitting = card.getByLabel('Sitting');
    const firstOption = sitting.locator('option').first();
    const label = (await firstOption.textContent()).trim();
    const offered = /^(\d{1,2} [A-Za-z]+ \d{4}), (\d{2}:\d{2}) at /.exec(label);
    expect(offered, `first sitting offered: "${label}"`).toBeTruthy();
    sittingDate = offered[1];
    // The first sitting offered is not in the past of the frozen clock.
    const date = parseLongDate(sittingDate);
    expect(date, `date in "${label}"`).not.toBeNull();
    expect(
      date > CLOCK_DATE || (date.getTime() === CLOCK_DATE.getTime() && toMinutes(offered[2]) > CLOCK_MINUTES),
      `first sitting offered (${label}) is after the clock`,
    ).toBe(true);
    await sitting.selectOption({ index: 0 });
    await card.getByRole('button', { name: 'Schedule' }).click();

    await expect(page).toHaveURL(new RegExp(`/requests/${requestId}(\\?done=\\w+)?$`));
    const heard = page.locator('#hearing').getByRole('heading', { level: 2 });
    // Scheduled, not yet heard: "To be heard on" (heard or decided: "Heard on").
    await expect(heard).toHaveText(/^To be heard on \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}$/);
    const m = /^To be heard on (.+) at (\d{2}:\d{2})$/.exec((await heard.textContent()).trim());
    expect(m[1]).toBe(sittingDate);
    slotTime = m[2];
    expect(toMinutes(slotTime)).toBeGreaterThanOrEqual(toMinutes(offered[2]));
    await checkPage('request-scheduled');

    await page.getByRole('link', { name: "See the sitting's agenda" }).click();
    await expect(page).toHaveURL(/\/sittings\/\d+$/);
    sittingId = /\/sittings\/(\d+)$/.exec(page.url())[1];
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^${sittingDate}, `));
    const agenda = page.locator('#agenda');
    const row = agenda.getByRole('row').filter({ has: page.locator(`a[href="/requests/${requestId}"]`) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('link', { name: childName, exact: true })).toBeVisible();
    await expect(row.getByRole('cell').first()).toHaveText(new RegExp(`^${slotTime} to \\d{2}:\\d{2}$`));
    // No two hearings on the agenda start at the same time.
    const starts = (await agenda.locator('tbody tr td:first-child').allTextContents()).map((t) => t.trim().slice(0, 5));
    expect(new Set(starts).size, `agenda start times ${starts.join(', ')}`).toBe(starts.length);
    await checkPage('sitting-agenda-coordinator');
    await signOut();
  });

  await test.step('the panel administrator records the decision and an action', async () => {
    await signIn('panel_admin');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Sittings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sittings' })).toBeVisible();
    await checkPage('sittings');

    const open = page.getByRole('link', { name: sittingDate }).and(page.locator(`[href="/sittings/${sittingId}"]`));
    await open.click();
    await expect(page).toHaveURL(new RegExp(`/sittings/${sittingId}(\\?done=\\w+)?$`));
    await checkPage('sitting-panel-admin');

    const agendaRow = page
      .locator('#agenda')
      .getByRole('row')
      .filter({ has: page.locator(`a[href="/requests/${requestId}"]`) });
    const record = agendaRow.getByRole('link', { name: `Record decision for ${childName}` });
    hearingId = /\/hearings\/(\d+)\/decision$/.exec(await record.getAttribute('href'))?.[1];
    expect(hearingId).toBeTruthy();
    await record.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Record the hearing' })).toBeVisible();
    // Children are named with their dates of birth: siblings may share a name.
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${childName}, born `) })).toBeChecked();
    await page.getByRole('checkbox', { name: DECISION }).check();
    await page.locator('#detail-decision-placement_search').fill(decided);
    await page.getByLabel('Reasons').fill(DECISION_REASONS);
    await page.getByRole('radio', { name: 'Long-term fostering' }).first().check();
    await page.locator('#permanency_timeframe').fill('By the next LAC review');
    await page.locator('#permanency_owner_id').selectOption({ label: socialWorker });
    await page.locator('#action-0-description').fill(action);
    await page.locator('#action-0-owner_id').selectOption({ label: socialWorker });
    await page.locator('#action-0-due_working_days').fill(WORKING_DAYS);
    await checkPage('decision-form');
    await page.getByRole('button', { name: 'Save the record' }).click();

    await expect(page).toHaveURL(new RegExp(`/hearings/${hearingId}/decision(\\?done=\\w+)?$`));
    await expect(page.getByText('Every child on this hearing has a record.')).toBeVisible();
    await expect(page.locator('.app-decision-record').filter({ hasText: decided })).toHaveCount(1);
    await checkPage('decision-recorded');
    await page.getByRole('link', { name: 'Back to the agenda' }).click();
    await expect(page).toHaveURL(new RegExp(`/sittings/${sittingId}(\\?done=\\w+)?$`));
    await expect(agendaRow.getByText('Decided', { exact: true })).toBeVisible();
    await expect(agendaRow.getByRole('link', { name: /^Record decision/ })).toHaveCount(0);
    await checkPage('sitting-decided');
    await signOut();
  });

  await test.step("the child's record shows the request, the hearing and the decision", async () => {
    await signIn('social_worker');
    await page.getByRole('link', { name: 'My children' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My children' })).toBeVisible();
    await checkPage('children-again');
    await page.getByRole('table', { name: 'Children' }).getByRole('link', { name: childName, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: childName })).toBeVisible();

    const requests = page.getByRole('table', { name: 'Requests to panel' });
    const requestRow = requests.getByRole('row').filter({ has: page.locator(`a[href="/requests/${requestId}"]`) });
    await expect(requestRow.getByRole('link', { name: REQUEST_TYPE })).toBeVisible();
    await expect(requestRow.getByRole('cell').nth(1)).toHaveText('CLAM Panel');

    await expect(
      page.locator('#hearings').getByRole('listitem').filter({ has: page.locator(`a[href="/requests/${requestId}"]`) }),
    ).toContainText(`CLAM Panel: ${sittingDate} at ${slotTime}`);

    const decision = page.locator('#decisions .govuk-summary-card').filter({ hasText: decided });
    await expect(decision).toHaveCount(1);
    await expect(decision.getByRole('heading', { level: 3 })).toHaveText(`CLAM Panel, ${sittingDate}`);
    await expect(decision.getByRole('term').filter({ hasText: DECISION })).toBeVisible();
    await expect(decision.getByRole('definition').filter({ hasText: DECISION_REASONS })).toBeVisible();

    const actionRow = page.getByRole('table', { name: 'Actions' }).getByRole('row').filter({ hasText: action });
    await expect(actionRow).toHaveCount(1);
    await expect(actionRow.getByRole('cell').first()).toHaveText(action);
    await expect(actionRow.getByRole('cell').nth(1)).toHaveText(socialWorker);
    // Due 10 working days after the sitting: at least two calendar weeks,
    // and a few days more at most for bank holidays.
    const dueText = (await actionRow.getByRole('cell').nth(2).textContent()).trim();
    const due = parseLongDate(dueText);
    expect(due, `due date "${dueText}"`).not.toBeNull();
    const days = (due - parseLongDate(sittingDate)) / 86400000;
    expect(days, `${dueText} is ${WORKING_DAYS} working days after ${sittingDate}`).toBeGreaterThanOrEqual(14);
    expect(days, `${dueText} is ${WORKING_DAYS} working days after ${sittingDate}`).toBeLessThanOrEqual(18);
    await expect(actionRow.getByRole('cell').nth(3)).toHaveText('open');
    await checkPage('child-after-decision');
    await signOut();
  });

  await test.step('the auditor sees every step in the audit log', async () => {
    await signIn('auditor');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    // The child's events, readable sentences: who did what to which request.
    await page.goto(`/audit?child=${childId}`);
    await expect(page.locator('#audit-count')).toContainText('events for');
    const rows = page.getByRole('table', { name: /Audit events/ }).getByRole('row');
    const eventRows = (what) => rows.filter({ hasText: new RegExp(`${what}(?!\\d)`) });
    await expect(eventRows(`started request ${requestId}`)).toHaveCount(1);
    await expect(eventRows(`sent request ${requestId}`)).toHaveCount(1);
    await expect(eventRows(`approved request ${requestId}`)).toHaveCount(2);
    await expect(eventRows(`scheduled request ${requestId} at a sitting`)).toHaveCount(1);
    await expect(page.getByText(/^\{"/)).toHaveCount(0);
    await checkPage('audit-child');
    // The decision, by what happened.
    await page.goto('/audit?action=decision.record');
    await expect(rows.filter({ hasText: /recorded decision \d+/ }).first()).toBeVisible();
    await checkPage('audit');
    await signOut();
  });

  expect(browserErrors, 'the browser reported errors').toEqual([]);
});

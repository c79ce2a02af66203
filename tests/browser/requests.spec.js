// Four request journeys, each on its own child so that they do not depend on
// each other, on journey.spec.js (which uses the first child in "My
// children") or on the order the specs run in:
//
//   1. a CLAM emergency retrospective review, with two papers: the statutory
//      "must be heard by" date is shown once it is sent (Toby Upton);
//   2. a Support Panel request with papers uploaded or "not provided
//      because", sent and agreed by the team manager (Logan Finch);
//   3. a Support Panel request sent after the cut-off, accepted late by the
//      coordinator and then offered the missed sitting in triage (Nadia Edge);
//   4. a CLAM request returned for changes, changed and sent again (Freya Kenning).
//
// Every page visited is checked with axe (WCAG 2.2 AA) and photographed into
// the test's output directory. The server's clock is frozen at Tuesday
// 24 November 2026, 09:00 London (council.js); nothing here reads the
// wall clock.
const { test, expect } = require('./fixtures');
const { browserSession } = require('./session');

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const pdf = (name) => ({ name, mimeType: 'application/pdf', buffer: PDF });

const EMERGENCY =
  'Retrospective review of a child who came into foster or residential care on an unplanned emergency basis';
const IFA_REVIEW = 'Review of an IFA foster placement or a residential placement';
const SUPPORT_CRITERION =
  'Family needs are complex or high risk, and need a high level of support services to meet the need or manage the risk';

// Support Panel documents (config/panels/lincolnshire-support.toml).
const SUPPORT_DOCS = {
  chronology: 'Chronology',
  genogram: 'Genogram',
  assessment: 'Social Care Assessment and/or Parenting Assessment',
  cp_conference_minutes: 'Copy of the last Child Protection Conference minutes',
  care_plan: 'Care plan',
  signs_of_safety: 'Signs of Safety danger statement, safety plan and safety goals',
  other: 'Other documents that may be relevant and inform decision making',
};

// The browser-error collection, axe + screenshot, and sign-in helpers, bound
// to one test's page.
function journey(page, testInfo) {
  const { browserErrors, checkPage, signIn, signOut } = browserSession(page, testInfo);

  // From "My children", opens the named child and starts a request to the
  // panel ('clam' or 'support'). Returns { childId, requestId } on the task list.
  async function startRequest(childName, panel, panelName) {
    await page.getByRole('link', { name: 'My children' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My children' })).toBeVisible();
    await checkPage('children');
    await page.getByRole('table', { name: 'Children' }).getByRole('link', { name: childName, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: childName })).toBeVisible();
    const childId = /\/children\/(\d+)$/.exec(page.url())?.[1];
    expect(childId, `child page URL ${page.url()}`).toBeTruthy();
    await checkPage('child');

    const start = page.getByRole('link', { name: `Request ${panelName}` });
    await expect(start).toHaveAttribute('href', `/requests/new?child=${childId}&panel=${panel}`);
    await start.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Which children is this request for?' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${childName} \\(born`) })).toBeChecked();
    await checkPage('request-children');
    await page.getByRole('button', { name: 'Start the request' }).click();

    await expect(page).toHaveURL(/\/requests\/\d+$/);
    const requestId = /\/requests\/(\d+)$/.exec(page.url())[1];
    await expect(page.getByRole('heading', { level: 1, name: `Your request to ${panelName}` })).toBeVisible();
    await expect(page.locator('#task-check-status')).toHaveText('Cannot start yet');
    await checkPage('request-task-list');
    return { childId, requestId };
  }

  const tasks = page.locator('#task-list');

  async function fillDetails(reason, plan, parallel) {
    await tasks.getByRole('link', { name: 'Reason and plans' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reason and plans' })).toBeVisible();
    await checkPage('request-details');
    await page.getByLabel('Reason for the request').fill(reason);
    await page.getByLabel('Proposed plan').fill(plan);
    if (parallel !== undefined) {
      await page.getByLabel(/^Parallel plan/).fill(parallel);
    }
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(tasks.locator('#task-details-status')).toHaveText('Completed');
  }

  async function fillClamVenue() {
    await tasks.getByRole('link', { name: 'Venue and attendance' }).click();
    await checkPage('request-attendance');
    await page.getByRole('radio', { name: 'Horsham (CHN)' }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(tasks.locator('#task-attendance-status')).toHaveText('Completed');
  }

  // Upload the written referral: the one CLAM document.
  async function uploadClamReferral(fileName) {
    await tasks.getByRole('link', { name: 'Papers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Papers' })).toBeVisible();
    await checkPage('request-papers');
    await page.getByLabel('Upload a file for Written CLAM referral').setInputFiles(pdf(fileName));
    await page.getByRole('button', { name: 'Upload Written CLAM referral' }).click();
    await expect(page.locator('#document-referral').getByRole('link', { name: fileName })).toBeVisible();
  }

  async function backToTaskList() {
    await page.getByRole('link', { name: 'Back to the request' }).first().click();
    await expect(page.locator('#task-list')).toBeVisible();
  }

  // Check your answers, then send. Leaves the browser on the sent request.
  async function checkAndSend(requestId, expectAnswers = []) {
    await tasks.getByRole('link', { name: 'Check your answers and send' }).click();
    await expect(page).toHaveURL(new RegExp(`/requests/${requestId}/check$`));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Check your answers before sending your request' }),
    ).toBeVisible();
    const answers = page.locator('#request-summary');
    for (const text of expectAnswers) {
      await expect(answers.getByRole('definition').filter({ hasText: text }).first()).toBeVisible();
    }
    await checkPage('request-check');
    await page.getByRole('button', { name: 'Send for approval' }).click();
    await expect(page).toHaveURL(new RegExp(`/requests/${requestId}(\\?done=\\w+)?$`));
    await expect(page.getByRole('button', { name: 'Send for approval' })).toHaveCount(0);
    await expect(page.locator('#task-list')).toHaveCount(0);
    await expect(page.getByText(/^Waiting for /)).toBeVisible();
    await checkPage('request-sent');
  }

  // The request's link under "Awaiting my approval" on the home page.
  function awaitingLink(requestId) {
    return page
      .getByRole('heading', { level: 2, name: /^Awaiting my approval/ })
      .locator('xpath=following-sibling::ul[1]')
      .locator(`a[href="/requests/${requestId}"]`);
  }

  async function openFromAwaiting(requestId, childName, name) {
    const link = awaitingLink(requestId);
    await expect(link).toContainText(`${childName}: `);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/requests/${requestId}(\\?done=\\w+)?$`));
    await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible();
    await checkPage(name);
  }

  async function approve(comments, name) {
    await page.getByLabel('Comments').fill(comments);
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(page.locator('#approvals')).toContainText(comments);
    await checkPage(name);
  }

  return {
    browserErrors, checkPage, signIn, signOut, startRequest, tasks, fillDetails, fillClamVenue,
    uploadClamReferral, backToTaskList, checkAndSend, awaitingLink, openFromAwaiting, approve,
  };
}

// Fills the Support Panel's entry criteria, reason and attendance.
async function fillSupportSections(page, j, reason, plan) {
  await j.tasks.getByRole('link', { name: 'Entry criteria' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Which criteria apply to this case?' })).toBeVisible();
  await j.checkPage('request-criteria');
  // Issue 14, item 16: the Service Manager's authorisation is asked under the
  // criterion that needs it, revealed when it is ticked and hidden again.
  const immediate = page.getByRole('checkbox', { name: /^Immediate legal advice/ });
  const authoriser = page.getByLabel('Which Service Manager authorised it?');
  await expect(authoriser).toBeHidden();
  await immediate.check();
  await expect(authoriser).toBeVisible();
  await expect(immediate).toHaveAttribute('aria-expanded', 'true');
  await j.checkPage('request-criteria-authorisation');
  await immediate.uncheck();
  await expect(authoriser).toBeHidden();
  await page.getByRole('checkbox', { name: SUPPORT_CRITERION }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(j.tasks.locator('#task-type-status')).toHaveText('Completed');

  await j.fillDetails(reason, plan);

  await j.tasks.getByRole('link', { name: 'Attendance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Attendance' })).toBeVisible();
  await j.checkPage('request-attendance');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(j.tasks.locator('#task-attendance-status')).toHaveText('Completed');
}

// Support papers: upload the listed documents, give a reason for the others
// that ask for one ("other" does not need one).
async function fillSupportPapers(page, j, uploads, reasonFor) {
  await j.tasks.getByRole('link', { name: 'Papers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Papers' })).toBeVisible();
  await expect(page.locator('#papers-complete')).toHaveCount(0);
  await j.checkPage('request-papers');
  for (const [id, label] of Object.entries(SUPPORT_DOCS)) {
    const card = page.locator(`#document-${id}`);
    await expect(card.getByRole('heading', { level: 2, name: label })).toBeVisible();
    if (uploads.includes(id)) {
      await page.getByLabel(`Upload a file for ${label}`).setInputFiles(pdf(`${id}.pdf`));
      await page.getByRole('button', { name: `Upload ${label}`, exact: true }).click();
      await expect(page.locator(`#document-${id}`).getByRole('link', { name: `${id}.pdf` })).toBeVisible();
    } else if (id !== 'other') {
      const reason = reasonFor(label);
      await page.getByLabel(`Or say why it is not provided: ${label}`).fill(reason);
      await page.getByRole('button', { name: `Save the reason for ${label}` }).click();
      const row = page.locator(`#document-${id} .govuk-summary-list__row`).filter({ hasText: 'Not provided because' });
      await expect(row.getByRole('definition').first()).toHaveText(reason);
    }
  }
  await expect(page.locator('#papers-complete')).toHaveText('Papers complete');
  await j.checkPage('request-papers-complete');
  await j.backToTaskList();
  await expect(j.tasks.locator('#task-papers-status')).toHaveText('Completed');
}

test('a CLAM emergency retrospective review with papers shows its statutory date once sent', async ({ page }, testInfo) => {
  const j = journey(page, testInfo);
  const childName = 'Toby Upton';
  let requestId;

  await test.step('the social worker drafts an emergency retrospective review', async () => {
    await j.signIn('social_worker');
    ({ requestId } = await j.startRequest(childName, 'clam', 'CLAM Panel'));

    await j.tasks.getByRole('link', { name: 'Request type' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'What is the request for?' })).toBeVisible();
    // Issue 14, item 16: the date is asked under the option that needs it.
    const when = page.getByRole('group', { name: 'When did the child come into care?' });
    await expect(when).toBeHidden();
    await page.getByRole('radio', { name: EMERGENCY }).check();
    await expect(when).toBeVisible();
    await when.getByLabel('Day').fill('20');
    await when.getByLabel('Month').fill('11');
    await when.getByLabel('Year').fill('2026');
    await j.checkPage('request-type-emergency');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(j.tasks.locator('#task-type-status')).toHaveText('Completed');

    await j.fillDetails(
      'Came into foster care on an emergency basis on Friday 20 November 2026 after police protection.',
      'Remain with the current emergency foster carers while the assessment is completed.',
      'Return home to mother with a safety plan if the assessment supports it.',
    );
    await j.fillClamVenue();
  });

  await test.step('uploads the referral and a second file, each with a download link', async () => {
    await j.uploadClamReferral('emergency-referral.pdf');
    // A second file for the same document.
    await page.getByLabel('Upload another file for Written CLAM referral').setInputFiles(pdf('police-protection-notice.pdf'));
    await page.getByRole('button', { name: 'Upload Written CLAM referral' }).click();
    const card = page.locator('#document-referral');
    const first = card.getByRole('link', { name: 'emergency-referral.pdf' });
    const second = card.getByRole('link', { name: 'police-protection-notice.pdf' });
    await expect(first).toBeVisible();
    await expect(second).toBeVisible();
    await expect(first).toHaveAttribute('href', /^\/papers\/\d+$/);
    await expect(second).toHaveAttribute('href', /^\/papers\/\d+$/);
    expect(await first.getAttribute('href')).not.toEqual(await second.getAttribute('href'));
    await expect(page.locator('#papers-complete')).toHaveText('Papers complete');
    await j.checkPage('request-papers-two-files');

    // The download link serves the file that was uploaded.
    const download = await page.request.get(await second.getAttribute('href'));
    expect(download.status()).toBe(200);
    expect((await download.body()).equals(PDF), 'downloaded bytes are the uploaded PDF').toBe(true);

    await j.backToTaskList();
    await expect(j.tasks.locator('#task-papers-status')).toHaveText('Completed');
  });

  await test.step('sends it; the request shows it must be heard within 7 working days', async () => {
    await j.checkAndSend(requestId, [EMERGENCY]);
    await expect(page.getByRole('heading', { level: 1, name: EMERGENCY })).toBeVisible();
    // Came into care Friday 20 November 2026 + 7 working days = Tuesday 1 December.
    await expect(page.locator('#statutory')).toHaveText('Statutory must be heard by 1 December 2026');
    await expect(page.locator('#statutory .govuk-tag--red')).toHaveText('Statutory');
    await expect(page.getByText('Overdue', { exact: true })).toHaveCount(0);
    await j.signOut();
  });

  await test.step('the practice manager sees the statutory date on the request', async () => {
    await j.signIn('practice_manager');
    await j.openFromAwaiting(requestId, childName, 'request-to-approve-statutory');
    await expect(page.locator('#statutory')).toHaveText('Statutory must be heard by 1 December 2026');
    await j.signOut();
  });

  expect(j.browserErrors, 'the browser reported errors').toEqual([]);
});

test('a Support Panel request with papers not provided is sent and agreed by the team manager', async ({ page }, testInfo) => {
  const j = journey(page, testInfo);
  const childName = 'Logan Finch';
  const notProvided = (label) => `${label}: not yet written; it will be brought to panel.`;
  let requestId;

  await test.step('the social worker completes a Support Panel request', async () => {
    await j.signIn('social_worker');
    ({ requestId } = await j.startRequest(childName, 'support', 'Support Panel'));
    await expect(page.locator('#cutoff-note')).toContainText('If it reaches the Administrator now, it will go to the sitting on ');
    await fillSupportSections(
      page, j,
      'Neglect concerns persist despite 15 months of a child protection plan; support at home is not enough.',
      'Intensive family support with a parenting assessment over 12 weeks.',
    );
    await fillSupportPapers(page, j, ['chronology', 'care_plan'], notProvided);
  });

  await test.step('the check page lists the papers and the reasons; the request is sent', async () => {
    await j.checkAndSend(requestId, [SUPPORT_CRITERION]);
    await j.signOut();
  });

  await test.step('the team manager agrees it', async () => {
    await j.signIn('practice_manager');
    await j.openFromAwaiting(requestId, childName, 'support-to-agree');
    await j.approve('Agreed: the case meets the criteria for Support Panel.', 'support-agreed');
    await expect(page.locator('#request-state')).not.toHaveText(/Draft|Awaiting approval/);
    await expect(page.getByText(/^Waiting for /)).toHaveCount(0);
    await expect(page.locator('#target-sitting')).toContainText('Goes to the sitting on');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'My tasks' })).toBeVisible();
    await expect(j.awaitingLink(requestId)).toHaveCount(0);
    await j.signOut();
  });

  await test.step("the papers the social worker gave reasons for show them, read-only", async () => {
    await j.signIn('coordinator');
    await page.goto(`/requests/${requestId}/papers`);
    await expect(page.getByRole('heading', { level: 1, name: 'Papers' })).toBeVisible();
    const genogram = page.locator('#document-genogram');
    await expect(genogram).toContainText('Not provided because');
    await expect(genogram).toContainText(notProvided('Genogram'));
    await expect(page.locator('#document-chronology').getByRole('link', { name: 'chronology.pdf' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Upload/ })).toHaveCount(0);
    await j.checkPage('papers-read-only');
    await j.signOut();
  });

  expect(j.browserErrors, 'the browser reported errors').toEqual([]);
});

test('a Support Panel request after the cut-off is accepted late by the coordinator', async ({ page }, testInfo) => {
  const j = journey(page, testInfo);
  const childName = 'Nadia Edge';
  const lateReason = 'Risk escalated on Monday: the panel must consider accommodation this week.';
  let requestId;

  await test.step('the social worker is told the request is too late for 25 November', async () => {
    await j.signIn('social_worker');
    ({ requestId } = await j.startRequest(childName, 'support', 'Support Panel'));
    const note = page.locator('#cutoff-note');
    await expect(note).toContainText('If it reaches the Administrator now, it will go to the sitting on 2 December 2026.');
    await expect(note).toContainText('It is too late for the sitting on 25 November 2026');
    await fillSupportSections(
      page, j,
      'Domestic abuse incident at the weekend; the family needs urgent support to keep the children at home.',
      'Refer to the domestic abuse service and arrange a family group conference.',
    );
    await fillSupportPapers(page, j, ['chronology', 'assessment', 'care_plan'], (label) => `${label} is being updated after the incident.`);
    await j.checkAndSend(requestId);
    await expect(page.locator('#cutoff-note')).toContainText('2 December 2026');
    await j.signOut();
  });

  await test.step('the team manager agrees it: it goes to 2 December, after the cut-off for 25 November', async () => {
    await j.signIn('practice_manager');
    await j.openFromAwaiting(requestId, childName, 'late-to-agree');
    await j.approve('Agreed; please ask for it to be heard this week.', 'late-agreed');
    await expect(page.locator('#target-sitting')).toHaveText('Goes to the sitting on 2 December 2026.');
    await expect(page.locator('#missed-cutoff')).toContainText('It arrived after the cut-off for the sitting on 25 November 2026.');
    await j.signOut();
  });

  await test.step('the coordinator sees it late in triage and accepts it for 25 November', async () => {
    await j.signIn('coordinator');
    await page.getByRole('link', { name: 'Triage queue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Triage' })).toBeVisible();
    await j.checkPage('triage-late');
    const card = page.locator(`#triage-${requestId}`);
    const cutoffRow = card.locator('.govuk-summary-list__row').filter({ has: page.getByRole('term').filter({ hasText: 'Cut-off' }) });
    await expect(cutoffRow.getByRole('definition')).toContainText(
      'Late: missed the cut-off for 25 November 2026; goes to 2 December 2026 unless accepted late',
    );
    const sittings = card.getByLabel('Sitting');
    await expect(sittings.locator('option', { hasText: /^25 November 2026/ })).toHaveCount(0);

    await cutoffRow.getByRole('link', { name: `Accept it late for ${childName}` }).click();
    await expect(page).toHaveURL(new RegExp(`/requests/${requestId}(\\?done=\\w+)?$`));
    await expect(page.getByRole('heading', { level: 2, name: 'Accept it late' })).toBeVisible();
    await j.checkPage('request-accept-late');

    // No reason: an error.
    await page.getByRole('button', { name: 'Accept for 25 November 2026' }).click();
    await expect(page.locator('#late_reason-error')).toBeVisible();
    await expect(page.getByRole('alert').getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await j.checkPage('request-accept-late-error');

    await page.getByLabel('Why should it go to the sitting on 25 November 2026?').fill(lateReason);
    await page.getByRole('button', { name: 'Accept for 25 November 2026' }).click();
    await expect(page).toHaveURL(new RegExp(`/requests/${requestId}(\\?done=\\w+)?$`));
    const accepted = page.locator('#late-accepted');
    await expect(accepted).toContainText(/^Accepted late by .+ on \d{1,2} [A-Z][a-z]+ \d{4}: /);
    await expect(accepted).toContainText(lateReason);
    await expect(page.locator('#target-sitting')).toHaveText('Goes to the sitting on 25 November 2026.');
    await expect(page.locator('#missed-cutoff')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Accept for / })).toHaveCount(0);
    await j.checkPage('request-accepted-late');
  });

  await test.step('triage now offers the 25 November sitting', async () => {
    await page.getByRole('link', { name: 'Triage queue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Triage' })).toBeVisible();
    const card = page.locator(`#triage-${requestId}`);
    await expect(card.getByRole('link', { name: /^Accept it late/ })).toHaveCount(0);
    const sittings = card.getByLabel('Sitting');
    await expect(sittings.locator('option', { hasText: /^25 November 2026/ })).toHaveCount(1);
    await j.checkPage('triage-after-late');
    await j.signOut();
  });

  expect(j.browserErrors, 'the browser reported errors').toEqual([]);
});

test('a request returned for changes is changed and sent again', async ({ page }, testInfo) => {
  const j = journey(page, testInfo);
  const childName = 'Freya Kenning';
  const returnComments = 'Please add the parallel plan: what happens if the placement review does not agree.';
  const parallel = 'Move to in-house foster care within the county if the IFA placement cannot continue.';
  let requestId;

  await test.step('the social worker sends a CLAM request', async () => {
    await j.signIn('social_worker');
    ({ requestId } = await j.startRequest(childName, 'clam', 'CLAM Panel'));
    await j.tasks.getByRole('link', { name: 'Request type' }).click();
    await page.getByRole('radio', { name: IFA_REVIEW }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(j.tasks.locator('#task-type-status')).toHaveText('Completed');
    await j.fillDetails(
      'The IFA placement is due its six-monthly review and costs have risen.',
      'Continue the IFA placement for a further six months.',
    );
    await j.fillClamVenue();
    await j.uploadClamReferral('ifa-review-referral.pdf');
    await j.backToTaskList();
    await j.checkAndSend(requestId, [IFA_REVIEW]);
    await j.signOut();
  });

  await test.step('the practice manager returns it for changes', async () => {
    await j.signIn('practice_manager');
    await j.openFromAwaiting(requestId, childName, 'request-to-return');
    await page.getByLabel('Comments').fill(returnComments);
    await page.getByRole('button', { name: 'Return for changes' }).click();
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(page.locator('#approvals')).toContainText('Returned for changes');
    await expect(page.locator('#approvals')).toContainText(returnComments);
    await j.checkPage('request-returned');
    await page.goto('/');
    await expect(j.awaitingLink(requestId)).toHaveCount(0);
    await j.signOut();
  });

  await test.step('the social worker sees it under "Returned to me", changes it and sends it again', async () => {
    await j.signIn('social_worker');
    const returned = page
      .getByRole('heading', { level: 2, name: /^Returned to me/ })
      .locator('xpath=following-sibling::ul[1]')
      .getByRole('listitem')
      .filter({ has: page.locator(`a[href="/requests/${requestId}"]`) });
    await expect(returned.getByRole('link')).toHaveText(`${childName}: ${IFA_REVIEW}`);
    await expect(returned).toContainText(`Changes asked for: ${returnComments}`);
    await returned.getByRole('link').click();

    // Back to a draft with its task list; every section is still complete.
    await expect(page).toHaveURL(new RegExp(`/requests/${requestId}(\\?done=\\w+)?$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Your request to CLAM Panel' })).toBeVisible();
    await expect(page.locator('#approvals')).toContainText(returnComments);
    await expect(j.tasks.getByRole('link', { name: 'Check your answers and send' })).toBeVisible();
    await j.checkPage('returned-task-list');

    await j.tasks.getByRole('link', { name: 'Reason and plans' }).click();
    await expect(page.getByLabel('Reason for the request')).toHaveValue('The IFA placement is due its six-monthly review and costs have risen.');
    await page.getByLabel(/^Parallel plan/).fill(parallel);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(j.tasks.locator('#task-details-status')).toHaveText('Completed');
    await j.checkAndSend(requestId, [IFA_REVIEW, parallel]);
    await page.goto('/');
    await expect(
      page.getByRole('heading', { level: 2, name: /^Returned to me/ })
        .locator('xpath=following-sibling::ul[1]')
        .locator(`a[href="/requests/${requestId}"]`),
    ).toHaveCount(0);
    await j.signOut();
  });

  await test.step('the practice manager sees it awaiting approval again, with the change', async () => {
    await j.signIn('practice_manager');
    await j.openFromAwaiting(requestId, childName, 'request-resent');
    await expect(page.locator('#request-summary')).toContainText(parallel);
    await j.signOut();
  });

  expect(j.browserErrors, 'the browser reported errors').toEqual([]);
});

// The coordinator's journey from the triage queue to a published agenda, on
// the demo council's CLAM queue: five requests, among them an emergency
// retrospective review (statutory) and a sibling group of three (a
// 45-minute hearing). The coordinator opens a request's triage page, reads
// the proposed agenda, accepts it, finds every child on the sitting's agenda
// at the proposed time, publishes the agenda, and moves a sitting: its
// hearings keep their times on the new date.
//
// Email goes to a real SMTP server on loopback (council.js): each
// presenter's invitation arrives with the DTSTART of the exact slot, and the
// move sends an update for the same UID with a higher SEQUENCE and the new
// date; the members' invitation for the sitting follows the move too.
//
// The server's clock is frozen at Tuesday 24 November 2026, 09:00 London
// (council.js). Every page is checked with axe (WCAG 2.2 AA).
const { test, expect } = require('./fixtures');
const { browserSession } = require('./session');
const { invitations, londonStart } = require('./mail');

// "Tuesday 1 December 2026 at Horsham" -> "2026-12-01"
const isoDateIn = (text) => {
  const [, day, month, year] = /(\d{1,2}) (\w+) (\d{4})/.exec(text);
  const m = new Date(`${month} 1, 2000`).getMonth() + 1;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};
// The delivery worker runs in the server: wait for what it sends.
// If it never comes, the failure lists what did.
async function arrives(find, message) {
  try {
    await expect.poll(() => find() !== undefined, { message, timeout: 30 * 1000 }).toBe(true);
  } catch (err) {
    const seen = invitations().map((i) => `  ${i.to} ${i.method} ${i.uid} ${i.sequence} ${i.dtstart} ${i.summary}`);
    err.message += `\nInvitations that arrived (${seen.length}):\n${seen.join('\n')}`;
    throw err;
  }
}

const minutes = (hhmm) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

test('the coordinator accepts the proposed agenda and moves a sitting', async ({ page }, testInfo) => {
  const { browserErrors, checkPage, signIn, signOut } = browserSession(page, testInfo);
  await signIn('coordinator');

  // The queue, statutory first, and one request's triage page.
  await page.getByRole('link', { name: 'Triage queue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Triage' })).toBeVisible();
  await checkPage('triage');
  const statutoryCard = page.locator('.govuk-summary-card', { hasText: 'Must be heard by' }).first();
  await expect(statutoryCard).toBeVisible();
  await statutoryCard.getByRole('link', { name: /^Triage/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ask for more information' })).toBeVisible();
  await checkPage('triage-request');
  // Declining without a reason is refused next to the field.
  await page.getByRole('button', { name: 'Decline the request' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter why the request is declined');
  await checkPage('triage-request-error');

  // The proposed agenda for the CLAM Panel.
  await page.goto('/triage/proposal');
  await expect(page.getByRole('heading', { level: 1, name: 'Proposed agenda' })).toBeVisible();
  await checkPage('proposal');
  const table = page.getByRole('table', { name: /Proposed slots at .*CLAM/ });
  const rows = table.locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(5);
  const proposed = [];
  for (let i = 0; i < count; i += 1) {
    const cells = rows.nth(i).locator('td');
    const [start, end] = (await cells.nth(1).innerText()).split(' to ');
    proposed.push({
      sitting: (await cells.nth(0).innerText()).split(' at ')[0],
      start,
      end,
      children: await cells.nth(2).innerText(),
      request: (await cells.nth(2).getByRole('link').getAttribute('href')).split('/').pop(),
      statutory: (await cells.nth(3).innerText()).includes('Statutory'),
    });
  }
  expect(proposed.some((p) => p.statutory)).toBe(true);
  // The sibling group of three takes 45 minutes; a single child 15.
  expect(proposed.some((p) => minutes(p.end) - minutes(p.start) === 45)).toBe(true);
  expect(proposed.some((p) => minutes(p.end) - minutes(p.start) === 15)).toBe(true);

  await page.getByRole('button', { name: /Accept the proposed agenda for .*CLAM/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sittings' })).toBeVisible();
  await checkPage('sittings');

  // Every child is on the sitting's agenda at the proposed time.
  for (const p of proposed) {
    await page.goto('/sittings');
    await page.getByRole('link', { name: p.sitting, exact: true }).click();
    const row = page.getByRole('table', { name: 'Agenda' }).locator('tr', { hasText: p.children });
    await expect(row).toContainText(`${p.start} to ${p.end}`);
  }
  await checkPage('agenda');

  // Each hearing's invitation reaches the SMTP server for its exact slot. It
  // names the request, never a child: email is not a safe channel for that.
  const forRequest = (id) => new RegExp(`^CLAM Panel: request ${id} \\(\\d+ child(ren)?\\)$`);
  for (const p of proposed) {
    await arrives(
      () =>
        invitations().find(
          (i) =>
            i.method === 'REQUEST' &&
            i.uid.startsWith('hearing-') &&
            forRequest(p.request).test(i.summary) &&
            i.dtstart === londonStart(isoDateIn(p.sitting), p.start),
        ),
      `an invitation for request ${p.request} (${p.children}) at ${p.start} on ${p.sitting}`,
    );
  }
  const childNames = proposed.flatMap((p) => p.children.split(', '));
  expect(invitations().filter((i) => childNames.some((name) => i.summary.includes(name)))).toEqual([]);

  // Publish the agenda to the members, then move the sitting to the next day.
  await page.getByRole('button', { name: /Publish/ }).click();
  await expect(page.locator('#sitting-details')).toContainText('Published on 24 November 2026');
  await expect(page.locator('#success-banner')).toContainText('Agenda published');
  const sittingUrl = page.url().replace(/\?.*$/, '');
  const sittingUid = `sitting-${/\/sittings\/(\d+)/.exec(sittingUrl)[1]}@casepanel`;
  await arrives(
    () => invitations().find((i) => i.uid === sittingUid && i.method === 'REQUEST'),
    'the members get an invitation for the published sitting',
  );
  const agendaRows = page.getByRole('table', { name: 'Agenda' }).locator('tbody tr');
  const agendaBefore = await agendaRows.allInnerTexts();
  const heading = await page.getByRole('heading', { level: 1 }).innerText();
  const [, day, month, year] = /^(\d+) (\w+) (\d{4})/.exec(heading);
  const next = new Date(Date.UTC(Number(year), new Date(`${month} 1, 2000`).getMonth(), Number(day) + 1));
  const nextDay = next.toISOString().slice(0, 10);
  const nextLong = `${next.getUTCDate()} ${next.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${next.getUTCFullYear()}`;
  // The new date is a GOV.UK date input: day, month and year.
  const newDate = page.getByRole('group', { name: 'New date' });
  await newDate.getByLabel('Day').fill(String(next.getUTCDate()));
  await newDate.getByLabel('Month').fill(String(next.getUTCMonth() + 1));
  await newDate.getByLabel('Year').fill(String(next.getUTCFullYear()));
  await page.getByLabel('Reason (told to everyone)').fill('The room is needed for a court hearing');
  // The sitting may hold the statutory request, due by the sitting's own day:
  // a day later needs the coordinator's reason (docs/sittings.md).
  await page.getByLabel('If a statutory request would be heard after its deadline, why?')
    .fill('No other room in either office on the day');
  await page.getByRole('button', { name: 'Move the sitting' }).click();
  await expect(page).toHaveURL(`${sittingUrl}?done=sitting_moved`);
  await expect(page.locator('#success-banner')).toContainText('Sitting moved');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(nextLong);
  const agendaAfter = await agendaRows.allInnerTexts();
  expect(agendaAfter.map((r) => r.split('\t')[0])).toEqual(agendaBefore.map((r) => r.split('\t')[0]));
  await checkPage('moved');

  // The move sends each presenter an invitation for the new date at the same
  // time. For the hearings scheduled above (not the demo's own, which were
  // never sent), it is an update: the first invitation's UID and a higher
  // SEQUENCE.
  const oldDate = isoDateIn(heading);
  let updates = 0;
  for (let r = 0; r < agendaAfter.length; r += 1) {
    const start = agendaAfter[r].split('\t')[0].split(' to ')[0];
    const request = (await agendaRows.nth(r).getByRole('link').first().getAttribute('href')).split('/').pop();
    const first = invitations().find(
      (i) => i.method === 'REQUEST' && forRequest(request).test(i.summary) && i.dtstart === londonStart(oldDate, start),
    );
    updates += first ? 1 : 0;
    await arrives(
      () =>
        invitations().find(
          (i) =>
            i.method === 'REQUEST' &&
            forRequest(request).test(i.summary) &&
            i.dtstart === londonStart(nextDay, start) &&
            (!first || (i.uid === first.uid && i.sequence > first.sequence)),
        ),
      `an invitation for request ${request} at ${start} on ${nextDay}`,
    );
  }
  expect(updates, 'hearings scheduled from the proposal are on the moved sitting').toBeGreaterThan(0);
  await arrives(
    () =>
      invitations().find(
        (i) => i.uid === sittingUid && i.sequence > 0 && i.dtstart.startsWith(`DTSTART;TZID=Europe/London:${nextDay.replace(/-/g, '')}T`),
      ),
    'the members get an update for the moved sitting',
  );

  // The print view of the agenda.
  await page.getByRole('link', { name: 'Print the agenda' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Agenda:');
  await checkPage('print');

  await signOut();
  expect(browserErrors).toEqual([]);
});

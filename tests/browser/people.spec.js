// The security pages as people meet them, each checked with axe at the
// desktop width and at 375 pixels: the administrator adds a person and sends
// a set-password link, reads it in the email outbox, and opens the panels and their seats; a social worker opens their account, starts setting up
// two-factor authentication and meets the password rules; the auditor filters
// the audit log.
const { test, expect } = require('./fixtures');
const { browserSession } = require('./session');

for (const width of [1280, 375]) {
  test(`people, accounts and the audit log at ${width} pixels`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    const { browserErrors, checkPage, signIn, signOut } = browserSession(page, testInfo);
    const noOverflow = async () => {
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${page.url()} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    };

    await test.step('the administrator adds a person and sends a set-password link', async () => {
      await signIn('admin');
      await page.goto('/admin/people');
      await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
      await checkPage('people');
      await noOverflow();
      await page.getByRole('link', { name: 'Add a person' }).click();
      await page.getByRole('button', { name: 'Add the person' }).click();
      await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
      await checkPage('people-new-errors');
      const email = `robin.testwell.${width}@demo.casepanel.test`;
      await page.getByLabel('Full name').fill('Robin Testwell');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Social worker', { exact: true }).check();
      await page.getByRole('button', { name: 'Add the person' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Robin Testwell' })).toBeVisible();
      await checkPage('person');
      await noOverflow();
      await page.getByRole('button', { name: 'Send a set-password link' }).click();
      await expect(page.locator('.govuk-notification-banner')).toBeVisible();
      await checkPage('person-link-sent');
      // The link's email in the outbox: the administrator reads it, but not
      // the link's token.
      await page.goto('/admin/outbox');
      await expect(page.getByRole('heading', { level: 1, name: 'Email outbox' })).toBeVisible();
      await expect(page.locator('#outbox-count')).toContainText(/^Showing 1 to \d+ of \d+ messages$/);
      await checkPage('outbox');
      await noOverflow();
      await page.getByRole('link', { name: 'Set your casepanel password' }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: /Set your casepanel password/ })).toBeVisible();
      await expect(page.locator('#message-body')).toContainText('Hello Robin Testwell');
      await expect(page.locator('#message-body')).toContainText('(hidden: only the recipient may use this link)');
      await checkPage('outbox-message');
      await noOverflow();
      // The panels, from the navigation: what each decides, and its seats.
      if (width > 640) {
        await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Panels' }).click();
      } else {
        await page.goto('/panels');  // behind the Menu toggle at this width
      }
      await expect(page.getByRole('heading', { level: 1, name: 'Panels' })).toBeVisible();
      await checkPage('panels');
      await noOverflow();
      await page.getByRole('link', { name: 'Choose who sits on the CLAM Panel' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Seats' })).toBeVisible();
      await checkPage('seats');
      await noOverflow();
      await signOut();
    });

    await test.step('a social worker opens their account and two-factor set-up', async () => {
      await signIn('social_worker');
      await page.getByRole('link', { name: 'Your account' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
      await checkPage('account');
      await noOverflow();
      await page.getByRole('link', { name: 'set up two-factor authentication' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Two-factor authentication' })).toBeVisible();
      await checkPage('two-factor');
      // The other width's run may have started the set-up already.
      const setUp = page.getByRole('button', { name: 'Set up two-factor authentication' });
      if (await setUp.count()) {
        await setUp.click();
      }
      await expect(page.getByLabel('6-digit code')).toBeVisible();
      await checkPage('two-factor-qr');
      await noOverflow();
      await page.goto('/account/password');
      await expect(page.getByRole('heading', { level: 1, name: 'Change your password' })).toBeVisible();
      await page.getByRole('button', { name: 'Change password' }).click();
      await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
      await checkPage('change-password-errors');
      await signOut();
    });

    await test.step('the auditor filters the audit log', async () => {
      await signIn('auditor');
      await page.goto('/audit?action=session.sign_in');
      await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
      await expect(page.getByRole('table', { name: /Audit events/ })).toBeVisible();
      await checkPage('audit-filtered');
      await noOverflow();
      await signOut();
    });

    expect(browserErrors, 'the browser reported errors').toEqual([]);
  });
}

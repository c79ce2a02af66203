// What every response promises about caching, scripts and sign-in.
const { test, expect } = require('./fixtures');

const LOGIN = 'social_worker@demo.casepanel.test';
const PASSWORD = 'casepanel-demo';

test.describe('security headers and sign-in', () => {
  test('a page behind sign-in is not cached and allows no inline script or style', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(LOGIN);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My tasks' })).toBeVisible();

    const response = await page.goto('/children');
    expect(response.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'My children' })).toBeVisible();
    const headers = response.headers();
    expect(headers['cache-control']).toBe('no-store');
    const csp = headers['content-security-policy'];
    expect(csp, 'Content-Security-Policy header').toBeTruthy();
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);
    expect(csp).toMatch(/(^|;)\s*frame-ancestors 'none'\s*(;|$)/);
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  test('/healthz answers 200 "ok"', async ({ request }) => {
    const response = await request.get('/healthz');
    expect(response.status()).toBe(200);
    expect((await response.text()).trim()).toBe('ok');
  });

  test('a page behind sign-in sends a signed-out visitor to sign in, then back', async ({ page, request }) => {
    const raw = await request.get('/children', { maxRedirects: 0 });
    expect(raw.status()).toBe(303);
    expect(raw.headers()['location']).toMatch(/^\/sign-in(\?|$)/);

    await page.goto('/children');
    await expect(page).toHaveURL(/\/sign-in(\?|$)/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Email address').fill(LOGIN);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/children$/);
    await expect(page.getByRole('heading', { level: 1, name: 'My children' })).toBeVisible();
  });
});

// Every role's pages at a laptop's width (1,280 px) and a phone's (375 px)
// (issue 14, "Done means"): each person signs in once, opens their home page
// and every item of their menu at 1,280 px, then narrows the window to 375 px
// and opens them again with the first record each list links to; every page
// passes axe (WCAG 2.2 AA) and does not scroll sideways: a wide table scrolls
// inside its own box, never the page. Screenshots (of the window) go to the
// test's output directory, NN-WIDTH-ROLE-page.png. Reads only: it changes
// nothing.
const { test, expect } = require('./fixtures');
const { browserSession } = require('./session');

const ROLES = ['social_worker', 'practice_manager', 'group_manager', 'coordinator', 'panel_admin',
  'chair', 'member', 'assistant_director', 'auditor', 'admin'];
const WIDTHS = [1280, 375];

// How far the page is wider than the window, in pixels (0 when it fits).
async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth
    - document.documentElement.clientWidth);
}

// The pages a role reaches in two clicks: the menu, then the first record of
// each list (a table's first link, or the first link of a list of tasks).
async function menuLinks(page) {
  return page.locator('.govuk-service-navigation__link').evaluateAll(
    (links) => links.map((a) => a.getAttribute('href')));
}

async function firstRecord(page) {
  const link = page.locator('main table a.govuk-link, main ul.govuk-list--spaced a.govuk-link').first();
  return (await link.count()) ? link.getAttribute('href') : null;
}

for (const role of ROLES) {
  test(`${role}: each page passes axe and fits ${WIDTHS.join(' and ')} px`, async ({ page }, testInfo) => {
    const j = browserSession(page, testInfo);
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    await j.signIn(role);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const seen = new Set();
      const visit = async (href, name, from = '') => {
        if (!href || seen.has(href) || href.includes('/print')) {
          return false;
        }
        seen.add(href);
        const response = await page.goto(href);
        expect(response.status(), `${href}${from ? `, linked from ${from}` : ''}`).toBe(200);
        await j.checkPage(`${width}-${role}-${name}`, { fullPage: false });
        expect(await overflow(page), `${href} scrolls sideways at ${width} px`).toBe(0);
        return true;
      };
      if (width === WIDTHS[0]) {
        // Signing in landed on the home page and checked it at this width.
        seen.add('/');
        expect(await overflow(page), `the home page scrolls sideways at ${width} px`).toBe(0);
      } else {
        await visit('/', 'home');
      }
      const fromHome = await firstRecord(page);
      for (const href of await menuLinks(page)) {
        const opened = await visit(href, href.replace(/\W+/g, '-').replace(/^-|-$/g, ''));
        // The first record each list links to, at the phone's width (the
        // journeys open records at the laptop's).
        if (opened && width === 375) {
          await visit(await firstRecord(page), `${href.replace(/\W+/g, '')}-first`, href);
        }
      }
      await visit(fromHome, 'home-first', 'the home page');
      expect(seen.size, 'a role with no pages beyond its home').toBeGreaterThan(1);
    }
    expect(j.browserErrors).toEqual([]);
  });
}

import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openDashboard, panel, test } from './test';

const SECOND_STORY = '?dataset=/fixtures/second-story.json';

async function openSecondStory(page: Page) {
  await page.route(
    (url) => url.pathname === '/fixtures/second-story.json',
    (route) => route.fulfill({ path: 'e2e/fixtures/valid/second-story.json' }),
  );
  await openDashboard(page, SECOND_STORY);
}

/** Wholly inside the viewport, with the page not scrolled. */
async function expectInFirstScreen(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, 'on screen').not.toBeNull();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  if (!box || !viewport) return;
  expect(box.y, 'top inside the first screen').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'bottom inside the first screen').toBeLessThanOrEqual(viewport.height);
}

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, 'the page never scrolls sideways').toBeLessThanOrEqual(client);
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Panels' });

test.describe('at 1440×900', () => {
  test('the bottom line and key figures are the first screen, and name both calls and the aid items', async ({ page }) => {
    await openDashboard(page);
    const bottom = panel(page, 'Bottom line');
    await expectInFirstScreen(page, bottom.getByRole('heading', { name: 'Bottom line' }));
    await expectInFirstScreen(page, bottom.getByText(/^Who said what about the two phone calls/));
    const points = bottom.locator('.key-points li');
    await expect(points).toHaveCount(6);
    for (const point of await points.all()) await expectInFirstScreen(page, point);
    await expect(points.first()).toContainText('25 June and on 12 July 2024');

    const figures = bottom.locator('.key-figures');
    await expectInFirstScreen(page, figures);
    await expect(figures).toContainText('3 contacts');
    for (const contact of ['25 Jun 2024 First Austin–Belousov phone call', '12 Jul 2024 (“Friday”) Second Austin–Belousov phone call']) {
      await expectInFirstScreen(page, figures.getByRole('button', { name: contact }));
    }
    await expect(figures).toContainText('asked for by United States');
    await expect(figures).toContainText('asked for by Russia');
    await expect(figures).toContainText('Announced in 2024: $225 million');
    await expect(figures).toContainText('Takes effect in 2026');
    for (const item of ['$225 million military aid package', 'Patriot air defence system', /Tomahawk cruise missiles/]) {
      await expectInFirstScreen(page, figures.getByRole('button', { name: item }));
    }
    await expect(figures).toContainText(/\d+ of 51 facts rest on one outlet/);
    await expect(figures).toContainText('20 open discrepancies');
  });

  test('the bottom line follows the filters', async ({ page }) => {
    await openDashboard(page, '?q=Patriot');
    const bottom = panel(page, 'Bottom line');
    await expect(bottom.locator('.key-points li')).toHaveCount(1);
    await expect(bottom.locator('.key-points li')).toContainText('$225 million aid package');
    await expect(bottom.locator('.key-figures')).toContainText('0 contacts');
    await expect(bottom.locator('.key-figures')).toContainText('1 aid item');
    await expect(nav(page).getByRole('link', { name: 'Bottom line 1 key points' })).toBeVisible();
  });

  test('a key point opens its sources like any record; Escape brings focus back', async ({ page }) => {
    await openDashboard(page);
    const opener = panel(page, 'Bottom line').getByRole('button', { name: /^Sources for key point 4: / });
    await opener.click();
    const drawer = page.getByRole('region', { name: /^Key point: Aid: on Thursday 11 July/ });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(drawer.locator('mark').first()).toContainText('$225 million aid package');
    await expect(drawer.getByRole('button', { name: 'Patriot air defence system' })).toBeVisible();
    await expect(page).toHaveURL(/rec=kp-package/);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('a nav link moves focus to its panel; folding and order live in the link', async ({ page }) => {
    await openDashboard(page);
    const links = nav(page).getByRole('link');
    await expect(links).toHaveText([
      /^Bottom line 6/,
      /^Call timeline 26/,
      /^Quote board 19/,
      /^Weapons and aid 6/,
      /^Discrepancies 20/,
      /^Source coverage \d+/,
      /^Compare calls 3/,
    ]);
    await nav(page)
      .getByRole('link', { name: /^Discrepancies/ })
      .click();
    await expect(panel(page, 'Discrepancies')).toBeFocused();
    await expect(panel(page, 'Discrepancies')).toBeInViewport();

    await panel(page, 'Quote board').getByRole('button', { name: 'Fold Quote board' }).click();
    await expect(page).toHaveURL(/panels=[^&]*-quotes/);
    await expect(panel(page, 'Quote board').locator('.quote-card')).toHaveCount(0);
    await page.reload();
    await expect(panel(page, 'Quote board').getByRole('button', { name: 'Open Quote board' })).toHaveAttribute('aria-expanded', 'false');
    // Going to a folded panel opens it.
    await nav(page)
      .getByRole('link', { name: /^Quote board 19 quotes, folded/ })
      .click();
    await expect(panel(page, 'Quote board')).toBeFocused();
    await expect(panel(page, 'Quote board').getByRole('button', { name: 'Fold Quote board' })).toBeVisible();

    await nav(page).getByRole('button', { name: 'Arrange panels' }).click();
    await nav(page).getByRole('button', { name: 'Move Weapons and aid up' }).click();
    await expect(nav(page).getByRole('button', { name: 'Move Weapons and aid up' })).toBeFocused();
    await expect(page).toHaveURL(/panels=bottom-line%2Ctimeline%2Caid%2Cquotes|panels=bottom-line,timeline,aid,quotes/);
    const titles = await page.locator('main .panel h2').allTextContents();
    expect(titles.slice(0, 4)).toEqual(['Bottom line', 'Call timeline', 'Weapons and aid tracker', 'Quote board']);
    await page.keyboard.press('Escape');
    await expect(nav(page).getByRole('button', { name: 'Arrange panels' })).toBeFocused();
  });

  test('any panel is within three Tabs by way of the nav', async ({ page }) => {
    await openDashboard(page);
    const count = await nav(page).getByRole('link').count();
    for (let target = 0; target < count; target++) {
      await page.goto('/');
      await expect(panel(page, 'Call timeline')).toBeVisible();
      let tabs = 0;
      while (!(await page.evaluate(() => document.activeElement?.closest('nav') !== null && document.activeElement?.tagName === 'A'))) {
        await page.keyboard.press('Tab');
        tabs++;
        expect(tabs, 'the nav is reached within two Tabs').toBeLessThanOrEqual(2);
      }
      for (let i = 0; i < target; i++) await page.keyboard.press('ArrowRight');
      const name = (await page.evaluate(() => document.activeElement?.textContent ?? '')).replace(/\s*[\d,]+.*$/, '');
      await page.keyboard.press('Enter');
      const region = panel(page, name === 'Weapons and aid' ? 'Weapons and aid tracker' : name);
      await expect(region).toBeFocused();
      await page.keyboard.press('Tab');
      tabs++;
      expect(tabs).toBeLessThanOrEqual(3);
      expect(await page.evaluate(() => document.activeElement?.closest('section.panel')?.getAttribute('data-panel'))).toBe(
        await region.getAttribute('data-panel'),
      );
    }
  });

  test('sidebar: whole-word labels, dates as everywhere, how filters combine, Clear filters clears the actor search', async ({ page }) => {
    await openSecondStory(page);
    const filters = panel(page, 'Filters');
    for (const name of await filters.locator('.option-list.compact .option-name').all()) {
      const height = await name.evaluate((el) => el.getBoundingClientRect().height);
      expect(height, `“${await name.textContent()}” stays on one line`).toBeLessThan(24);
    }
    await openDashboard(page);
    await filters.getByLabel('From', { exact: true }).fill('2024-06-25');
    await expect(filters.locator('.date-echo').first()).toHaveText('25 Jun 2024');
    await filters.getByRole('checkbox', { name: 'Kyiv Post' }).check();
    await filters.getByRole('checkbox', { name: 'Tempo' }).check();
    await expect(page.locator('.result-summary')).toContainText('Records that cite any of the chosen sources and fall within the dates.');
    await filters.getByLabel('Find an actor (any spelling)').fill('Beloesov');
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect(filters.getByLabel('Find an actor (any spelling)')).toHaveValue('');
    await expect(filters.locator('.date-echo').first()).toHaveText('From the first record');
    await expect(filters.getByText('Each number counts the records that choice would show.')).toBeVisible();
  });

  test('every button has a name of its own; focus returns to Export after a download', async ({ page }) => {
    await openDashboard(page);
    const names = await page
      .getByRole('button')
      .evaluateAll((buttons) =>
        buttons
          .filter((b) => b.tagName === 'BUTTON')
          .map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim()),
      );
    expect(names.length).toBeGreaterThan(100);
    const repeated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
    expect(repeated, 'no two buttons on the page share a name').toEqual([]);
    const quotes = panel(page, 'Quote board');
    const exportButton = quotes.getByRole('button', { name: 'Export Quote board' });
    await exportButton.click();
    const download = page.waitForEvent('download');
    await quotes.getByRole('button', { name: 'Download CSV' }).click();
    await download;
    await expect(exportButton).toBeFocused();
  });
});

test.describe('at 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the bottom line comes first, the filters open from their button, nothing scrolls sideways', async ({ page }) => {
    await openDashboard(page);
    const bottom = panel(page, 'Bottom line');
    await expectInFirstScreen(page, bottom.getByRole('heading', { name: 'Bottom line' }));
    await expectInFirstScreen(page, bottom.locator('.key-points li').first());
    await expectInFirstScreen(page, bottom.locator('.key-points li').nth(1));
    await expectNoSidewaysScroll(page);
    // The description is cut short on a phone, and given whole on request.
    const description = bottom.getByText(/^Who said what about the two phone calls/);
    const short = await description.evaluate((el) => el.getBoundingClientRect().height);
    await bottom.getByRole('button', { name: 'More about this dataset' }).click();
    expect(await description.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(short * 2);
    await bottom.getByRole('button', { name: 'Less about this dataset' }).click();

    const filters = panel(page, 'Filters');
    await expect(filters).toBeHidden();
    const toggle = page.getByRole('button', { name: 'Filters', exact: true });
    await expectInFirstScreen(page, toggle);
    await toggle.click();
    await expect(filters).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await filters.getByRole('checkbox', { name: 'Kyiv Post' }).check();
    await page.keyboard.press('Escape');
    await expect(filters).toBeHidden();
    await expect(page.getByRole('button', { name: 'Filters · 1 active' })).toBeFocused();
    await expectNoSidewaysScroll(page);

    // The wide tables scroll in their own box.
    for (const box of [page.locator('.aid-table').locator('xpath=..'), page.locator('.coverage-scroll')]) {
      await box.scrollIntoViewIfNeeded();
      const { scroll, client } = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(scroll).toBeGreaterThan(client);
    }
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expectNoSidewaysScroll(page);
  });

  test('the drawer is shown by its button and passes axe', async ({ page }) => {
    await openDashboard(page);
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    await page.getByRole('button', { name: /^Show \d+ records$/ }).click();
    await expect(panel(page, 'Filters')).toBeHidden();
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    expect(await violations(page)).toEqual([]);
  });

  test('another story fits the phone too', async ({ page }) => {
    await openSecondStory(page);
    const figures = panel(page, 'Bottom line').locator('.key-figures');
    await expectInFirstScreen(page, panel(page, 'Bottom line').getByRole('heading', { name: 'Bottom line' }));
    await expect(figures).toContainText('1 contact');
    await expect(figures).toContainText('3 Mar 2025');
    await expect(figures).toContainText('New lock gates · €40 million');
    await expectNoSidewaysScroll(page);
    expect(await violations(page)).toEqual([]);
  });
});

test('another story at 1440×900: its description and figures lead, no key points needed', async ({ page }) => {
  await openSecondStory(page);
  const bottom = panel(page, 'Bottom line');
  await expectInFirstScreen(page, bottom.getByText('A small invented dataset used by the browser tests'));
  await expectInFirstScreen(page, bottom.locator('.key-figures'));
  await expect(bottom.locator('.key-points')).toHaveCount(0);
  await expect(bottom.locator('.key-figures')).toContainText('Takes effect in 2027: €40 million');
  await expect(nav(page).getByRole('link', { name: /^Bottom line$/ })).toBeVisible();
  // The nav names the panel as the panel does: this story has meetings, not calls.
  await expect(nav(page).getByRole('link', { name: /^Compare contacts/ })).toBeVisible();
  await expect(panel(page, 'Compare contacts')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

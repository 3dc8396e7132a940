import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openDashboard, panel, test } from './test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} — ${v.nodes.length} node(s): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

test.describe('axe finds no WCAG 2.2 AA violations', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`default view, ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openDashboard(page);
      expect(await violations(page)).toEqual([]);
    });
  }

  test('filtered to nothing', async ({ page }) => {
    await openDashboard(page, '?q=zzzz-no-such-words');
    await expect(panel(page, 'Quote board').getByText('No quotes match the filters.')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('provenance open, and the chart data tables open', async ({ page }) => {
    // Two scans of the whole page with every data table open: axe alone takes tens of seconds on a busy machine.
    test.slow();
    await openDashboard(page, '?rec=q-singh-lines-of-communication');
    await expect(page.getByRole('region', { name: 'Quote by Sabrina Singh' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Close provenance' }).click();
    for (const summary of await page.getByText('Show the chart’s data as a table').all()) await summary.click();
    expect(await violations(page)).toEqual([]);
  });

  test('briefing view', async ({ page }) => {
    await page.goto('/?view=briefing');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('a pinned panel in the tray, and the briefing view as the deck preview', async ({ page }) => {
    await openDashboard(page, '?kind=call');
    const timeline = panel(page, 'Call timeline');
    await timeline.getByRole('button', { name: 'Export Call timeline' }).click();
    await timeline.getByRole('button', { name: 'Pin panel to deck' }).click();
    await expect(panel(page, 'Briefing tray')).toContainText('as pinned: Kinds: Call');
    expect(await violations(page)).toEqual([]);
    await panel(page, 'Briefing tray').getByRole('link', { name: 'Preview the deck' }).click();
    await expect(page.locator('.briefing.is-deck')).toHaveAttribute('data-ready', 'true');
    expect(await violations(page)).toEqual([]);
  });

  test('error states: refused link, invalid dataset, server error', async ({ page }) => {
    await page.goto('/?dataset=https://example.org/x.json');
    await expect(page.getByRole('alert')).toContainText('Refused');
    expect(await violations(page)).toEqual([]);

    await page.route(
      (url) => url.pathname === '/broken.json',
      (route) => route.fulfill({ contentType: 'application/json', body: '{"title": 1}' }),
    );
    await page.goto('/?dataset=/broken.json');
    await expect(page.getByRole('alert')).toContainText('does not match the schema');
    expect(await violations(page)).toEqual([]);
  });

  test('narrow screen, 390 px', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openDashboard(page);
    expect(await violations(page)).toEqual([]);
  });
});

test.describe('keyboard only', () => {
  /** Presses Tab until the focused element matches, as a keyboard user would. */
  async function tabTo(page: Page, matches: (el: Element) => boolean, max = 400) {
    const source = matches.toString();
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const hit = await page.evaluate((src) => {
        const el = document.activeElement;
        // eslint-disable-next-line no-new-func, @typescript-eslint/no-implied-eval -- the matcher reaches the page as source text
        return el ? (new Function(`return (${src})`)() as (e: Element) => boolean)(el) : false;
      }, source);
      if (hit) return;
    }
    throw new Error(`could not reach the element by Tab: ${source}`);
  }

  test('the analyst path works from the keyboard alone', async ({ page }) => {
    test.setTimeout(180_000);
    await openDashboard(page);
    // Skip link first.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the dashboard' })).toBeFocused();

    // Filter by an actor with Space.
    await tabTo(
      page,
      (el) => el.getAttribute('type') === 'checkbox' && el.closest('label')?.textContent?.includes('Dmitry Peskov') === true,
    );
    await page.keyboard.press('Space');
    await expect(panel(page, 'Filters').getByRole('checkbox', { name: 'Dmitry Peskov' })).toBeChecked();
    await expect(page.locator('.result-summary')).toContainText('Actors: Dmitry Peskov');
    // The live region announces the new counts.
    await expect(page.locator('[aria-live="polite"]').first()).toContainText('quotes');

    // Open a record's provenance with Enter; focus goes in, Escape brings it back.
    await tabTo(page, (el) => (el.getAttribute('aria-label') ?? '').startsWith('Sources for quote by Dmitry Peskov'));
    const opener = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('region', { name: 'Quote by Dmitry Peskov' });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('button', { name: opener ?? '' }).first()).toBeFocused();

    // Clear the filters.
    await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Clear filters');
    await page.keyboard.press('Enter');
    await expect(panel(page, 'Filters').getByRole('checkbox', { name: 'Dmitry Peskov' })).not.toBeChecked();
    // Sort the aid table from the keyboard.
    await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim().startsWith('Amount') === true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/sort=amount/);
  });

  test('a visible focus ring on every control reached by Tab', async ({ page }) => {
    await openDashboard(page);
    const missing: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        return { ring, what: `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30) ?? ''}` };
      });
      if (info && !info.ring) missing.push(info.what);
    }
    expect(missing).toEqual([]);
  });
});

test('text scales to 200% without loss', async ({ page }) => {
  await openDashboard(page);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  // No panel may overflow the page sideways at 200% text.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(panel(page, 'Quote board')).toBeVisible();
});

test('reduced motion turns chart animation off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openDashboard(page);
  // The chart is drawn once it comes near the screen.
  await panel(page, 'Weapons and aid tracker').locator('.aid-chart').scrollIntoViewIfNeeded();
  await expect(page.locator('.aid .recharts-bar-rectangle path').first()).toBeVisible();
  // With animation off, the bars are at full height at once: the chart's rectangles do not change.
  const heights = () => page.locator('.aid .recharts-bar-rectangle path').evaluateAll((els) => els.map((e) => e.getAttribute('d')));
  const first = await heights();
  await page.waitForTimeout(300);
  expect(await heights()).toEqual(first);
  expect(first.length).toBeGreaterThan(0);
});

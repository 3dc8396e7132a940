import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every browser test fails on a console error or an uncaught exception in the page. A test that
 * expects one (a deliberate network fault) lists its text in `allowedConsole`.
 */
export const test = base.extend<{ allowedConsole: RegExp[] }>({
  allowedConsole: [[], { option: true }],
  page: async ({ page, allowedConsole }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      if (allowedConsole.some((r) => r.test(text))) return;
      errors.push(`console.error: ${text}`);
    });
    await use(page);
    expect(errors, 'no console errors or uncaught exceptions').toEqual([]);
  },
});

export { expect };

export function panel(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

/** Waits until the dashboard has rendered its four panels. */
export async function openDashboard(page: Page, query = '') {
  await page.goto(`/${query}`);
  await expect(panel(page, 'Call timeline')).toBeVisible();
}

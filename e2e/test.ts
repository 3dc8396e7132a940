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

/**
 * Waits until the dashboard has rendered every panel: those near the screen at once, the far ones
 * once the page is idle (until then a far panel is an empty section of its name).
 */
export async function openDashboard(page: Page, query = '') {
  await page.goto(`/${query}`);
  await expect(panel(page, 'Call timeline')).toBeVisible();
  await expect(page.locator('main .panel-pending')).toHaveCount(0);
}

/** Every `step`-th pixel of a PNG as 0xRRGGBB, decoded by the page's own image decoder. */
export async function samplePng(page: Page, png: Buffer, step: number): Promise<number[]> {
  return page.evaluate(
    async ([b64, every]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const out: number[] = [];
      for (let i = 0; i < data.length; i += 4 * every) out.push((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return out;
    },
    [png.toString('base64'), step] as const,
  );
}

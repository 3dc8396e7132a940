import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, openDashboard, panel, samplePng, test } from './test';

const SECOND = '?dataset=/fixtures/second-story.json';

async function serveSecondStory(page: Page) {
  await page.route(
    (url) => url.pathname === '/fixtures/second-story.json',
    (route) => route.fulfill({ path: 'e2e/fixtures/valid/second-story.json' }),
  );
}

/**
 * The renderer draws an SVG whose foreignObject holds a styled copy of the sheet; the copy is what
 * ends up in the PNG. Every SVG handed to an <img> is kept, so the test can lay it out itself.
 */
async function keepRenderedSvgs(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __svg: string | null };
    w.__svg = null;
    const desc = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
    Object.defineProperty(HTMLImageElement.prototype, 'src', {
      ...desc,
      set(this: HTMLImageElement, value: string) {
        if (typeof value === 'string' && value.startsWith('data:image/svg+xml') && value.length > 5000) {
          w.__svg = decodeURIComponent(value.slice(value.indexOf(',') + 1));
        }
        desc.set!.call(this, value);
      },
    });
  });
}

interface TextBox {
  text: string;
  rects: { x: number; y: number; w: number; h: number }[];
}

/** Text nodes as drawn (not inside a hidden or export-hidden element), each with its line boxes relative to `root`. */
function textBoxes(root: Element, skipExportHidden: boolean): TextBox[] {
  const origin = root.getBoundingClientRect();
  const out: TextBox[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
    const parent = n.parentElement;
    if (!text || !parent) continue;
    if (skipExportHidden && parent.closest('[data-export-hide]')) continue;
    if (parent.closest('style, script, option')) continue;
    if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    // Visually hidden text (a table's caption for screen readers) is drawn nowhere.
    if (parent.closest('.visually-hidden')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const rects = [...range.getClientRects()]
      .filter((r) => r.width > 0.5 && r.height > 0.5)
      .map((r) => ({ x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height }));
    if (rects.length) out.push({ text, rects });
  }
  return out;
}

/** Pairs of different text nodes whose line boxes overlap by more than a sliver, named by their text. */
function overlaps(boxes: TextBox[]): string[] {
  const lines = boxes.flatMap((b, i) => b.rects.map((r) => ({ i, r })));
  lines.sort((a, b) => a.r.y - b.r.y);
  const found = new Set<string>();
  for (let a = 0; a < lines.length; a++) {
    for (let b = a + 1; b < lines.length && lines[b].r.y < lines[a].r.y + lines[a].r.h; b++) {
      const p = lines[a];
      const q = lines[b];
      if (p.i === q.i) continue;
      const dx = Math.min(p.r.x + p.r.w, q.r.x + q.r.w) - Math.max(p.r.x, q.r.x);
      const dy = Math.min(p.r.y + p.r.h, q.r.y + q.r.h) - Math.max(p.r.y, q.r.y);
      if (dx > 2 && dy > 3) found.add([boxes[p.i].text.slice(0, 50), boxes[q.i].text.slice(0, 50)].sort().join(' ⟷ '));
    }
  }
  return [...found];
}

/** Lays the SVG the renderer drew out in a page of its own and reads its text boxes. */
async function drawnBoxes(browser: Browser, svg: string, scheme: 'light' | 'dark') {
  const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1600, height: 900 } });
  try {
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    await page.evaluate(() => document.fonts.ready);
    return await page.locator('foreignObject > *').first().evaluate(textBoxes, false);
  } finally {
    await page.close();
  }
}

/** The PNG's mean luminance on a grid of samples, 0 (black) to 1 (white). */
async function meanLuminance(page: Page, png: Buffer): Promise<number> {
  const samples = await samplePng(page, png, 101);
  let sum = 0;
  for (const rgb of samples) sum += (0.2126 * ((rgb >> 16) & 255) + 0.7152 * ((rgb >> 8) & 255) + 0.0722 * (rgb & 255)) / 255;
  return sum / samples.length;
}

for (const scheme of ['light', 'dark'] as const) {
  for (const [story, query] of [
    ['the default story', ''],
    ['the second story', SECOND],
  ] as const) {
    test.describe(`${scheme} theme, ${story}`, () => {
      test.use({ colorScheme: scheme });

      test(`every panel's PNG is the panel on screen: its text, nothing overlapping, no generated words, light`, async ({
        page,
        browser,
      }) => {
        test.setTimeout(180_000);
        await serveSecondStory(page);
        await keepRenderedSvgs(page);
        await openDashboard(page, query);
        const exportable = () =>
          page
            .locator('section.panel')
            .evaluateAll((els) => els.flatMap((el) => (el.querySelector('.export-menu') ? [el.getAttribute('data-panel') ?? ''] : [])));
        // Panels far down the page are drawn once it is idle, unscrolled.
        await expect.poll(async () => (await exportable()).length, { message: 'panels with an Export menu' }).toBeGreaterThanOrEqual(6);
        const names = await exportable();
        const screenBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        if (scheme === 'dark') expect(screenBg, 'the screen itself is dark').not.toBe('rgb(243, 244, 246)');

        for (const name of names) {
          const region = panel(page, name);
          await region.scrollIntoViewIfNeeded();
          const onScreen = await region.evaluate(textBoxes, true);
          await page.evaluate(() => ((window as unknown as { __svg: string | null }).__svg = null));
          await region.getByRole('button', { name: `Export ${name}` }).click();
          const download = page.waitForEvent('download', { timeout: 60_000 });
          await region
            .getByRole('group', { name: `Export ${name}` })
            .getByRole('button', { name: 'Download PNG' })
            .click();
          const png = readFileSync(await (await download).path()!);
          await expect(region.getByRole('status')).toHaveText(/^Saved .*\.png$/);
          const svg = await page.evaluate(() => (window as unknown as { __svg: string | null }).__svg);
          expect(svg, `${name}: the renderer drew an SVG`).toBeTruthy();
          expect(svg!, `${name}: no generated-content keywords in what is drawn`).not.toMatch(/open-quote|close-quote/);

          const drawn = await drawnBoxes(browser, svg!, scheme);
          const drawnText = drawn.map((b) => b.text).join(' ');
          expect(drawnText).not.toMatch(/open-quote|close-quote/);
          const missing = onScreen.map((b) => b.text).filter((t) => !drawnText.includes(t));
          expect(missing, `${name}: text on screen missing from the image`).toEqual([]);

          const screenPairs = new Set(overlaps(onScreen));
          const extra = overlaps(drawn).filter((p) => !screenPairs.has(p));
          expect(extra, `${name}: text boxes overlapping in the image but not on screen`).toEqual([]);

          expect(await meanLuminance(page, png), `${name}: the image is light`).toBeGreaterThan(0.8);
        }
      });
    });
  }
}

function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

const sheets = (page: Page) => page.locator('main article.briefing-page');

for (const format of ['slide', 'a4'] as const) {
  test(`the printed ${format} deck has the pages the preview shows, after a font load and under print media`, async ({ page }) => {
    await page.goto(`/?view=briefing&format=${format}`);
    await expect(page.locator('.briefing')).toHaveAttribute('data-ready', 'true');
    const preview = await sheets(page).count();
    expect(preview).toBeGreaterThan(3);
    await expect(page.getByText(new RegExp(`^${preview} ${format === 'a4' ? 'pages' : 'slides'}, one per sheet`))).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    // A web font finishing its load while the measuring copy is hidden by the print styles.
    await page.evaluate(() => document.fonts.dispatchEvent(new Event('loadingdone')));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(page.locator('.briefing')).toHaveAttribute('data-ready', 'true');
    expect(await sheets(page).count()).toBe(preview);
    expect(pdfPageCount(await page.pdf({ preferCSSPageSize: true, printBackground: true }))).toBe(preview);

    // Print straight after opening: beforeprint as the page appears, then the print media.
    const fresh = await page.context().newPage();
    await fresh.goto(`/?view=briefing&format=${format}`);
    await fresh.locator('.briefing').waitFor();
    await fresh.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await fresh.emulateMedia({ media: 'print' });
    await expect(fresh.locator('.briefing')).toHaveAttribute('data-ready', 'true');
    expect(pdfPageCount(await fresh.pdf({ preferCSSPageSize: true, printBackground: true }))).toBe(preview);
    await fresh.close();
  });
}

test('Print waits for the pages to settle before it opens the print dialog', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __printedWhen: (string | undefined)[] };
    w.__printedWhen = [];
    window.print = () => void w.__printedWhen.push(document.querySelector<HTMLElement>('.briefing')?.dataset.ready);
  });
  await page.goto('/?view=briefing&format=slide');
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printedWhen: unknown[] }).__printedWhen)).toEqual(['true']);
});

test('the briefing view pages cleanly: footnotes on their own slide, no empty panels, Compare included', async ({ page }) => {
  for (const format of ['slide', 'a4'] as const) {
    await page.goto(`/?view=briefing&format=${format}&kind=call`);
    await expect(page.locator('.briefing')).toHaveAttribute('data-ready', 'true');
    const report = await sheets(page).evaluateAll((els) =>
      els.map((el) => ({
        sections: el.querySelectorAll('.page-body > section').length,
        notes: [...el.querySelectorAll('li.b-footnote .fn-n')].map((n) => n.textContent),
        refs: [...el.querySelectorAll('sup.fn-ref a')].map((a) => a.getAttribute('href')),
        ids: [...el.querySelectorAll('li.b-footnote')].map((li) => `#${li.id}`),
        empty: el.querySelectorAll('.b-empty').length,
      })),
    );
    for (const [i, r] of report.entries()) {
      if (i > 0) expect(r.sections, `${format} ${i + 1}: footnotes only`).toBeGreaterThan(0);
      expect(r.empty, `${format} ${i + 1}: an empty panel`).toBe(0);
      expect(r.notes).toEqual(r.notes.map((_, k) => `[${k + 1}]`));
      expect(new Set(r.refs)).toEqual(new Set(r.ids));
    }
    await expect(page.locator('main .b-cover')).toContainText('Nothing shown');
    await expect(page.locator('main .b-cover')).toContainText('Weapons and aid tracker: nothing under these filters');
    await expect(page.locator('main .b-head', { hasText: 'Weapons and aid tracker' })).toHaveCount(0);
    // Compare calls is the one panel that says who requested each call, each source's words cited.
    const compare = page.locator('main section.b-compare');
    await expect(compare.first()).toBeVisible();
    const requested = compare.locator('tr', { has: page.locator('th', { hasText: 'Requested by' }) });
    await expect(requested).toContainText('As the sources tell it');
    expect(await requested.locator('sup.fn-ref a').count()).toBeGreaterThan(1);
  }
});

test('the second story pages the same way, with none of the default story in it', async ({ page }) => {
  await serveSecondStory(page);
  await page.goto(`/${SECOND}&view=briefing&format=slide`);
  await expect(page.locator('.briefing')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northport canal talks (test fixture)');
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/Austin|Belousov|Peskov|Kyiv|Patriot/);
  expect(await page.locator('main .b-empty').count()).toBe(0);
  const preview = await sheets(page).count();
  await page.emulateMedia({ media: 'print' });
  expect(pdfPageCount(await page.pdf({ preferCSSPageSize: true }))).toBe(preview);
});

/** Every text the dashboard's export status shows, in order. */
async function recordStatus(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __status: string[] };
    w.__status = [];
    const el = document.querySelector('.app-head .export-status')!;
    new MutationObserver(() => w.__status.push(el.textContent ?? '')).observe(el, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => [...new Set((window as unknown as { __status: string[] }).__status)]);
}

async function startDashboardPng(page: Page) {
  const head = page.locator('.app-head');
  await head.getByRole('button', { name: 'Export Dashboard' }).click();
  await head.getByRole('group', { name: 'Export Dashboard' }).getByRole('button', { name: 'Download PNG' }).click();
  return head;
}

test('the whole dashboard image says what it is drawing, and focus comes back to the button', async ({ page }) => {
  await openDashboard(page, '?actor=peskov');
  const statuses = await recordStatus(page);
  const download = page.waitForEvent('download', { timeout: 60_000 });
  const head = await startDashboardPng(page);
  await download;
  await expect(head.getByRole('status')).toHaveText(/^Saved .*\.png$/);
  const seen = await statuses();
  const drawing = seen.filter((t) => /^Drawing .+… \d+ of \d+$/.test(t));
  expect(drawing.length, seen.join(' | ')).toBeGreaterThan(4);
  expect(
    drawing.some((t) => /^Drawing Quote board… \d+ of \d+$/.test(t)),
    'names the panel being drawn',
  ).toBe(true);
  const [, total] = /of (\d+)$/.exec(drawing[0])!;
  expect(drawing.at(-1)).toMatch(new RegExp(`… ${total} of ${total}$`));
  await expect(head.getByRole('button', { name: 'Export Dashboard' })).toBeFocused();
});

test('Cancel stops the dashboard image: no file, a plain message, focus back on the button', async ({ page }) => {
  await openDashboard(page, '?actor=peskov');
  let downloads = 0;
  page.on('download', () => downloads++);
  const head = await startDashboardPng(page);
  await expect(head.getByRole('status')).toHaveText(/^Drawing .+ of \d+$/, { timeout: 30_000 });
  await head.getByRole('button', { name: 'Cancel' }).click();
  await expect(head.getByRole('status')).toHaveText('Export cancelled.', { timeout: 30_000 });
  await expect(head.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(head.getByRole('button', { name: 'Export Dashboard' })).toBeFocused();
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);
  await expect(page.locator('.export-host')).toHaveCount(0);
});

test('a dashboard image too tall to use is refused with a way to the briefing view', async ({ page }) => {
  await openDashboard(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  const started = Date.now();
  const head = await startDashboardPng(page);
  const status = head.getByRole('status');
  await expect(status).toContainText(/This image would be [\d,]+ px tall, more than 16,000/, { timeout: 30_000 });
  expect(Date.now() - started, 'refused before drawing').toBeLessThan(10_000);
  await expect(status).toHaveClass(/is-error/);
  expect(downloads).toBe(0);
  await expect(head.getByRole('button', { name: 'Export Dashboard' })).toBeFocused();
  await status.getByRole('link', { name: 'Open the briefing view' }).click();
  await expect(page).toHaveURL(/view=briefing/);
  await expect(page.locator('.briefing')).toHaveAttribute('data-ready', 'true');
});

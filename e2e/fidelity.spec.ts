import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, openDashboard, panel, test } from './test';

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
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    let n = 0;
    for (let i = 0; i < data.length; i += 4 * 101) {
      sum += (0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]) / 255;
      n++;
    }
    return sum / n;
  }, png.toString('base64'));
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
        const names = await page
          .locator('section.panel')
          .evaluateAll((els) => els.flatMap((el) => (el.querySelector('.export-menu') ? [el.getAttribute('data-panel') ?? ''] : [])));
        expect(names.length, 'panels with an Export menu').toBeGreaterThanOrEqual(6);
        const screenBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        if (scheme === 'dark') expect(screenBg, 'the screen itself is dark').not.toBe('rgb(243, 244, 246)');

        for (const name of names) {
          const region = panel(page, name);
          await region.scrollIntoViewIfNeeded();
          const onScreen = await region.evaluate(textBoxes, true);
          await page.evaluate(() => ((window as unknown as { __svg: string | null }).__svg = null));
          await region.getByRole('button', { name: `Export ${name}` }).click();
          const download = page.waitForEvent('download', { timeout: 60_000 });
          await region.getByRole('group', { name: `Export ${name}` }).getByRole('button', { name: 'Download PNG' }).click();
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

import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, openDashboard, panel, test } from './test';
import { Dataset } from '../src/dataset/schema';

const DEFAULT = Dataset.parse(JSON.parse(readFileSync('public/data/briefing.json', 'utf8')));
const MARITIME = Dataset.parse(JSON.parse(readFileSync('e2e/fixtures/valid/maritime-talks.json', 'utf8')));
const STORY_WORDS = ['Austin', 'Belousov', 'Patriot', 'Tomahawk', 'Kyiv', 'Peskov', 'Shoigu'];

const sheets = (page: Page) => page.locator('main article.briefing-page');
const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
const mediaBoxes = (pdf: Buffer) =>
  new Set(
    [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.\s]+)\]/g)].map((m) =>
      m[1]
        .trim()
        .split(/\s+/)
        .map((v) => Math.round(Number(v)))
        .join(' '),
    ),
  );

/** Pins the panel from its Export menu, under whatever filters the page has now. */
async function pinPanel(page: Page, name: string) {
  const region = panel(page, name);
  await region.getByRole('button', { name: `Export ${name}` }).click();
  await region.getByRole('button', { name: 'Pin panel to deck' }).click();
  await expect(region.getByRole('status')).toContainText('Pinned to the deck as it is now');
}

/** The deck preview and its PDF agree, in both layouts, after a font load under print media. */
async function previewMatchesPdf(page: Page, save?: (name: string, bytes: Buffer) => void): Promise<number> {
  let count = 0;
  for (const format of ['slide', 'a4'] as const) {
    await page.getByRole('link', { name: format === 'a4' ? 'A4 landscape' : '16:9 slide' }).click();
    await expect(page.locator(`.briefing.is-deck.format-${format}`)).toHaveAttribute('data-ready', 'true');
    const preview = await sheets(page).count();
    await expect(page.getByText(new RegExp(`^${preview} slides, one per sheet`))).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.dispatchEvent(new Event('loadingdone')));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(page.locator('.briefing')).toHaveAttribute('data-ready', 'true');
    expect(await sheets(page).count()).toBe(preview);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(pdf), `${format}: printed pages`).toBe(preview);
    expect(mediaBoxes(pdf)).toEqual(new Set([format === 'a4' ? '0 0 842 595' : '0 0 960 540']));
    save?.(`deck-${format}.pdf`, pdf);
    await page.emulateMedia({ media: 'screen' });
    if (count) expect(preview).toBe(count);
    count = preview;
  }
  return count;
}

test('pinned panels keep their filters: the briefing view previews the deck, and prints exactly its slides', async ({ page }, info) => {
  test.setTimeout(120_000);
  const save = (name: string, bytes: Buffer) => writeFileSync(info.outputPath(name), bytes);
  await openDashboard(page, '?kind=call');
  await pinPanel(page, 'Call timeline');
  // Pinned as it is: the menu now offers to take it out again.
  const timeline = panel(page, 'Call timeline');
  await timeline.getByRole('button', { name: 'Export Call timeline' }).click();
  await expect(timeline.getByRole('button', { name: 'Unpin panel from deck' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The slide dialog pins too: where an analyst looks at the slide before handing it over.
  await openDashboard(page, '?actor=peskov');
  await panel(page, 'Quote board').getByRole('button', { name: 'Export Quote board' }).click();
  await panel(page, 'Quote board').getByRole('button', { name: 'Download slide (PNG)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Slide: Quote board' });
  const pinIt = dialog.getByRole('button', { name: 'Pin panel to deck' });
  await expect(pinIt).toHaveAttribute('aria-pressed', 'false');
  await pinIt.click();
  await expect(dialog.getByRole('button', { name: 'Pinned to deck' })).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const summit = DEFAULT.events.find((e) => e.kind === 'summit')!;
  await openDashboard(page, '?type=event');
  await panel(page, 'Call timeline')
    .getByRole('button', { name: `Pin ${summit.title}`, exact: true })
    .click();

  // Now other filters: the pins keep theirs.
  await openDashboard(page, '?type=aid');
  const tray = panel(page, 'Briefing tray');
  await expect(tray).toContainText('1 pinned record, 2 pinned panels');
  const rows = tray.getByRole('listitem');
  await expect(rows.nth(0)).toContainText('Call timeline');
  await expect(rows.nth(0)).toContainText('Kinds: Call');
  await expect(rows.nth(1)).toContainText('Actors: Dmitry Peskov');
  await expect(rows.nth(2)).toContainText(summit.title);
  await tray.getByRole('textbox', { name: 'Note on Call timeline (Kinds: Call)' }).fill('Every call, as pinned');
  await page.setViewportSize({ width: 1440, height: 900 });
  await tray.screenshot({ path: info.outputPath('tray-1440.png') });

  const ppt = page.waitForEvent('download');
  await tray.getByRole('button', { name: 'Deck as PowerPoint' }).click();
  const pptx = readFileSync(await (await ppt).path());
  save('deck.pptx', pptx);
  const pptSlides = Object.keys(unzipSync(new Uint8Array(pptx))).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length;

  await page.getByRole('link', { name: 'Briefing view' }).click();
  await expect(page.locator('.briefing.is-deck')).toHaveAttribute('data-ready', 'true');
  const slides = page.locator('main [data-slide]');
  // Title, three pins, and the sources.
  const n = await slides.count();
  expect(n).toBe(pptSlides);
  expect(n).toBeGreaterThanOrEqual(5);
  await expect(slides.nth(0)).toContainText(DEFAULT.title);
  await expect(slides.nth(0)).toContainText('Bottom line');
  const pinnedTimeline = slides.nth(1);
  await expect(pinnedTimeline).toContainText('Call timeline');
  await expect(pinnedTimeline.locator('[data-part="subhead"]')).toHaveText('Kinds: Call');
  await expect(pinnedTimeline.locator('[data-part="note"]')).toHaveText('Every call, as pinned');
  // The panel as pinned, not as the page is filtered now (aid only), nor unfiltered.
  await expect(pinnedTimeline).not.toContainText('Types: ');
  await expect(pinnedTimeline).not.toContainText(summit.title);
  await expect(slides.nth(2).locator('[data-part="subhead"]')).toHaveText('Actors: Dmitry Peskov');
  await expect(slides.nth(3)).toContainText(summit.title);
  await expect(slides.nth(n - 1)).toContainText('Sources');
  await expect(
    slides
      .nth(n - 1)
      .locator('[data-fn]')
      .first(),
  ).toContainText(/^\[\d+\] /);
  await page.screenshot({ path: info.outputPath('preview-1440.png') });

  expect(await previewMatchesPdf(page, save)).toBe(n);

  // Straight to print from a fresh tab: beforeprint as it opens, then print media.
  const fresh = await page.context().newPage();
  await fresh.goto('/?view=briefing&format=slide&q=nothing');
  await fresh.locator('.briefing').waitFor();
  await fresh.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await fresh.emulateMedia({ media: 'print' });
  await expect(fresh.locator('.briefing.is-deck')).toHaveAttribute('data-ready', 'true');
  expect(pdfPageCount(await fresh.pdf({ preferCSSPageSize: true, printBackground: true }))).toBe(n);
  await fresh.setViewportSize({ width: 390, height: 844 });
  await fresh.emulateMedia({ media: 'screen' });
  await fresh.screenshot({ path: info.outputPath('preview-390.png') });
  await fresh.close();

  // Everything remains one click away, and pages as before.
  await page.getByRole('link', { name: 'Everything in this view' }).click();
  await expect(page).toHaveURL(/show=everything/);
  await expect(page.locator('.briefing:not(.is-deck)')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('main .b-cover')).toContainText('Types: Aid items');
  await page.getByRole('link', { name: /The deck \(3 pins\)/ }).click();
  await expect(page).not.toHaveURL(/show=/);
  await expect(slides).toHaveCount(n);

  // The share link carries the pinned panels with their filters to a browser that has no tray.
  await page.getByRole('link', { name: /Back to dashboard/ }).click();
  await panel(page, 'Briefing tray').getByRole('button', { name: 'Copy share link' }).click();
  const link = await panel(page, 'Briefing tray').getByRole('textbox', { name: /Share link/ }).inputValue();
  expect(link).toContain('#tray=v1.');
  const other = await page.context().browser()!.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto(link);
  const theirTray = panel(elsewhere, 'Briefing tray');
  await expect(theirTray.getByRole('status')).toContainText('Loaded a briefing tray of 1 record and 2 panels from the shared link.');
  const theirs = theirTray.getByRole('list', { name: 'Pinned records, in brief order' }).getByRole('listitem');
  await expect(theirs).toHaveCount(3);
  await expect(theirs.nth(0)).toContainText('as pinned: Kinds: Call');
  await expect(elsewhere.getByRole('textbox', { name: 'Note on Call timeline (Kinds: Call)' })).toHaveValue('Every call, as pinned');
  await expect(theirs.nth(1)).toContainText('as pinned: Actors: Dmitry Peskov');
  await other.close();
});

test('with an empty tray the briefing view shows everything and says how to build a deck', async ({ page }) => {
  await page.goto('/?view=briefing');
  await expect(page.locator('.briefing')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.briefing.is-deck')).toHaveCount(0);
  await expect(page.getByText('the deck (nothing pinned)')).toBeVisible();
  await expect(page.getByText(/To build a deck, pin records .* or panels/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Everything in this view' })).toHaveAttribute('aria-current', 'page');
});

test('the second story: a pinned panel and a record preview as the deck prints, none of the default story in it', async ({
  page,
}, info) => {
  await page.route(
    (url) => url.pathname === '/fixtures/maritime-talks.json',
    (route) => route.fulfill({ path: 'e2e/fixtures/valid/maritime-talks.json' }),
  );
  const dataset = '?dataset=/fixtures/maritime-talks.json';
  await openDashboard(page, `${dataset}&actor=dimov`);
  await pinPanel(page, 'Quote board');
  await openDashboard(page, dataset);
  const meeting = MARITIME.events[0];
  await panel(page, 'Call timeline')
    .getByRole('button', { name: `Pin ${meeting.title}`, exact: true })
    .click();
  await expect(panel(page, 'Briefing tray').getByRole('listitem').first()).toContainText(/Actors: \S+/);
  await page.setViewportSize({ width: 390, height: 844 });
  await panel(page, 'Briefing tray').screenshot({ path: info.outputPath('tray-390-maritime.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('link', { name: 'Briefing view' }).click();
  await expect(page.locator('.briefing.is-deck')).toHaveAttribute('data-ready', 'true');
  const slides = page.locator('main [data-slide]');
  await expect(slides.nth(0)).toContainText(MARITIME.title);
  await expect(slides.nth(1).locator('[data-part="subhead"]')).toHaveText(/^Actors: /);
  await expect(slides.nth(2)).toContainText(meeting.title);
  const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  for (const w of STORY_WORDS) expect(text).not.toContain(w);
  await previewMatchesPdf(page, (name, bytes) => writeFileSync(info.outputPath(`maritime-${name}`), bytes));
});

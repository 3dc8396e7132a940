import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { fromCsv } from '../src/export/csv';
import { formatDate } from '../src/lib/dates';
import { expect, openDashboard, panel, samplePng, test } from './test';

const dataset = JSON.parse(readFileSync('public/data/briefing.json', 'utf8')) as {
  title: string;
  version: string;
  events: { id: string; title: string; citations: { source: string; excerpt: string }[] }[];
  quotes: { id: string; speaker: string; citations: { source: string; excerpt: string }[] }[];
  sources: { id: string; outlet: string; outletEvidence: string; published: { value: string; precision: 'day' } }[];
};
const kyivPost = dataset.sources.find((s) => s.outlet === 'Kyiv Post')!;
/** A source as exports name it: the outlet, and the date for an outlet its text does not name. */
const sourceLabelOf = (id: string) => {
  const s = dataset.sources.find((x) => x.id === id)!;
  return s.outletEvidence === 'not-named' ? `${s.outlet}, ${formatDate(s.published)}` : s.outlet;
};

/** Width and height from a PNG's IHDR chunk, which always follows the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface SheetRecord {
  sheet: { width: number; height: number };
  clone: { width: number; height: number };
  caption: { height: number; text: string };
  lists: { clientHeight: number; scrollHeight: number; items: number }[];
}

/** Records every off-screen export sheet as it is laid out: its size, its parts and its caption. */
async function watchSheets(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __sheets: unknown[] };
    w.__sheets = [];
    new MutationObserver((changes) => {
      for (const c of changes)
        for (const node of c.addedNodes) {
          if (!(node instanceof HTMLElement) || !node.classList.contains('export-host')) continue;
          const sheet = node.querySelector<HTMLElement>('.export-sheet')!;
          const clone = sheet.querySelector<HTMLElement>('.export-clone')!;
          const caption = sheet.querySelector<HTMLElement>('.export-caption')!;
          const size = (el: Element) => ({ width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height });
          w.__sheets.push({
            sheet: size(sheet),
            clone: size(clone),
            caption: { height: caption.getBoundingClientRect().height, text: caption.innerText },
            lists: [...clone.querySelectorAll('.event-list')].map((l) => ({
              clientHeight: l.clientHeight,
              scrollHeight: l.scrollHeight,
              items: l.children.length,
            })),
          });
        }
    }).observe(document.body, { childList: true });
  });
}

const lastSheet = (page: Page) => page.evaluate(() => (window as unknown as { __sheets: SheetRecord[] }).__sheets.at(-1) ?? null);

async function exportFrom(scope: Locator, label: string, item: string): Promise<Download> {
  const page = scope.page();
  await scope.getByRole('button', { name: `Export ${label}` }).click();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await scope
    .getByRole('group', { name: `Export ${label}` })
    .getByRole('button', { name: item })
    .click();
  return download;
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

test('a panel exports as a 2× PNG of the whole panel with a caption naming the filters', async ({ page }) => {
  await openDashboard(page, `?src=${kyivPost.id}&actor=peskov&from=2024-06-12&to=2024-07-31`);
  const timeline = panel(page, 'Call timeline');
  await expect(timeline.getByRole('list', { name: 'Events in date order' }).locator(':scope > li')).toHaveCount(1);
  await watchSheets(page);
  const onScreen = (await timeline.boundingBox())!;

  const download = await exportFrom(timeline, 'Call timeline', 'Download PNG');
  expect(download.suggestedFilename()).toMatch(/--call-timeline--\d{8}-\d{4}\.png$/);
  const png = await bytesOf(download);
  const sheet = (await lastSheet(page))!;

  // The caption, in the DOM the image is drawn from.
  expect(sheet.caption.text).toContain(dataset.title);
  expect(sheet.caption.text).toContain('Filters: Sources: Kyiv Post · Actors: Dmitry Peskov · 12 Jun 2024 – 31 Jul 2024');
  expect(sheet.caption.text).toMatch(/Outlets: .*Kyiv Post/);
  expect(sheet.caption.text).toContain(`Dataset version ${dataset.version}`);
  expect(sheet.caption.text).toMatch(/Made \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

  // The image: twice the panel's CSS width, twice the panel plus its caption strip in height.
  expect(sheet.sheet.width).toBeCloseTo(onScreen.width, 0);
  expect(sheet.sheet.height).toBeCloseTo(sheet.clone.height + sheet.caption.height, 0);
  expect(sheet.caption.height).toBeGreaterThan(40);
  expect(pngSize(png)).toEqual({ width: Math.floor(sheet.sheet.width * 2), height: Math.floor(sheet.sheet.height * 2) });
  await expect(timeline.getByRole('status')).toHaveText(/^Saved .*\.png$/);
  // The buttons were left out of the image, and the page got its export state back.
  await expect(page.locator('.export-host')).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveClass(/exporting/);

  // Not a blank canvas: the decoded image has the panel's many colours.
  const colours = new Set(await samplePng(page, png, 97)).size;
  expect(colours).toBeGreaterThan(50);
});

test('a long panel exports whole, its scrolling list opened up', async ({ page }) => {
  await openDashboard(page);
  const timeline = panel(page, 'Call timeline');
  const list = timeline.getByRole('list', { name: 'Events in date order' });
  const scroll = await list.evaluate((l) => ({ clientHeight: l.clientHeight, scrollHeight: l.scrollHeight }));
  expect(scroll.scrollHeight, 'the on-screen list scrolls').toBeGreaterThan(scroll.clientHeight + 100);
  await watchSheets(page);
  const onScreen = (await timeline.boundingBox())!;

  const png = await bytesOf(await exportFrom(timeline, 'Call timeline', 'Download PNG'));
  const sheet = (await lastSheet(page))!;
  expect(sheet.lists).toHaveLength(1);
  // Every event is in the copy, and its list no longer scrolls: it is as tall as its content
  // (a little shorter than on screen, where each event also has its Sources button).
  expect(sheet.lists[0].items).toBe(dataset.events.length);
  expect(sheet.lists[0].scrollHeight).toBeLessThanOrEqual(sheet.lists[0].clientHeight + 1);
  expect(sheet.lists[0].clientHeight).toBeGreaterThan(scroll.scrollHeight * 0.8);
  expect(sheet.clone.height).toBeGreaterThan(onScreen.height + sheet.lists[0].clientHeight - scroll.clientHeight - 150);
  expect(pngSize(png)).toEqual({ width: Math.floor(sheet.sheet.width * 2), height: Math.floor(sheet.sheet.height * 2) });
});

test('the whole dashboard exports, and Copy image puts a PNG on the clipboard or says why not', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await openDashboard(page, '?actor=peskov');
  await watchSheets(page);
  const head = page.locator('.app-head');

  const whole = await bytesOf(await exportFrom(head, 'Dashboard', 'Download PNG'));
  const sheet = (await lastSheet(page))!;
  expect(sheet.caption.text).toContain('Dashboard');
  expect(sheet.caption.text).toContain('Filters: Actors: Dmitry Peskov');
  expect(pngSize(whole)).toEqual({ width: Math.floor(sheet.sheet.width * 2), height: Math.floor(sheet.sheet.height * 2) });

  const quotes = panel(page, 'Quote board');
  await quotes.getByRole('button', { name: 'Export Quote board' }).click();
  await quotes.getByRole('group', { name: 'Export Quote board' }).getByRole('button', { name: 'Copy image' }).click();
  await expect(quotes.getByRole('status')).toHaveText('Image copied to the clipboard', { timeout: 30_000 });
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const bitmap = await createImageBitmap(await item.getType('image/png'));
    return { types: item.types, width: bitmap.width, height: bitmap.height };
  });
  const copiedSheet = (await lastSheet(page))!;
  expect(copied.types).toContain('image/png');
  expect(copied).toMatchObject({ width: Math.floor(copiedSheet.sheet.width * 2), height: Math.floor(copiedSheet.sheet.height * 2) });

  // A browser that refuses: the message says so and points to the download.
  await page.evaluate(() => {
    navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await quotes.getByRole('button', { name: 'Export Quote board' }).click();
  await quotes.getByRole('group', { name: 'Export Quote board' }).getByRole('button', { name: 'Copy image' }).click();
  const status = quotes.getByRole('status');
  await expect(status).toHaveText(
    'The browser refused to copy the image (it was not allowed to use the clipboard). Use “Download PNG” instead.',
  );
  await expect(status).toHaveClass(/is-error/);
});

test('CSV and JSON hold the records a panel shows, with their citations', async ({ page }) => {
  await openDashboard(page, '?actor=peskov');
  const quotes = panel(page, 'Quote board');
  const peskov = dataset.quotes.filter((q) => q.speaker === 'peskov');
  await expect(quotes.locator('.quote-card')).toHaveCount(peskov.length);

  const csvDownload = await exportFrom(quotes, 'Quote board', 'Download CSV');
  expect(csvDownload.suggestedFilename()).toMatch(/--quote-board--\d{8}-\d{4}\.csv$/);
  const csv = fromCsv((await bytesOf(csvDownload)).toString('utf8'));
  expect(csv.rows.map((r) => r.id).sort()).toEqual(peskov.map((q) => q.id).sort());
  for (const q of peskov) {
    const row = csv.rows.find((r) => r.id === q.id)!;
    expect(row.values.speaker).toBe('Dmitry Peskov');
    expect(row.citations.map(({ source, excerpt }) => ({ source, excerpt }))).toEqual(q.citations);
    // Each citation names its source by its label: an outlet the text does not name carries the date.
    for (const c of row.citations) expect(c.outlet).toBe(sourceLabelOf(c.source));
  }
  await expect(quotes.getByRole('status')).toHaveText(new RegExp(`\\(${peskov.length} records\\)$`));

  const json = JSON.parse((await bytesOf(await exportFrom(quotes, 'Quote board', 'Download JSON'))).toString('utf8'));
  expect(json.dataset.title).toBe(dataset.title);
  expect(json.filters).toBe('Actors: Dmitry Peskov');
  expect(json.view).toContain('actor=peskov');
  expect(json.records.map((r: { id: string }) => r.id).sort()).toEqual(peskov.map((q) => q.id).sort());
});

/** Pages of a PDF: each page object is "/Type /Page" (the page tree is "/Type /Pages"). */
function pdfPages(pdf: Buffer): { count: number; boxes: string[] } {
  const text = pdf.toString('latin1');
  return {
    count: (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length,
    boxes: [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\s]+)\]/g)].map((m) =>
      m[1]
        .trim()
        .split(/\s+/)
        .map((v) => Math.round(Number(v)))
        .join(' '),
    ),
  };
}

/** A change of format or media re-paginates after a frame or two: wait until the sheets and the PDF agree. */
async function sheetsSettled(page: Page) {
  await expect
    .poll(
      async () => {
        const sheets = await page.locator('main article.briefing-page').count();
        return pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true })).count - sheets;
      },
      { timeout: 20_000 },
    )
    .toBe(0);
}

async function checkPagesHoldTheirSections(page: Page, pageHeightPx: number) {
  const pages = page.locator('main article.briefing-page');
  const n = await pages.count();
  expect(n).toBeGreaterThan(1);
  const report = await page.evaluate(() =>
    [...document.querySelectorAll('main article.briefing-page')].map((p) => {
      const box = p.querySelector('.page-body')!.getBoundingClientRect();
      const page = p.getBoundingClientRect();
      return {
        page: { top: page.top, height: page.height },
        overflow: p.querySelector('.page-body')!.scrollHeight > p.querySelector('.page-body')!.clientHeight + 1,
        // The page's footnotes sit at its foot, under everything else on it.
        notesTop: p.querySelector('.page-notes')?.getBoundingClientRect().top ?? Infinity,
        sections: [...p.querySelectorAll('section, header')].map((s) => {
          const r = s.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, inside: r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 };
        }),
      };
    }),
  );
  for (const [i, p] of report.entries()) {
    expect(p.page.height, `page ${i + 1} is one sheet tall`).toBeCloseTo(pageHeightPx, 0);
    expect(p.overflow, `page ${i + 1} overflows`).toBe(false);
    for (const s of p.sections) expect(s.inside, `a section on page ${i + 1} runs off it`).toBe(true);
    for (const s of p.sections)
      expect(s.bottom, `a section on page ${i + 1} runs into its footnotes`).toBeLessThanOrEqual(p.notesTop + 0.5);
  }
  return n;
}

test('the briefing view: light, no controls, numbered footnotes, one A4 page or slide per sheet', async ({ page }) => {
  await openDashboard(page, '?actor=peskov');
  await page.getByRole('link', { name: 'Briefing view' }).click();
  await expect(page).toHaveURL(/view=briefing/);
  await expect(page.locator('.briefing')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('html')).toHaveClass(/theme-light/);
  // The one control is Print, in the bar that does not print.
  await expect(page.getByRole('button')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Briefing' }).getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.title);
  await expect(page.getByText('Actors: Dmitry Peskov').first()).toBeVisible();

  // Every superscript points at a footnote that gives the outlet and the words as printed.
  const refs = page.locator('main sup.fn-ref a');
  expect(await refs.count()).toBeGreaterThan(3);
  const peskovQuote = dataset.quotes.find((q) => q.speaker === 'peskov')!;
  const cite = peskovQuote.citations[0];
  const outlet = dataset.sources.find((s) => s.id === cite.source)!.outlet;
  const note = page.locator('main li.b-footnote', { hasText: cite.excerpt }).first();
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // An unnamed outlet is told apart by its date, as in the Sources filter; words that open with their own
  // quotation mark are not quoted a second time.
  expect(cite.excerpt).toMatch(/^[“"]/);
  await expect(note).toContainText(new RegExp(`^\\[\\d+\\] ${escape(outlet)}(, [^—]+)? — ${escape(cite.excerpt)}`));
  const noteId = await note.getAttribute('id');
  await expect(page.locator(`main sup.fn-ref a[href="#${noteId}"]`).first()).toBeVisible();
  // Each page numbers its own footnotes from 1, at its foot, and cites only those.
  for (const sheet of await page.locator('main article.briefing-page').all()) {
    const numbers = await sheet.locator('li.b-footnote .fn-n').allTextContents();
    expect(numbers).toEqual(numbers.map((_, i) => `[${i + 1}]`));
    const cited = await sheet.locator('sup.fn-ref a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const ids = await sheet.locator('li.b-footnote').evaluateAll((lis) => lis.map((li) => `#${li.id}`));
    expect(new Set(cited)).toEqual(new Set(ids));
  }

  // Print: the bar goes, each page is one A4 sheet, and no section runs across a page boundary.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: /Back to dashboard/ })).toBeHidden();
  await sheetsSettled(page);
  const a4 = await checkPagesHoldTheirSections(page, (297 / 25.4) * 96);
  const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(pdf.count).toBe(a4);
  expect(new Set(pdf.boxes)).toEqual(new Set(['0 0 595 842']));

  // The same view as 16:9 slides.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: '16:9 slide' }).click();
  await expect(page).toHaveURL(/format=slide/);
  await expect(page.locator('.briefing.format-slide')).toHaveAttribute('data-ready', 'true');
  await page.emulateMedia({ media: 'print' });
  await sheetsSettled(page);
  const slides = await checkPagesHoldTheirSections(page, 7.5 * 96);
  const slidePdf = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(slidePdf.count).toBe(slides);
  expect(new Set(slidePdf.boxes)).toEqual(new Set(['0 0 960 540']));

  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: /Back to dashboard/ }).click();
  await expect(panel(page, 'Call timeline')).toBeVisible();
  await expect(page).not.toHaveURL(/view=|format=/);
  await expect(page.locator('html')).not.toHaveClass(/theme-light/);
});

test('the default view prints as a briefing with no panel split across pages', async ({ page }) => {
  await page.goto('/?view=briefing');
  await expect(page.locator('.briefing')).toHaveAttribute('data-ready', 'true');
  await page.emulateMedia({ media: 'print' });
  await sheetsSettled(page);
  const n = await checkPagesHoldTheirSections(page, (297 / 25.4) * 96);
  expect(pdfPages(await page.pdf({ preferCSSPageSize: true })).count).toBe(n);
});

test('printing the dashboard drops the controls and keeps the filters in words', async ({ page }) => {
  await openDashboard(page, '?actor=peskov');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.sidebar')).toBeHidden();
  await expect(page.getByRole('button', { name: /Export/ }).first()).toBeHidden();
  await expect(page.locator('.result-summary')).toContainText('Actors: Dmitry Peskov');
  const breaks = await page.locator('main .panel').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
  expect(breaks[0]).not.toBe('page');
  expect(breaks.slice(1).every((b) => b === 'page')).toBe(true);
  expect(pdfPages(await page.pdf()).count).toBeGreaterThanOrEqual(breaks.length);
});

const REFERENCE = 'e2e/fixtures/shots/dashboard-patriot.png';
const SHOTS_VIEW = '?q=Patriot';

test('npm run shots writes the dashboard and each panel, matching the reference image', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const out = testInfo.outputPath('shots');
  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'scripts/shots.ts',
        '--view',
        SHOTS_VIEW,
        '--out',
        out,
        '--scale',
        '1',
        '--dist',
        '.shots-dist-e2e',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
  expect(run.code, run.stderr).toBe(0);
  const files = run.stdout.trim().split('\n');

  // One whole-page image, then one per visible panel, in page order.
  await openDashboard(page, SHOTS_VIEW);
  const names = await page
    .getByRole('region')
    .evaluateAll((els) =>
      els
        .filter((el) => el.getBoundingClientRect().height > 0)
        .map((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent ?? el.getAttribute('aria-label') ?? ''),
    );
  const slugs = names.map((n) =>
    n
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
  );
  expect(files.map((f) => basename(f))).toEqual([
    'dashboard.png',
    ...slugs.map((s, i) => `${String(i + 1).padStart(String(slugs.length).length, '0')}-${s}.png`),
  ]);
  for (const f of files) expect(existsSync(f), f).toBe(true);
  const whole = readFileSync(files[0]);
  expect(pngSize(whole).width).toBe(1440);

  // The server it started is gone.
  const origin = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stderr)?.[1];
  expect(origin).toBeTruthy();
  await expect(fetch(origin!)).rejects.toThrow();

  if (process.env.UPDATE_SHOTS) {
    mkdirSync(dirname(REFERENCE), { recursive: true });
    copyFileSync(files[0], REFERENCE);
    testInfo.annotations.push({ type: 'updated', description: REFERENCE });
    return;
  }
  expect(existsSync(REFERENCE), `${REFERENCE} is missing: run with UPDATE_SHOTS=1 to make it`).toBe(true);
  const diff = await comparePngs(page, whole, readFileSync(REFERENCE));
  expect(diff.size, 'same size as the reference').toEqual(diff.referenceSize);
  // A small tolerance: anti-aliasing may move a few pixels, a changed layout moves many.
  expect(diff.ratio, `${diff.different} of ${diff.total} pixels differ`).toBeLessThan(0.002);
});

/** Decodes both PNGs in a canvas and counts pixels whose colour differs noticeably. */
async function comparePngs(page: Page, actual: Buffer, reference: Buffer) {
  await page.goto('about:blank');
  return page.evaluate(
    async ([a, b]) => {
      const decode = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
      };
      const x = await decode(a);
      const y = await decode(b);
      const size = { width: x.width, height: x.height };
      const referenceSize = { width: y.width, height: y.height };
      if (x.width !== y.width || x.height !== y.height) return { size, referenceSize, different: -1, total: 0, ratio: 1 };
      let different = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const d = Math.max(
          Math.abs(x.data[i] - y.data[i]),
          Math.abs(x.data[i + 1] - y.data[i + 1]),
          Math.abs(x.data[i + 2] - y.data[i + 2]),
        );
        if (d > 32) different++;
      }
      const total = x.width * x.height;
      return { size, referenceSize, different, total, ratio: different / total };
    },
    [actual.toString('base64'), reference.toString('base64')] as const,
  );
}

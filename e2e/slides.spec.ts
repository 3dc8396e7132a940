import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, openDashboard, panel, test } from './test';
import { buildIndex } from '../src/dataset/indexes';
import { Dataset } from '../src/dataset/schema';
import { requesterEvidence } from '../src/records/event-context';
import { moneyByDonorAndStatus } from '../src/features/aid/aid-data';
import { formatAmount } from '../src/lib/format';

const DEFAULT = Dataset.parse(JSON.parse(readFileSync('public/data/briefing.json', 'utf8')));
const INDEX = buildIndex(DEFAULT);
const STORY_WORDS = ['Austin', 'Belousov', 'Patriot', 'Tomahawk', 'Kyiv', 'Peskov', 'Shoigu'];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer | Uint8Array): { width: number; height: number } {
  const b = Buffer.from(bytes);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const bytesOf = async (d: Download) => readFileSync(await d.path());

async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const next = page.waitForEvent('download', { timeout: 60_000 });
  await click();
  return next;
}

const dialogOf = (page: Page) => page.getByRole('dialog', { name: /^Slide:/ });

/** The slide's text in the dialog's preview: the DOM the PNG is drawn from. */
const slideText = async (dialog: Locator) =>
  ((await dialog.getByRole('group', { name: 'Slide preview' }).textContent()) ?? '').replace(/\s+/g, ' ');

/** Every text run of a slide's XML, joined. */
const xmlText = (xml: string) =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((m) => m[1])
    .join(' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&apos;/g, "'");

function readPptx(bytes: Buffer) {
  const files = unzipSync(new Uint8Array(bytes));
  const byNumber = (re: RegExp) =>
    Object.keys(files)
      .filter((f) => re.test(f))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]))
      .map((f) => xmlText(strFromU8(files[f])));
  return { slides: byNumber(/^ppt\/slides\/slide\d+\.xml$/), notes: byNumber(/^ppt\/notesSlides\/notesSlide\d+\.xml$/) };
}

test('the Compare panel gives a 1920×1080 slide (3840×2160 at 2×) with its header and footer, and a PowerPoint of it', async ({
  page,
}, info) => {
  await openDashboard(page);
  const compare = panel(page, 'Compare calls');
  await compare.getByRole('button', { name: 'Download slide of Compare calls' }).click();
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  const headline = dialog.getByRole('textbox', { name: 'Headline' });
  await expect(headline).not.toHaveValue('');
  await headline.fill('Who asked for each call, and what each side said');
  const text = await slideText(dialog);
  expect(text).toContain('Who asked for each call, and what each side said');
  expect(text).toContain('All records, no filters applied');
  expect(text).toMatch(/Sources: [^·]+\([A-F]\)/);
  expect(text).toContain(`${DEFAULT.title}, version ${DEFAULT.version}`);
  expect(text).toMatch(/Made \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  expect(text).toContain('Requested by');
  expect(text).toMatch(/\[1\]/);

  const one = await download(page, () => dialog.getByRole('button', { name: 'Download slide (PNG)' }).click());
  const png1 = await bytesOf(one);
  expect(pngSize(png1)).toEqual({ width: 1920, height: 1080 });
  await one.saveAs(info.outputPath('compare-1x.png'));
  await dialog.getByRole('combobox', { name: 'Size' }).selectOption('png2');
  const two = await download(page, () => dialog.getByRole('button', { name: 'Download slide (PNG)' }).click());
  expect(pngSize(await bytesOf(two))).toEqual({ width: 3840, height: 2160 });

  const ppt = await download(page, () => dialog.getByRole('button', { name: 'Download PowerPoint' }).click());
  expect(ppt.suggestedFilename()).toMatch(/\.pptx$/);
  await ppt.saveAs(info.outputPath('compare.pptx'));
  const { slides, notes } = readPptx(await bytesOf(ppt));
  expect(slides).toHaveLength(1);
  expect(slides[0]).toContain('Who asked for each call, and what each side said');
  expect(slides[0]).toMatch(/\[1\]/);
  expect(slides[0]).toMatch(/Sources: .+\([A-F]\)/);
  expect(notes[0]).toMatch(/Citations:\W*\[1\] .+ \([A-F]\)/);
  // Every number on the slide is in its notes, none skipped.
  const numbers = [...notes[0].matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('every call of the default dataset has a record card saying who requested it as each source tells it', async ({ page }, info) => {
  await openDashboard(page);
  const calls = DEFAULT.events.filter((e) => e.kind === 'call');
  expect(calls.length).toBeGreaterThan(1);
  const timeline = panel(page, 'Call timeline');
  for (const call of calls) {
    await timeline.getByRole('button', { name: `Download slide of ${call.title}`, exact: true }).click();
    const dialog = dialogOf(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Headline' })).toHaveValue(call.title);
    const text = await slideText(dialog);
    expect(text).toContain('Who requested it, as each source tells it');
    expect(text).toContain('date precision: ');
    expect(text).toContain('In the 14 days before');
    // Listed, or where each side's words need the room, counted in the subhead.
    expect(text).toMatch(/Open discrepancies|\d+ open discrepanc/);
    const told = requesterEvidence(INDEX, call);
    if (told.length === 0) expect(text).toContain('No source says who asked for it.');
    for (const e of told.slice(0, 3)) expect(text).toContain(`${e.outlet}:`);
    if (call.initiatedBy) expect(text).toContain(INDEX.actors.get(call.initiatedBy)!.name);
    const png = await download(page, () => dialog.getByRole('button', { name: 'Download slide (PNG)' }).click());
    expect(pngSize(await bytesOf(png))).toEqual({ width: 1920, height: 1080 });
    await png.saveAs(info.outputPath(`card-${call.id}.png`));
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  }
});

test('the tray downloads a deck: PowerPoint with the records, numbered citations and notes; one PNG per slide', async ({ page }, info) => {
  await openDashboard(page);
  const calls = DEFAULT.events.filter((e) => e.kind === 'call').slice(-2);
  const timeline = panel(page, 'Call timeline');
  for (const c of calls) await timeline.getByRole('button', { name: `Pin ${c.title}`, exact: true }).click();
  const quote = DEFAULT.quotes.find((q) => q.event === calls[1].id)!;
  const tray = panel(page, 'Briefing tray');
  await tray.getByRole('textbox', { name: `Note on ${calls[0].title}` }).fill('The first call since the change of minister');

  const ppt = await download(page, () => tray.getByRole('button', { name: 'Deck as PowerPoint' }).click());
  await ppt.saveAs(info.outputPath('deck.pptx'));
  const { slides, notes } = readPptx(await bytesOf(ppt));
  // Title, two record cards, sources.
  expect(slides.length).toBeGreaterThanOrEqual(4);
  expect(slides[0]).toContain(DEFAULT.title);
  expect(slides[1]).toContain(calls[0].title);
  expect(slides[1]).toContain('The first call since the change of minister');
  expect(slides[2]).toContain(calls[1].title);
  expect(slides[2]).toContain(quote.text.slice(0, 40));
  // The bottom line's key points are cited first; the record cards go on from there.
  expect(slides[1]).toMatch(/\[\d+\]/);
  const sources = slides.findIndex((s) => s.startsWith('Sources'));
  expect(sources).toBe(3);
  expect(slides[sources]).toMatch(/\[1\] .+\([A-F]\)/);
  expect(notes[1]).toMatch(/Citations:\W*\[\d+\] /);
  expect(notes[sources]).toMatch(/\[1\] /);

  const zip = await download(page, () => tray.getByRole('button', { name: 'Deck as PNGs (zip)' }).click());
  const files = unzipSync(new Uint8Array(await bytesOf(zip)));
  const pngs = Object.keys(files).filter((f) => f.endsWith('.png'));
  expect(pngs).toHaveLength(slides.length);
  for (const f of pngs) expect(pngSize(files[f])).toEqual({ width: 1920, height: 1080 });
  await zip.saveAs(info.outputPath('deck-png.zip'));

  // What print() is handed is kept, then printed to PDF as the browser would (print media, CSS page size).
  await page.evaluate(() => {
    window.print = () => {
      (window as unknown as { printed: Node }).printed = document.querySelector('.deck-print')!.cloneNode(true);
    };
  });
  await tray.getByRole('button', { name: 'Deck as PDF' }).click();
  await page.waitForFunction(() => 'printed' in window);
  // Printing over, the page is as it was.
  await expect(page.locator('.deck-print')).toHaveCount(0);
  await expect(page.locator('body.printing-deck')).toHaveCount(0);
  await page.evaluate(() => {
    document.body.append((window as unknown as { printed: Node }).printed);
    document.body.classList.add('printing-deck');
  });
  await expect(page.locator('.deck-print [data-slide]')).toHaveCount(slides.length);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await import('node:fs').then((fs) => fs.writeFileSync(info.outputPath('deck.pdf'), pdf));
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBe(slides.length);
});

test('the second story’s slides say nothing of the default story', async ({ page }) => {
  await page.route(
    (url) => url.pathname === '/fixtures/second-story.json',
    (route) => route.fulfill({ path: 'e2e/fixtures/valid/second-story.json' }),
  );
  await openDashboard(page, '?dataset=/fixtures/second-story.json');
  const story = Dataset.parse(JSON.parse(readFileSync('e2e/fixtures/valid/second-story.json', 'utf8')));
  const event = story.events[0];
  await panel(page, 'Call timeline')
    .getByRole('button', { name: `Download slide of ${event.title}`, exact: true })
    .click();
  const dialog = dialogOf(page);
  const text = await slideText(dialog);
  expect(text).toContain(event.title);
  expect(text).toContain(story.title);
  for (const w of STORY_WORDS) expect(text).not.toContain(w);
  const png = await download(page, () => dialog.getByRole('button', { name: 'Download slide (PNG)' }).click());
  expect(pngSize(await bytesOf(png))).toEqual({ width: 1920, height: 1080 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await panel(page, 'Call timeline')
    .getByRole('button', { name: `Pin ${event.title}`, exact: true })
    .click();
  const ppt = await download(page, () => panel(page, 'Briefing tray').getByRole('button', { name: 'Deck as PowerPoint' }).click());
  const { slides, notes } = readPptx(await bytesOf(ppt));
  for (const s of [...slides, ...notes]) for (const w of STORY_WORDS) expect(s).not.toContain(w);
  expect(slides[1]).toContain(event.title);
});

const STORIES = [
  { name: 'default', query: '', file: 'public/data/briefing.json' },
  { name: 'maritime', query: '?dataset=/fixtures/maritime-talks.json', file: 'e2e/fixtures/valid/maritime-talks.json' },
] as const;

/** Our opening mark straight before the excerpt's own: the doubled quotes an already quoted excerpt got. */
const DOUBLED = /“\s?["“«„]/;

for (const story of STORIES) {
  test(`panel slides on the ${story.name} story: timeline and aid carry their chart, quotes and coverage are laid out to fit`, async ({
    page,
  }, info) => {
    test.setTimeout(180_000);
    await page.route(
      (url) => url.pathname === '/fixtures/maritime-talks.json',
      (route) => route.fulfill({ path: 'e2e/fixtures/valid/maritime-talks.json' }),
    );
    await openDashboard(page, story.query);
    const data = Dataset.parse(JSON.parse(readFileSync(story.file, 'utf8')));
    const index = buildIndex(data);
    const panels = [
      { id: 'timeline', title: 'Call timeline' },
      { id: 'quotes', title: 'Quote board' },
      { id: 'aid', title: 'Weapons and aid tracker' },
      { id: 'coverage', title: 'Source coverage' },
    ];
    for (const p of panels) {
      const region = panel(page, p.title);
      await region.getByRole('button', { name: `Export ${p.title}` }).click();
      await region
        .getByRole('group', { name: `Export ${p.title}` })
        .getByRole('button', { name: 'Download slide (PNG)' })
        .click();
      const dialog = dialogOf(page);
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('textbox', { name: 'Headline' })).toHaveValue(p.title);
      const preview = dialog.getByRole('group', { name: 'Slide preview' });
      const text = await slideText(dialog);
      expect(text).toContain('All records, no filters applied');
      expect(text).toMatch(/Sources: [^·]+\([A-F]\)/);
      expect(text).toContain(`${data.title}, version ${data.version}`);
      expect(text).toMatch(/Made \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      expect(text).not.toMatch(DOUBLED);
      if (story.name !== 'default') for (const w of STORY_WORDS) expect(text).not.toContain(w);
      // Everything drawn stays inside the slide, and nothing is smaller than the slide's smallest type.
      const slide = preview.locator('[data-slide]');
      const overflow = await slide.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const scale = box.width / 1920;
        const out: string[] = [];
        for (const n of el.querySelectorAll('[data-block]')) {
          const b = n.getBoundingClientRect();
          if (b.bottom > box.bottom + 1 || b.right > box.right + 1) out.push(`block ${n.getAttribute('data-block')} runs off the slide`);
        }
        for (const t of el.querySelectorAll('text, li, p, td, th, h3, span')) {
          if (!(t.textContent ?? '').trim()) continue;
          let font = parseFloat(getComputedStyle(t).fontSize);
          const svg = t instanceof SVGElement ? t.ownerSVGElement : null;
          // An SVG drawn at another size than its own units scales its type with it.
          if (svg && svg.viewBox.baseVal.width) font *= svg.getBoundingClientRect().width / scale / svg.viewBox.baseVal.width;
          if (font < 17.9) out.push(`${t.tagName} “${(t.textContent ?? '').slice(0, 30)}” at ${font.toFixed(1)}px`);
        }
        return out;
      });
      expect(overflow).toEqual([]);
      if (p.id === 'timeline') {
        const svg = preview.locator('[data-chart] svg.timeline-plot');
        await expect(svg).toHaveCount(1);
        const labels = (await svg.locator('text').allTextContents()).join(' | ');
        for (const k of index.vocabulary.eventKinds.list.filter((k) => data.events.some((e) => e.kind === k.id)))
          expect(labels).toContain(k.label);
        // The contacts' dates and labels are written on the chart.
        expect(labels).toMatch(/\d{4} · /);
        expect(text).toContain('Events on the chart, in date order');
      }
      if (p.id === 'aid') {
        const bars = preview.locator('svg.slide-bars');
        await expect(bars).not.toHaveCount(0);
        const labels = (await bars.first().locator('text').allTextContents()).join(' | ');
        const money = moneyByDonorAndStatus(data.aid, index)[0];
        const top = [...money.rows].sort((a, b) => b.value - a.value)[0];
        expect(labels).toContain(`${top.donor} · ${top.statusLabel}`);
        expect(labels).toContain(formatAmount({ value: top.value, currency: money.currency }));
        expect(text).toContain('Items, from announcement to effect');
      }
      if (p.id === 'quotes') expect(text).toMatch(/grade [A-F][1-6]/);
      if (p.id === 'coverage') expect(text).toMatch(/Fact \(\d+ facts?, \d+ on one outlet only\)/);

      // Every block of the PNG is in the PowerPoint too: the first line of each list, as text.
      const firstLines = await preview
        .locator('[data-block] .slide-items > li:first-child > span:first-child, [data-block] .slide-quotes > li:first-child blockquote')
        .allTextContents();
      const png = await download(page, () => dialog.getByRole('button', { name: 'Download slide (PNG)' }).click());
      const bytes = await bytesOf(png);
      expect(pngSize(bytes)).toEqual({ width: 1920, height: 1080 });
      await png.saveAs(info.outputPath(`${story.name}-${p.id}.png`));
      const ppt = await download(page, () => dialog.getByRole('button', { name: 'Download PowerPoint' }).click());
      const pptBytes = await bytesOf(ppt);
      await ppt.saveAs(info.outputPath(`${story.name}-${p.id}.pptx`));
      const files = unzipSync(new Uint8Array(pptBytes));
      const xml = strFromU8(files['ppt/slides/slide1.xml']);
      const { slides } = readPptx(pptBytes);
      expect(slides[0]).toContain(p.title);
      expect(slides[0]).not.toMatch(DOUBLED);
      for (const line of firstLines)
        expect(slides[0].replace(/\s+/g, ' ')).toContain(
          line
            .replace(/\[\d+\]/g, '')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 40),
        );
      // The PowerPoint page is 16:9, as the PNG is.
      expect(strFromU8(files['ppt/presentation.xml'])).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
      if (p.id === 'timeline') {
        // The chart as a picture of the DOM slide's SVG, the list beside it as text.
        expect(xml).toContain('<p:pic>');
        const media = Object.keys(files).filter((f) => f.startsWith('ppt/media/') && f.endsWith('.png'));
        expect(media).toHaveLength(1);
        const size = pngSize(files[media[0]]);
        expect(size.width).toBeGreaterThan(1500);
        expect(slides[0]).toContain('EVENTS ON THE CHART, IN DATE ORDER');
      }
      if (p.id === 'aid') {
        // A native chart: its data in the file, editable in PowerPoint.
        const charts = Object.keys(files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
        expect(charts.length).toBeGreaterThan(0);
        const chart = strFromU8(files[charts[0]]);
        const money = moneyByDonorAndStatus(data.aid, index)[0];
        for (const r of money.rows.slice(0, 5)) {
          expect(chart).toContain(`${r.donor} · ${r.statusLabel}`);
          expect(chart).toContain(`<c:v>${r.value}</c:v>`);
        }
        expect(chart).toContain('million');
        expect(slides[0]).toContain('ITEMS, FROM ANNOUNCEMENT TO EFFECT');
      }
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toBeHidden();
    }
  });
}

/**
 * What of a slide is cut or runs off: a block past the box it stands in (the body or its column clip
 * it) or past the slide, a headline past its lines.
 */
async function clipped(preview: Locator): Promise<string[]> {
  return preview.locator('[data-slide]').evaluate((el) => {
    const out: string[] = [];
    const slide = el.getBoundingClientRect();
    for (const n of el.querySelectorAll('[data-block]')) {
      const b = n.getBoundingClientRect();
      const name = `block ${n.getAttribute('data-block')} (${(n.textContent ?? '').slice(0, 40)})`;
      if (b.bottom > slide.bottom + 1 || b.right > slide.right + 1) out.push(`${name} runs off the slide`);
      const box = n.parentElement?.closest('.slide-column, [data-part="body"]')?.getBoundingClientRect();
      if (box && (b.bottom > box.bottom + 1 || b.right > box.right + 1)) out.push(`${name} runs past its box`);
    }
    for (const n of el.querySelectorAll<HTMLElement>('[data-part="headline"], [data-part="body"], .slide-column'))
      // Less than a line over is the last line's descenders.
      if (n.scrollHeight > n.clientHeight + 10) out.push(`${n.className} cuts its content`);
    return out;
  });
}

for (const story of STORIES) {
  test(`the Compare slide and the record cards of the ${story.name} story fit: nothing cut, the table in the PowerPoint`, async ({
    page,
  }, info) => {
    test.setTimeout(240_000);
    await page.route(
      (url) => url.pathname === '/fixtures/maritime-talks.json',
      (route) => route.fulfill({ path: 'e2e/fixtures/valid/maritime-talks.json' }),
    );
    await openDashboard(page, story.query);
    const data = Dataset.parse(JSON.parse(readFileSync(story.file, 'utf8')));
    await page
      .getByRole('region', { name: /^Compare (calls|contacts)$/ })
      .getByRole('button', { name: /^Download slide of Compare (calls|contacts)$/ })
      .click();
    const dialog = dialogOf(page);
    await expect(dialog).toBeVisible();
    const preview = dialog.getByRole('group', { name: 'Slide preview' });
    // The headline the slide gives (both events' titles) and one of a line.
    expect(await clipped(preview)).toEqual([]);
    const png = await download(page, () => dialog.getByRole('button', { name: 'Download slide (PNG)' }).click());
    expect(pngSize(await bytesOf(png))).toEqual({ width: 1920, height: 1080 });
    await png.saveAs(info.outputPath(`${story.name}-compare.png`));
    const text = await slideText(dialog);
    const ppt = await download(page, () => dialog.getByRole('button', { name: 'Download PowerPoint' }).click());
    await ppt.saveAs(info.outputPath(`${story.name}-compare.pptx`));
    const { slides } = readPptx(await bytesOf(ppt));
    const xml = slides[0].replace(/\s+/g, ' ');
    expect(xml).toContain('Requested by');
    // Each event's date as the table gives it.
    const dates = [...text.matchAll(/(\d{1,2} [A-Z][a-z]{2} \d{4})/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(0);
    for (const d of new Set(dates)) expect(xml).toContain(d);
    await dialog.getByRole('textbox', { name: 'Headline' }).fill('Who asked');
    expect(await clipped(preview)).toEqual([]);
    // Pinned from the dialog, the slide keeps the headline as edited.
    await dialog.getByRole('button', { name: 'Pin panel to deck' }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const tray = panel(page, 'Briefing tray');
    await expect(tray.getByRole('listitem').first()).toContainText('Who asked');

    const events = data.events.filter((e) => e.kind === 'call' || e.kind === 'meeting' || e.kind === 'contact');
    expect(events.length).toBeGreaterThan(0);
    const timeline = panel(page, 'Call timeline');
    let cards = 0;
    for (const e of events) {
      const button = timeline.getByRole('button', { name: `Download slide of ${e.title}`, exact: true });
      if (!(await button.count())) continue;
      cards++;
      await button.click();
      await expect(dialog).toBeVisible();
      expect(await clipped(preview), e.id).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toBeHidden();
    }
    expect(cards).toBeGreaterThan(0);

    // A deck of the Compare slide, a record card and a panel slide: every slide's blocks are in the PowerPoint.
    await timeline.getByRole('button', { name: `Pin ${events[0].title}`, exact: true }).click();
    await timeline.getByRole('button', { name: 'Export Call timeline' }).click();
    await timeline.getByRole('button', { name: 'Pin panel to deck' }).click();
    const deck = await download(page, () => tray.getByRole('button', { name: 'Deck as PowerPoint' }).click());
    await deck.saveAs(info.outputPath(`${story.name}-deck.pptx`));
    const pptx = readPptx(await bytesOf(deck));
    expect(pptx.slides[1]).toContain('Who asked');
    expect(pptx.slides[1]).toContain('Requested by');
    expect(pptx.slides.join(' ')).not.toContain('not shown for want of room');
    const zip = await download(page, () => tray.getByRole('button', { name: 'Deck as PNGs (zip)' }).click());
    await zip.saveAs(info.outputPath(`${story.name}-deck-png.zip`));
  });
}

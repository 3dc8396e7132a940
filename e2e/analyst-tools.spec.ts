import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { datasetIdentity, trayKey } from '../src/features/tray/tray-storage';
import { encodeTrayFragment } from '../src/features/tray/tray-fragment';
import { expect, openDashboard, panel, test } from './test';

interface Cite {
  source: string;
  excerpt: string;
}
interface Dated {
  value: string;
  precision: string;
}
const dataset = JSON.parse(readFileSync('public/data/briefing.json', 'utf8')) as {
  title: string;
  sources: { id: string; outlet: string; outletEvidence: string; published: Dated; reposts?: string[] }[];
  actors: { id: string; name: string }[];
  events: { id: string; title: string; kind: string; date: Dated; initiatedBy?: string; citations: Cite[] }[];
  quotes: { id: string; text: string; mode: string; speaker: string; onBehalfOf?: string; event?: string; citations: Cite[] }[];
  aid: { id: string; item: string; citations: Cite[] }[];
  discrepancies: {
    id: string;
    topic: string;
    versions: (Cite & { reading: string })[];
    concerns: { events?: string[] };
  }[];
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayLabel = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};
const sourceById = new Map(dataset.sources.map((s) => [s.id, s]));
/** The outlet as the dashboard names it: sources whose text names no outlet each stand alone. */
const outletKey = (id: string) => {
  const s = sourceById.get(id)!;
  return s.outletEvidence === 'not-named' ? `unnamed:${s.id}` : `outlet:${s.outlet}`;
};
const outletLabel = (id: string) => {
  const s = sourceById.get(id)!;
  return s.outletEvidence === 'not-named' ? `${s.outlet}, ${dayLabel(s.published.value)}` : s.outlet;
};
const actorName = (id: string) => dataset.actors.find((a) => a.id === id)!.name;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const facts = [
  ...dataset.events.map((r) => ({ id: r.id, cites: r.citations })),
  ...dataset.quotes.map((r) => ({ id: r.id, cites: r.citations })),
  ...dataset.aid.map((r) => ({ id: r.id, cites: r.citations })),
  ...dataset.discrepancies.map((r) => ({ id: r.id, cites: r.versions })),
];
const outletsOf = (cites: Cite[]) => new Set(cites.map((c) => outletKey(c.source)));

function matrixRow(page: Page, name: string): Locator {
  return panel(page, 'Source coverage')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(escapeRe(name)) }) });
}

test('the coverage matrix shows which facts rest on one outlet, where outlets repost a wire, and opens the sources', async ({ page }) => {
  await openDashboard(page);
  const matrix = panel(page, 'Source coverage');
  await expect(matrix).toBeVisible();

  const singles = facts.filter((f) => outletsOf(f.cites).size === 1);
  await expect(matrix.locator('.panel-sub')).toContainText(`${facts.length} facts · ${singles.length} facts rest on a single outlet`);

  // An event that only one outlet reports, worked out from the dataset, not known in advance.
  const lone = dataset.events.find((e) => outletsOf(e.citations).size === 1)!;
  const loneOutlet = outletLabel(lone.citations[0].source);
  const loneRow = matrixRow(page, lone.title);
  await expect(loneRow).toHaveCount(1);
  await expect(loneRow).toContainText('Single source');
  const loneCells = loneRow.getByRole('button');
  await expect(loneCells).toHaveCount(1);
  await expect(loneCells.first()).toHaveAccessibleName(new RegExp(`^${escapeRe(loneOutlet)}: reports`));

  // The call that every outlet reports is not flagged, and each of its outlets has a cell.
  const widest = [...dataset.events].sort((a, b) => outletsOf(b.citations).size - outletsOf(a.citations).size)[0];
  const wideRow = matrixRow(page, widest.title);
  await expect(wideRow).not.toContainText('Single source');
  await expect(wideRow.getByRole('button', { name: /: reports/ })).toHaveCount(outletsOf(widest.citations).size);
  await expect(wideRow.getByRole('cell').first()).toContainText(`${outletsOf(widest.citations).size} outlets`);

  // A wire copy is named under its column.
  for (const s of dataset.sources.filter((x) => x.reposts?.length)) {
    await expect(matrix.getByRole('columnheader', { name: new RegExp(escapeRe(outletLabel(s.id))) })).toContainText(
      `repost of ${s.reposts!.join(', ')}`,
    );
  }
  // A paraphrased quote reads as such, never by colour alone.
  const para = dataset.quotes.find((q) => q.mode === 'paraphrase')!;
  await expect(
    matrixRow(page, para.text.slice(0, 40))
      .getByRole('button', { name: /: paraphrase/ })
      .first(),
  ).toContainText('paraphrase');

  // A cell opens the provenance of that record, with its one article.
  await loneCells.first().click();
  expect(page.url()).toContain(`rec=${lone.id}`);
  const drawer = page.getByRole('region', { name: lone.title });
  await expect(drawer.getByRole('article')).toHaveCount(1);
  await expect(drawer.locator('mark').first()).toHaveText(lone.citations[0].excerpt);
  await page.keyboard.press('Escape');

  // Single-source only, and it follows the Sources filter.
  await matrix.getByRole('button', { name: 'Single-source facts only' }).click();
  await expect(matrix.getByRole('button', { name: 'Single-source facts only' })).toHaveAttribute('aria-pressed', 'true');
  expect(page.url()).toContain('cov=single');
  const bodyRows = matrix.locator('tbody tr');
  await expect(bodyRows).toHaveCount(singles.length);
  for (const row of (await bodyRows.all()).slice(0, 5)) await expect(row).toContainText('Single source');

  await matrix.getByRole('button', { name: 'Single-source facts only' }).click();
  const kyiv = dataset.sources.find((s) => s.outlet === 'Kyiv Post')!;
  await panel(page, 'Filters').getByRole('checkbox', { name: 'Kyiv Post' }).check();
  const kyivFacts = facts.filter((f) => f.cites.some((c) => c.source === kyiv.id));
  await expect(matrix.locator('.panel-sub')).toContainText(`${kyivFacts.length} facts`);
  await expect(bodyRows).toHaveCount(kyivFacts.length);
});

test('comparing the two calls shows who asked for each as the sources tell it, and the pick lives in the link', async ({ page }) => {
  await openDashboard(page);
  const cmp = panel(page, 'Compare calls');
  const calls = dataset.events.filter((e) => e.kind === 'call').sort((a, b) => a.date.value.localeCompare(b.date.value));
  const [june, july] = calls.slice(-2);
  expect([june.id, july.id]).toEqual(['ev-call-2024-06-25', 'ev-call-2024-07-12']);
  await expect(cmp.getByLabel('First event')).toHaveValue(june.id);
  await expect(cmp.getByLabel('Second event')).toHaveValue(july.id);

  const row = (name: string) =>
    cmp.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escapeRe(name)}`) }) });
  const requested = row('Requested by');
  await expect(requested.getByRole('rowheader')).toContainText('differs');
  const [first, second] = [requested.getByRole('cell').nth(0), requested.getByRole('cell').nth(1)];
  await expect(first).toContainText(actorName(june.initiatedBy!));
  await expect(second).toContainText(actorName(july.initiatedBy!));
  expect(actorName(june.initiatedBy!)).toBe('United States');
  expect(actorName(july.initiatedBy!)).toBe('Russia');

  // The sources' own words: each version of the "who asked" discrepancy sits under the call it is about.
  const who = dataset.discrepancies.find((d) => /asked|request|initiat/i.test(d.topic))!;
  const about = (e: (typeof calls)[number], v: Cite) =>
    e.citations.some(
      (c) => c.source === v.source && (flat(v.excerpt).includes(flat(c.excerpt)) || flat(c.excerpt).includes(flat(v.excerpt))),
    );
  const juneVersions = who.versions.filter((v) => about(june, v));
  const julyVersions = who.versions.filter((v) => about(july, v));
  expect(juneVersions.map((v) => v.source)).toEqual(['003_a8b5c246d29d0359']);
  expect(julyVersions.map((v) => v.source)).toEqual(expect.arrayContaining(['001_990f2022e489dc6a', '002_9128ac7de54e078c']));
  for (const v of juneVersions) {
    await expect(first).toContainText(v.excerpt);
    await expect(first).toContainText(outletLabel(v.source).split(',')[0]);
    await expect(second).not.toContainText(v.excerpt);
  }
  for (const v of julyVersions) {
    await expect(second).toContainText(v.excerpt);
    await expect(first).not.toContainText(v.excerpt);
  }
  await expect(second.getByText(/initiated by Moscow/)).toHaveCount(2);

  // Who read each call out: the quotes given on someone's behalf.
  const readers = (eventId: string) =>
    dataset.quotes.filter((q) => q.event === eventId && q.onBehalfOf).map((q) => `${actorName(q.speaker)} for ${actorName(q.onBehalfOf!)}`);
  for (const r of readers(june.id)) await expect(row('Read out by').getByRole('cell').nth(0)).toContainText(r);
  for (const r of readers(july.id)) await expect(row('Read out by').getByRole('cell').nth(1)).toContainText(r);
  await expect(row('Kind').getByRole('rowheader')).toContainText('same');
  await expect(row('What the US side said')).toBeVisible();
  await expect(row('What the Russia side said')).toBeVisible();

  // Another pick goes into the link and survives a reload.
  const other = dataset.events.find((e) => e.id === 'ev-last-contact-2023-03')!;
  await cmp.getByLabel('First event').selectOption(other.id);
  await expect(page).toHaveURL(new RegExp(`cmp=${other.id}%2C${july.id}`));
  await page.reload();
  await expect(panel(page, 'Compare calls').getByLabel('First event')).toHaveValue(other.id);
  await expect(panel(page, 'Compare calls').locator('thead')).toContainText(other.title);

  await openDashboard(page, `?cmp=nope,${june.id}`);
  await expect(page.getByText('Ignored unknown event to compare: “nope”')).toBeVisible();
  await expect(panel(page, 'Compare calls').getByLabel('First event')).toHaveValue(june.id);
});

test('an analyst pins three records, reloads, reorders, notes, and hands out the brief', async ({ page, browser }) => {
  await openDashboard(page);
  const tray = panel(page, 'Briefing tray');
  const call = dataset.events.find((e) => e.id === 'ev-call-2024-06-25')!;
  const quote = dataset.quotes.find((q) => q.id === 'q-singh-lines-of-communication')!;
  const patriot = dataset.aid.find((a) => a.id === 'aid-patriot')!;

  await panel(page, 'Call timeline')
    .getByRole('button', { name: `Pin ${call.title}`, exact: true })
    .click();
  await panel(page, 'Quote board')
    .getByRole('button', { name: new RegExp(`^Pin quote by ${actorName(quote.speaker)}: “${escapeRe(quote.text.slice(0, 20))}`) })
    .click();
  const pinPatriot = panel(page, 'Weapons and aid tracker').getByRole('button', { name: `Pin ${patriot.item}`, exact: true });
  await pinPatriot.click();
  await expect(pinPatriot).toHaveAttribute('aria-pressed', 'true');

  const entries = tray.getByRole('list', { name: 'Pinned records, in brief order' }).getByRole('listitem');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText(call.title);
  await expect(entries.nth(2)).toContainText(patriot.item);
  await tray.getByRole('textbox', { name: /^Note on Sabrina Singh/ }).fill('Same line as in June, read by another spokesperson');

  await page.reload();
  await expect(entries).toHaveCount(3);
  await expect(tray.getByRole('textbox', { name: /^Note on Sabrina Singh/ })).toHaveValue(
    'Same line as in June, read by another spokesperson',
  );
  await expect(panel(page, 'Weapons and aid tracker').getByRole('button', { name: `Pin ${patriot.item}`, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Reorder with the keyboard: the Patriot item goes to the top, focus stays with it.
  await tray.getByRole('button', { name: `Move up: ${patriot.item}` }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(entries.nth(0)).toContainText(patriot.item);
  await expect(entries.nth(1)).toContainText(call.title);
  await expect(tray.getByRole('button', { name: `Move up: ${patriot.item}` })).toBeDisabled();
  await expect(tray.getByRole('button', { name: `Move down: ${patriot.item}` })).toBeFocused();

  // Filtered out, still pinned, and marked.
  await panel(page, 'Filters').getByRole('checkbox', { name: 'Kyiv Post' }).check();
  const kyiv = dataset.sources.find((s) => s.outlet === 'Kyiv Post')!;
  for (const [i, cites] of [patriot.citations, call.citations, quote.citations].entries()) {
    const hidden = !cites.some((c) => c.source === kyiv.id);
    if (hidden) await expect(entries.nth(i)).toContainText('Hidden by filters');
    else await expect(entries.nth(i)).not.toContainText('Hidden by filters');
  }
  await panel(page, 'Filters').getByRole('button', { name: 'Clear filters' }).click();

  // Markdown: the citations under each item are that record's own, word for word.
  const mdDownload = page.waitForEvent('download');
  await tray.getByRole('button', { name: 'Download Markdown' }).click();
  const md = readFileSync(await (await mdDownload).path(), 'utf8');
  expect((await mdDownload).suggestedFilename()).toMatch(/^briefing-\d{4}-\d{2}-\d{2}\.md$/);
  const unescape = (s: string) => s.replace(/\\([\\`*_{}[\]<>|#~.)+-])/g, '$1');
  const cited = new Map<number, { outlet: string; excerpt: string }>();
  for (const m of md.matchAll(/^\[(\d+)\] (.+?), published (.+?): “(.*)”$/gm)) {
    cited.set(Number(m[1]), { outlet: unescape(m[2]), excerpt: unescape(m[4]) });
  }
  const sections = md.split(/^## /m).slice(1, 4);
  const order = [patriot, call, quote] as { citations: Cite[] }[];
  expect(sections[0]).toMatch(new RegExp(`^1\\. ${escapeRe(patriot.item)}`));
  expect(sections[2]).toContain('Analyst note:** Same line as in June, read by another spokesperson');
  sections.forEach((section, i) => {
    const refs = [...section.matchAll(/\[(\d+)\]/g)].map((m) => cited.get(Number(m[1]))!);
    const own = [...new Map(order[i].citations.map((c) => [`${c.source}|${c.excerpt}`, c])).values()];
    expect(refs.map((r) => r.excerpt)).toEqual(own.map((c) => flat(c.excerpt)));
    expect(refs.map((r) => r.outlet)).toEqual(own.map((c) => sourceById.get(c.source)!.outlet));
  });
  expect(md).toContain(`published ${dayLabel(sourceById.get(call.citations[0].source)!.published.value)}`);

  // Print: only the brief goes to paper.
  await page.evaluate(() => {
    window.print = () => {
      const w = window as unknown as { printed: string; printing: boolean; rootShown: string };
      w.printed = document.querySelector('.brief-sheet')?.textContent ?? '';
      w.printing = document.body.classList.contains('printing-tray');
      window.dispatchEvent(new Event('afterprint'));
    };
  });
  await tray.getByRole('button', { name: 'Print / PDF' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printing?: boolean }).printing)).toBe(true);
  const printed = await page.evaluate(() => (window as unknown as { printed: string }).printed);
  expect(printed).toContain(patriot.item);
  expect(printed).toContain('Analyst note: Same line as in June');
  await expect(page.locator('body')).not.toHaveClass(/printing-tray/);
  await page.emulateMedia({ media: 'print' });
  await expect(panel(page, 'Call timeline')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // PNG at twice the sheet's size.
  const pngDownload = page.waitForEvent('download');
  await tray.getByRole('button', { name: 'Download PNG' }).click();
  const png = readFileSync(await (await pngDownload).path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(794 * 2);

  // A share link loads the tray elsewhere, notes and order included, with a notice.
  await tray.getByRole('button', { name: 'Copy share link' }).click();
  const link = await tray.getByRole('textbox', { name: /^Share link/ }).inputValue();
  expect(link).toMatch(/#tray=v1\.[A-Za-z0-9_-]+$/);
  expect(link).not.toContain('?tray=');
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto(link);
  const otherTray = panel(other, 'Briefing tray');
  await expect(otherTray.getByRole('status')).toContainText('Loaded a briefing tray of 3 records from the shared link.');
  const otherEntries = otherTray.getByRole('list', { name: 'Pinned records, in brief order' }).getByRole('listitem');
  await expect(otherEntries.nth(0)).toContainText(patriot.item);
  await expect(otherTray.getByRole('textbox', { name: /^Note on Sabrina Singh/ })).toHaveValue(
    'Same line as in June, read by another spokesperson',
  );
  await expect(other).not.toHaveURL(/tray=/);
  await elsewhere.close();
});

test('a saved tray with an odd pin is read and backed up, and a tray link with unknown records says so', async ({ page }) => {
  const key = trayKey(datasetIdentity(dataset as unknown as Parameters<typeof datasetIdentity>[0]));
  const odd = '{"version":1,"items":[{"id":"ev-call-2024-06-25","note":42}]}';
  await openDashboard(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, odd]);
  await page.reload();
  const tray = panel(page, 'Briefing tray');
  await expect(tray.getByRole('status')).toContainText('1 note that was not text (left empty)');
  await expect(tray.getByRole('status')).toContainText('kept as a backup');
  await expect(tray.getByRole('textbox', { name: /^Note on / })).toHaveValue('');
  expect(await page.evaluate((k) => localStorage.getItem(`${k}:backup`), key)).toBe(odd);

  await openDashboard(page, '?tray=ev-call-2024-06-25~Lead%2520item,not-a-record,%3Cscript%3E');
  await expect(tray.getByRole('status')).toContainText('Loaded a briefing tray of 1 record from the shared link.');
  await expect(tray.getByRole('status')).toContainText('Ignored unknown records in the shared tray: “not-a-record”, “<script>”');
  await expect(tray.getByRole('textbox', { name: /^Note on / })).toHaveValue('Lead item');
});

test('a damaged or overlong tray link says so and keeps the local tray', async ({ page }) => {
  const call = dataset.events.find((e) => e.id === 'ev-call-2024-06-25')!;
  await openDashboard(page);
  const tray = panel(page, 'Briefing tray');
  await panel(page, 'Call timeline')
    .getByRole('button', { name: `Pin ${call.title}`, exact: true })
    .click();
  const entries = tray.getByRole('list', { name: 'Pinned records, in brief order' }).getByRole('listitem');
  await expect(entries).toHaveCount(1);
  const good = encodeTrayFragment([{ id: 'q-singh-lines-of-communication', note: '' }]);
  await page.goto(`/#tray=${good.slice(0, -5)}`);
  await expect(tray.getByRole('status')).toContainText('The shared tray in the link is damaged');
  await expect(tray.getByRole('status')).toContainText('your tray is unchanged');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(call.title);
  await page.goto(`/#tray=v1.${'A'.repeat(9000)}`);
  await expect(tray.getByRole('status')).toContainText('is too long (9,003 characters; at most 8,000 are read)');
  await expect(entries).toHaveCount(1);
  expect(new URL(page.url()).hash).toBe('');
});

test('a tray too long for a link goes as a tray file, which the other side opens', async ({ page, browser }) => {
  const key = trayKey(datasetIdentity(dataset as unknown as Parameters<typeof datasetIdentity>[0]));
  const ids = [...dataset.events, ...dataset.quotes, ...dataset.aid].map((r) => r.id).slice(0, 50);
  let seed = 11;
  const letter = () => 'абвгдежзийклмнопрстуфхцчшщыэюя '[(seed = (seed * 48271) % 2147483647) % 31];
  const items = ids.map((id) => ({ id, note: Array.from({ length: 200 }, letter).join('').trim() }));
  await openDashboard(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify({ version: 1, items })]);
  await page.reload();
  const tray = panel(page, 'Briefing tray');
  await expect(tray.getByRole('list', { name: 'Pinned records, in brief order' }).getByRole('listitem')).toHaveCount(ids.length);
  await tray.getByRole('button', { name: 'Copy share link' }).click();
  const warning = tray.getByRole('alert');
  await expect(warning).toContainText(/A link to this tray would be [\d,]+ characters long, more than the 8,000/);
  await expect(tray.getByRole('textbox', { name: /^Share link/ })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await warning.getByRole('button', { name: 'Download tray file' }).click();
  const file = await (await download).path();
  expect(JSON.parse(readFileSync(file, 'utf8')).items).toEqual(items);

  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await openDashboard(other);
  const otherTray = panel(other, 'Briefing tray');
  await otherTray.getByLabel('Open tray file…').setInputFiles(file);
  await expect(otherTray.getByRole('status')).toContainText(`Loaded a briefing tray of ${ids.length} records from the tray file.`);
  await expect(otherTray.getByRole('list', { name: 'Pinned records, in brief order' }).getByRole('listitem')).toHaveCount(ids.length);
  await elsewhere.close();
});

test('two tabs pinning at once both keep their pins; a dataset with the same title leaves the tray alone', async ({ page, context }) => {
  const call = dataset.events.find((e) => e.id === 'ev-call-2024-06-25')!;
  const patriot = dataset.aid.find((a) => a.id === 'aid-patriot')!;
  await openDashboard(page);
  const second = await context.newPage();
  await openDashboard(second);
  await panel(page, 'Call timeline')
    .getByRole('button', { name: `Pin ${call.title}`, exact: true })
    .click();
  await panel(second, 'Weapons and aid tracker')
    .getByRole('button', { name: `Pin ${patriot.item}`, exact: true })
    .click();
  for (const p of [page, second]) {
    const entries = panel(p, 'Briefing tray').getByRole('list', { name: 'Pinned records, in brief order' }).getByRole('listitem');
    await expect(entries).toHaveCount(2);
  }
  await second.close();
  await page.reload();
  const entries = panel(page, 'Briefing tray').getByRole('list', { name: 'Pinned records, in brief order' }).getByRole('listitem');
  await expect(entries).toHaveCount(2);

  // Another dataset under the same title: its own (empty) tray, and the default one keeps its pins.
  const sameTitle = { ...dataset, events: [...dataset.events, { ...call, id: 'ev-extra-copy' }] };
  await page.route(
    (url) => url.pathname === '/fixtures/same-title.json',
    (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(sameTitle) }),
  );
  await page.route(
    (url) => url.pathname.startsWith('/fixtures/sources/'),
    async (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop()!;
      await route.fulfill({ contentType: 'text/plain', body: readFileSync(`public/data/sources/${name}`) });
    },
  );
  await openDashboard(page, '?dataset=/fixtures/same-title.json');
  await expect(panel(page, 'Briefing tray').getByText('Nothing pinned yet.')).toBeVisible();
  await openDashboard(page);
  await expect(entries).toHaveCount(2);
});

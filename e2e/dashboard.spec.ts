import { readFileSync } from 'node:fs';
import { expect, openDashboard, panel, test } from './test';

const dataset = JSON.parse(readFileSync('public/data/briefing.json', 'utf8')) as {
  events: { id: string; title: string; citations: { source: string }[]; actors: string[] }[];
  quotes: { id: string; speaker: string; citations: { source: string; excerpt: string }[] }[];
  sources: { id: string; outlet: string }[];
};
const kyivPost = dataset.sources.find((s) => s.outlet === 'Kyiv Post')!;

test('an analyst filters by source and by actor, and every panel follows', async ({ page }) => {
  await openDashboard(page);
  for (const name of ['Filters', 'Call timeline', 'Quote board', 'Weapons and aid tracker']) {
    await expect(panel(page, name)).toBeVisible();
  }
  const events = panel(page, 'Call timeline').getByRole('list', { name: 'Events in date order' }).locator(':scope > li');
  await expect(events).toHaveCount(dataset.events.length);

  // Source: only the Kyiv Post article.
  await panel(page, 'Filters').getByRole('checkbox', { name: 'Kyiv Post' }).check();
  const kyivEvents = dataset.events.filter((e) => e.citations.some((c) => c.source === kyivPost.id));
  await expect(events).toHaveCount(kyivEvents.length);
  for (const e of kyivEvents) await expect(panel(page, 'Call timeline').getByRole('heading', { name: e.title })).toBeVisible();
  const kyivQuotes = dataset.quotes.filter((q) => q.citations.some((c) => c.source === kyivPost.id));
  await expect(panel(page, 'Quote board').locator('.quote-card')).toHaveCount(kyivQuotes.length);
  await expect(page.getByText(/Sources: Kyiv Post/).first()).toBeVisible();

  // Actor instead: Peskov's quotes only, whatever outlet printed them.
  await panel(page, 'Filters').getByRole('button', { name: 'Clear filters' }).click();
  await expect(events).toHaveCount(dataset.events.length);
  await panel(page, 'Filters').getByRole('checkbox', { name: 'Dmitry Peskov' }).check();
  const peskovQuotes = dataset.quotes.filter((q) => q.speaker === 'peskov');
  const cards = panel(page, 'Quote board').locator('.quote-card');
  await expect(cards).toHaveCount(peskovQuotes.length);
  for (const card of await cards.all()) await expect(card.locator('.attribution')).toContainText('Dmitry Peskov');
  await expect(events).toHaveCount(dataset.events.filter((e) => e.actors.includes('peskov')).length);
  await expect(panel(page, 'Weapons and aid tracker').getByText('No aid or weapons items match the filters.')).toBeVisible();

  // Text search narrows all panels too.
  await panel(page, 'Filters').getByRole('button', { name: 'Clear filters' }).click();
  await panel(page, 'Filters').getByLabel('Search quotes, summaries and items').fill('Patriot');
  await expect(panel(page, 'Weapons and aid tracker').getByRole('row')).toHaveCount(2);
  await expect(panel(page, 'Weapons and aid tracker').getByRole('row').getByText('Patriot air defence system')).toBeVisible();
});

test('a copied link reopens the same view, and back and forward walk the filters', async ({ page, context }) => {
  await openDashboard(page);
  await panel(page, 'Filters').getByRole('checkbox', { name: 'Dmitry Peskov' }).check();
  await panel(page, 'Filters').getByRole('checkbox', { name: 'Andrei Belousov' }).check();
  await panel(page, 'Quote board').getByRole('button', { name: 'By event' }).click();
  const summary = await page.locator('.result-summary').innerText();
  const url = page.url();
  expect(url).toContain('actor=peskov%2Cbelousov');

  const second = await context.newPage();
  await second.goto(url);
  await expect(panel(second, 'Filters').getByRole('checkbox', { name: 'Dmitry Peskov' })).toBeChecked();
  await expect(panel(second, 'Filters').getByRole('checkbox', { name: 'Andrei Belousov' })).toBeChecked();
  await expect(panel(second, 'Quote board').getByRole('button', { name: 'By event' })).toHaveAttribute('aria-pressed', 'true');
  await expect(second.locator('.result-summary')).toHaveText(summary);

  await page.goBack();
  await page.goBack();
  await expect(panel(page, 'Filters').getByRole('checkbox', { name: 'Andrei Belousov' })).not.toBeChecked();
  await expect(panel(page, 'Filters').getByRole('checkbox', { name: 'Dmitry Peskov' })).toBeChecked();
  await page.goForward();
  await expect(panel(page, 'Filters').getByRole('checkbox', { name: 'Andrei Belousov' })).toBeChecked();
});

test('a record opens its provenance with the excerpt highlighted in the article', async ({ page }) => {
  await openDashboard(page);
  const quote = dataset.quotes.find((q) => q.id === 'q-singh-lines-of-communication')!;
  await panel(page, 'Quote board').getByRole('button', { name: 'Sources for quote by Sabrina Singh' }).first().click();
  const drawer = page.getByRole('region', { name: 'Quote by Sabrina Singh' });
  await expect(drawer).toBeVisible();
  expect(page.url()).toContain(`rec=${quote.id}`);
  const articles = drawer.getByRole('article');
  await expect(articles).toHaveCount(new Set(quote.citations.map((c) => c.source)).size);
  for (const c of quote.citations) {
    const mark = drawer.locator('mark', { hasText: c.excerpt }).first();
    await expect(mark).toBeVisible();
    await expect(mark).toHaveText(c.excerpt);
  }
  await expect(drawer.locator('mark').first()).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  expect(page.url()).not.toContain('rec=');
});

test('another dataset of the same schema loads through ?dataset=', async ({ page }) => {
  await page.route(
    (url) => url.pathname === '/fixtures/second-story.json',
    (route) => route.fulfill({ path: 'e2e/fixtures/valid/second-story.json' }),
  );
  await openDashboard(page, '?dataset=/fixtures/second-story.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northport canal talks (test fixture)');
  await expect(panel(page, 'Call timeline').getByRole('heading', { name: 'Harbour authority meets the river commission' })).toBeVisible();
  await expect(panel(page, 'Quote board').getByText('We agreed to reopen the canal locks,')).toBeVisible();
  await expect(panel(page, 'Weapons and aid tracker').getByRole('cell', { name: '€40 million' })).toBeVisible();
  await panel(page, 'Filters').getByRole('checkbox', { name: 'Ben Osei' }).check();
  await expect(panel(page, 'Quote board').locator('.quote-card')).toHaveCount(1);
});

test('a dataset that declares its own event kinds and categories is labelled and filtered by them', async ({ page }) => {
  await page.route(
    (url) => url.pathname === '/fixtures/maritime-talks.json',
    (route) => route.fulfill({ path: 'e2e/fixtures/valid/maritime-talks.json' }),
  );
  await openDashboard(page, '?dataset=/fixtures/maritime-talks.json&kind=working-dinner,meeting');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Black Sea maritime-security talks (test fixture)');
  await expect(page.getByText('Some of the link was ignored')).toHaveCount(0);
  const timeline = panel(page, 'Call timeline');
  const events = timeline.getByRole('list', { name: 'Events in date order' }).locator(':scope > li');
  await expect(events).toHaveCount(3);
  await expect(events.locator('.kind-tag')).toHaveText(['Meeting', 'Working dinner', 'Meeting']);
  const kinds = panel(page, 'Filters').getByRole('group', { name: 'Event kind' });
  await expect(kinds.getByRole('checkbox', { name: 'Working dinner' })).toBeChecked();
  await expect(kinds.getByRole('checkbox', { name: 'Exercise' })).not.toBeChecked();
  await expect(panel(page, 'Weapons and aid tracker').getByRole('cell', { name: 'Vessel refit' })).toBeVisible();

  // A kind the dataset does not declare is refused like any unknown value.
  await openDashboard(page, '?dataset=/fixtures/maritime-talks.json&kind=call');
  await expect(page.getByText('Ignored unknown event kind: “call”')).toBeVisible();
  await expect(events).toHaveCount(4);
});

test('links that mean nothing are ignored with a notice, and foreign datasets are refused unasked', async ({ page }) => {
  await openDashboard(page, '?actor=peskov,nobody&from=2024-99-01&zzz=1');
  await expect(page.getByText('Ignored unknown actor: “nobody”')).toBeVisible();
  await expect(page.getByText(/Ignored start date/)).toBeVisible();
  await expect(panel(page, 'Filters').getByRole('checkbox', { name: 'Dmitry Peskov' })).toBeChecked();

  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/?dataset=https://example.org/evil.json');
  await expect(page.getByRole('alert')).toContainText('Refused dataset');
  expect(requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([]);
  await page.getByRole('button', { name: 'Open the default dataset' }).click();
  await expect(panel(page, 'Call timeline')).toBeVisible();
});

test('a filter change draws the panels in view first; a far panel follows when the page is idle, its nav count right at once', async ({
  page,
}) => {
  // From the first commit on: which panels the frame that says "every panel shows the data" had drawn.
  await page.addInitScript(() => {
    const seen: { rendered: number; coveragePending: boolean; coverageMutations: number }[] = [];
    (window as unknown as { __frames: typeof seen }).__frames = seen;
    let coverageMutations = 0;
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.target instanceof Node && document.getElementById('panel-coverage')?.contains(r.target)) coverageMutations++;
        if (r.target === document.documentElement && r.attributeName === 'data-rendered') {
          seen.push({
            rendered: Number(document.documentElement.dataset.rendered),
            coveragePending: document.getElementById('panel-coverage')?.classList.contains('panel-pending') ?? false,
            coverageMutations,
          });
          coverageMutations = 0;
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await openDashboard(page);
  const coverage = panel(page, 'Source coverage');
  const navCount = async () =>
    Number(
      /[\d,]+/
        .exec(
          (await page
            .getByRole('navigation', { name: 'Panels' })
            .getByRole('link', { name: /^Source coverage/ })
            .textContent()) ?? '',
        )?.[0]
        .replace(/,/g, ''),
    );
  const facts = (n: number) => new RegExp(`^${n} facts? ·`);
  const frames = () =>
    page.evaluate(
      () => (window as unknown as { __frames: { rendered: number; coveragePending: boolean; coverageMutations: number }[] }).__frames,
    );
  // The first screen is drawn without the coverage matrix, far below it; the matrix follows unasked.
  expect((await frames())[0].coveragePending).toBe(true);
  await expect(coverage.locator('.coverage-table')).toBeVisible();
  await expect(coverage.locator('.panel-sub')).toHaveText(facts(await navCount()));

  await page.waitForTimeout(500);
  const before = (await frames()).length;
  await panel(page, 'Filters').getByRole('checkbox', { name: 'Kyiv Post' }).check();
  const kyivEvents = dataset.events.filter((e) => e.citations.some((c) => c.source === kyivPost.id));
  await expect(panel(page, 'Call timeline').getByRole('list', { name: 'Events in date order' }).locator(':scope > li')).toHaveCount(
    kyivEvents.length,
  );
  await expect.poll(async () => (await frames()).length).toBeGreaterThan(before);
  // The frame that shows the timeline updated left the matrix as it was...
  expect((await frames())[before].coverageMutations).toBe(0);
  const shown = await navCount();
  // ...while the nav already counts what it will show, and the matrix catches up on its own, unscrolled.
  await expect(coverage.locator('.panel-sub')).toHaveText(facts(shown));
  expect(await coverage.evaluate((el) => el.getBoundingClientRect().top > 2 * window.innerHeight)).toBe(true);
  const kyivQuotes = dataset.quotes.filter((q) => q.citations.some((c) => c.source === kyivPost.id));
  expect(shown).toBeGreaterThanOrEqual(kyivEvents.length + kyivQuotes.length);

  // Sent to it from the nav, the panel has focus and its own Export menu.
  await page
    .getByRole('navigation', { name: 'Panels' })
    .getByRole('link', { name: /^Source coverage/ })
    .click();
  await expect(coverage).toBeFocused();
  await expect(coverage.getByRole('button', { name: 'Export Source coverage' })).toBeVisible();
});

import { generateDataset } from '../src/testing/generate';
import { expect, openDashboard, panel, test } from './test';

// Over 1 MB, so it is checked in the worker; and long enough that every list is windowed.
const large = generateDataset({ records: 3000, seed: 11 });
const largeJson = JSON.stringify(large);
// Long enough to be windowed, short enough to export as one image.
const medium = generateDataset({ records: 200, seed: 12 });

test('a large dataset is checked in a worker, and its long lists put only what is in view on the page', async ({ page }) => {
  expect(largeJson.length).toBeGreaterThan(1_000_000);
  await page.route(
    (url) => url.pathname === '/fixtures/large.json',
    (route) => route.fulfill({ body: largeJson, contentType: 'application/json' }),
  );
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openDashboard(page, '?dataset=/fixtures/large.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(large.title);
  expect(workers.some((url) => url.includes('validate.worker'))).toBe(true);

  const list = panel(page, 'Call timeline').getByRole('list', { name: 'Events in date order' });
  const items = list.locator(':scope > li');
  await expect(items.first()).toHaveAttribute('aria-posinset', '1');
  await expect(items.first()).toHaveAttribute('aria-setsize', String(large.events.length));
  const rendered = await items.count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(40);

  // Scrolled to its end, the box shows the last events, and still only a window of them.
  await expect
    .poll(async () => {
      await list.evaluate((l) => l.parentElement!.scrollTo({ top: l.parentElement!.scrollHeight }));
      return items.last().getAttribute('aria-posinset');
    })
    .toBe(String(large.events.length));
  expect(await items.count()).toBeLessThan(40);

  // The other long panels are windowed too; the table keeps its header and counts its rows.
  expect(await panel(page, 'Quote board').locator('.quote-card').count()).toBeLessThan(40);
  const table = panel(page, 'Weapons and aid tracker').getByRole('table');
  await expect(table).toHaveAttribute('aria-rowcount', String(large.aid.length + 1));
  expect(await table.getByRole('row').count()).toBeLessThan(40);

  // A filter still narrows every panel: one actor's quotes, all of them theirs.
  const speaker = large.quotes[0].speaker;
  const theirs = large.quotes.filter((q) => q.speaker === speaker || q.onBehalfOf === speaker).length;
  await page.goto(`/?dataset=/fixtures/large.json&actor=${speaker}`);
  await expect(panel(page, 'Quote board').getByText(new RegExp(`^${theirs} quotes? from`))).toBeVisible();
});

test('a large dataset with a wrong excerpt is refused with the problem, as a small one would be', async ({ page }) => {
  const broken = structuredClone(large);
  broken.quotes[7].citations[0].excerpt = 'words no article printed';
  await page.route(
    (url) => url.pathname === '/fixtures/large-broken.json',
    (route) => route.fulfill({ body: JSON.stringify(broken), contentType: 'application/json' }),
  );
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/?dataset=/fixtures/large-broken.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The dataset does not match the schema');
  await expect(alert).toContainText('quotes[7].citations[0].excerpt');
  await expect(alert).toContainText('excerpt not found verbatim');
  expect(workers.some((url) => url.includes('validate.worker'))).toBe(true);
});

test('an image of a windowed list holds every record, not only those in view', async ({ page }) => {
  await page.route(
    (url) => url.pathname === '/fixtures/medium.json',
    (route) => route.fulfill({ body: JSON.stringify(medium), contentType: 'application/json' }),
  );
  await openDashboard(page, '?dataset=/fixtures/medium.json');
  const timeline = panel(page, 'Call timeline');
  const items = timeline.getByRole('list', { name: 'Events in date order' }).locator(':scope > li');
  await expect(items.first()).toHaveAttribute('aria-setsize', String(medium.events.length));
  expect(await items.count()).toBeLessThan(medium.events.length);

  // The copy an image is drawn from is made while the page renders everything.
  await page.evaluate(() => {
    const w = window as unknown as { __copied: number[] };
    w.__copied = [];
    new MutationObserver((changes) => {
      for (const c of changes)
        for (const node of c.addedNodes)
          if (node instanceof HTMLElement && node.classList.contains('export-host'))
            w.__copied.push(node.querySelectorAll('.event-list > li').length);
    }).observe(document.body, { childList: true });
  });
  await timeline.getByRole('button', { name: 'Export Call timeline' }).click();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await timeline.getByRole('group', { name: 'Export Call timeline' }).getByRole('button', { name: 'Download PNG' }).click();
  await download;
  expect(await page.evaluate(() => (window as unknown as { __copied: number[] }).__copied)).toEqual([medium.events.length]);
  // Afterwards the page goes back to its window.
  await expect.poll(() => items.count()).toBeLessThan(medium.events.length);
});

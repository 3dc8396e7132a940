import type { Page } from '@playwright/test';
import { expect, openDashboard, panel, test } from './test';

/** Words of the default story that must never show when another dataset is open. */
const STORY_WORDS =
  /\b(Belousov|Beloesov|Austin|Patriot|Tomahawk|Kyiv|Peskov|Shoigu|Stoltenberg|Ukrain|Russia|NATO|Kremlin|Pentagon|Putin|Biden)/i;

async function serveFixture(page: Page, name: string) {
  await page.route(
    (url) => url.pathname === `/fixtures/${name}`,
    (route) => route.fulfill({ path: `e2e/fixtures/valid/${name}` }),
  );
}

/** Everything the page says: its text, its placeholders and accessible names, its title and description. */
async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[placeholder],[aria-label],[title]')].flatMap((el) =>
      ['placeholder', 'aria-label', 'title'].map((a) => el.getAttribute(a) ?? ''),
    );
    const meta = document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
    return [document.title, meta, document.body.innerText, document.body.textContent ?? '', ...attrs].join('\n');
  });
}

const gradeCodes = (page: Page) => page.locator('main .grade-code > [aria-hidden="true"]').allTextContents();

test('grades show on cards, outlet chips and in provenance, in words', async ({ page }, testInfo) => {
  await openDashboard(page);
  await page.screenshot({ path: testInfo.outputPath('default-1440.png') });

  const card = panel(page, 'Quote board').locator('.quote-card').first();
  const code = card.locator('.grade-code');
  await expect(code).toHaveText(/^[A-F][1-6]Grade [A-F][1-6]: .+, .+$/);
  await expect(code.locator('.visually-hidden')).toHaveText(
    /^Grade [A-F][1-6]: (Completely|Usually|Fairly|Not usually|Unreliable|Reliability)/,
  );
  // Every outlet chip carries its reliability letter and says it in words.
  const chip = card.locator('.source-badge').first();
  await expect(chip.locator('.grade-letter')).toHaveText(/^[A-F]$/);
  await expect(chip).toContainText(
    /, (completely|usually|fairly|not usually) reliable \([A-D]\)|, unreliable \(E\)|, reliability cannot be judged \(F\)/,
  );

  const timeline = panel(page, 'Call timeline');
  const summit = timeline
    .getByRole('list', { name: 'Events in date order' })
    .locator(':scope > li', { hasText: 'NATO summit in Washington' })
    .first();
  await expect(summit.locator('.grade-code .visually-hidden')).toHaveText('Grade B1: Usually reliable, confirmed');
  await summit.getByRole('button', { name: /^Sources for/ }).click();

  const drawer = page.locator('.provenance');
  await expect(drawer.locator('.grade-words')).toHaveText(
    'B1Grade B1: Usually reliable, confirmed Usually reliable · Confirmed: 3 independent outlets report it (Kyiv Post via AFP; Blog repost (“Tyler Durden”) via The Hill; Unnamed outlet, 13 Jul 2024)',
  );
  const reliability = drawer.locator('.source-reliability');
  await expect(reliability.first()).toHaveText(/^[A-F] · [A-Z][a-z ]+: .{40,}/);
  await expect(reliability.filter({ hasText: /^B · Usually reliable: / })).toHaveCount(1);
  await expect(reliability.filter({ hasText: /^D · Not usually reliable: / })).toHaveCount(1);

  // The tray entry shows the code too.
  await page.keyboard.press('Escape');
  await summit.getByRole('button', { name: /^Pin/ }).click();
  await expect(panel(page, 'Briefing tray').locator('.tray-item .grade-code')).toHaveText(/^B1/);

  // The coverage matrix has a credibility column.
  const matrix = panel(page, 'Source coverage');
  await expect(matrix.getByRole('columnheader', { name: 'Credibility' })).toBeVisible();
  await expect(matrix.locator('tbody tr', { hasText: 'NATO summit in Washington' }).first().locator('.cov-cred')).toContainText(
    'Confirmed',
  );
});

test('the credibility filter narrows every panel, goes into the URL and survives a reload', async ({ page }) => {
  await openDashboard(page);
  const events = panel(page, 'Call timeline').getByRole('list', { name: 'Events in date order' }).locator(':scope > li');
  const quotes = panel(page, 'Quote board').locator('.quote-card');
  const aid = panel(page, 'Weapons and aid tracker').locator('.aid-table tbody tr');
  const coverage = panel(page, 'Source coverage').locator('tbody tr');
  const before = { events: await events.count(), quotes: await quotes.count(), aid: await aid.count(), coverage: await coverage.count() };
  expect((await gradeCodes(page)).some((c) => /[3-6]$/.test(c))).toBe(true);

  const select = panel(page, 'Filters').getByLabel('Minimum credibility');
  const options = await select.locator('option').allTextContents();
  expect(options[0]).toBe('Any credibility');
  expect(options[2]).toMatch(/^2 Probably true or better \(\d+\)$/);
  await select.selectOption('2');
  await expect(page).toHaveURL(/[?&]cred=2(&|$)/);

  const check = async () => {
    await expect.poll(() => events.count()).toBeLessThan(before.events);
    await expect.poll(() => quotes.count()).toBeLessThan(before.quotes);
    await expect.poll(() => coverage.count()).toBeLessThan(before.coverage);
    // What every panel still shows is graded 1 or 2.
    await expect.poll(async () => (await gradeCodes(page)).filter((c) => !/^[A-F][12]$/.test(c))).toEqual([]);
    expect((await gradeCodes(page)).length).toBeGreaterThan(0);
    expect(await aid.count()).toBeLessThanOrEqual(before.aid);
    await expect(page.getByText(/Credibility: probably true or better \(2\)/).first()).toBeVisible();
  };
  await check();
  await page.reload();
  await expect(panel(page, 'Filters').getByLabel('Minimum credibility')).toHaveValue('2');
  await check();

  // Reliability by letter, in the URL too; off the scale is dropped with a notice.
  await panel(page, 'Filters')
    .getByRole('checkbox', { name: /^Usually reliable/ })
    .check();
  await expect(page).toHaveURL(/[?&]rel=B(&|$)/);
  // Far panels follow the change when the page is idle: what every panel shows ends graded B.
  await expect.poll(async () => (await gradeCodes(page)).filter((c) => !/^B[12]$/.test(c))).toEqual([]);
  await openDashboard(page, '?cred=9&rel=B,Q');
  await expect(page.getByText('Ignored minimum credibility “9”: expected 1 to 6')).toBeVisible();
  await expect(page.getByText(/Ignored unknown reliability grade: “Q”/)).toBeVisible();
});

test('a second story: its contacts as compare defaults, its own placeholders, nothing of the first', async ({ page }, testInfo) => {
  await serveFixture(page, 'maritime-talks.json');
  await openDashboard(page, '?dataset=/fixtures/maritime-talks.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Black Sea maritime-security talks (test fixture)');
  await page.screenshot({ path: testInfo.outputPath('maritime-talks-1440.png') });

  const compare = panel(page, 'Compare contacts');
  await expect(compare).toContainText('comparing the two latest contacts: meeting 10 Mar 2026, meeting 22 Apr 2026');
  await expect(compare.getByLabel('First event')).toHaveValue('mt-varna');
  await expect(compare.getByLabel('Second event')).toHaveValue('mt-constanta');

  const filters = panel(page, 'Filters');
  await expect(filters.getByLabel('Search quotes, summaries and items')).toHaveAttribute(
    'placeholder',
    /^e\.g\. (Dimov|Marinescu), Refit of two minehunters$/,
  );
  await expect(filters.getByLabel('Find an actor (any spelling)')).toHaveAttribute('placeholder', 'e.g. Петър Димов');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    'content',
    /^Black Sea maritime-security talks \(test fixture\): /,
  );
  await expect(panel(page, 'Weapons and aid tracker')).toContainText('amounting to €19.4 million (per currency)');
  expect(await pageWords(page)).not.toMatch(STORY_WORDS);

  // One contact among the events shown: the panel asks for a pick rather than comparing two unrelated events.
  await openDashboard(page, '?dataset=/fixtures/maritime-talks.json&from=2026-04-01');
  await expect(compare).toContainText('Fewer than two contacts match the filters: pick the two events to compare.');
  await expect(compare.getByLabel('First event')).toHaveValue('');
  await compare.getByLabel('First event').selectOption('mt-constanta');
  await expect(compare).toContainText('Pick the second event to compare.');
  await compare.getByLabel('Second event').selectOption('mt-exercise');
  await expect(page).toHaveURL(/cmp=mt-constanta%2Cmt-exercise|cmp=mt-constanta,mt-exercise/);
  await expect(compare).toContainText('comparing the two events picked');

  await serveFixture(page, 'second-story.json');
  await openDashboard(page, '?dataset=/fixtures/second-story.json');
  await page.screenshot({ path: testInfo.outputPath('second-story-1440.png') });
  await expect(panel(page, 'Compare contacts')).toContainText('Fewer than two events match the filters.');
  await expect(panel(page, 'Filters').getByLabel('Find an actor (any spelling)')).toHaveAttribute('placeholder', 'e.g. A. Varga');
  expect(await pageWords(page)).not.toMatch(STORY_WORDS);
});

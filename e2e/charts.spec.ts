import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openDashboard, panel, test } from './test';

const dataset = JSON.parse(readFileSync('public/data/briefing.json', 'utf8')) as {
  sources: { id: string }[];
  events: { title: string; date: { value: string; precision: string } }[];
};
const monthOnly = dataset.events.find((e) => e.date.precision === 'month' && e.date.value === '2024-05')!;

async function openSecondStory(page: Page) {
  await page.route(
    (url) => url.pathname === '/fixtures/second-story.json',
    (route) => route.fulfill({ path: 'e2e/fixtures/valid/second-story.json' }),
  );
  await openDashboard(page, '?dataset=/fixtures/second-story.json');
}

test('a month-only event reads "May 2024" in the chart tooltip, the chart’s table and its summary', async ({ page }) => {
  await openDashboard(page, '?from=2024-05-01&to=2024-05-31');
  const timeline = panel(page, 'Call timeline');
  const summary = timeline.locator('figcaption');
  await expect(summary).toContainText('May 2024');
  await expect(summary).not.toContainText('1 May 2024');

  // On the chart it is a span over the month, not a point on the 1st.
  const mark = timeline.getByRole('button', { name: new RegExp(`^May 2024 · .*${monthOnly.title}`) });
  await expect(mark).toHaveClass(/is-span/);
  await mark.hover();
  const tip = timeline.getByRole('tooltip');
  await expect(tip).toContainText(monthOnly.title);
  await expect(tip).toContainText('May 2024');
  await expect(tip).not.toContainText('1 May 2024');

  await timeline.getByText('Show the chart’s data as a table').click();
  const row = timeline.getByRole('table', { name: 'Events on the chart' }).getByRole('row', { name: new RegExp(monthOnly.title) });
  await expect(row.getByRole('cell').first()).toHaveText('May 2024');
});

test('contacts are labelled on the chart with their date, without hovering; the legend speaks of the dataset’s contacts', async ({
  page,
}) => {
  await openDashboard(page);
  const timeline = panel(page, 'Call timeline');
  const labels = timeline.locator('.timeline-annotation');
  await expect(labels.filter({ hasText: /^25 Jun 2024 · / })).toBeVisible();
  await expect(labels.filter({ hasText: /^12 Jul 2024 \(“Friday”\) · / })).toBeVisible();
  await expect(timeline.getByRole('tooltip')).toHaveCount(0);
  await expect(timeline.getByLabel('Legend')).toContainText('Contact (call)');

  // The other story has meetings, no calls: no "Call (star)" anywhere.
  await openSecondStory(page);
  const other = panel(page, 'Call timeline');
  await expect(other.locator('.timeline-annotation').filter({ hasText: /^3 Mar 2025 · / })).toBeVisible();
  await expect(other.getByLabel('Legend')).toContainText('Contact (meeting)');
  await expect(other).not.toContainText('Call (star)');
  await expect(other).toContainText('1 meeting');
});

test('the aid chart names items and amounts, and a search for an item keeps its package in view', async ({ page }) => {
  await openDashboard(page);
  const aid = panel(page, 'Weapons and aid tracker');
  // The chart is drawn once it comes near the screen.
  await aid.locator('.aid-chart').scrollIntoViewIfNeeded();
  const lines = aid.getByRole('list', { name: 'Items from announcement to effect' });
  await expect(lines.getByRole('button', { name: '$225 million military aid package on the chart: open its sources' })).toContainText(
    '$225 million',
  );
  await expect(lines).toContainText('Patriot air defence system');
  await expect(lines).toContainText('takes effect 2026');
  await expect(aid.locator('.aid-money')).toContainText('$225 million');
  await expect(aid.locator('.aid-money')).toContainText('Announced');

  await openDashboard(page, '?q=Patriot');
  await panel(page, 'Weapons and aid tracker').locator('.aid-chart').scrollIntoViewIfNeeded();
  const patriot = panel(page, 'Weapons and aid tracker').getByRole('list', { name: 'Items from announcement to effect' });
  await expect(patriot.locator('.aid-line')).toHaveCount(2);
  await expect(patriot.locator('.aid-line.is-context')).toContainText('$225 million military aid package');
  await expect(patriot.locator('.aid-line.is-context')).toContainText('shown as context');
  await expect(patriot.locator('.aid-line.depth-1')).toContainText('Patriot air defence system');

  await openSecondStory(page);
  await panel(page, 'Weapons and aid tracker').locator('.aid-chart').scrollIntoViewIfNeeded();
  await expect(panel(page, 'Weapons and aid tracker').locator('.aid-money')).toContainText('€40 million');
});

test('no bare source id on the page: prose names sources by their labels', async ({ page }) => {
  await openDashboard(page);
  await expect(panel(page, 'Discrepancies')).toBeVisible();
  const text = await page.locator('body').innerText();
  for (const { id } of dataset.sources) {
    expect(text, `source id ${id}`).not.toMatch(new RegExp(`\\b${id}\\b`));
    // Nor its short number, the way prose used to cite it ("003 says…").
    expect(text, `source number ${id.slice(0, 3)}`).not.toMatch(new RegExp(`(^|[\\s(])${id.slice(0, 3)}(?=[\\s,.;:)'’]|$)`, 'm'));
  }
  expect(text).not.toContain('[[src:');
  // The two unnamed outlets are told apart.
  expect(text).toContain('Unnamed outlet, 26 Jun 2024');
  expect(text).toContain('Unnamed outlet, 13 Jul 2024');
});

test('the brush covers the busy period and follows a date filter', async ({ page }) => {
  await openDashboard(page);
  const timeline = panel(page, 'Call timeline');
  await expect(timeline.locator('.brush-note')).toContainText(/outside the brush: \d+ earlier events? \(2014 – /);
  // Recharts, which draws the brush, loads once the brush comes near the screen.
  await timeline.locator('.brush').scrollIntoViewIfNeeded();
  const travellers = timeline.locator('.recharts-brush-traveller');
  await expect(travellers).toHaveCount(2);
  const xs = async () => Promise.all((await travellers.all()).map(async (t) => (await t.boundingBox())!.x));
  const [wholeStart, wholeEnd] = await xs();

  const filters = panel(page, 'Filters');
  await filters.getByRole('textbox', { name: 'From', exact: true }).fill('2024-06-25');
  await filters.getByRole('textbox', { name: 'To', exact: true }).fill('2024-07-12');
  await expect(page).toHaveURL(/from=2024-06-25/);
  await expect(page).toHaveURL(/to=2024-07-12/);
  await expect(timeline.locator('.brush-range')).toHaveText('25 Jun 2024 – 12 Jul 2024');
  const [start, end] = await xs();
  expect(start).toBeGreaterThan(wholeStart + 20);
  expect(end).toBeLessThan(wholeEnd - 20);

  // Cleared again, the handles go back to the ends.
  await filters.getByRole('textbox', { name: 'From', exact: true }).fill('');
  await filters.getByRole('textbox', { name: 'To', exact: true }).fill('');
  await expect(timeline.locator('.brush-range')).not.toHaveText('25 Jun 2024 – 12 Jul 2024');
  const [again] = await xs();
  expect(Math.abs(again - wholeStart)).toBeLessThan(2);
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page, Route } from '@playwright/test';
import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { validDataset } from '../src/testing/test-fixtures';
import { BROKEN_CASES, readCase, tenTimesDataset, type BrokenCase } from './fixtures/broken/cases';
import { expect, openDashboard, panel, test } from './test';

/** The alert's heading for each kind of load failure, as an analyst reads it. */
const HEADING = {
  refused: 'This dataset link was refused',
  network: 'The dataset could not be reached',
  http: 'The server would not give the dataset',
  'too-large': 'The dataset is too large to open',
  'not-json': 'The dataset is not a JSON file',
  invalid: 'The dataset does not match the schema',
} as const;

const PREFIX = '/fixtures/broken/';
/** Playwright refuses setInputFiles buffers over 50 MB; bigger files go through a temporary file. */
const MAX_BUFFER = 50 * 1024 * 1024;

function loadError(page: Page): Locator {
  return page.getByRole('alert').filter({ has: page.getByRole('heading') });
}

/** The alert names the failure and lists the expected problem: its path, and what it says. */
async function expectProblem(page: Page, c: BrokenCase) {
  const alert = loadError(page);
  await expect(alert.getByRole('heading')).toHaveText(HEADING[c.kind], { timeout: 30_000 });
  const item = alert.getByRole('listitem').filter({ has: page.locator('code').getByText(c.path, { exact: true }) });
  await expect(item.first()).toBeVisible();
  await expect(item.first()).toContainText(c.message);
}

async function expectNoPollution(page: Page) {
  const found = await page.evaluate(() => {
    const probe = {} as Record<string, unknown>;
    const list = [] as unknown as Record<string, unknown>;
    return {
      polluted: probe.polluted ?? null,
      isAdmin: probe.isAdmin ?? null,
      arrayPolluted: list.polluted ?? null,
      ownKeysOfObjectPrototype: Object.keys(Object.prototype),
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    };
  });
  expect(found).toEqual({ polluted: null, isAdmin: null, arrayPolluted: null, ownKeysOfObjectPrototype: [], pwned: null });
}

/** Serves the broken corpus on this origin; anything else under the prefix is a 404. */
async function serveCorpus(page: Page, bodies: Map<string, Buffer>) {
  await page.route(
    (url) => url.pathname.startsWith(PREFIX),
    (route) => {
      const name = new URL(route.request().url()).pathname.slice(PREFIX.length);
      const body = bodies.get(name);
      if (!body) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
      return route.fulfill({ status: 200, contentType: name.startsWith('html-') ? 'text/html' : 'application/json', body });
    },
  );
}

test.describe('a corpus of broken datasets: a clear error, nothing run, the page still usable', () => {
  for (const c of BROKEN_CASES) {
    test.describe(c.name, () => {
      test.use({ allowedConsole: c.consoleErrors ?? [] });

      test(`${c.what}: through ?dataset= and through the file picker`, async ({ page }, testInfo) => {
        const body = readCase(c);
        const files = Object.entries(c.files ?? {}).map(([p, b]) => [p.slice(PREFIX.length), b] as [string, Buffer]);
        await serveCorpus(page, new Map([[c.name, body], ...files]));
        const origin = new URL(testInfo.project.use.baseURL as string).origin;
        const elsewhere: string[] = [];
        page.on('request', (r) => {
          if (new URL(r.url()).origin !== origin) elsewhere.push(r.url());
        });

        // 1. A link to it.
        await page.goto(`/?dataset=${PREFIX}${c.name}`);
        await expectProblem(page, c);
        await expect(loadError(page)).toContainText(`Where: http://127.0.0.1:`);
        await expect(loadError(page).getByRole('button', { name: 'Retry' })).toBeEnabled();
        await expectNoPollution(page);

        // 2. The same file opened from disk, from the error page itself.
        const picker = page.getByLabel('Open dataset file…');
        if (body.length < MAX_BUFFER) {
          await picker.setInputFiles({ name: c.name, mimeType: 'application/json', buffer: body });
        } else {
          const path = testInfo.outputPath(c.name);
          writeFileSync(path, body);
          await picker.setInputFiles(path);
        }
        await expectProblem(page, c);
        await expect(loadError(page)).toContainText(`Where: file: ${c.name}`);
        await expectNoPollution(page);

        // 3. Still usable: the default dataset opens.
        await loadError(page).getByRole('button', { name: 'Open the default dataset' }).click();
        await expect(panel(page, 'Call timeline')).toBeVisible();
        await expect(panel(page, 'Quote board')).toBeVisible();
        expect(page.url()).not.toContain('dataset=');
        await expectNoPollution(page);
        expect(elsewhere, 'no request left this origin').toEqual([]);
      });
    });
  }

  test('more than 50 problems: the first 50 are listed and the total is given', async ({ page }) => {
    const c = BROKEN_CASES.find((x) => x.name === 'many-problems.json') as BrokenCase;
    await serveCorpus(page, new Map([[c.name, readCase(c)]]));
    await page.goto(`/?dataset=${PREFIX}${c.name}`);
    await expect(loadError(page)).toContainText('The dataset has 120 problems');
    await expect(loadError(page)).toContainText('120 problems (the first 50 shown):');
    await expect(loadError(page).getByRole('listitem')).toHaveCount(50);
  });

  test('130,000 schema problems: counted, the first 50 listed, no stack overflow', async ({ page }) => {
    const c = BROKEN_CASES.find((x) => x.name === 'many-schema-problems.json') as BrokenCase;
    await serveCorpus(page, new Map([[c.name, readCase(c)]]));
    await page.goto(`/?dataset=${PREFIX}${c.name}`);
    await expect(loadError(page)).toContainText('The dataset has 130,000 problems', { timeout: 60_000 });
    await expect(loadError(page)).toContainText('130,000 problems (the first 50 shown):');
    await expect(loadError(page)).not.toContainText('Maximum call stack');
    await expect(loadError(page).getByRole('listitem')).toHaveCount(50);
  });
});

test.describe('large and odd inputs that are not errors of the data', () => {
  test('a 600 MB file is refused as too large, with its size, before it is read', async ({ page }, testInfo) => {
    const path = testInfo.outputPath('huge.json');
    // Sparse: 600 MB long, nothing written to disk.
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 600 * 1024 * 1024);
    closeSync(fd);
    await openDashboard(page);
    await page.getByLabel('Open dataset file…').setInputFiles(path);
    const alert = loadError(page);
    await expect(alert.getByRole('heading')).toHaveText(HEADING['too-large']);
    await expect(alert).toContainText('The dataset is too large to open: 600 MB');
    await expect(alert).toContainText('is 629,145,600 bytes (600 MB); datasets up to 400 MB are read');
    await expect(alert).not.toContainText('empty');
  });

  test('a key given twice is a warning on the page, naming its path; the dataset still opens', async ({ page }) => {
    const text = JSON.stringify(validDataset()).replace('"kind":"call",', '"kind":"summit","kind":"call",');
    await page.route(
      (url) => url.pathname === '/fixtures/twice.json',
      (route) => route.fulfill({ contentType: 'application/json', body: text }),
    );
    await openDashboard(page, '?dataset=/fixtures/twice.json');
    const warning = page.getByRole('status').filter({ hasText: 'The dataset loaded, with a warning' });
    await expect(warning).toContainText('events[0].kind the key "kind" is given twice in this object; the last value is used');
  });

  test('an excerpt found 200,000 times, anchored by a prefix, makes one mark and says how often else it occurs', async ({ page }) => {
    const d = validDataset();
    d.sources[0].text = `${d.sources[0].text} Lead: abcd ${'abcd '.repeat(200_000)}`;
    d.quotes[0].citations = [{ source: 'src-wire', excerpt: 'abcd', prefix: 'Lead: ' }];
    await page.route(
      (url) => url.pathname === '/fixtures/flood.json',
      (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(d) }),
    );
    await openDashboard(page, '?dataset=/fixtures/flood.json');
    const started = Date.now();
    await panel(page, 'Quote board')
      .getByRole('button', { name: /^Sources for quote by Joe Biden/ })
      .first()
      .click();
    const drawer = page.getByRole('region', { name: /^Quote by Joe Biden/ });
    await expect(drawer.getByText('the words occur 200,000 more times in this text')).toBeVisible();
    await expect(drawer.locator('mark')).toHaveCount(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    const before = await drawer.locator('mark').evaluate((m) => (m.previousSibling?.textContent ?? '').slice(-6));
    expect(before).toBe('Lead: ');
  });
});

test.describe('links to datasets that are not datasets, on the real server', () => {
  test.use({ allowedConsole: [/Failed to load resource: the server responded with a status of 404/] });

  test('the app’s own page, a missing file, then Retry once the file exists', async ({ page }) => {
    await page.goto('/?dataset=/index.html');
    await expect(loadError(page).getByRole('heading')).toHaveText(HEADING['not-json']);
    await expect(loadError(page)).toContainText('This is an HTML page, not a JSON dataset');

    let exists = false;
    await page.route(
      (url) => url.pathname === '/data/later.json',
      (route) => (exists ? route.fulfill({ path: 'public/data/briefing.json' }) : route.fallback()),
    );
    await page.goto('/?dataset=/data/later.json');
    await expect(loadError(page).getByRole('heading')).toHaveText(HEADING.http);
    await expect(loadError(page)).toContainText('The server answered 404 Not Found for the dataset');
    exists = true;
    await loadError(page).getByRole('button', { name: 'Retry' }).click();
    await expect(panel(page, 'Call timeline')).toBeVisible();
  });
});

test.describe('big but valid', () => {
  test('the shipped dataset ten times over (about 1 MB) loads by link and by file', async ({ page }) => {
    const big = tenTimesDataset();
    await page.route(
      (url) => url.pathname === '/data/ten-times.json',
      (route) => route.fulfill({ contentType: 'application/json', body: big.text }),
    );
    const started = Date.now();
    await page.goto('/?dataset=/data/ten-times.json');
    await expect(panel(page, 'Call timeline')).toBeVisible({ timeout: 30_000 });
    const byLink = Date.now() - started;
    await expect(page.getByRole('heading', { level: 1 })).toContainText('(ten times over)');
    // Long lists are virtualised: the panels' own counts and the list's set size tell what is loaded.
    const eventCount = panel(page, 'Call timeline')
      .locator('.panel-sub')
      .getByText(new RegExp(`^${big.events} events,`));
    const quoteCount = panel(page, 'Quote board')
      .locator('.panel-sub')
      .getByText(new RegExp(`^${big.quotes} quotes from`));
    const firstEvent = panel(page, 'Call timeline').getByRole('list', { name: 'Events in date order' }).locator(':scope > li').first();
    await expect(eventCount).toBeVisible();
    await expect(quoteCount).toBeVisible();
    await expect(firstEvent).toHaveAttribute('aria-setsize', String(big.events));

    const picked = Date.now();
    await page
      .getByLabel('Open dataset file…')
      .setInputFiles({ name: 'ten-times.json', mimeType: 'application/json', buffer: Buffer.from(big.text) });
    await expect(page.getByText('opened from file ten-times.json')).toBeVisible({ timeout: 30_000 });
    await expect(eventCount).toBeVisible();
    await expect(firstEvent).toHaveAttribute('aria-setsize', String(big.events));
    const byFile = Date.now() - picked;
    test.info().annotations.push({ type: 'timing', description: `ten times over: ${byLink} ms by link, ${byFile} ms by file` });
    expect(byLink).toBeLessThan(30_000);
  });

  test('a UTF-8 byte-order mark before a valid dataset is fine', async ({ page }) => {
    const text = `\uFEFF${readFileSync('e2e/fixtures/valid/second-story.json', 'utf8')}`;
    await page.route(
      (url) => url.pathname === '/fixtures/bom.json',
      (route) => route.fulfill({ contentType: 'application/json', body: Buffer.from(text, 'utf8') }),
    );
    await openDashboard(page, '?dataset=/fixtures/bom.json');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northport canal talks (test fixture)');
  });
});

test.describe('network faults, each followed by a Retry that works once the fault clears', () => {
  test.use({ allowedConsole: [/Failed to load resource/] });

  /** Routes the default dataset through `fault` until `heal()` is called. */
  async function faulty(page: Page, fault: (route: Route) => Promise<void> | void) {
    let healed = false;
    await page.route(
      (url) => url.pathname === '/data/briefing.json',
      (route) => (healed ? route.fallback() : fault(route)),
    );
    return () => {
      healed = true;
    };
  }

  async function retryWorks(page: Page, heal: () => void) {
    heal();
    await loadError(page).getByRole('button', { name: 'Retry' }).click();
    await expect(panel(page, 'Call timeline')).toBeVisible();
    await expect(loadError(page)).toHaveCount(0);
  }

  test('404 and 500', async ({ page }) => {
    for (const status of [404, 500]) {
      const heal = await faulty(page, (route) => route.fulfill({ status, contentType: 'text/plain', body: 'no' }));
      await page.goto('/');
      await expect(loadError(page).getByRole('heading')).toHaveText(HEADING.http);
      await expect(loadError(page)).toContainText(`The server answered ${status}`);
      await expect(loadError(page)).toContainText('Where: http://127.0.0.1:');
      await retryWorks(page, heal);
      await page.unrouteAll();
    }
  });

  test('the connection is refused or reset before any answer', async ({ page }) => {
    for (const reason of ['connectionrefused', 'connectionreset'] as const) {
      const heal = await faulty(page, (route) => route.abort(reason));
      await page.goto('/');
      await expect(loadError(page).getByRole('heading')).toHaveText(HEADING.network);
      await expect(loadError(page)).toContainText('Could not reach the server for the dataset');
      await retryWorks(page, heal);
      await page.unrouteAll();
    }
  });

  test('the connection drops in the middle of the body', async ({ page }) => {
    // Playwright's fulfill always completes a body, so a tiny server on the loopback sends the headers
    // and half the bytes of the real dataset, then cuts the connection.
    const full = readFileSync('public/data/briefing.json');
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(full.length) });
      res.write(full.subarray(0, full.length >> 1), () => res.socket?.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const heal = await faulty(page, (route) => route.continue({ url: `http://127.0.0.1:${port}/briefing.json` }));
      await page.goto('/');
      await expect(loadError(page).getByRole('heading')).toHaveText(HEADING.network);
      await expect(loadError(page)).toContainText('The connection dropped while reading the dataset');
      await retryWorks(page, heal);
    } finally {
      server.close();
    }
  });

  test('a server that never answers: still waiting after 4 s, given up after 30 s, then Retry', async ({ page }) => {
    await page.clock.install();
    const heal = await faulty(page, () => {
      // Never fulfilled: the request hangs until the page gives up on it.
    });
    await page.goto('/');
    await expect(page.getByRole('status').filter({ hasText: 'Loading the dataset…' })).toBeVisible();
    await page.clock.fastForward(4_100);
    await expect(page.getByRole('status')).toContainText('Still waiting for the dataset… the server is slow to answer.');
    await page.clock.fastForward(26_000);
    await expect(loadError(page).getByRole('heading')).toHaveText(HEADING.network);
    await expect(loadError(page)).toContainText('The server sent no answer for the dataset within 30 s');
    await retryWorks(page, heal);
  });

  test('a slow server (10 s) shows it is still waiting, then the dashboard', async ({ page }) => {
    test.setTimeout(60_000);
    await page.route(
      (url) => url.pathname === '/data/briefing.json',
      async (route) => {
        await new Promise((r) => setTimeout(r, 10_000));
        await route.fallback();
      },
    );
    const started = Date.now();
    await page.goto('/');
    await expect(page.getByRole('status')).toContainText('Loading the dataset…');
    await expect(page.getByRole('status')).toContainText('Still waiting for the dataset…', { timeout: 8_000 });
    await expect(panel(page, 'Call timeline')).toBeVisible({ timeout: 20_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
  });

  test('the article texts fail (500) while the dataset loads: named per source, and Retry works', async ({ page }) => {
    let healed = false;
    await page.route(
      (url) => url.pathname.startsWith('/data/sources/'),
      (route) => (healed ? route.fallback() : route.fulfill({ status: 500, body: 'no' })),
    );
    await page.goto('/');
    await expect(loadError(page).getByRole('heading')).toHaveText(HEADING.invalid);
    const item = loadError(page)
      .getByRole('listitem')
      .filter({ has: page.locator('code').getByText('sources[0].textPath', { exact: true }) });
    await expect(item).toContainText('could not be loaded from "sources/');
    healed = true;
    await loadError(page).getByRole('button', { name: 'Retry' }).click();
    await expect(panel(page, 'Call timeline')).toBeVisible();
  });
});

test.describe('one panel fails, the rest keeps working', () => {
  // A browser without Array.prototype.findLastIndex (ES2023: before Chrome 97, Safari 15.4, Firefox 104):
  // the build targets ES2022 and does not polyfill it, and only the timeline's date brush calls it,
  // and only when the link sets an end date. No valid dataset can make a panel throw (the validator
  // sees to that), so an older browser is the real way in.
  test.use({ allowedConsole: [/findLastIndex is not a function/] });

  test('the call timeline shows its own error; filters, quotes and aid still work; Try again recovers', async ({ page }) => {
    await page.addInitScript(() => {
      delete (Array.prototype as { findLastIndex?: unknown }).findLastIndex;
    });
    await page.goto('/?to=2024-07-01');
    const timeline = panel(page, 'Call timeline');
    await expect(timeline.getByRole('alert')).toContainText('Call timeline could not be shown.');
    await expect(timeline.getByRole('alert')).toContainText('findLastIndex is not a function');
    // The heading stays, so the landmark is still there and named.
    await expect(timeline.getByRole('heading', { name: 'Call timeline' })).toBeVisible();

    // The other panels render, and react to the filters.
    const quotes = panel(page, 'Quote board').locator('.quote-card');
    const before = await quotes.count();
    expect(before).toBeGreaterThan(0);
    await panel(page, 'Filters').getByRole('checkbox', { name: 'Dmitry Peskov' }).check();
    await expect(quotes).not.toHaveCount(before);
    for (const card of await quotes.all()) await expect(card.locator('.attribution')).toContainText('Dmitry Peskov');
    await expect(panel(page, 'Weapons and aid tracker')).toBeVisible();
    await expect(panel(page, 'Weapons and aid tracker').getByRole('alert')).toHaveCount(0);

    // Without the end date the brush no longer needs the missing method: Try again brings it back.
    await panel(page, 'Filters').getByRole('button', { name: 'Clear filters' }).click();
    await timeline.getByRole('button', { name: 'Try again' }).click();
    await expect(timeline.getByRole('alert')).toHaveCount(0);
    await expect(timeline.getByRole('list', { name: 'Events in date order' })).toBeVisible();
  });
});

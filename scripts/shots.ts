/**
 * npm run shots -- [--view "<query string>"] [--out <dir>] [--scale 2] [--at <ISO time>] [--dist <dir>]
 *
 * Builds the app, serves it with `vite preview` on a free port, opens the view in Chromium and writes
 * one PNG of the whole page and one per panel (each <section> landmark). The same input on the same
 * machine gives the same pixels: reduced motion, no caret, no scrollbars, a fixed clock and time zone.
 * The server is stopped at the end, whatever happens.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './browser';

const USAGE = `Usage: npm run shots -- [--view "<query string>"] [--out <dir>] [--scale 2] [--at <ISO time>] [--dist <dir>]
  --view   the view to shoot, as the query string of a dashboard link (default: the whole dashboard)
  --out    folder for the PNGs (default: shots/)
  --scale  device pixel ratio (default: 2)
  --at     the time the page believes it is, for "made at" stamps (default: 2024-08-01T12:00:00Z)
  --dist   build folder (default: .shots-dist)`;

const VITE = resolve('node_modules/vite/bin/vite.js');

function fail(message: string): never {
  console.error(`shots: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        view: { type: 'string', default: '' },
        out: { type: 'string', default: 'shots' },
        scale: { type: 'string', default: '2' },
        at: { type: 'string', default: '2024-08-01T12:00:00Z' },
        dist: { type: 'string', default: '.shots-dist' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const scale = Number(parsed.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 4) fail(`--scale must be a number above 0 and at most 4, not “${parsed.scale}”`);
  const at = new Date(parsed.at);
  if (Number.isNaN(at.getTime())) fail(`--at must be an ISO time, not “${parsed.at}”`);
  const query = parsed.view.trim().replace(/^\?/, '');
  return { query, out: resolve(parsed.out), scale, at, dist: parsed.dist };
}

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with code ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

function stopServer(server: ChildProcess | null) {
  if (!server || server.exitCode !== null || server.pid === undefined) return;
  try {
    // The server runs in its own process group: end the group, so no child is left behind.
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    server.kill('SIGTERM');
  }
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'panel';

/** Waits until the page has drawn what it will draw: the view, its fonts and its charts. */
async function settle(page: Page) {
  await page.waitForFunction(
    () => {
      const briefing = document.querySelector('.briefing');
      if (briefing) return briefing.getAttribute('data-ready') === 'true';
      return document.querySelector('main section[aria-labelledby]') !== null || document.querySelector('[role="alert"]') !== null;
    },
    undefined,
    { timeout: 30_000 },
  );
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Charts size themselves after the first layout; give them two frames.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  await page.waitForLoadState('networkidle');
  // A chart is drawn when it comes near the screen: go down the page as a reader would, then back up.
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 900) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function main() {
  const opts = options();
  const started = Date.now();

  console.error(`shots: building into ${opts.dist}/`);
  const build = spawnSync(process.execPath, [VITE, 'build', '--logLevel', 'warn', '--outDir', opts.dist], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status})`);

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  const onSignal = () => {
    stopServer(server);
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    server = spawn(
      process.execPath,
      [VITE, 'preview', '--outDir', opts.dist, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
        detached: true,
      },
    );
    await waitForServer(`${origin}/`, server);
    console.error(`shots: serving on ${origin}`);

    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--hide-scrollbars'] });
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: opts.scale,
      reducedMotion: 'reduce',
      colorScheme: 'light',
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    await page.clock.setFixedTime(opts.at);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));

    const url = `${origin}/${opts.query ? `?${opts.query}` : ''}`;
    await page.goto(url);
    await settle(page);
    if (problems.length) throw new Error(`the page reported errors:\n  ${problems.join('\n  ')}`);

    mkdirSync(opts.out, { recursive: true });
    const shot = { animations: 'disabled', caret: 'hide', scale: 'device' } as const;
    const written: string[] = [];
    const isBriefing = await page.locator('.briefing').count();
    const whole = join(opts.out, isBriefing ? 'briefing.png' : 'dashboard.png');
    await page.screenshot({ ...shot, path: whole, fullPage: true });
    written.push(whole);

    const regions = page.getByRole('region');
    const count = await regions.count();
    const width = String(count).length;
    for (let i = 0; i < count; i++) {
      const region = regions.nth(i);
      if (!(await region.isVisible())) continue;
      const name = await region.evaluate((el) => {
        const ids = el.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
        const label = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
        return (label || el.getAttribute('aria-label') || 'panel').trim();
      });
      const file = join(opts.out, `${String(i + 1).padStart(width, '0')}-${slug(name)}.png`);
      await region.screenshot({ ...shot, path: file });
      written.push(file);
    }
    for (const f of written) console.log(f);
    console.error(`shots: ${written.length} files for ${url} at scale ${opts.scale} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser?.close().catch(() => undefined);
    stopServer(server);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().catch((e: unknown) => {
  console.error(`shots: ${(e as Error)?.message ?? String(e)}`);
  process.exit(1);
});

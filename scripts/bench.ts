import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Response } from '@playwright/test';
import { generateDataset } from '../src/testing/generate';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import {
  breakdown,
  clickPlan,
  filterChanges,
  interactionLatency,
  judge,
  median,
  percentile,
  type ClickStep,
  type EventEntry,
  type FilterChange,
  type RenderRecord,
  type SizeLabel,
  type TargetId,
  type Verdict,
} from './bench-plan';
import type { DatasetInput } from '../src/dataset/schema';
import { maxOf } from '../src/lib/bounds';

/**
 * `npm run bench`: builds the app (and a profiling copy of it), generates 1k / 10k / 100k-record
 * datasets, serves them with `vite preview`, and measures in Chromium, on the default dataset and
 * each of those: time to the first full render, filter changes (median and p95), real clicks (to the
 * next paint, to every panel updated, to the page settled), the React render time of each panel per
 * change, peak JS heap, and the gzip size of the JavaScript a first visit loads; then a Lighthouse
 * desktop performance score on the default dataset. Prints tables and the targets met or not, and
 * writes bench-results/latest.json.
 */
const OUT_DIR = '.bench-dist';
/** The profiling copy (React's profiling build, PanelProfiler on), served under this path. */
const PROFILE_BASE = '/profile/';
const VIEWPORT = { width: 1440, height: 900 };
const LIGHTHOUSE_RUNS = 3;
/** Recharts animates a change for 1.5 s; the next change waits for that to end. */
const SETTLE_MS = 1600;
const DEFAULT_DATASET_FILE = 'public/data/briefing.json';
const SIZES: { label: SizeLabel; records: number; seed: number }[] = [
  // Not generated: the dataset the app opens without ?dataset.
  { label: 'default', records: 0, seed: 0 },
  { label: '1k', records: 1_000, seed: 101 },
  { label: '10k', records: 10_000, seed: 102 },
  { label: '100k', records: 100_000, seed: 103 },
];
const LIGHTHOUSE_TARGET = 95;
/** After a click, the page counts as settled once nothing has changed on it for this long. */
const QUIET_MS = 600;

const { values: opts } = parseArgs({
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
  options: {
    sizes: { type: 'string', default: SIZES.map((s) => s.label).join(',') },
    loads: { type: 'string', default: '3' },
    changes: { type: 'string', default: '24' },
    clicks: { type: 'string', default: '12' },
    'profile-changes': { type: 'string', default: '12' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '' },
    'skip-build': { type: 'boolean', default: false },
    'skip-lighthouse': { type: 'boolean', default: false },
  },
});

const log = (msg: string) => console.log(`bench: ${msg}`);

async function freePort(preferred: number | null): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const got = (server.address() as { port: number }).port;
        server.close(() => resolve(got));
      });
    });
  if (preferred !== null) {
    const got = await tryPort(preferred);
    if (got !== null) return got;
  }
  return (await tryPort(0)) as number;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function build(): void {
  log(`building into ${OUT_DIR}/, and a profiling copy into ${OUT_DIR}${PROFILE_BASE}`);
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT_DIR], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
  const profiled = spawnSync(
    'npx',
    ['vite', 'build', '--logLevel', 'error', '--outDir', join(OUT_DIR, PROFILE_BASE), '--base', PROFILE_BASE, '--emptyOutDir'],
    { stdio: 'inherit', env: { ...process.env, BENCH_PROFILE: '1' } },
  );
  if (profiled.status !== 0) throw new Error('vite build (profiling copy) failed');
}

interface SizeData {
  /** The `?dataset=` value, or null for the default dataset. */
  path: string | null;
  bytes: number;
  records: number;
  dataset: DatasetInput;
}

function writeDatasets(sizes: typeof SIZES): Map<string, SizeData> {
  const dir = join(OUT_DIR, 'bench');
  mkdirSync(dir, { recursive: true });
  const out = new Map<string, SizeData>();
  for (const size of sizes) {
    if (size.label === 'default') {
      const json = readFileSync(DEFAULT_DATASET_FILE, 'utf8');
      const dataset = JSON.parse(json) as DatasetInput;
      const records = dataset.events.length + dataset.quotes.length + dataset.aid.length + (dataset.discrepancies ?? []).length;
      out.set(size.label, { path: null, bytes: Buffer.byteLength(json), records, dataset });
      log(`dataset default (${DEFAULT_DATASET_FILE}): ${records} records, ${(Buffer.byteLength(json) / 1e6).toFixed(2)} MB`);
      continue;
    }
    const dataset = generateDataset({ records: size.records, seed: size.seed });
    const json = JSON.stringify(dataset);
    writeFileSync(join(dir, `${size.label}.json`), json);
    out.set(size.label, { path: `/bench/${size.label}.json`, bytes: Buffer.byteLength(json), records: size.records, dataset });
    log(`dataset ${size.label}: ${(Buffer.byteLength(json) / 1e6).toFixed(1)} MB`);
  }
  return out;
}

/** Samples the page's JS heap (main thread) until stopped; returns the peak in bytes. */
function heapSampler(page: Page) {
  let peak = 0;
  let running = true;
  const done = (async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    while (running) {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        if (used > peak) peak = used;
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await cdp.detach().catch(() => undefined);
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return peak;
    },
  };
}

interface LoadResult {
  /** Navigation start to the first commit with data, ms. */
  commit: number;
  /** Navigation start to the end of the first frame painted after it, ms. */
  painted: number;
  /** Navigation start to: the dataset received, checked, indexed (ms). */
  phases: { fetched: number; validated: number; indexed: number };
  scripts: { url: string; bytes: number; gzip: number }[];
}

/** Opens the dashboard and waits until every panel has rendered the data and that frame is painted. */
async function openAndWait(page: Page, url: string): Promise<LoadResult> {
  const scripts: LoadResult['scripts'] = [];
  const pending: Promise<void>[] = [];
  let loading = true;
  const onResponse = (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    const isScript = response.request().resourceType() === 'script' || /javascript/.test(type) || /\.m?js(\?|$)/.test(response.url());
    if (!loading || !isScript) return;
    pending.push(
      response
        .body()
        .then(
          (body) =>
            void scripts.push({ url: new URL(response.url()).pathname, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }),
        )
        .catch(() => undefined),
    );
  };
  page.context().on('response', onResponse);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction("Number(document.documentElement.dataset.rendered || '0') >= 1", null, { timeout: 120_000, polling: 20 });
  const times = (await page.evaluate(`new Promise((resolve) => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const commit = at('dashboard-ready');
    const data = performance.getEntriesByType('resource').find((r) => r.name.includes(${JSON.stringify(new URL(url).searchParams.get('dataset') ?? '/data/')}));
    const phases = { fetched: data ? data.responseEnd : NaN, validated: at('dataset-validated'), indexed: at('dataset-indexed') };
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ commit, painted: performance.now(), phases });
      channel.port2.postMessage(0);
    });
  })`)) as Omit<LoadResult, 'scripts'>;
  loading = false;
  page.context().off('response', onResponse);
  await Promise.all(pending);
  return { ...times, scripts };
}

interface ChangeResult {
  kind: FilterChange['kind'];
  /** performance.now() in the page when the change was made. */
  at: number;
  /** The change to the commit of the updated render. */
  commit: number;
  /** The change to the end of the frame that shows it: script, style, layout and paint. */
  painted: number;
}

/**
 * One filter change, made the way the app's own links make it (history + popstate), at the start of
 * a frame, so that the measured time is the work done before that frame is painted and not the wait
 * for the next vsync.
 */
async function change(page: Page, query: string, kind: FilterChange['kind']): Promise<ChangeResult> {
  const times = (await page.evaluate(`(${IN_PAGE_CHANGE})(${JSON.stringify(query)})`)) as { at: number; commit: number; painted: number };
  return { kind, ...times };
}

// Plain JavaScript run in the page (kept as text so the TypeScript loader adds no helpers to it).
const IN_PAGE_CHANGE = `(q) => new Promise((resolve, reject) => {
  const root = document.documentElement;
  const before = Number(root.dataset.rendered || '0');
  let t0 = 0;
  let commit = NaN;
  let painted = NaN;
  const afterFrame = (then) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(0);
  });
  const finish = () => {
    if (Number.isNaN(commit) || Number.isNaN(painted)) return;
    if (painted < commit) afterFrame(() => resolve({ at: t0, commit: commit - t0, painted: performance.now() - t0 }));
    else resolve({ at: t0, commit: commit - t0, painted: painted - t0 });
  };
  const observer = new MutationObserver(() => {
    if (Number(root.dataset.rendered || '0') <= before) return;
    commit = performance.now();
    observer.disconnect();
    finish();
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-rendered'] });
  setTimeout(() => reject(new Error('no render after changing to ?' + q)), 60000);
  requestAnimationFrame(() => {
    t0 = performance.now();
    history.pushState(null, '', location.pathname + '?' + q);
    dispatchEvent(new PopStateEvent('popstate'));
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      painted = performance.now();
      finish();
    };
    channel.port2.postMessage(0);
  });
})`;

interface ClickResult {
  group: ClickStep['group'];
  /** The browser's Event Timing: the interaction's duration (input to next paint), null under its 16 ms threshold. */
  eventTimingMs: number | null;
  /** Its event handlers' time (processingEnd − processingStart, summed), when reported. */
  handlersMs: number | null;
  /** The click's timestamp to the end of the next frame painted after it: the fallback under 16 ms. */
  frameMs: number;
  /** Click → next paint: the Event Timing duration, else the frame measure. */
  paintMs: number;
  /** Click → the end of the frame that shows every panel updated (NaN if the click changed no panel). */
  panelsMs: number;
  /** Click → the last frame in which anything on the page still changed (DOM or a running CSS animation). */
  settleMs: number;
  /** The longest task between the click and the settled page. */
  longestTaskMs: number;
  /** What changed last before the page settled (a DOM change in a panel, or a running animation). */
  lastChange: string;
}

// Armed before the click, read after it. Plain JavaScript, like IN_PAGE_CHANGE.
const IN_PAGE_CLICK = `(quietMs) => {
  const root = document.documentElement;
  const before = Number(root.dataset.rendered || '0');
  const entries = [];
  const events = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      entries.push({ name: e.name, interactionId: e.interactionId, startTime: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd });
  });
  events.observe({ type: 'event', durationThreshold: 16 });
  let longestTask = 0;
  const tasks = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longestTask = Math.max(longestTask, e.duration);
  });
  try { tasks.observe({ type: 'longtask' }); } catch { /* not supported */ }
  const afterFrame = (then) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(0);
  });
  let t0 = NaN;
  let frame = NaN;
  let panels = NaN;
  let dirty = false;
  let lastBusy = NaN;
  let lastWhat = '';
  const where = (node) => {
    const el = node && node.nodeType === 1 ? node : node && node.parentElement;
    const panel = el && el.closest('section[id], aside[id], nav, header');
    return panel ? (panel.id || panel.tagName.toLowerCase()) : 'page';
  };
  const changes = new MutationObserver((records) => {
    dirty = where(records[records.length - 1].target);
    if (Number.isNaN(panels) && Number(root.dataset.rendered || '0') > before) {
      panels = -1;
      afterFrame(() => (panels = performance.now()));
    }
  });
  changes.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const animating = () => {
    const a = document.getAnimations().find((a) => {
      if (a.playState !== 'running') return false;
      const end = a.effect && a.effect.getComputedTiming().endTime;
      return typeof end === 'number' && Number.isFinite(end);
    });
    return a ? 'animation ' + (a.transitionProperty || a.animationName || a.id || '?') + ' in ' + where(a.effect && a.effect.target) : '';
  };
  window.__benchClick = new Promise((resolve, reject) => {
    addEventListener('click', (event) => {
      t0 = event.timeStamp;
      afterFrame(() => (frame = performance.now()));
      const watch = () => {
        const now = performance.now();
        const busy = dirty ? 'DOM change in ' + dirty : animating();
        if (busy) {
          lastBusy = now;
          lastWhat = busy;
        }
        dirty = false;
        const settled = !Number.isNaN(frame) && panels !== -1 && now - (Number.isNaN(lastBusy) ? t0 : lastBusy) > quietMs;
        if (settled || now - t0 > 10000) {
          events.disconnect();
          changes.disconnect();
          // Event Timing entries are queued after the paint they end at; the settle wait leaves them time.
          for (const e of events.takeRecords())
            entries.push({ name: e.name, interactionId: e.interactionId, startTime: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd });
          tasks.disconnect();
          resolve({
            entries: entries.filter((e) => e.startTime >= t0 - 50),
            frameMs: frame - t0,
            panelsMs: panels > 0 ? panels - t0 : NaN,
            settleMs: (Number.isNaN(lastBusy) ? frame : lastBusy) - t0,
            longestTaskMs: longestTask,
            lastChange: lastWhat,
          });
        } else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    }, { capture: true, once: true });
    setTimeout(() => reject(new Error('the click never arrived')), 30000);
  });
}`;

/** The checkbox of a filter group's option by its name, wherever the list has moved it. */
function filterBox(page: Page, group: ClickStep['group'], name: string) {
  const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page
    .locator('fieldset.filter-group')
    .filter({ has: page.locator('legend', { hasText: new RegExp(`^${group}$`) }) })
    .locator('label.option')
    .filter({ has: page.locator('.option-name', { hasText: exact }) })
    .locator('input[type="checkbox"]')
    .first();
}

async function optionNames(page: Page, group: ClickStep['group']): Promise<string[]> {
  const names = await page
    .locator('fieldset.filter-group')
    .filter({ has: page.locator('legend', { hasText: new RegExp(`^${group}$`) }) })
    .locator('label.option .option-name')
    .allTextContents();
  return names.slice(0, 6);
}

/** A real click (the mouse, at the checkbox's centre) on a filter option, timed in the page. */
async function realClick(page: Page, step: ClickStep, name: string): Promise<ClickResult> {
  const box = filterBox(page, step.group, name);
  await box.scrollIntoViewIfNeeded();
  const bounds = await box.boundingBox();
  if (!bounds) throw new Error(`no ${step.group} checkbox “${name}” on screen`);
  // Pointer over the box first, so the hover it causes is not counted in the click.
  await page.mouse.move(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
  await page.waitForTimeout(300);
  await page.evaluate(`(${IN_PAGE_CLICK})(${QUIET_MS})`);
  await page.mouse.down();
  await page.mouse.up();
  const r = (await page.evaluate('window.__benchClick')) as Omit<ClickResult, 'group' | 'eventTimingMs' | 'handlersMs' | 'paintMs'> & {
    entries: EventEntry[];
  };
  if ((await box.isChecked()) !== step.check)
    throw new Error(`clicking ${step.group} “${name}” did not ${step.check ? 'check' : 'uncheck'} it`);
  const latency = interactionLatency(r.entries);
  return {
    group: step.group,
    eventTimingMs: latency?.durationMs ?? null,
    handlersMs: latency?.processingMs ?? null,
    frameMs: r.frameMs,
    paintMs: latency?.durationMs ?? r.frameMs,
    panelsMs: r.panelsMs,
    settleMs: r.settleMs,
    longestTaskMs: r.longestTaskMs,
    lastChange: r.lastChange,
  };
}

async function clicks(page: Page, n: number): Promise<ClickResult[]> {
  const names = { Sources: await optionNames(page, 'Sources'), Actors: await optionNames(page, 'Actors') };
  const out: ClickResult[] = [];
  // Each click waits until the page has settled after it, so the next needs no pause of its own.
  await page.waitForTimeout(SETTLE_MS);
  for (const step of clickPlan(n, { Sources: names.Sources.length, Actors: names.Actors.length })) {
    out.push(await realClick(page, step, names[step.group][step.nth]));
  }
  return out;
}

/**
 * The profiling copy: each filter change of the plan, and the React time of every profiled part
 * (PanelProfiler ids: each panel, "filters", and "page" for the whole dashboard) during it: to the
 * frame that shows the change ("update"), and until the next change ("all", chart animations included).
 */
async function profileChanges(browser: Browser, base: string, data: SizeData, plan: FilterChange[]) {
  const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error (profiling copy): ${e.message}`));
  const prefix = data.path ? `dataset=${encodeURIComponent(data.path)}&` : '';
  await openAndWait(page, `${base}${PROFILE_BASE}${data.path ? `?dataset=${encodeURIComponent(data.path)}` : ''}`);
  const update: RenderRecord[][] = [];
  const all: RenderRecord[][] = [];
  for (const warm of plan.slice(0, 2)) await change(page, `${prefix}${warm.query}`, warm.kind);
  await page.waitForTimeout(SETTLE_MS);
  for (const step of plan) {
    await page.evaluate('window.__panelRenders = []');
    const c = await change(page, `${prefix}${step.query}`, step.kind);
    await page.waitForTimeout(SETTLE_MS);
    const renders = (await page.evaluate('window.__panelRenders')) as { id: string; ms: number; at: number }[] | undefined;
    if (!renders) throw new Error(`the profiling copy recorded no renders: is ${OUT_DIR}${PROFILE_BASE} built with BENCH_PROFILE=1?`);
    update.push(renders.filter((r) => r.at <= c.at + c.painted));
    all.push(renders);
  }
  await context.close();
  return { update: breakdown(update), all: breakdown(all), n: plan.length };
}

interface SizeResult {
  label: SizeLabel;
  records: number;
  datasetMB: number;
  firstRender: {
    medianMs: number;
    runsMs: number[];
    commitMs: number[];
    /** Medians, from navigation start: dataset received, checked, indexed. */
    phasesMs: { fetched: number; validated: number; indexed: number };
  };
  filterChange: {
    medianMs: number;
    p95Ms: number;
    commitMedianMs: number;
    commitP95Ms: number;
    byKind: Record<string, { medianMs: number; p95Ms: number; n: number }>;
    n: number;
  };
  click: {
    /** Click → next paint (Event Timing, else the frame measure under its 16 ms threshold). */
    paintMedianMs: number;
    paintP95Ms: number;
    /** How many clicks the browser reported an Event Timing entry for (the others took under 16 ms). */
    eventTimingReported: number;
    panelsMedianMs: number;
    panelsP95Ms: number;
    /** The worst click: click → page settled, and the longest task seen. */
    settleMaxMs: number;
    settleMedianMs: number;
    longestTaskMs: number;
    runs: ClickResult[];
  };
  /** React render time per profiled part and change, on the profiling copy. */
  panels: Awaited<ReturnType<typeof profileChanges>> | null;
  heapPeakMB: number;
  firstViewJs: {
    /** Every script loaded until all panels (charts included) were drawn. */
    gzipKB: number;
    rawKB: number;
    /** The scripts index.html loads itself: what runs before the page asks for the dataset. */
    beforeDataGzipKB: number;
    files: { url: string; gzipKB: number; beforeData: boolean }[];
  };
}

async function benchSize(browser: Browser, base: string, size: (typeof SIZES)[number], data: SizeData): Promise<SizeResult> {
  const loads = Math.max(1, Number(opts.loads));
  const runs: LoadResult[] = [];
  let heapPeak = 0;
  const plan = filterChanges(data.dataset, Math.max(20, Number(opts.changes)));
  const changes: ChangeResult[] = [];
  let clicked: ClickResult[] = [];
  const prefix = data.path ? `dataset=${encodeURIComponent(data.path)}&` : '';
  for (let i = 0; i < loads; i++) {
    // The app's CSP forbids eval, which Playwright needs for the in-page timing code.
    const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`page error (${size.label}): ${e.message}`));
    const heap = heapSampler(page);
    const url = `${base}/${data.path ? `?dataset=${encodeURIComponent(data.path)}` : ''}`;
    runs.push(await openAndWait(page, url));
    // Filter changes on the last load only: by then the browser's caches are as warm as a returning user's.
    if (i === loads - 1) {
      for (const warm of plan.slice(0, 3)) await change(page, `${prefix}${warm.query}`, warm.kind);
      for (const step of plan) {
        // As a reader would: the previous change has settled (its chart animations are over).
        await page.waitForTimeout(SETTLE_MS);
        changes.push(await change(page, `${prefix}${step.query}`, step.kind));
      }
      // Back to no filters, then real clicks on the filter checkboxes.
      await page.waitForTimeout(SETTLE_MS);
      await change(page, prefix.replace(/&$/, ''), 'source');
      clicked = await clicks(page, Math.max(0, Number(opts.clicks)));
    }
    heapPeak = Math.max(heapPeak, await heap.stop());
    await context.close();
  }
  const profileN = Math.max(0, Number(opts['profile-changes']));
  const panels = profileN > 0 ? await profileChanges(browser, base, data, plan.slice(0, profileN)) : null;
  const painted = runs.map((r) => r.painted);
  const first = runs[0];
  const gzip = first.scripts.reduce((n, s) => n + s.gzip, 0);
  const raw = first.scripts.reduce((n, s) => n + s.bytes, 0);
  const byKind: SizeResult['filterChange']['byKind'] = {};
  for (const kind of new Set(changes.map((c) => c.kind))) {
    const xs = changes.filter((c) => c.kind === kind).map((c) => c.painted);
    byKind[kind] = { medianMs: median(xs), p95Ms: percentile(xs, 95), n: xs.length };
  }
  const clickPaint = clicked.map((c) => c.paintMs);
  const clickPanels = clicked.map((c) => c.panelsMs).filter(Number.isFinite);
  const settle = clicked.map((c) => c.settleMs);
  return {
    label: size.label,
    records: data.records,
    datasetMB: data.bytes / 1e6,
    firstRender: {
      medianMs: median(painted),
      runsMs: painted,
      commitMs: runs.map((r) => r.commit),
      phasesMs: {
        fetched: median(runs.map((r) => r.phases.fetched)),
        validated: median(runs.map((r) => r.phases.validated)),
        indexed: median(runs.map((r) => r.phases.indexed)),
      },
    },
    filterChange: {
      medianMs: median(changes.map((c) => c.painted)),
      p95Ms: percentile(
        changes.map((c) => c.painted),
        95,
      ),
      commitMedianMs: median(changes.map((c) => c.commit)),
      commitP95Ms: percentile(
        changes.map((c) => c.commit),
        95,
      ),
      byKind,
      n: changes.length,
    },
    click: {
      paintMedianMs: median(clickPaint),
      paintP95Ms: percentile(clickPaint, 95),
      eventTimingReported: clicked.filter((c) => c.eventTimingMs !== null).length,
      panelsMedianMs: median(clickPanels),
      panelsP95Ms: percentile(clickPanels, 95),
      settleMaxMs: settle.length ? maxOf(settle) : Number.NaN,
      settleMedianMs: median(settle),
      longestTaskMs: clicked.length ? maxOf(clicked.map((c) => c.longestTaskMs)) : Number.NaN,
      runs: clicked,
    },
    panels,
    heapPeakMB: heapPeak / 1e6,
    firstViewJs: {
      gzipKB: gzip / 1024,
      rawKB: raw / 1024,
      beforeDataGzipKB: first.scripts.filter((s) => critical(s.url)).reduce((n, s) => n + s.gzip, 0) / 1024,
      files: first.scripts.map((s) => ({ url: s.url, gzipKB: s.gzip / 1024, beforeData: critical(s.url) })),
    },
  };
}

/**
 * Scripts the built index.html loads itself (entry and module preloads): all of them run before the
 * page asks for the dataset. The rest (the validator or its worker, the charts) load alongside it.
 */
let htmlScripts: Set<string> | null = null;
function critical(path: string): boolean {
  htmlScripts ??= new Set(
    [
      ...readFileSync(join(OUT_DIR, 'index.html'), 'utf8').matchAll(
        /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g,
      ),
    ].map((m) => m[1]),
  );
  return htmlScripts.has(path);
}

async function lighthouseScore(url: string) {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const port = await freePort(null);
  const profile = mkdtempSync(join(tmpdir(), 'bench-lh-'));
  const browser = spawn(
    chromiumPath() ?? chromium.executablePath(),
    [...CHROMIUM_ARGS, '--headless=new', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  try {
    await waitFor(`http://127.0.0.1:${port}/json/version`, 30_000);
    const result = await lighthouse(url, { port, output: 'json', onlyCategories: ['performance'], logLevel: 'error' }, desktopConfig);
    if (!result) throw new Error('lighthouse gave no result');
    const lhr = result.lhr;
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      fcpMs: audit('first-contentful-paint'),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      speedIndexMs: audit('speed-index'),
    };
  } finally {
    browser.kill();
    await new Promise((r) => browser.once('exit', r));
    rmSync(profile, { recursive: true, force: true });
  }
}

const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toString() : '–');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');

function grid(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, maxOf(rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (c ?? '').padStart(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function table(results: SizeResult[]): string {
  return grid(
    [
      'records',
      'dataset MB',
      'first render ms',
      'filter change median / p95 ms',
      'click → next paint median / p95 ms',
      'click → panels median ms',
      'click → settled, worst ms',
      'peak JS heap MB',
      'JS KB gzip: before data / all',
    ],
    results.map((r) => [
      r.label === 'default' ? `default (${r.records})` : r.label,
      r.datasetMB < 1 ? r.datasetMB.toFixed(2) : f1(r.datasetMB),
      f0(r.firstRender.medianMs),
      `${f1(r.filterChange.medianMs)} / ${f1(r.filterChange.p95Ms)}`,
      `${f1(r.click.paintMedianMs)} / ${f1(r.click.paintP95Ms)}`,
      f1(r.click.panelsMedianMs),
      f0(r.click.settleMaxMs),
      f0(r.heapPeakMB),
      `${f1(r.firstViewJs.beforeDataGzipKB)} / ${f1(r.firstViewJs.gzipKB)}`,
    ]),
  );
}

/** Per panel, the median React render time of a filter change (to the frame that shows it), one column per size. */
function panelTable(results: SizeResult[]): string {
  const profiled = results.filter((r) => r.panels);
  const ids = [...new Set(profiled.flatMap((r) => r.panels!.update.map((p) => p.id)))];
  const order = (id: string) => (id === 'page' ? 1 : 0);
  ids.sort((a, b) => order(a) - order(b));
  return grid(
    ['panel (React ms per change, median / p95)', ...profiled.map((r) => r.label)],
    ids.map((id) => [
      id === 'page' ? 'page (the whole dashboard)' : id,
      ...profiled.map((r) => {
        const p = r.panels!.update.find((x) => x.id === id);
        return p ? `${f1(p.medianMs)} / ${f1(p.p95Ms)}` : '–';
      }),
    ]),
  );
}

function figures(r: SizeResult): Partial<Record<TargetId, number>> {
  return {
    filterMedianMs: r.filterChange.medianMs,
    clickPaintMedianMs: r.click.paintMedianMs,
    firstRenderMs: r.firstRender.medianMs,
    jsBeforeDataKB: r.firstViewJs.beforeDataGzipKB,
    jsAllKB: r.firstViewJs.gzipKB,
    settleMaxMs: r.click.settleMaxMs,
  };
}

async function main() {
  const started = Date.now();
  // Others' work on the machine shows in every figure; it is recorded with them.
  const loadBefore = loadavg()[0];
  const wanted = new Set(String(opts.sizes).split(','));
  const sizes = SIZES.filter((s) => wanted.has(s.label));
  if (!opts['skip-build']) build();
  else if (!statSync(join(OUT_DIR, PROFILE_BASE), { throwIfNoEntry: false }))
    throw new Error(`${OUT_DIR}/ is missing: run without --skip-build`);
  const data = writeDatasets(sizes);

  const port = await freePort(opts.port ? Number(opts.port) : null);
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = spawn('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stopServer = () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    server = null;
  };
  process.once('SIGINT', () => {
    stopServer();
    process.exit(130);
  });

  const results: SizeResult[] = [];
  let lighthouse: (Awaited<ReturnType<typeof lighthouseScore>> & { runs: number[] }) | null = null;
  try {
    await waitFor(`${base}/`, 60_000);
    log(`serving ${OUT_DIR}/ on ${base}`);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      // One unmeasured visit first, so the first size measured does not also pay for a cold server and browser.
      const warm = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
      await openAndWait(await warm.newPage(), `${base}/`);
      await warm.close();
      for (const size of sizes) {
        log(`measuring ${size.label}…`);
        results.push(await benchSize(browser, base, size, data.get(size.label)!));
        const r = results[results.length - 1];
        log(`${size.label}: first render ${f0(r.firstRender.medianMs)} ms, filter change median ${f1(r.filterChange.medianMs)} ms`);
      }
    } finally {
      await browser.close();
    }
    if (!opts['skip-lighthouse']) {
      // Lighthouse scores vary from run to run; its authors advise the median of several.
      log(`lighthouse (desktop) on the default dataset, ${LIGHTHOUSE_RUNS} runs…`);
      const runs: Awaited<ReturnType<typeof lighthouseScore>>[] = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await lighthouseScore(`${base}/`));
      const mid = [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)];
      lighthouse = { ...mid, runs: runs.map((r) => r.score) };
    }
  } finally {
    stopServer();
  }

  const assets = readdirSync(join(OUT_DIR, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: f, gzipKB: gzipSync(readFileSync(join(OUT_DIR, 'assets', f)), { level: 9 }).length / 1024 }));
  const verdicts = judge(Object.fromEntries(results.map((r) => [r.label, figures(r)])));
  const summary = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', loadAverage1m: { before: loadBefore, after: loadavg()[0] } },
    browser: chromiumPath() ?? 'Playwright Chromium',
    viewport: VIEWPORT,
    targets: verdicts,
    lighthouseTarget: LIGHTHOUSE_TARGET,
    sizes: results,
    lighthouse,
    buildAssets: assets,
    durationS: (Date.now() - started) / 1000,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', `${JSON.stringify(summary, null, 2)}\n`);

  console.log(`\n${table(results)}\n`);
  for (const r of results) {
    const kinds = Object.entries(r.filterChange.byKind)
      .map(([k, v]) => `${k} ${f1(v.medianMs)}/${f1(v.p95Ms)}`)
      .join(', ');
    const ph = r.firstRender.phasesMs;
    console.log(
      `${r.label}: first render: data received ${f0(ph.fetched)} ms, checked ${f0(ph.validated)}, indexed ${f0(ph.indexed)}, panels painted ${f0(r.firstRender.medianMs)}`,
    );
    console.log(
      `${r.label}: filter change by kind (median/p95 ms): ${kinds}; to commit only: ${f1(r.filterChange.commitMedianMs)}/${f1(r.filterChange.commitP95Ms)}`,
    );
    const c = r.click;
    console.log(
      `${r.label}: ${c.runs.length} clicks: Event Timing reported ${c.eventTimingReported} (the rest under 16 ms); click → settled median ${f0(c.settleMedianMs)} ms, worst ${f0(c.settleMaxMs)} ms (last change: ${[...new Set(c.runs.map((x) => x.lastChange))].join('; ')}); longest task ${f0(c.longestTaskMs)} ms`,
    );
  }
  if (lighthouse) {
    console.log(
      `Lighthouse desktop performance: ${lighthouse.score}, median of ${lighthouse.runs.join(', ')} (that run: FCP ${f0(lighthouse.fcpMs)} ms, LCP ${f0(lighthouse.lcpMs)} ms, TBT ${f0(lighthouse.tbtMs)} ms, CLS ${lighthouse.cls.toFixed(3)}, SI ${f0(lighthouse.speedIndexMs)} ms)`,
    );
  }
  if (results.some((r) => r.panels)) console.log(`\n${panelTable(results)}\n`);
  console.log(`\n${checkTargets(verdicts, lighthouse).join('\n')}`);
  console.log(
    `\nwrote bench-results/latest.json (${summary.durationS.toFixed(0)} s; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after, on ${cpus().length} cores)`,
  );
}

function checkTargets(verdicts: Verdict[], lh: { score: number } | null): string[] {
  const mark = (ok: boolean) => (ok ? 'met    ' : 'NOT MET');
  const unit = (target: TargetId) => (target.endsWith('KB') ? 'KB' : 'ms');
  const lines = verdicts.map(
    (v) =>
      `${mark(v.met)} ${v.what} (${v.size}) ≤ ${v.max} ${unit(v.target)}: ${unit(v.target) === 'KB' ? f1(v.value) : f1(v.value)} ${unit(v.target)}`,
  );
  if (lh) lines.push(`${mark(lh.score >= LIGHTHOUSE_TARGET)} Lighthouse desktop ≥ ${LIGHTHOUSE_TARGET}: ${lh.score}`);
  return lines;
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
});
